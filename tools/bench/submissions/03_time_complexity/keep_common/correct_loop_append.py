def keep_common(a, b):
    lookup = {}
    for item in b:
        lookup[item] = True
    result = []
    for item in a:
        if item in lookup:
            result.append(item)
    return result
