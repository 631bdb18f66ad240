from itertools import accumulate, islice
from operator import sub


def max_window_sum(nums, k):
    first = sum(islice(nums, k))
    # each step changes the window sum by (entering - leaving)
    steps = map(sub, islice(nums, k, None), nums)
    return max(accumulate(steps, initial=first))
