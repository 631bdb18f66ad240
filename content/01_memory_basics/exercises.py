"""Exercises for 01 Memory basics.

Each exercise is a stub cell (edit it) followed by its check cell.
"""

# %% exercise: same_or_equal
# title: Same object, or just equal?
# time: O(1)
def same_or_equal(a, b):
    """Describe how a and b are related.

    Return "same object" when a and b are one and the same object,
    "equal" when they are two different objects that compare equal with ==,
    and "different" otherwise.

    Aim for O(1) time when a and b are the same object, even if it is a list
    with a million items: an == test between two large lists walks every item.
    Careful with float("nan"), which is not equal to itself.
    """
    raise NotImplementedError


# %% check: same_or_equal
NAN = float("nan")
SHARED = [1, 2, 3]
TESTS = [
    ((SHARED, SHARED), "same object"),
    (([1, 2, 3], [1, 2, 3]), "equal"),
    (([1, 2, 3], [3, 2, 1]), "different"),
    (({"a": 1}, {"a": 1}), "equal"),
    ((NAN, NAN), "same object"),
    ((float("nan"), float("nan")), "different"),
    ((1, 1.0), "equal"),
    ((None, None), "same object"),
]
SIZES = [20000, 40000, 80000, 160000, 320000]


def make_input(n, seed=0):
    """Worst case for a version that tries == first: one big list, twice.

    The seed moves the values; the two arguments are always one object.
    """
    import random

    start = random.Random(f"{n}:{seed}").randrange(10**6)
    big = list(range(start, start + n))
    return (big, big)


# %% exercise: count_lists
# title: Count the list objects you can reach
# time: O(n)
# space: O(n)
def count_lists(obj):
    """Return how many distinct list objects are reachable from obj.

    obj itself counts if it is a list. Look inside lists only: any other
    value (numbers, strings, tuples, dicts...) is a leaf. A list that is
    reached along several paths counts once, a list that contains itself
    must not send you round in circles, and two lists that are equal but
    separate objects count as two.

    Aim for O(n) time, where n is the total number of list items. Keeping
    the lists you have already seen in a plain list makes every "seen it?"
    question cost O(n), for O(n^2) overall. Remember: `in` on a list uses
    ==, not identity.
    """
    raise NotImplementedError


# %% check: count_lists
_row = [0]
_loop = [1]
_loop.append(_loop)
_a = []
_b = [_a]
_a.append(_b)
TESTS = [
    (([],), 1),
    ((5,), 0),
    (([[], []],), 3),
    (([_row, _row, _row],), 2),
    (([[1, 2], [1, 2]],), 3),
    ((_loop,), 1),
    (([_a, _b],), 3),
    (([[[[]]]],), 4),
    ((["text", ("tuple", [1]), {"k": [2]}],), 1),
]
SIZES = [4000, 6000, 8000, 12000, 16000, 24000, 32000]


def make_input(n, seed=0):
    """Worst case for a list of seen objects: about n different small lists.

    The seed picks the values and makes up to n/16 items repeat a list that
    came earlier, so the count changes with the seed while almost every
    list is still new.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    start = rng.randrange(10**6)
    items = [[start + i] for i in range(n)]
    for _ in range(rng.randrange(1, n // 16 + 2)):
        j = rng.randrange(1, n)
        items[j] = items[rng.randrange(j)]
    return (items,)


# %% exercise: parse_records
# title: Split length-prefixed records without copying the rest
# time: O(n)
def parse_records(data):
    """Split data (a bytes object) into its records.

    data is a sequence of records. Each record is one length byte L
    followed by exactly L bytes of payload. Return the list of payloads as
    bytes objects, in order. The input is always well formed.

        parse_records(b"\\x03abc\\x00\\x02hi") == [b"abc", b"", b"hi"]

    Aim for O(n) time for n records. Cutting off each record with
    data = data[1 + L:] copies everything that is left every time, which is
    O(n^2) in total. Walk an offset along the data, or slice a memoryview.
    """
    raise NotImplementedError


# %% check: parse_records
TESTS = [
    ((b"",), []),
    ((b"\x03abc",), [b"abc"]),
    ((b"\x03abc\x00\x02hi",), [b"abc", b"", b"hi"]),
    ((b"\x05hello\x01!",), [b"hello", b"!"]),
    ((b"\x02\x01\x01\x01\x07",), [b"\x01\x01", b"\x07"]),
    ((b"\x00\x00\x00",), [b"", b"", b""]),
]
SIZES = [4000, 8000, 16000, 32000, 64000]


def make_input(n, seed=0):
    """n records with 10-20 byte payloads: re-slicing the rest copies a lot.

    The seed picks eight payloads (their bytes and lengths); the records
    cycle through them.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    records = []
    for _ in range(8):
        length = rng.randint(10, 20)
        records.append(bytes([length]) + bytes(rng.randrange(256) for _ in range(length)))
    return (b"".join(records[i % 8] for i in range(n)),)


# %% exercise: freed_by_refcounting
# title: What does reference counting free?
# time: O(n)
# space: O(n)
def freed_by_refcounting(graph, roots):
    """Simulate CPython's reference counting on a tiny heap.

    graph maps every object (a name) to the list of objects it refers to.
    A name may appear several times in one list: each occurrence is one
    reference. roots lists the references held from outside the heap (think
    of variables); a name may appear there more than once too. Every name
    that appears anywhere is a key of graph.

    An object's reference count is the number of references to it from
    roots and from other objects. An object whose count is zero is freed,
    and freeing it removes its own references, which can drop other counts
    to zero in turn. Return the sorted list of every object that ends up
    freed. Objects kept alive only by a cycle are NOT freed: that is the
    cycle collector's job.

    Aim for O(n) time, where n counts objects plus references. Scanning the
    whole heap again and again for a zero count is O(n^2) on a long chain;
    keep a to-do list of objects whose count has just reached zero instead.
    """
    raise NotImplementedError


# %% check: freed_by_refcounting
TESTS = [
    (({"a": []}, ["a"]), []),
    (({"a": []}, []), ["a"]),
    (({"a": ["b"], "b": ["c"], "c": []}, []), ["a", "b", "c"]),
    (({"a": ["b"], "b": ["c"], "c": []}, ["b"]), ["a"]),
    (({"a": ["b"], "b": ["a"]}, []), []),
    (({"a": ["b"], "b": ["a", "c"], "c": [], "d": ["c"]}, []), ["d"]),
    (({"x": ["x"], "y": []}, []), ["y"]),
    (({"a": ["b", "b"], "b": [], "c": ["b"]}, ["c"]), ["a"]),
    (({"c": ["b"], "b": ["a"], "a": []}, ["a", "a"]), ["b", "c"]),
]
SIZES = [400, 800, 1600, 3200, 6400]


def make_input(n, seed=0):
    """A chain n-1 -> n-2 -> ... -> 0, listed from 0 up, one root low down.

    Only the last object starts at count zero, so a pass over the heap in
    listed order frees just one object. The seed moves the names (integers,
    still increasing in listed order) and puts the one root on one of the
    lowest n/8 objects: everything above it is freed.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    start = rng.randrange(10**6)
    graph = {start + i: ([start + i - 1] if i else []) for i in range(n)}
    return (graph, [start + rng.randrange(n // 8 + 1)])


# %% exercise: unreachable
# title: What would a tracing collector reclaim?
# time: O(n)
# space: O(n)
def unreachable(graph, roots):
    """Return the sorted list of objects that cannot be reached from roots.

    graph and roots have the same shape as in freed_by_refcounting: graph
    maps each object to the list of objects it refers to, and roots lists
    the outside references. An object is reachable if you can get to it by
    starting at a root and following references. Everything else is
    garbage, including objects that only keep each other alive in a cycle.

    Aim for O(n) time, where n counts objects plus references: visit each
    object at most once (watch out for cycles).
    """
    raise NotImplementedError


# %% check: unreachable
TESTS = [
    (({"a": []}, ["a"]), []),
    (({"a": []}, []), ["a"]),
    (({"a": ["b"], "b": ["a"]}, []), ["a", "b"]),
    (({"a": ["b"], "b": ["a"]}, ["b"]), []),
    (({"a": ["b"], "b": ["a", "c"], "c": [], "d": ["c"]}, []), ["a", "b", "c", "d"]),
    (({"a": ["b"], "b": ["a", "c"], "c": [], "d": ["c"]}, ["d"]), ["a", "b"]),
    (({"x": ["x"], "y": []}, ["y"]), ["x"]),
    (({"r": ["s"], "s": ["t"], "t": ["s"], "u": ["r"]}, ["r", "r"]), ["u"]),
]
SIZES = [2000, 4000, 8000, 16000, 32000]


def make_input(n, seed=0):
    """A long chain reachable from one root, plus a cycle of garbage.

    The seed moves the chain's names and sets the size of the garbage
    cycle (2 to n/16 objects, with negative names).
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    start = rng.randrange(10**6)
    size = rng.randint(2, max(2, n // 16))
    graph = {start + i: [start + i + 1] for i in range(n - 1)}
    graph[start + n - 1] = []
    for j in range(1, size + 1):
        graph[-j] = [-(j % size) - 1]
    return (graph, [start])


# %% exercise: freeze
# title: Make a frozen copy
# time: O(n)
def freeze(obj):
    """Return an immutable, hashable version of obj.

    Convert recursively:
      list or tuple  -> tuple of frozen items
      set            -> frozenset of the (already hashable) items
      dict           -> frozenset of (key, frozen value) pairs
      anything else  -> returned unchanged (numbers, strings, None...)

    The result can be used as a dict key or put in a set, and nobody can
    change it behind your back.

        freeze([1, [2, 3], {"a": [4]}]) == (1, (2, 3), frozenset({("a", (4,))}))

    Aim for O(n) time, where n is the total number of items.
    """
    raise NotImplementedError


# %% check: freeze
TESTS = [
    ((5,), 5),
    (("text",), "text"),
    (([],), ()),
    (([1, [2, 3]],), (1, (2, 3))),
    (((1, [2]),), (1, (2,))),
    (({1, 2},), frozenset({1, 2})),
    (({"a": [1]},), frozenset({("a", (1,))})),
    (([{"k": {"n": [None]}}],), (frozenset({("k", frozenset({("n", (None,))}))}),)),
]
SIZES = [500, 1000, 2000, 4000, 8000]


def make_input(n, seed=0):
    """n small rows, each holding a list and a dict; the seed moves the values."""
    import random

    start = random.Random(f"{n}:{seed}").randrange(10**6)
    return ([[i, [i, i + 1], {"id": [i]}] for i in range(start, start + n)],)
