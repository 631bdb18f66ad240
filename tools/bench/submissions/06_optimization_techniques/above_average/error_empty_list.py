def above_average(nums):
    mean = sum(nums) / len(nums)
    return [x for x in nums if x > mean]
