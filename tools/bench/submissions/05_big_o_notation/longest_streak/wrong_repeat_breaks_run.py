def longest_streak(nums):
    if not nums:
        return 0
    s = sorted(nums)
    best = run = 1
    for prev, x in zip(s, s[1:]):
        if x == prev + 1:
            run += 1
        else:
            run = 1               # a repeated value ends the run too
        best = max(best, run)
    return best
