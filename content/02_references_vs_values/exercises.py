"""Exercises for topic 02: references vs values.

Each exercise is a stub cell (edit it) followed by a check cell (TESTS,
SIZES and make_input). The checker calls your function on a deep copy of
each test's arguments; a deep copy keeps any sharing inside the arguments,
so tests that reuse one list object in several places really do pass you
the same object several times.
"""

# %% exercise: paint_cells
# title: Paint a grid without shared rows
# time: O(n)
# space: O(n)
def paint_cells(rows, cols, cells):
    """Return a rows x cols grid of 0s with a 1 at every (r, c) in cells.

    The starter code builds the grid with [[0] * cols] * rows, so every row
    is the same list object and one write lands in every row. Build rows
    that are independent objects. Aim for O(rows * cols + len(cells)) time;
    the check keeps cols fixed and grows rows, so that is O(n).
    """
    grid = [[0] * cols] * rows
    for r, c in cells:
        grid[r][c] = 1
    return grid


# %% check: paint_cells
TESTS = [
    ((2, 3, [(0, 0)]), [[1, 0, 0], [0, 0, 0]]),
    ((3, 2, [(1, 1), (2, 0)]), [[0, 0], [0, 1], [1, 0]]),
    ((1, 4, [(0, 3)]), [[0, 0, 0, 1]]),
    ((2, 2, []), [[0, 0], [0, 0]]),
    ((0, 3, []), []),
    ((3, 1, [(0, 0), (0, 0), (2, 0)]), [[1], [0], [1]]),
]
SIZES = [2000, 4000, 8000, 16000, 32000]


def make_input(n, seed=0):
    """n rows of 8 columns, one painted cell per row; the seed picks the
    column pattern."""
    import random

    rng = random.Random(f"{n}:{seed}")
    step, shift = rng.choice((1, 3, 5, 7)), rng.randrange(8)
    return (n, 8, [(i, (i * step + shift) % 8) for i in range(n)])


# %% exercise: tag_records
# title: The default that remembers
# time: O(n)
def tag_records(names):
    """Return one record per name, {"name": name, "tags": ["new"]}, in
    order, then give the first record one more tag, "admin".

        tag_records(["ada", "bo"])
        ->  [{"name": "ada", "tags": ["new", "admin"]},
             {"name": "bo", "tags": ["new"]}]

    The starter code looks right, but every record ends up holding the same
    tags list: it gains one "new" per record, and the "admin" meant for the
    first record shows up in all of them. Find out why and fix it so that
    each record owns a fresh list. O(n) time.
    """
    def make_record(name, tags=[]):
        tags.append("new")
        return {"name": name, "tags": tags}

    records = [make_record(name) for name in names]
    if records:
        records[0]["tags"].append("admin")
    return records


# %% check: tag_records
# The "admin" tag is what makes sharing visible: if two records hold one
# list, the tag meant for the first record shows up in the second as well.
TESTS = [
    ((["ada"],), [{"name": "ada", "tags": ["new", "admin"]}]),
    ((["ada", "bo"],), [{"name": "ada", "tags": ["new", "admin"]},
                        {"name": "bo", "tags": ["new"]}]),
    ((["x", "y", "z"],), [{"name": "x", "tags": ["new", "admin"]},
                          {"name": "y", "tags": ["new"]},
                          {"name": "z", "tags": ["new"]}]),
    ((["ada", "ada"],), [{"name": "ada", "tags": ["new", "admin"]},
                         {"name": "ada", "tags": ["new"]}]),
    (([],), []),
]
SIZES = [1000, 2000, 4000, 8000, 16000]


def make_input(n, seed=0):
    """n different names; the seed picks their numbers."""
    import random

    start = random.Random(f"{n}:{seed}").randrange(10**6)
    return ([f"user{i}" for i in range(start, start + n)],)


# %% exercise: identity_labels
# title: Same object or just equal?
# time: O(n)
# space: O(n)
def identity_labels(items):
    """Label each item by object identity, in order of first appearance.

    The first distinct object gets 0, the next new object 1, and so on; an
    object seen before gets its earlier label again. Compare with `is`, not
    `==`: two equal but separate lists get different labels.

        a, b = [1], [1]
        identity_labels([a, b, a])  ->  [0, 1, 0]

    Aim for O(n) time. Scanning the objects seen so far for each item is
    correct but O(n^2); a dict keyed by id() does each lookup in O(1).
    """
    raise NotImplementedError


# %% check: identity_labels
_a, _b, _c = [1], [1], {"k": 1}
TESTS = [
    (([_a, _b, _a],), [0, 1, 0]),
    (([_a, _a, _a],), [0, 0, 0]),
    (([[1], [1], [1]],), [0, 1, 2]),
    (([_c, _a, _b, _c, _b],), [0, 1, 2, 0, 2]),
    (([],), []),
]
SIZES = [400, 800, 1600, 3200, 6400]


def make_input(n, seed=0):
    """About n equal-looking but distinct lists: nearly every lookup misses.

    The seed picks the values and makes up to n/16 items repeat an object
    that came earlier, so the labels change with the seed.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    shift = rng.randrange(7)
    items = [[(i + shift) % 7] for i in range(n)]
    for _ in range(rng.randrange(1, n // 16 + 2)):
        j = rng.randrange(1, n)
        items[j] = items[rng.randrange(j)]
    return (items,)


# %% exercise: fork_and_append
# title: A deep copy that keeps its sharing
# time: O(n)
# space: O(n)
def fork_and_append(doc, value):
    """Deep-copy doc, keeping its sharing, append value to copy[0], and
    return (doc, copy).

    doc is a non-empty list of lists, nested to any depth, with ints at the
    leaves. One inner list object may appear in several places. Your copy
    must share in the same way: where doc uses one list twice, the copy
    uses one NEW list twice. Then append value to the copy's first item, so
    the edit shows up everywhere that list appears in the copy and nowhere
    in doc. Return both, so the check can see that doc is unchanged.

        row = [1, 2]
        fork_and_append([row, row, [3]], "x")
        ->  ([[1, 2], [1, 2], [3]], [[1, 2, "x"], [1, 2, "x"], [3]])

    Write the copy yourself with a memo (a dict from id(original) to its
    copy). Remembering copies in a list and searching it with `is` also
    works but is O(n^2) for n lists; aim for O(n). No list contains itself.
    """
    raise NotImplementedError


# %% check: fork_and_append
_row = [1, 2]
_leaf = [5]
# Each expected value is (doc as it was, the edited copy). A copy that is
# not deep enough edits doc itself, and the first half shows it.
TESTS = [
    (([_row, _row, [3]], "x"), ([[1, 2], [1, 2], [3]], [[1, 2, "x"], [1, 2, "x"], [3]])),
    (([_leaf, [_leaf, 2]], "y"), ([[5], [[5], 2]], [[5, "y"], [[5, "y"], 2]])),
    (([[1], [1]], 0), ([[1], [1]], [[1, 0], [1]])),
    (([[[7]], [8]], 9), ([[[7]], [8]], [[[7], 9], [8]])),
    (([[]], "z"), ([[]], [["z"]])),
]
SIZES = [500, 1000, 2000, 4000, 8000]


def make_input(n, seed=0):
    """n distinct small lists, the first of them used twice, plus one more
    shared pair; the seed picks the values, the positions and value."""
    import random

    rng = random.Random(f"{n}:{seed}")
    start = rng.randrange(10**6)
    doc = [[i, i + 1] for i in range(start, start + n)]
    doc.append(doc[0])
    doc.insert(rng.randrange(1, n), doc[rng.randrange(1, n)])
    return (doc, -rng.randrange(1, 1000))


# %% exercise: undo_edits
# title: Undo without snapshots
# time: O(n)
# space: O(n)
def undo_edits(start, ops):
    """Apply ops to a copy of start and return the final list.

    Operations:
      ("add", x)  append x
      ("pop",)    remove the last item; on an empty list it does nothing
                  and is not recorded
      ("undo",)   reverse the most recent add or pop not yet undone; with
                  nothing left to undo it does nothing

    Do not modify start. Saving a full copy of the list before every edit is
    correct, but each copy costs O(len(list)), so n edits on a long list
    cost O(n^2). Record what each edit changed instead, so every operation
    is O(1) and the whole run is O(n).
    """
    raise NotImplementedError


# %% check: undo_edits
TESTS = [
    (([], [("add", 1), ("add", 2), ("undo",)]), [1]),
    (([], [("add", 1), ("pop",), ("undo",)]), [1]),
    (([], [("add", 1), ("add", 2), ("pop",), ("undo",), ("undo",)]), [1]),
    (([], [("undo",), ("pop",), ("add", 3)]), [3]),
    (([5], [("pop",), ("pop",), ("undo",), ("undo",)]), [5]),
    (([1, 2], [("add", 3), ("undo",), ("undo",), ("pop",)]), [1]),
    (([4, 5], []), [4, 5]),
]
SIZES = [500, 1000, 2000, 4000, 8000, 16000]


def make_input(n, seed=0):
    """A long list and about n operations: almost every add is undone at
    once, and every so often an add stays or two pops follow it instead.

    The seed picks the values and how often that happens.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    start = rng.randrange(10**6)
    every = rng.randint(40, 80)
    ops = []
    for i in range(n // 2):
        ops.append(("add", -start - i))
        if i % every == 0:
            continue                     # this add stays
        ops.extend([("pop",), ("pop",)] if i % every == 1 else [("undo",)])
    return (list(range(start, start + n)), ops)


# %% exercise: edited_copy
# title: Edit a copy, not the original
# time: O(n)
# space: O(n)
def edited_copy(rows, edits):
    """Return (rows, new_rows): the original and an edited copy of it.

    rows is a list of lists of numbers. Build new_rows, apply every edit
    (r, c, value) as new_rows[r][c] = value, and return both lists so the
    check can see that rows itself is unchanged. The starter code makes a
    shallow copy, so its edits leak into the original rows. O(n) time for
    n rows of a fixed width.
    """
    new_rows = rows.copy()
    for r, c, value in edits:
        new_rows[r][c] = value
    return rows, new_rows


# %% check: edited_copy
TESTS = [
    (([[1, 2], [3, 4]], [(0, 0, 9)]), ([[1, 2], [3, 4]], [[9, 2], [3, 4]])),
    (([[1]], []), ([[1]], [[1]])),
    (([[0, 0], [0, 0]], [(1, 1, 5), (0, 1, 7)]),
     ([[0, 0], [0, 0]], [[0, 7], [0, 5]])),
    (([], []), ([], [])),
]
SIZES = [2000, 4000, 8000, 16000, 32000]


def make_input(n, seed=0):
    """n rows of 4 numbers, an edit on every other row; the seed picks the
    values, which rows and which columns."""
    import random

    rng = random.Random(f"{n}:{seed}")
    start, first, shift = rng.randrange(10**6), rng.randrange(2), rng.randrange(4)
    rows = [[i, i + 1, i + 2, i + 3] for i in range(start, start + n)]
    return (rows, [(i, (i + shift) % 4, -1 - i % 5) for i in range(first, n, 2)])


# %% exercise: shifted_rows
# title: Callbacks that keep their own value
# time: O(n)
# space: O(n)
def shifted_rows(offsets, xs):
    """Build one adder per offset k (a function that returns x + k), then
    return [[add(x) for x in xs] for add in adders]: one row per offset.

    The starter code builds the adders in a loop with a lambda that looks k
    up when it is called, after the loop is over, so every row uses the
    last offset. Make each adder keep its own k (a default argument or
    functools.partial). O(n) time for n offsets and a short xs.
    """
    adders = []
    for k in offsets:
        adders.append(lambda x: x + k)
    return [[add(x) for x in xs] for add in adders]


# %% check: shifted_rows
TESTS = [
    (([1, 2, 3], [0]), [[1], [2], [3]]),
    (([10, -1], [0, 5]), [[10, 15], [-1, 4]]),
    (([7], [1, 2, 3]), [[8, 9, 10]]),
    (([], [1]), []),
    (([4, 4, 0], []), [[], [], []]),
]
SIZES = [2000, 4000, 8000, 16000, 32000]


def make_input(n, seed=0):
    """n different offsets and three xs; the seed picks all of them."""
    import random

    rng = random.Random(f"{n}:{seed}")
    offsets = rng.sample(range(-10**6, 10**6), n)
    return (offsets, [rng.randrange(100) for _ in range(3)])
