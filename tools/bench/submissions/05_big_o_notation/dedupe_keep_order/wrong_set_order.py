def dedupe_keep_order(items):
    return list(set(items))
