from itertools import groupby


def longest_run(data):
    best = 0
    for _, group in groupby(data):
        length = sum(1 for _ in group)
        if length > best:
            best = length
    return best
