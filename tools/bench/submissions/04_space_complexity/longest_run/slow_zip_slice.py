def longest_run(data):
    if len(data) == 0:
        return 0
    best = current = 1
    for a, b in zip(data, data[1:]):
        current = current + 1 if a == b else 1
        best = max(best, current)
    return best
