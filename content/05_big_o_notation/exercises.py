"""Exercises for topic 05: Big-O notation.

Each exercise is a stub cell followed by a check cell. Replace the
`raise NotImplementedError` with your solution; the page runs TESTS for
correctness and times your function on make_input(n) for every n in SIZES
to see which growth class it lands in.
"""

# %% exercise: dedupe_keep_order
# title: Remove duplicates, keep the order
# time: O(n)
# space: O(n)
def dedupe_keep_order(items):
    """Return a new list with the first occurrence of each value in items,
    in their original order. Values are hashable.

    dedupe_keep_order([3, 1, 3, 2, 1]) == [3, 1, 2]

    Aim for O(n) time. Checking `if x not in result` against the output
    list is correct, but that check is itself O(n), making the whole
    function O(n^2).
    """
    raise NotImplementedError


# %% check: dedupe_keep_order
TESTS = [
    (([3, 1, 3, 2, 1],), [3, 1, 2]),
    (([],), []),
    (([7],), [7]),
    ((["b", "a", "b", "b", "c", "a"],), ["b", "a", "c"]),
    (([5, 5, 5, 5],), [5]),
    (([1, 2, 3, 4],), [1, 2, 3, 4]),
]
SIZES = [500, 1000, 2000, 4000, 8000]


def make_input(n, seed=0):
    """Worst case for the naive version: almost every value is distinct, so
    the output list grows to nearly n items and nearly every membership
    test is a miss.

    The seed moves the (descending) values, cuts the list somewhere and
    turns up to n/64 items into repeats of an earlier value.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    top, cut = rng.randrange(n, 10**6), rng.randrange(n)
    items = list(range(top - cut, top - n, -1)) + list(range(top, top - cut, -1))
    for _ in range(rng.randint(1, n // 64 + 1)):
        j = rng.randrange(1, n)
        items[j] = items[rng.randrange(j)]
    return (items,)


# %% exercise: count_pairs_with_sum
# title: Count pairs that add up to a target
# time: O(n)
# space: O(n)
def count_pairs_with_sum(nums, target):
    """Return how many index pairs i < j satisfy nums[i] + nums[j] == target.

    count_pairs_with_sum([1, 5, 3, 3, 7], 8) == 3   # (1,7), (5,3), (5,3)

    Trying every pair is O(n^2). Aim for O(n): walk the list once and
    remember, in a dict, how many times you have seen each value so far.
    """
    raise NotImplementedError


# %% check: count_pairs_with_sum
TESTS = [
    (([1, 5, 3, 3, 7], 8), 3),
    (([], 4), 0),
    (([4], 8), 0),
    (([4, 4, 4], 8), 3),
    (([1, 2, 3], 100), 0),
    (([-2, 10, 0, 8, 2, 6], 8), 3),
    (([2, 2, 2, 2], 4), 6),
]
SIZES = [250, 500, 1000, 2000, 4000]


def make_input(n, seed=0):
    """Random values; the naive version looks at all n*(n-1)/2 pairs anyway.

    The seed picks the values and a target between n/2 and 3n/2.
    """
    import random
    rng = random.Random(f"{n}:{seed}")
    return ([rng.randrange(n) for _ in range(n)], rng.randint(n // 2, 3 * n // 2))


# %% exercise: max_window_sum
# title: Best sum of k neighbours
# time: O(n)
# space: O(1)
def max_window_sum(nums, k):
    """Return the largest sum of k consecutive items of nums
    (1 <= k <= len(nums)).

    max_window_sum([2, -1, 4, 1, -5, 3], 3) == 5   # 2 + -1 + 4

    Summing every window from scratch costs O(n*k), which is O(n^2) when k
    grows with n. Aim for O(n): when the window slides one step, add the
    item that enters and subtract the item that leaves.
    """
    raise NotImplementedError


# %% check: max_window_sum
TESTS = [
    (([2, -1, 4, 1, -5, 3], 3), 5),
    (([5], 1), 5),
    (([1, 2, 3], 3), 6),
    (([-3, -1, -2], 1), -1),
    (([-3, -1, -2], 2), -3),
    (([1, 9, 1, 1, 9, 9, 1], 2), 18),
]
SIZES = [1000, 2000, 4000, 8000, 16000]


def make_input(n, seed=0):
    """k close to n/2: the naive version sums about n/2 windows of about
    n/2 items. The seed picks the values and k, between n/2 and n/2 + n/16."""
    import random
    rng = random.Random(f"{n}:{seed}")
    return ([rng.randrange(-1000, 1000) for _ in range(n)], n // 2 + rng.randrange(n // 16 + 1))


# %% exercise: count_in_range
# title: Count values in a range of a sorted list
# time: O(log n)
# space: O(1)
def count_in_range(sorted_nums, lo, hi):
    """sorted_nums is a sequence sorted in ascending order (a list, or
    anything else with len() and indexing, such as a range). Return how
    many of its items x satisfy lo <= x <= hi.

    count_in_range([1, 3, 3, 5, 8], 3, 5) == 3

    A loop over the list is O(n). Because the list is already sorted, two
    binary searches (see the bisect module) find the answer in O(log n).
    """
    raise NotImplementedError


# %% check: count_in_range
TESTS = [
    (([1, 3, 3, 5, 8], 3, 5), 3),
    (([], 0, 10), 0),
    (([1, 2, 3], 5, 9), 0),
    (([1, 2, 3], -5, 0), 0),
    (([1, 2, 3], 3, 1), 0),
    (([4, 4, 4, 4], 4, 4), 4),
    (([1, 2, 3, 4, 5, 6], 0, 100), 6),
    (([10, 20, 30], 15, 25), 1),
]
SIZES = [20000, 40000, 80000, 160000, 320000]


def make_input(n, seed=0):
    """n sorted, evenly spaced numbers and a range [lo, hi] covering almost
    all of them, so the naive loop visits every item. A range object is a
    sorted sequence that stores no items, so the timing measures your
    search, not cache misses in a huge list.

    The seed picks the start, the spacing (2 or 3), and lo and hi, each
    within a few items of the ends.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    start, step = rng.randrange(-10**6, 10**6), rng.choice((2, 3))
    last = start + step * (n - 1)
    lo, hi = start + rng.randrange(4 * step), last - rng.randrange(4 * step)
    return (range(start, last + 1, step), lo, hi)


# %% exercise: list_resizes
# title: How often does a list resize?
# time: O(log n)
# space: O(1)
def list_resizes(n):
    """CPython grows a list's capacity when an append finds it full. For an
    append that needs room for newsize items, the new capacity is

        (newsize + (newsize >> 3) + 6) & ~3

    Starting from an empty list (capacity 0), return how many times the
    capacity changes while n items are appended one by one.

    list_resizes(0) == 0, list_resizes(1) == 1   # capacity 0 -> 4
    list_resizes(5) == 2                         # 4 -> 8 at the 5th append

    Simulating every append is O(n). The capacity grows by about 1/8 each
    time, so there are only O(log n) resizes: jump straight from one
    resize to the next.
    """
    raise NotImplementedError


# %% check: list_resizes
TESTS = [
    ((0,), 0),
    ((1,), 1),
    ((4,), 1),
    ((5,), 2),
    ((9,), 3),
    ((100,), 11),
    ((1000,), 28),
    ((100000,), 66),
]
SIZES = [62500, 125000, 250000, 500000, 1000000]


def make_input(n, seed=0):
    """The input is a count of appends, so the seed adds up to n/64 to n:
    every seed asks about a different count, and log n hardly moves."""
    import random

    return (n + random.Random(f"{n}:{seed}").randrange(n // 64 + 1),)


# %% exercise: big_o_of_polynomial
# title: Keep only the dominant term
# time: O(n)
def big_o_of_polynomial(coeffs):
    """coeffs[i] is the coefficient of n**i in an exact cost formula, so
    [500, 100, 3] means 500 + 100*n + 3*n**2. Coefficients are
    non-negative and at least one is non-zero.

    Return the Big-O class as a string: drop the constant factor and every
    lower-order term. Use "O(1)" for degree 0, "O(n)" for degree 1 and
    "O(n^d)" for degree d >= 2.

    big_o_of_polynomial([500, 100, 3]) == "O(n^2)"
    big_o_of_polynomial([7, 0, 0, 0]) == "O(1)"     # trailing zeros don't count
    """
    raise NotImplementedError


# %% check: big_o_of_polynomial
TESTS = [
    (([500, 100, 3],), "O(n^2)"),
    (([7, 0, 0, 0],), "O(1)"),
    (([0, 1],), "O(n)"),
    (([0, 0, 0, 2],), "O(n^3)"),
    (([1, 1, 1, 1, 1, 0],), "O(n^4)"),
    (([42],), "O(1)"),
    (([0, 1000000, 0],), "O(n)"),
]
SIZES = [10000, 20000, 40000, 80000, 160000]


def make_input(n, seed=0):
    """Degree d close to n, then a run of at least n zeros to skip (2n
    coefficients in all).

    The seed sets d, between n - 1 - n/64 and n - 1, and the non-zero
    coefficients.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    degree = n - 1 - rng.randrange(n // 64 + 1)
    coeffs = [0] * (2 * n)
    coeffs[0], coeffs[degree] = rng.randint(1, 9), rng.randint(1, 9)
    coeffs[rng.randrange(1, degree)] = rng.randint(1, 9)
    return (coeffs,)
