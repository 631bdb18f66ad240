def common_items(a, b):
    return list(filter(frozenset(b).__contains__, a))
