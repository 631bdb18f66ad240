def freeze(obj):
    kind = type(obj)
    if kind is list or kind is tuple:
        items = []
        for item in obj:
            items.append(freeze(item))
        return tuple(items)
    elif kind is set:
        return frozenset(obj)
    elif kind is dict:
        pairs = set()
        for key in obj:
            pairs.add((key, freeze(obj[key])))
        return frozenset(pairs)
    else:
        return obj
