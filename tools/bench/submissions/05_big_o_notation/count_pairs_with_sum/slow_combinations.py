from itertools import combinations


def count_pairs_with_sum(nums, target):
    return sum(1 for a, b in combinations(nums, 2) if a + b == target)
