def list_resizes(n, capacity=0):
    # about log(n) / log(1.125) levels deep: fine for any n we'll see
    if capacity >= n:
        return 0
    newsize = capacity + 1
    return 1 + list_resizes(n, (newsize + (newsize >> 3) + 6) & ~3)
