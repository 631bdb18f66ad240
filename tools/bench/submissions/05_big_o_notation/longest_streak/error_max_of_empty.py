def longest_streak(nums):
    values = set(nums)
    lengths = []
    for x in values:
        if x - 1 not in values:
            n = 1
            while x + n in values:
                n += 1
            lengths.append(n)
    return max(lengths)
