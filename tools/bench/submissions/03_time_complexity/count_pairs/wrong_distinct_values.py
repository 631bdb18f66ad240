def count_pairs(nums, target):
    values = set(nums)
    found = 0
    for v in values:
        if target - v in values and v < target - v:
            found += 1
    return found
