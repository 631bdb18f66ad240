"""Exercises for topic 03: time complexity.

Each exercise is a stub cell (edit the function) followed by its check cell
(tests, the sizes used to measure growth, and the input generator).
"""

# %% exercise: count_comparisons
# title: Count the comparisons
# time: O(n)
# space: O(1)
def count_comparisons(items, target):
    """Return how many == comparisons a front-to-back linear search makes.

    The search compares target with items[0], items[1], ... and stops at the
    first match (that comparison counts too). If target is missing, it has
    compared with every element. Examples: searching [4, 8, 15] for 8 makes
    2 comparisons; for 16 it makes 3. An empty list needs 0.

    Target: O(n) time, O(1) extra space.
    """
    raise NotImplementedError


# %% check: count_comparisons
TESTS = [
    (([4, 8, 15], 4), 1),
    (([4, 8, 15], 8), 2),
    (([4, 8, 15], 15), 3),
    (([4, 8, 15], 16), 3),
    (([], 1), 0),
    (([7, 7, 7], 7), 1),
    ((["a", "b", "c", "d"], "d"), 4),
]
SIZES = [20000, 40000, 80000, 160000, 320000]


def make_input(n, seed=0):
    """Worst case: the target is missing, so every element is compared.

    The seed picks the values (evenly spaced) and a target below them all.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    start, step = rng.randrange(10**6), rng.randint(1, 3)
    return (list(range(start, start + step * n, step)), start - rng.randint(1, 1000))


# %% exercise: count_pairs
# title: Pairs that add up
# time: O(n)
# space: O(n)
def count_pairs(nums, target):
    """Return how many index pairs i < j have nums[i] + nums[j] == target.

    Pairs are counted by position, so equal values at different positions
    count separately: count_pairs([2, 2, 2], 4) == 3.

    Target: O(n) time. Trying every pair with two nested loops is correct but
    O(n^2). Hint: walk the list once, and for each number ask how many earlier
    numbers would complete it (a dict of counts answers that in O(1)).
    """
    raise NotImplementedError


# %% check: count_pairs
TESTS = [
    (([1, 2, 3, 4], 5), 2),
    (([2, 2, 2], 4), 3),
    (([], 10), 0),
    (([5], 10), 0),
    (([1, 9, 1, 9], 10), 4),
    (([0, 0, 0, 0], 0), 6),
    (([-3, 7, 3, 13, 0], 10), 2),
    (([1, 2, 3], 100), 0),
]
SIZES = [400, 800, 1600, 3200, 6400]


def make_input(n, seed=0):
    """Random values; two nested loops always try all n*(n-1)/2 pairs.

    The seed picks the values and a target between n/2 and 3n/2.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    return ([rng.randrange(n) for _ in range(n)], rng.randint(n // 2, 3 * n // 2))


# %% exercise: keep_common
# title: Keep what the other list has
# time: O(n)
# space: O(n)
def keep_common(a, b):
    """Return the items of a that also appear in b, in a's order.

    Repeats in a are kept: keep_common([1, 2, 1, 3], [1, 3]) == [1, 1, 3].
    Items are hashable.

    Target: O(n) time where n = len(a) + len(b). A comprehension that tests
    `x in b` on the list is correct but scans b for every x: O(n^2).
    """
    raise NotImplementedError


# %% check: keep_common
TESTS = [
    (([1, 2, 1, 3], [1, 3]), [1, 1, 3]),
    (([1, 2, 3], []), []),
    (([], [1, 2]), []),
    ((["x", "y", "z"], ["z", "x", "q"]), ["x", "z"]),
    (([5, 6, 7], [7, 7, 6]), [6, 7]),
    (([1, 2, 3], [4, 5, 6]), []),
]
SIZES = [600, 1200, 2400, 4800, 9600]


def make_input(n, seed=0):
    """Worst case for scanning b: almost nothing in common, so every scan
    runs to the end.

    The seed moves the values and copies one to four items of a to the very
    end of b: the answer changes, the scans stay full length.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    start = rng.randrange(10**6)
    a = list(range(start, start + n))
    b = list(range(start + n, start + 2 * n))
    b.extend(rng.sample(a, rng.randint(1, 4)))
    return (a, b)


# %% exercise: unique_in_order
# title: Remove duplicates, keep the order
# time: O(n)
# space: O(n)
def unique_in_order(items):
    """Return a new list with the first occurrence of each value, in order.

    unique_in_order([3, 1, 3, 2, 1]) == [3, 1, 2]. Values are hashable.

    Target: O(n) time. Checking `if x not in result` against the growing
    result list is correct but O(n^2) when most values are distinct.
    """
    raise NotImplementedError


# %% check: unique_in_order
TESTS = [
    (([3, 1, 3, 2, 1],), [3, 1, 2]),
    (([],), []),
    (([7, 7, 7],), [7]),
    ((["b", "a", "b", "c"],), ["b", "a", "c"]),
    (([1, 2, 3],), [1, 2, 3]),
    (([2, 1, 2, 1, 3],), [2, 1, 3]),
]
SIZES = [750, 1500, 3000, 6000, 12000]


def make_input(n, seed=0):
    """Worst case for scanning the result: almost every value is distinct.

    The seed moves and rotates the values and turns up to n/64 of them into
    repeats of an earlier value.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    start, turn = rng.randrange(10**6), rng.randrange(n)
    items = list(range(start + turn, start + n)) + list(range(start, start + turn))
    for _ in range(rng.randint(1, n // 64 + 1)):
        j = rng.randrange(1, n)
        items[j] = items[rng.randrange(j)]
    return (items,)


# %% exercise: deal
# title: Deal from the top, tuck the next
# time: O(n)
# space: O(n)
def deal(cards):
    """Deal a deck and return the order in which the cards land on the table.

    Repeat until the deck is empty: take the top card (cards[0]) and put it on
    the table; then, if any cards are left, move the new top card to the
    bottom of the deck. deal([1, 2, 3, 4, 5]) == [1, 3, 5, 4, 2].

    Target: O(n) time. Using list.pop(0) for "take the top card" is correct
    but each pop shifts the whole list, so the deal is O(n^2).
    """
    raise NotImplementedError


# %% check: deal
TESTS = [
    (([1, 2, 3, 4, 5],), [1, 3, 5, 4, 2]),
    (([],), []),
    ((["A"],), ["A"]),
    ((["A", "B"],), ["A", "B"]),
    (([1, 2, 3, 4],), [1, 3, 2, 4]),
    (([10, 20, 30, 40, 50, 60],), [10, 30, 50, 20, 60, 40]),
]
SIZES = [6000, 12000, 24000, 48000, 96000]


def make_input(n, seed=0):
    """Any deck of n cards: list.pop(0) shifts every remaining card each time.

    The seed picks the card numbers and where the deck is cut.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    start, cut = rng.randrange(10**6), rng.randrange(n)
    return (list(range(start + cut, start + n)) + list(range(start, start + cut)),)


# %% exercise: format_report
# title: Build the report in one go
# time: O(n)
# space: O(n)
def format_report(rows):
    """Return one line "name: score" per (name, score) row, each ending in "\\n".

    format_report([("ada", 3), ("bo", 10)]) == "ada: 3\\nbo: 10\\n", and an
    empty list gives "".

    Target: O(n) time in the total length. Collect the lines and join them
    once. (A `text += line` loop may happen to run fast in CPython thanks to an
    implementation detail, but it is quadratic elsewhere and in many
    situations even in CPython, so don't rely on it.)
    """
    raise NotImplementedError


# %% check: format_report
TESTS = [
    (([("ada", 3), ("bo", 10)],), "ada: 3\nbo: 10\n"),
    (([],), ""),
    (([("x", 0)],), "x: 0\n"),
    (([("a", -1), ("b", 2), ("c", 3)],), "a: -1\nb: 2\nc: 3\n"),
]
SIZES = [5000, 10000, 20000, 40000, 80000]


def make_input(n, seed=0):
    """n rows with short names and scores; the seed picks both."""
    import random

    rng = random.Random(f"{n}:{seed}")
    word, start = rng.choice(("user", "id", "player", "node")), rng.randrange(10**6)
    step, shift = rng.choice((1, 3, 7, 11)), rng.randrange(100)
    return ([(f"{word}{start + i}", (i * step + shift) % 100) for i in range(n)],)


# %% exercise: best_per_call
# title: Read timeit results correctly
# time: O(n)
# space: O(1)
def best_per_call(timings, number):
    """Turn the list returned by timeit.repeat(..., number=number) into one figure.

    Each entry of timings is the TOTAL time in seconds for `number`
    executions. Return the best estimate of the time for ONE execution: the
    fastest repeat divided by number. best_per_call([0.75, 0.5, 0.625], 4)
    == 0.125.

    Target: O(n) time in len(timings).
    """
    raise NotImplementedError


# %% check: best_per_call
TESTS = [
    (([0.75, 0.5, 0.625], 4), 0.125),
    (([2.0], 1), 2.0),
    (([1.5, 3.0, 1.0, 1.25], 8), 0.125),
    (([0.25, 0.25], 1000), 0.00025),
]
SIZES = [20000, 40000, 80000, 160000, 320000]


def make_input(n, seed=0):
    """n + 1 repeat timings with the minimum near the end.

    The seed picks the pattern, the minimum (below every other timing), its
    place among the last eight, and number: a power of two, so the answer
    is exact however the division is written.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    shift = rng.randrange(97)
    timings = [1.0 + ((i + shift) % 97) / 100 for i in range(n)]
    timings.insert(n + 1 - rng.randint(1, 8), 0.25 + rng.randrange(50) / 100)
    return (timings, 2 ** rng.randint(6, 12))
