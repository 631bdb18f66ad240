def keep_common(a, b):
    return list(set(a) & set(b))
