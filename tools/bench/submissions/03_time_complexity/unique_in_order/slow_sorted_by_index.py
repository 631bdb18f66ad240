def unique_in_order(items):
    return sorted(set(items), key=items.index)
