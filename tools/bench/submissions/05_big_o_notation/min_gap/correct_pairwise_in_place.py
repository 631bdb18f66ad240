from itertools import pairwise


def min_gap(nums):
    nums.sort()
    return min(later - earlier for earlier, later in pairwise(nums))
