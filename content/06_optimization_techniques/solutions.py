"""Reference solutions (and the slow-but-correct versions they replace) for
topic 06: optimization techniques."""

# %% solution: max_loot
from functools import cache


def max_loot(values):
    @cache
    def best(i):
        # Best total using values[i:]; each i is computed once, then cached.
        if i >= len(values):
            return 0
        return max(best(i + 1), values[i] + best(i + 2))

    return best(0)


# %% naive: max_loot
# time: O(2^n)
def max_loot(values):
    def best(i):
        if i >= len(values):
            return 0
        # Two recursive calls per level and no memory of earlier answers: the
        # calls grow like the Fibonacci numbers, about 1.618 times per extra
        # item. Exponential, Theta(phi^n); O(2^n) above is the nearest class
        # the checker names.
        return max(best(i + 1), values[i] + best(i + 2))

    return best(0)


# %% solution: above_average
def above_average(nums):
    if not nums:
        return []
    mean = sum(nums) / len(nums)      # hoisted: computed once
    return [x for x in nums if x > mean]


# %% naive: above_average
# time: O(n^2)
def above_average(nums):
    return [x for x in nums if x > sum(nums) / len(nums)]


# %% solution: self_times
def self_times(events):
    own = {}
    stack = []                        # [name, call time, time of direct children]
    for time, kind, name in events:
        if kind == "call":
            stack.append([name, time, 0])
            continue
        name, start, children = stack.pop()
        elapsed = time - start
        own[name] = own.get(name, 0) + elapsed - children
        if stack:
            stack[-1][2] += elapsed   # the caller spent this time in a child
    return own


# %% naive: self_times
# time: O(n^2)
def self_times(events):
    own = {}
    for i, (start, kind, name) in enumerate(events):
        if kind != "call":
            continue
        depth, children = 0, 0
        for j in range(i + 1, len(events)):     # scan ahead to this call's return
            time, kind_j, _ = events[j]
            if kind_j == "call":
                if depth == 0:
                    child_start = time
                depth += 1
            else:
                if depth == 0:
                    own[name] = own.get(name, 0) + (time - start) - children
                    break
                depth -= 1
                if depth == 0:
                    children += time - child_start
    return own


# %% solution: range_sums
from itertools import accumulate


def range_sums(values, queries):
    prefix = [0, *accumulate(values)]  # prefix[i] == sum(values[:i])
    return [prefix[stop] - prefix[start] for start, stop in queries]


# %% naive: range_sums
# time: O(n^2)
def range_sums(values, queries):
    return [sum(values[start:stop]) for start, stop in queries]


# %% solution: running_max
from itertools import accumulate


def running_max(values):
    return list(accumulate(values, max))


# %% naive: running_max
# time: O(n^2)
def running_max(values):
    return [max(values[:i + 1]) for i in range(len(values))]


# %% solution: hot_spots
from collections import defaultdict


def hot_spots(rows, k):
    totals = defaultdict(int)
    for name, micros in rows:
        totals[name] += micros
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:k]
