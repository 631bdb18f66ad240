from math import gcd


def rotate_left(items, k):
    n = len(items)
    if not n:
        return items
    k %= n
    if k == 0:
        return items
    # move items along gcd(n, k) cycles, one spare variable at a time
    for start in range(gcd(n, k)):
        spare = items[start]
        i = start
        while True:
            j = i + k
            if j >= n:
                j -= n
            if j == start:
                break
            items[i] = items[j]
            i = j
        items[i] = spare
    return items
