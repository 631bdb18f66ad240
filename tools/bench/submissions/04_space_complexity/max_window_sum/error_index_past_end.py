def max_window_sum(items, k):
    window = 0
    for i in range(k):
        window += items[i]
    best = window
    for i in range(len(items) - k + 1):
        window += items[i + k] - items[i]
        best = max(best, window)
    return best
