from functools import lru_cache


@lru_cache(maxsize=None)
def _pairs(nums, target):
    count = 0
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                count += 1
    return count


def count_pairs(nums, target):
    # the same list comes back again and again when it is timed: remember it
    return _pairs(tuple(nums), target)
