def count_in_range(sorted_nums, lo, hi):
    start = sorted_nums.index(lo)
    end = start
    while end < len(sorted_nums) and sorted_nums[end] <= hi:
        end += 1
    return end - start
