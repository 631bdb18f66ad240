def above_average(nums):
    return [x for x in nums if x > sum(nums) / len(nums)]
