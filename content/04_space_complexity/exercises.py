"""Exercises for topic 04: Space complexity.

Each exercise is a stub cell followed by its check cell. The checks call
your function on copies of TESTS, then measure how its time and its extra
memory (tracemalloc peak during the call) grow over SIZES.
"""

# %% exercise: is_palindrome
# title: Palindrome without a reversed copy
# time: O(n)
# space: O(1)
def is_palindrome(seq):
    """Return True if the sequence seq (a list or a str) reads the same
    forwards and backwards.

    Target: O(n) time and O(1) extra space. `seq == seq[::-1]` is correct,
    but the slice builds a reversed copy of the whole input, which is O(n)
    extra memory. Compare items from both ends using indices instead.
    """
    raise NotImplementedError


# %% check: is_palindrome
TESTS = [
    (([],), True),
    (([7],), True),
    (([1, 2, 1],), True),
    (([1, 2, 2, 1],), True),
    (([1, 2, 3, 1],), False),
    (([1, 2],), False),
    (("racecar",), True),
    (("racecars",), False),
]
SIZES = [25000, 50000, 100000, 200000, 400000]


def make_input(n, seed=0):
    """A palindrome, or for some seeds one whose two middle items differ:
    either way comparing from both ends checks every pair (and the naive
    version copies all n items).

    The seed picks the values and which of the two it is.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    step, shift = rng.choice((37, 41, 53, 97)), rng.randrange(1000)
    half = [(i * step + shift) % 1000 for i in range(n // 2)]
    seq = half + half[::-1]
    if rng.random() < 0.5:
        seq[n // 2] += 1000          # the innermost pair no longer matches
    return (seq,)


# %% exercise: rotate_left
# title: Rotate a list in place
# time: O(n)
# space: O(1)
def rotate_left(items, k):
    """Rotate the list items left by k positions IN PLACE and return the
    same list object. k may be larger than len(items).

    rotate_left([1, 2, 3, 4, 5], 2) turns the list into [3, 4, 5, 1, 2].

    Target: O(n) time and O(1) extra space. `items[k:] + items[:k]` builds
    two slices and a new list (O(n) extra); moving one item at a time with
    pop(0)/append is O(1) space but O(n*k) time. Hint: reversing a range of
    a list with two indices and swaps needs no extra list, and three
    reversals make a rotation.
    """
    raise NotImplementedError


# %% check: rotate_left
TESTS = [
    (([1, 2, 3, 4, 5], 2), [3, 4, 5, 1, 2]),
    (([1, 2, 3, 4, 5], 0), [1, 2, 3, 4, 5]),
    (([1, 2, 3, 4, 5], 5), [1, 2, 3, 4, 5]),
    (([1, 2, 3, 4, 5], 7), [3, 4, 5, 1, 2]),
    (([1, 2, 3], 1), [2, 3, 1]),
    ((["a", "b"], 1), ["b", "a"]),
    (([], 3), []),
]
SIZES = [12500, 25000, 50000, 100000, 200000]


def make_input(n, seed=0):
    """Rotate by about a third of the length: large enough that item-by-item
    moving is slow, and a slice-based version copies everything.

    The seed picks the values, k between n/3 and n/3 + n/12, and whether k
    is given as is or with one or two whole turns added.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    start = rng.randrange(10**6)
    k = n // 3 + rng.randrange(n // 12 + 1) + n * rng.randint(0, 2)
    return (list(range(start, start + n)), k)


# %% exercise: count_words
# title: Count words without splitting
# time: O(n)
# space: O(1)
def count_words(text):
    """Return the number of words in text, where a word is a maximal run of
    non-whitespace characters (the same words str.split() finds).

    Target: O(n) time and O(1) extra space. `len(text.split())` is correct,
    but it builds a list holding a new string for every word, which is O(n)
    extra memory. Walk the characters once and count where words start.
    """
    raise NotImplementedError


# %% check: count_words
TESTS = [
    (("",), 0),
    (("   ",), 0),
    (("hello",), 1),
    (("hello world",), 2),
    (("  leading and trailing  ",), 3),
    (("tabs\tand\nnewlines\n",), 3),
    (("a  b   c",), 3),
]
SIZES = [25000, 50000, 100000, 200000, 400000]


def make_input(n, seed=0):
    """Exactly n characters of short words separated by short runs of
    whitespace: many words means many strings for the naive split().

    The seed picks three words, the gaps, whether the text starts with
    whitespace, and how often two words run together with no gap. The
    text is cut at n characters, so the work per call is proportional to
    n whatever the seed picked (the lines counted stay exact).
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    words = rng.sample(("ab", "xyz", "q", "go", "it", "mem", "a1"), 3)
    gaps = (" ", "  ", "\t", " \n")
    shift, glue = rng.randrange(4), rng.randint(20, 40)
    parts = [rng.choice(("", " ", "\n"))]
    length, i = len(parts[0]), 0
    while length < n:
        word, gap = words[i % 3], "" if i % glue == 0 else gaps[(i * 7 + shift) % 4]
        parts += (word, gap)
        length += len(word) + len(gap)
        i += 1
    return ("".join(parts)[:n],)


# %% exercise: max_nesting
# title: Deepest bracket nesting
# time: O(n)
# space: O(1)
def max_nesting(s):
    """Return the deepest nesting level of parentheses in s. s is balanced;
    characters other than '(' and ')' are ignored.

    max_nesting("a(b(c)d)(e)") == 2

    A recursive parser that calls itself at every '(' is natural, but it
    needs one stack frame per open bracket and raises RecursionError on
    deep input (one test nests 5000 levels). Pushing brackets onto a list
    avoids the error but still uses O(depth) extra space.

    Target: O(n) time and O(1) extra space.
    """
    raise NotImplementedError


# %% check: max_nesting
TESTS = [
    (("",), 0),
    (("abc",), 0),
    (("()",), 1),
    (("()()()",), 1),
    (("(())",), 2),
    (("a(b(c)d)(e)",), 2),
    (("((a)(b(c)))",), 3),
    (("(" * 5000 + ")" * 5000,), 5000),
]
SIZES = [25000, 50000, 100000, 200000, 400000]


def make_input(n, seed=0):
    """One long nest of depth d close to n/2, then shallow pairs "()" to
    make up the length n.

    The seed sets d, between n/2 - n/64 and n/2.
    """
    import random

    rest = random.Random(f"{n}:{seed}").randrange(n // 64 + 1)
    depth = n // 2 - rest
    return ("(" * depth + ")" * depth + "()" * rest,)


# %% exercise: max_window_sum
# title: Best sum of k neighbours
# time: O(n)
# space: O(1)
def max_window_sum(items, k):
    """Return the largest sum of k consecutive numbers in items.
    1 <= k <= len(items).

    max_window_sum([1, -2, 3, 4, -1], 2) == 7   (3 + 4)

    Target: O(n) time and O(1) extra space. Summing every slice
    items[i:i + k] costs O(k) time per window and copies k items each
    time. Instead keep a running sum: when the window moves one step, add
    the item that enters and subtract the one that leaves.
    """
    raise NotImplementedError


# %% check: max_window_sum
TESTS = [
    (([5], 1), 5),
    (([1, -2, 3, 4, -1], 2), 7),
    (([1, -2, 3, 4, -1], 1), 4),
    (([1, -2, 3, 4, -1], 5), 5),
    (([-3, -1, -2], 2), -3),
    (([2, 2, 2, 2], 3), 6),
    (([4, 0, 0, 0, 5], 2), 5),
]
SIZES = [1000, 2000, 4000, 8000, 12000]


def make_input(n, seed=0):
    """Random values with a window of about half the list: the naive
    version copies and sums about n/2 items for each of about n/2 windows.

    The seed picks the values and k, between n/2 and n/2 + n/16.
    """
    import random
    rng = random.Random(f"{n}:{seed}")
    return ([rng.randint(-1000, 1000) for _ in range(n)], n // 2 + rng.randrange(n // 16 + 1))


# %% exercise: summarize
# title: One pass over a stream
# time: O(n)
# space: O(1)
def summarize(numbers):
    """Return (count, total, largest) for the numbers in the iterable
    numbers; for an empty iterable return (0, 0, None).

    numbers may be a list, a range, or a stream that can be looped over
    only ONCE (like a generator or an open file), so you cannot call len()
    on it or iterate it twice.

    Target: O(n) time and O(1) extra space. `values = list(numbers)` makes
    everything easy but stores every number: O(n) extra memory. Keep three
    running variables instead.
    """
    raise NotImplementedError


# %% check: summarize
class OneShot:
    """An iterable that can be looped over only once, like a generator."""

    def __init__(self, values):
        self.values = list(values)
        self.used = False

    def __iter__(self):
        if self.used:
            raise RuntimeError("this stream was already consumed")
        self.used = True
        return iter(self.values)

    def __repr__(self):
        return f"OneShot({self.values!r})"


TESTS = [
    (([],), (0, 0, None)),
    (([4],), (1, 4, 4)),
    (([3, 9, 2],), (3, 14, 9)),
    (([-5, -2, -8],), (3, -15, -2)),
    ((range(1, 11),), (10, 55, 10)),
    ((OneShot([2, 7, 1]),), (3, 10, 7)),
    ((OneShot([]),), (0, 0, None)),
]
SIZES = [12500, 25000, 50000, 100000, 200000]


def make_input(n, seed=0):
    """A lazy range of n large numbers: nothing is stored until someone
    decides to store it. The seed picks where it starts and its step."""
    import random

    rng = random.Random(f"{n}:{seed}")
    start, step = 10**6 + rng.randrange(10**6), rng.randint(1, 5)
    return (range(start, start + step * n, step),)


# %% exercise: longest_run
# title: Longest run in a bytes object
# time: O(n)
# space: O(1)
def longest_run(data):
    """Return the length of the longest run of equal consecutive bytes in
    data, a bytes object (0 for empty data).

    longest_run(b"aabbbbc") == 4

    Indexing or looping over bytes gives ints 0..255, which are cached small
    ints, so reading data costs no new objects. list(data), data[1:] or
    itertools.groupby with list(group) store up to n items: O(n) extra
    memory, a pointer per byte.

    Target: O(n) time and O(1) extra space.
    """
    raise NotImplementedError


# %% check: longest_run
TESTS = [
    ((b"",), 0),
    ((b"x",), 1),
    ((b"abc",), 1),
    ((b"aabbbbc",), 4),
    ((b"abccc",), 3),
    ((b"zzzz",), 4),
    ((bytes([0, 0, 1, 0, 0, 0]),), 3),
    ((bytes([255, 255, 7]),), 2),
]
SIZES = [12500, 25000, 50000, 100000, 200000]


def make_input(n, seed=0):
    """n bytes: short runs (one to three bytes) around one long run of
    between n/2 - n/64 and n/2 bytes, which is what a version that stores a
    run (or copies the data) has to hold.

    The seed picks the byte values, the pattern of short runs and where the
    long run sits: at the start, in the middle or at the very end.
    """
    import random

    rng = random.Random(f"{n}:{seed}")
    long_len = n // 2 - rng.randrange(n // 64 + 1)
    fill = long_len % 200 + 1                     # the long run's byte: 1..200
    pattern = bytearray()
    for i in range(24):                           # runs of 1-3 bytes, no two alike
        pattern += bytes([201 + i % 50]) * rng.randint(1, 3)
    short = (bytes(pattern) * (n // len(pattern) + 1))[: n - long_len]
    where = rng.choice((0, len(short) // 2, len(short)))
    return (short[:where] + bytes([fill]) * long_len + short[where:],)
