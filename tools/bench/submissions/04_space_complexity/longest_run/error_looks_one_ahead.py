def longest_run(data):
    best = 0
    run = 1
    for i in range(len(data)):
        if data[i] == data[i + 1]:
            run += 1
        else:
            best = max(best, run)
            run = 1
    return best
