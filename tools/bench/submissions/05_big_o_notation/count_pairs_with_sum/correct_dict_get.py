def count_pairs_with_sum(nums, target):
    seen = {}
    pairs = 0
    for x in nums:
        need = target - x
        if need in seen:
            pairs += seen[need]
        seen[x] = seen.get(x, 0) + 1
    return pairs
