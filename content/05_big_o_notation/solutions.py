"""Reference and naive solutions for topic 05: Big-O notation."""

# %% solution: dedupe_keep_order
def dedupe_keep_order(items):
    seen = set()
    result = []
    for x in items:
        if x not in seen:          # set membership: O(1) on average
            seen.add(x)
            result.append(x)
    return result


# %% naive: dedupe_keep_order
# time: O(n^2)
def dedupe_keep_order(items):
    result = []
    for x in items:
        if x not in result:        # list membership: O(len(result))
            result.append(x)
    return result


# %% solution: count_pairs_with_sum
def count_pairs_with_sum(nums, target):
    seen = {}                      # value -> how many times seen so far
    pairs = 0
    for x in nums:
        pairs += seen.get(target - x, 0)
        seen[x] = seen.get(x, 0) + 1
    return pairs


# %% naive: count_pairs_with_sum
# time: O(n^2)
def count_pairs_with_sum(nums, target):
    pairs = 0
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                pairs += 1
    return pairs


# %% solution: max_window_sum
def max_window_sum(nums, k):
    window = 0
    for i in range(k):                      # no slice: a slice would copy k items
        window += nums[i]
    best = window
    for i in range(k, len(nums)):
        window += nums[i] - nums[i - k]    # one item enters, one leaves
        if window > best:
            best = window
    return best


# %% naive: max_window_sum
# time: O(n^2)
def max_window_sum(nums, k):
    return max(sum(nums[i:i + k]) for i in range(len(nums) - k + 1))


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
