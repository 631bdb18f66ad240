def count_in_range(sorted_nums, lo, hi):
    def first_index(pred):
        # smallest i with pred(sorted_nums[i]) true, or len if none
        left, right = 0, len(sorted_nums)
        while left < right:
            mid = (left + right) // 2
            if pred(sorted_nums[mid]):
                right = mid
            else:
                left = mid + 1
        return left

    start = first_index(lambda x: x >= lo)
    stop = first_index(lambda x: x > hi)
    return max(0, stop - start)
