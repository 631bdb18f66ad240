from collections import defaultdict


def count_pairs_with_sum(nums, target):
    counts = defaultdict(int)
    result = 0
    for value in nums:
        result += counts[target - value]
        counts[value] += 1
    return result
