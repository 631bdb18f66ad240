"""Reference and naive solutions for topic 05: Big-O notation."""

# %% solution: min_gap
def min_gap(nums):
    ordered = sorted(nums)                  # O(n log n)
    best = ordered[1] - ordered[0]
    for i in range(2, len(ordered)):        # O(n): only neighbours can be closest
        gap = ordered[i] - ordered[i - 1]
        if gap < best:
            best = gap
    return best


# %% naive: min_gap
# time: O(n^2)
def min_gap(nums):
    best = abs(nums[0] - nums[1])
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):   # every pair: n*(n-1)/2 of them
            best = min(best, abs(nums[i] - nums[j]))
    return best


# %% solution: longest_streak
def longest_streak(nums):
    values = set(nums)
    best = 0
    for x in values:
        if x - 1 in values:                 # not the start of a run
            continue
        length = 1
        while x + length in values:         # each value is counted from one start only
            length += 1
        best = max(best, length)
    return best


# %% naive: longest_streak
# time: O(n^2)
def longest_streak(nums):
    values = set(nums)
    best = 0
    for x in values:
        length = 1
        while x + length in values:         # from every value, even mid-run
            length += 1
        best = max(best, length)
    return best


# %% solution: insertion_sort_moves
def insertion_sort_moves(nums):
    def sort_count(items):
        # Returns (sorted copy of items, moves inside items).
        if len(items) < 2:
            return items, 0
        mid = len(items) // 2
        left, moves_left = sort_count(items[:mid])
        right, moves_right = sort_count(items[mid:])
        merged, moves = [], moves_left + moves_right
        i = j = 0
        while i < len(left) and j < len(right):
            if right[j] < left[i]:
                merged.append(right[j])
                j += 1
                moves += len(left) - i      # it passes every left item still waiting
            else:
                merged.append(left[i])
                i += 1
        merged.extend(left[i:])
        merged.extend(right[j:])
        return merged, moves

    return sort_count(list(nums))[1]


# %% naive: insertion_sort_moves
# time: O(n^2)
def insertion_sort_moves(nums):
    items = list(nums)
    moves = 0
    for i in range(1, len(items)):
        x = items[i]
        j = i - 1
        while j >= 0 and items[j] > x:      # O(n) per item on reversed input
            items[j + 1] = items[j]
            j -= 1
            moves += 1
        items[j + 1] = x
    return moves


# %% solution: count_in_range
import bisect


def count_in_range(sorted_nums, lo, hi):
    if lo > hi:
        return 0
    return bisect.bisect_right(sorted_nums, hi) - bisect.bisect_left(sorted_nums, lo)


# %% naive: count_in_range
# time: O(n)
def count_in_range(sorted_nums, lo, hi):
    return sum(1 for x in sorted_nums if lo <= x <= hi)


# %% solution: list_resizes
def list_resizes(n):
    capacity = 0
    resizes = 0
    while capacity < n:
        # The list is full at `capacity` items; the next append needs one more.
        newsize = capacity + 1
        capacity = (newsize + (newsize >> 3) + 6) & ~3
        resizes += 1
    return resizes


# %% naive: list_resizes
# time: O(n)
def list_resizes(n):
    capacity = 0
    resizes = 0
    for length in range(1, n + 1):
        if length > capacity:
            capacity = (length + (length >> 3) + 6) & ~3
            resizes += 1
    return resizes


# %% solution: big_o_of_polynomial
def big_o_of_polynomial(coeffs):
    degree = len(coeffs) - 1
    while degree > 0 and coeffs[degree] == 0:
        degree -= 1
    if degree == 0:
        return "O(1)"
    if degree == 1:
        return "O(n)"
    return f"O(n^{degree})"
