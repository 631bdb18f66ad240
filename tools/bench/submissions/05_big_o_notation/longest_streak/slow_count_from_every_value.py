def longest_streak(nums):
    values = set(nums)
    best = 0
    for x in nums:
        n = 0
        while x + n in values:
            n += 1
        if n > best:
            best = n
    return best
