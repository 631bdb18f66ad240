def min_gap(nums):
    # sort the distinct values, then look at neighbours
    s = sorted(set(nums))
    best = s[-1] - s[0]
    for a, b in zip(s, s[1:]):
        best = min(best, b - a)
    return best
