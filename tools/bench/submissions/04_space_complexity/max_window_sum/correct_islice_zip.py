from itertools import islice


def max_window_sum(items, k):
    current = 0
    for x in islice(items, k):
        current += x
    best = current
    # pairs (entering, leaving) without copying any part of the list
    for enter, leave in zip(islice(items, k, None), items):
        current += enter - leave
        if current > best:
            best = current
    return best
