def rotate_left(items, k):
    n = len(items)
    if n == 0:
        return items
    k = k % n

    def flip(i, j):
        j -= 1
        while i < j:
            items[i], items[j] = items[j], items[i]
            i += 1
            j -= 1

    flip(0, k)
    flip(k, n)
    flip(0, n)
    return items
