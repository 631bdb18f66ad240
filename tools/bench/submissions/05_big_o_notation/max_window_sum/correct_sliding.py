def max_window_sum(nums, k):
    cur = 0
    for i in range(k):
        cur += nums[i]
    best = cur
    for i in range(k, len(nums)):
        cur += nums[i] - nums[i - k]
        if cur > best:
            best = cur
    return best
