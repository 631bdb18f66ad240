def freeze(obj):
    if isinstance(obj, (list, tuple)):
        return tuple(freeze(x) for x in obj)
    if isinstance(obj, set):
        return frozenset(obj)
    if isinstance(obj, dict):
        # sorted so the order is always the same
        return tuple(sorted((k, freeze(v)) for k, v in obj.items()))
    return obj
