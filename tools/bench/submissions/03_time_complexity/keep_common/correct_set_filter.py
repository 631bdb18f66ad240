def keep_common(a, b):
    in_b = set(b)
    return [x for x in a if x in in_b]
