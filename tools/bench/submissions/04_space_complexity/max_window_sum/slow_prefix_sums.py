def max_window_sum(items, k):
    prefix = [0]
    for x in items:
        prefix.append(prefix[-1] + x)
    return max(prefix[i + k] - prefix[i] for i in range(len(items) - k + 1))
