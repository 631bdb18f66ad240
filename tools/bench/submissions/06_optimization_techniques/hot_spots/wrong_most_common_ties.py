from collections import Counter


def hot_spots(rows, k):
    c = Counter()
    for name, t in rows:
        c[name] += t
    return c.most_common(k)
