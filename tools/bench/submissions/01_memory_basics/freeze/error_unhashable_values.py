def freeze(obj):
    if isinstance(obj, list) or isinstance(obj, tuple):
        return tuple(map(freeze, obj))
    if isinstance(obj, set):
        return frozenset(obj)
    if isinstance(obj, dict):
        return frozenset(obj.items())   # the values get frozen later...?
    return obj
