def unique_in_order(items):
    return list(set(items))
