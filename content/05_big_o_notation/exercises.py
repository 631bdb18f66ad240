"""Exercises for topic 05: Big-O notation.

Each exercise is a stub cell followed by a check cell. Replace the
`raise NotImplementedError` with your solution; the page runs TESTS for
correctness and times your function on make_input(n) for every n in SIZES
to see which growth class it lands in.
"""

# %% exercise: min_gap
# title: Closest two values
# time: O(n log n)
# space: O(n)
def min_gap(nums):
    """Return the smallest difference between two of the numbers in nums,
    taken at two different positions (so a repeated value gives 0). nums
    has at least two items, in no particular order.

    min_gap([9, 2, 14, 5, 30]) == 3     # 2 and 5
    min_gap([4, 1, 4]) == 0

    Comparing every pair is O(n^2). Aim for O(n log n): once the values
    are sorted, the closest two sit next to each other, so one pass over
    neighbours finds them. Sorting (n log n) followed by a scan (n) adds
    up to O(n log n): the bigger term wins.
    """
    raise NotImplementedError


# %% check: min_gap
TESTS = [
    (([9, 2, 14, 5, 30],), 3),
    (([4, 1, 4],), 0),
    (([1, 100],), 99),
    (([100, 1],), 99),
    (([-7, 3, -2, 8],), 5),
    (([0.5, 2.0, 1.25],), 0.75),
    (([10, 20, 31, 41, 50, 1],), 9),
]
SIZES = [500, 1000, 2000, 4000, 8000]


def make_input(n, seed=0):
    """n distinct values in scrambled order: the naive version compares
    all n*(n-1)/2 pairs whatever the values are.

    The seed picks the offset, the spacing and the scrambling, and moves
    one value close to another, so the answer changes with it.
    """
    import math
    import random

    rng = random.Random(f"{n}:{seed}")
    spacing, start = rng.randint(40, 90), rng.randrange(-10**6, 10**6)
    step = rng.choice((7919, 7927, 7933, 7937))
    while math.gcd(step, n) != 1:                   # then i * step % n visits every i
        step += 2
    nums = [start + spacing * ((i * step) % n) for i in range(n)]
    j = rng.randrange(n)
    nums[j] = nums[(j + 1) % n] + rng.randint(1, spacing - 1)
    return (nums,)


# %% exercise: longest_streak
# title: Longest run of consecutive numbers
# time: O(n)
def longest_streak(nums):
    """Return the length of the longest run of consecutive integers
    (x, x + 1, x + 2, ...) that all occur in nums, in any order and
    position. Repeated values count once; an empty list gives 0.

    longest_streak([10, 4, 20, 1, 3, 2, 11]) == 4    # 1, 2, 3, 4

    Aim for O(n). Put the values in a set. Then count upward only from a
    value x whose x - 1 is missing: that x starts a run. Counting upward
    from every value is correct, but on one long run it counts n, then
    n - 1, then n - 2, ... steps: O(n^2). With the start test the inner
    loop still looks nested, yet in total it visits each value once.
    """
    raise NotImplementedError


# %% check: longest_streak
TESTS = [
    (([10, 4, 20, 1, 3, 2, 11],), 4),
    (([],), 0),
    (([5],), 1),
    (([1, 2, 2, 3],), 3),
    (([7, 7, 7],), 1),
    (([-1, 0, 1, 5, 6],), 3),
    (([3, 5, 7, 9],), 1),
    (([9, 8, 7, 1, 2, 3, 4],), 4),
]
SIZES = [500, 1000, 2000, 4000, 8000]


def make_input(n, seed=0):
    """Worst case for counting up from every value: one long run of
    consecutive numbers holds almost all n values, in scrambled order.

    The seed moves the run, picks the scrambling, takes up to n/64 values
    off the run and puts them far away (runs of one), and repeats a few
    values. The run stays at least n - n/64 - 9 long: the answer changes,
    the cost does not.
    """
    import math
    import random

    rng = random.Random(f"{n}:{seed}")
    cut, repeats = rng.randint(1, n // 64 + 1), rng.randint(1, 8)
    length = n - cut - repeats
    start = rng.randrange(-10**6, 10**6)
    step = rng.choice((7919, 7927, 7933, 7937))
    while math.gcd(step, length) != 1:
        step += 2
    run = [start + (i * step) % length for i in range(length)]
    far = [start - 10 * (i + 2) for i in range(cut)]
    extra = [run[rng.randrange(length)] for _ in range(repeats)]
    return (run + far + extra,)


# %% exercise: insertion_sort_moves
# title: How much work will insertion sort do?
# time: O(n log n)
# space: O(n)
def insertion_sort_moves(nums):
    """Insertion sort takes the items of nums from left to right and moves
    each one left, one place at a time, past every earlier item that is
    larger than it. Return how many one-place moves it makes in all: the
    number of pairs i < j with nums[i] > nums[j]. Do not change nums.

    insertion_sort_moves([3, 1, 2]) == 2    # 1 passes 3, then 2 passes 3
    insertion_sort_moves([1, 2, 3]) == 0    # already sorted: no moves

    Running insertion sort and counting its moves costs O(n + moves): O(n)
    in its best case (sorted input) but O(n^2) in its worst (reversed
    input). Aim for O(n log n) on every input: sort with merge sort and
    count as you merge. When the next item of the right half is smaller
    than the next of the left half, it jumps past every left item still
    waiting.
    """
    raise NotImplementedError


# %% check: insertion_sort_moves
TESTS = [
    (([3, 1, 2],), 2),
    (([1, 2, 3],), 0),
    (([],), 0),
    (([3, 2, 1],), 3),
    (([2, 2, 1],), 2),
    (([1, 1, 1],), 0),
    (([5, 1, 4, 2, 3],), 6),
    (([0, 9, 8, 1],), 3),
]
SIZES = [500, 1000, 2000, 4000, 8000]


def make_input(n, seed=0):
    """Worst case for counting with insertion sort itself: the values come
    in descending order, so almost every pair is a move.

    The seed moves the values, repeats one of them, and swaps up to n/64
    neighbouring pairs into the right order: the answer changes by a few,
    the list stays almost reversed.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    top = rng.randrange(n, 10**6)
    nums = list(range(top, top - n, -1))
    for _ in range(rng.randint(1, n // 64 + 1)):
        i = rng.randrange(n - 1)
        nums[i], nums[i + 1] = nums[i + 1], nums[i]
    j = rng.randrange(1, n)
    nums[j] = nums[j - 1]
    return (nums,)


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
