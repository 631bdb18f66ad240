def count_pairs(nums, target):
    seen = {}
    pairs = 0
    for x in nums:
        pairs += seen.get(target - x)
        seen[x] = seen.get(x, 0) + 1
    return pairs
