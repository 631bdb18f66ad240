from itertools import combinations


def min_gap(nums):
    return min(abs(a - b) for a, b in combinations(nums, 2))
