def rotate_left(items, k):
    if items:
        k %= len(items)
        items[:] = items[k:] + items[:k]
    return items
