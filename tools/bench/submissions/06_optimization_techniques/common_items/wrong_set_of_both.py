def common_items(a, b):
    both = set(a) & set(b)
    return [x for x in both]
