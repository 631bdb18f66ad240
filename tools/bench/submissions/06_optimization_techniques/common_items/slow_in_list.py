def common_items(a, b):
    result = []
    for x in a:
        if x in b:
            result.append(x)
    return result
