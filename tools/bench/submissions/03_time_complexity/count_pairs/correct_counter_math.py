from collections import Counter


def count_pairs(nums, target):
    c = Counter(nums)
    pairs = 0
    for v in c:
        w = target - v
        if v < w:
            pairs += c[v] * c.get(w, 0)
        elif v == w:
            pairs += c[v] * (c[v] - 1) // 2   # choose 2 of the equal ones
    return pairs
