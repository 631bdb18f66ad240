from bisect import bisect_left, bisect_right


def count_in_range(sorted_nums, lo, hi):
    if hi < lo:
        return 0
    return bisect_right(sorted_nums, hi) - bisect_left(sorted_nums, lo)
