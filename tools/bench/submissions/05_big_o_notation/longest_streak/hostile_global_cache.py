_answers = {}


def longest_streak(nums):
    key = tuple(nums)
    if key not in _answers:
        ordered = sorted(set(nums))
        best = 0
        for i in range(len(ordered)):
            j = i + 1
            while j < len(ordered) and ordered[j] == ordered[j - 1] + 1:
                j += 1                 # walks the rest of the run from every start
            best = max(best, j - i)
        _answers[key] = best
    return _answers[key]
