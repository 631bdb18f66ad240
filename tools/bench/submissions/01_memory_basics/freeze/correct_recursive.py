def freeze(obj):
    if isinstance(obj, (list, tuple)):
        return tuple(freeze(x) for x in obj)
    if isinstance(obj, set):
        return frozenset(obj)
    if isinstance(obj, dict):
        return frozenset((k, freeze(v)) for k, v in obj.items())
    return obj
