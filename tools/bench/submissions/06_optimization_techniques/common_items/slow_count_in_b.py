def common_items(a, b):
    return [x for x in a if b.count(x) > 0]
