def dedupe_keep_order(items):
    return list(dict.fromkeys(items))
