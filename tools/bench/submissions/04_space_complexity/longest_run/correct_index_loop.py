def longest_run(data):
    if not data:
        return 0
    best = run = 1
    for i in range(1, len(data)):
        if data[i] == data[i - 1]:
            run += 1
            if run > best:
                best = run
        else:
            run = 1
    return best
