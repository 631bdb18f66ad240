def longest_run(data):
    best = 0
    count = 0
    last = None
    for b in data:
        if b == last:
            count += 1
        else:
            best = max(best, count)
            count = 1
            last = b
    return best
