def max_window_sum(items, k):
    best = None
    for i in range(len(items) - k + 1):
        s = sum(items[i:i + k])
        if best is None or s > best:
            best = s
    return best
