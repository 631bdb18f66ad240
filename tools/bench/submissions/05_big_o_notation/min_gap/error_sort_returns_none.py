def min_gap(nums):
    s = nums.sort()
    best = s[1] - s[0]
    for i in range(2, len(s)):
        best = min(best, s[i] - s[i - 1])
    return best
