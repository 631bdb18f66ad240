def count_pairs_with_sum(nums, target):
    values = set(nums)
    count = 0
    for x in values:
        if target - x in values:
            count += 1
    return count // 2
