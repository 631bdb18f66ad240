def max_window_sum(items, k):
    window = sum(items[i] for i in range(k))
    best = window
    for i in range(k, len(items)):
        window = window + items[i] - items[i - k]
        best = max(best, window)
    return best
