_answers = {}


def count_pairs_with_sum(nums, target):
    key = (tuple(nums), target)
    if key in _answers:
        return _answers[key]
    count = 0
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                count += 1
    _answers[key] = count
    return count
