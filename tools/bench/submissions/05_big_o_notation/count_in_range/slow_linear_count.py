def count_in_range(sorted_nums, lo, hi):
    count = 0
    for x in sorted_nums:
        if x > hi:
            break
        if x >= lo:
            count += 1
    return count
