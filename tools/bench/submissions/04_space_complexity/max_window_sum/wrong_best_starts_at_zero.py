def max_window_sum(items, k):
    best = 0
    window = 0
    for i, x in enumerate(items):
        window += x
        if i >= k:
            window -= items[i - k]
        if i >= k - 1 and window > best:
            best = window
    return best
