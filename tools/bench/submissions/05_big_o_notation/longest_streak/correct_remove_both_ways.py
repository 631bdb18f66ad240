def longest_streak(nums):
    left = set(nums)
    best = 0
    while left:
        x = left.pop()
        low, high = x - 1, x + 1
        while low in left:          # every value is removed once, so O(n) in all
            left.remove(low)
            low -= 1
        while high in left:
            left.remove(high)
            high += 1
        best = max(best, high - low - 1)
    return best
