import itertools


def longest_run(data):
    runs = [len(list(g)) for k, g in itertools.groupby(data)]
    return max(runs) if runs else 0
