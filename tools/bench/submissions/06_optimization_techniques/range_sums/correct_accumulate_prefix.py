from itertools import accumulate


def range_sums(values, queries):
    prefix = [0] + list(accumulate(values))
    return [prefix[stop] - prefix[start] for start, stop in queries]
