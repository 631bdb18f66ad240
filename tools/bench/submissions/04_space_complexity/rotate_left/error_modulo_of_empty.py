def rotate_left(items, k):
    k = k % len(items)
    items.reverse()
    items[:len(items) - k] = reversed(items[:len(items) - k])
    items[len(items) - k:] = reversed(items[len(items) - k:])
    return items
