from collections import counter


def count_pairs_with_sum(nums, target):
    c = counter()
    total = 0
    for x in nums:
        total += c[target - x]
        c[x] += 1
    return total
