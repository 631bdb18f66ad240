def unique_in_order(items):
    result = []
    for x in items:
        if x not in result:
            result.append(x)
    return result
