def rotate_left(items, k):
    if not items:
        return items
    for _ in range(k % len(items)):
        items.append(items.pop(0))
    return items
