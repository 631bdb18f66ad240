import bisect


def count_in_range(sorted_nums, lo, hi):
    if lo > hi:
        return 0
    return bisect.bisect_left(sorted_nums, hi) - bisect.bisect_left(sorted_nums, lo)
