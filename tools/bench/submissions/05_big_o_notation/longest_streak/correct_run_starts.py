def longest_streak(nums):
    values = set(nums)
    best = 0
    for x in values:
        if x - 1 not in values:
            end = x + 1
            while end in values:
                end += 1
            best = max(best, end - x)
    return best
