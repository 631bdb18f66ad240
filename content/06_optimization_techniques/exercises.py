"""Exercises for topic 06: optimization techniques.

Each exercise is a stub cell (edit it) followed by its check cell. Every stub
here has a correct-but-slow version that is easy to write; the checks measure
how your function's time grows, so aim for the stated class.
"""

# %% exercise: max_loot
# title: Best non-adjacent total (memoize it)
# time: O(n)
# space: O(n)
def max_loot(values):
    """Return the largest total you can collect from values (a list of
    non-negative ints) if you may never take two neighbouring items.

    max_loot([2, 7, 9, 3, 1]) == 12   # 2 + 9 + 1
    max_loot([]) == 0

    The natural recursion "skip item i, or take it and skip i + 1" is correct
    but solves the same sub-problems over and over: exponential time. Aim for
    O(n): cache each sub-answer (functools.cache) or build them bottom-up.
    """
    raise NotImplementedError


# %% check: max_loot
TESTS = [
    (([],), 0),
    (([7],), 7),
    (([2, 7, 9, 3, 1],), 12),
    (([5, 1, 1, 5],), 10),
    (([2, 1, 1, 2],), 4),
    (([0, 0, 0],), 0),
    (([4, 10, 3, 1, 5],), 15),
]
SIZES = [3, 7, 11, 15, 19, 23, 27]


def make_input(n, seed=0):
    """Any list works: the naive recursion always explores the whole tree.
    The seed picks the values, from 1 to 10."""
    import random

    rng = random.Random(f"{n}:{seed}")
    return ([rng.randint(1, 10) for _ in range(n)],)


# %% exercise: above_average
# title: Items above the mean (hoist it)
# time: O(n)
# space: O(n)
def above_average(nums):
    """Return, in their original order, the numbers in nums that are strictly
    greater than the mean of nums. An empty list gives [].

    above_average([3, 1, 3, 2]) == [3, 3]     # the mean is 2.25

    Writing the mean inside the comprehension recomputes it for every item:
    O(n^2). The mean does not change, so compute it once. Aim for O(n).
    """
    raise NotImplementedError


# %% check: above_average
TESTS = [
    (([1, 2, 3, 4],), [3, 4]),
    (([3, 1, 3, 2],), [3, 3]),
    (([],), []),
    (([5, 5, 5],), []),
    (([-1, 0, 1, 10],), [10]),
    (([0.5, 1.5],), [1.5]),
]
SIZES = [500, 1000, 2000, 4000, 8000]


def make_input(n, seed=0):
    """Every item forces the naive version to re-sum the whole list.
    The seed picks the pattern of values."""
    import random

    rng = random.Random(f"{n}:{seed}")
    step, shift = rng.choice((37, 41, 53, 97)), rng.randrange(1000)
    return ([(i * step + shift) % 1000 for i in range(n)],)


# %% exercise: self_times
# title: Own time from a call trace
# time: O(n)
# space: O(n)
def self_times(events):
    """events is what a deterministic profiler records: (time, kind, name)
    tuples in time order, kind "call" or "return", times in whole
    microseconds. Calls nest properly: every "return" ends the most recent
    call that has not returned yet, and names it.

    Return {name: own time}. A call's own time (cProfile's tottime) is its
    return time minus its call time, minus the time of the calls it made
    directly. A name's own times add up over all its calls.

    events = [(0, "call", "main"), (2, "call", "load"),
              (7, "return", "load"), (10, "return", "main")]
    self_times(events) == {"main": 5, "load": 5}

    Aim for O(n) in the number of events: keep the open calls on a stack.
    Finding each call's return and its children by scanning the events
    again is correct, but O(n^2) when calls nest deeply (recursion).
    """
    raise NotImplementedError


# %% check: self_times
TESTS = [
    (([(0, "call", "main"), (2, "call", "load"), (7, "return", "load"),
       (10, "return", "main")],), {"main": 5, "load": 5}),
    (([],), {}),
    (([(3, "call", "f"), (3, "return", "f")],), {"f": 0}),
    (([(0, "call", "f"), (1, "call", "f"), (3, "return", "f"),
       (6, "return", "f")],), {"f": 6}),
    (([(0, "call", "main"), (1, "call", "a"), (2, "return", "a"), (4, "call", "b"),
       (8, "return", "b"), (9, "call", "a"), (12, "return", "a"),
       (20, "return", "main")],), {"main": 12, "a": 4, "b": 4}),
    (([(0, "call", "run"), (1, "call", "parse"), (2, "call", "tokens"),
       (5, "return", "tokens"), (6, "return", "parse"), (10, "return", "run"),
       (11, "call", "run"), (12, "return", "run")],), {"run": 6, "parse": 2, "tokens": 3}),
]
SIZES = [500, 1000, 2000, 4000, 8000]


def make_input(n, seed=0):
    """About n events from one deep recursion: a chain of calls, each inside
    the one before, about n/2 levels deep, then every return. Scanning from
    each call to its return reads the rest of the chain every time.

    The seed picks the names (two or three that take turns), the time
    steps, and one to four short calls made at the bottom of the chain.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    names = rng.choice((("walk", "visit"), ("parse", "expr", "term"), ("f", "g", "h")))
    leaves = rng.randint(1, 4)
    depth = max(1, (n - 2 * leaves) // 2)
    a, b = rng.randint(1, 9), rng.randint(0, 6)
    clock = rng.randrange(1000)
    events, open_names = [], []
    for i in range(depth):
        clock += 1 + (i * a + b) % 7
        name = names[i % len(names)]
        events.append((clock, "call", name))
        open_names.append(name)
    for i in range(leaves):
        clock += 1 + (i * b) % 5
        events.append((clock, "call", "leaf"))
        clock += 2 + (i * a) % 3
        events.append((clock, "return", "leaf"))
    for i in range(depth):
        clock += 1 + (i * b + a) % 5
        events.append((clock, "return", open_names.pop()))
    return (events,)


# %% exercise: range_sums
# title: Many range sums (precompute once)
# time: O(n)
# space: O(n)
def range_sums(values, queries):
    """Return [sum(values[start:stop]) for each (start, stop) in queries],
    where 0 <= start <= stop <= len(values).

    range_sums([1, 2, 3, 4, 5], [(0, 5), (1, 3), (2, 2)]) == [15, 5, 0]

    Summing a slice per query costs O(n) each, so n queries cost O(n^2).
    Precompute running totals once (prefix sums); then each query is one
    subtraction. Aim for O(n) with n values and n queries.
    """
    raise NotImplementedError


# %% check: range_sums
TESTS = [
    (([1, 2, 3, 4, 5], [(0, 5), (1, 3), (2, 2), (4, 5)]), [15, 5, 0, 5]),
    (([], []), []),
    (([], [(0, 0)]), [0]),
    (([-2, 7], [(0, 1), (0, 2), (1, 2)]), [-2, 5, 7]),
    (([10, 20, 30], [(0, 3), (0, 3)]), [60, 60]),
]
SIZES = [500, 1000, 2000, 4000, 8000]


def make_input(n, seed=0):
    """n values and n queries, each covering the whole list but for at most
    two items at either end. The seed picks the values and the ends."""
    import random

    rng = random.Random(f"{n}:{seed}")
    start, a, b = rng.randrange(-10**6, 10**6), rng.randint(1, 5), rng.randint(1, 5)
    queries = [((i * a) % 3, n - (i * b + a) % 3) for i in range(n)]
    return (list(range(start, start + n)), queries)


# %% exercise: running_max
# title: Running maximum
# time: O(n)
# space: O(n)
def running_max(values):
    """Return a list whose i-th item is max(values[:i + 1]).

    running_max([3, 1, 4, 1, 5]) == [3, 3, 4, 4, 5]
    running_max([]) == []

    Calling max() on every prefix redoes all the earlier comparisons: O(n^2).
    Carry the best-so-far forward instead (itertools.accumulate can do the
    loop for you). Aim for O(n).
    """
    raise NotImplementedError


# %% check: running_max
TESTS = [
    (([3, 1, 4, 1, 5, 9, 2, 6],), [3, 3, 4, 4, 5, 9, 9, 9]),
    (([],), []),
    (([-5],), [-5]),
    (([5, 4, 3],), [5, 5, 5]),
    (([1, 2, 3],), [1, 2, 3]),
]
SIZES = [500, 1000, 2000, 4000, 8000]


def make_input(n, seed=0):
    """Any list of length n: every prefix max scans the whole prefix.
    The seed picks the pattern of values."""
    import random

    rng = random.Random(f"{n}:{seed}")
    step, shift = rng.randrange(1000, 10007), rng.randrange(10007)
    return ([(i * step + shift) % 10007 for i in range(n)],)


# %% exercise: hot_spots
# title: Summarise a profile
# time: O(n log n)
# space: O(n)
def hot_spots(rows, k):
    """rows is a list of (function_name, microseconds) pairs, as you might
    collect from several profiling runs; a name can appear many times.
    Return the k names with the largest total time as (name, total) pairs,
    largest total first; break ties by name, alphabetically.

    hot_spots([("parse", 30), ("load", 50), ("parse", 40)], 1) == [("parse", 70)]

    Aim for O(n log n): one pass to add up, then one sort.
    """
    raise NotImplementedError


# %% check: hot_spots
TESTS = [
    (([("parse", 30), ("load", 50), ("parse", 40), ("save", 5)], 2),
     [("parse", 70), ("load", 50)]),
    (([("b", 10), ("a", 10), ("c", 1)], 2), [("a", 10), ("b", 10)]),
    (([], 3), []),
    (([("x", 1)], 5), [("x", 1)]),
    (([("f", 3), ("g", 1), ("f", 0), ("g", 2)], 2), [("f", 3), ("g", 3)]),
]
SIZES = [1000, 2000, 4000, 8000, 16000]


def make_input(n, seed=0):
    """n rows spread over n // 8 different function names.

    The seed picks the names' spelling and order, the times, and k (3-8).
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    word = rng.choice(("func", "load_", "parse_", "step"))
    spread = max(1, n // 8)
    # a step with no factor in common with spread, so that all spread names
    # occur at every n the Check picks (it measures sizes between SIZES too)
    every = rng.choice([p for p in (3, 7, 11, 13, 17, 19) if spread % p] or [1])
    times, shift = rng.randint(1, 996), rng.randrange(997)
    names = [f"{word}{(i * every) % spread}" for i in range(n)]
    rows = [(name, (i * times + shift) % 997) for i, name in enumerate(names)]
    return (rows, rng.randint(3, 8))
