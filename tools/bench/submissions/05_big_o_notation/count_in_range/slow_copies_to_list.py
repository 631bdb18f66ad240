import bisect


def count_in_range(sorted_nums, lo, hi):
    nums = list(sorted_nums)   # make sure it's a real list for bisect
    if lo > hi:
        return 0
    return bisect.bisect_right(nums, hi) - bisect.bisect_left(nums, lo)
