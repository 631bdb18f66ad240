def freeze(obj):
    if type(obj) in (list, tuple):
        return tuple(obj)          # a tuple can't change, so that's frozen
    if type(obj) is set:
        return frozenset(obj)
    if type(obj) is dict:
        return frozenset((k, freeze(v)) for k, v in obj.items())
    return obj
