def min_gap(nums):
    s = sorted(nums)
    return min(b - a for a, b in zip(s, s[1:]))
