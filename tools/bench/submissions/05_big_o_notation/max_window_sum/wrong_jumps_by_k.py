def max_window_sum(nums, k):
    best = None
    for start in range(0, len(nums) - k + 1, k):    # window by window
        s = sum(nums[start:start + k])
        if best is None or s > best:
            best = s
    return best
