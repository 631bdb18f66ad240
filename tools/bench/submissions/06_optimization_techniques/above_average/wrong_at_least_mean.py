def above_average(nums):
    if not nums:
        return []
    mean = sum(nums) / len(nums)
    return [x for x in nums if x >= mean]
