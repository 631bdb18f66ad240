def keep_common(a, b):
    return [x for x in a if x in b]
