import statistics


def above_average(nums):
    if len(nums) == 0:
        return []
    avg = statistics.fmean(nums)
    result = []
    for n in nums:
        if n > avg:
            result.append(n)
    return result
