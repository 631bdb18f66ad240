def keep_common(a, b):
    wanted = set(b)
    return [x for x in a if x in wnated]
