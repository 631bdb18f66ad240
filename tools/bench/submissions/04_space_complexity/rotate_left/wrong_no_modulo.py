def rotate_left(items, k):
    items[:] = items[k:] + items[:k]
    return items
