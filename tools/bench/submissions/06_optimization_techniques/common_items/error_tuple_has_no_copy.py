def common_items(a, b):
    keep = set(b)
    result = a.copy()
    for x in a:
        if x not in keep:
            result.remove(x)
    return result
