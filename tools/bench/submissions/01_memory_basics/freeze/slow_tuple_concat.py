def freeze(obj):
    if isinstance(obj, (list, tuple)):
        result = ()
        for item in obj:
            result = result + (freeze(item),)   # tuples are immutable so rebuild
        return result
    if isinstance(obj, set):
        return frozenset(obj)
    if isinstance(obj, dict):
        return frozenset((k, freeze(v)) for k, v in obj.items())
    return obj
