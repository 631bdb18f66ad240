def max_window_sum(nums, k):
    return max(sum(nums[i:i + k]) for i in range(len(nums) - k))
