def list_resizes(n):
    capacity = 0
    resizes = 0
    for size in range(1, n + 1):
        if size > capacity:
            capacity = (size + (size >> 3) + 6) & ~3
            resizes += 1
    return resizes
