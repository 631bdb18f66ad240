"""Facts the Big-O lesson and quiz state, computed where they are read.

Each function returns the exact text the prose shows (or, for a quiz
check:, a truth value). Sizes come from sys.getsizeof, so the same slot
reads 64-bit numbers on a laptop and 32-bit numbers in Pyodide.
"""

import math
import struct
import sys


# ------------------------------------------------------ counting terms --

def top_term_percent(n):
    """How much of 3n^2 + 100n + 500 the 3n^2 term is, in whole percent."""
    top = 3 * n * n
    return str(round(100 * top / (top + 100 * n + 500)))


def ratio_to_top(n):
    """(5n^2 + 40 n log2 n + 1000) / n^2 at n, to one decimal: quiz q3."""
    return f"{(5 * n * n + 40 * n * math.log2(n) + 1000) / (n * n):.1f}"


def log_base_ratio():
    """log2(n) / log10(n): the same for every n > 1."""
    return f"{math.log2(10):.2f}"


def log_ratio_is_constant():
    ratios = {round(math.log2(n) / math.log10(n), 9) for n in (10, 1000, 12345, 10**9)}
    return len(ratios) == 1


def log2_rounded(n):
    return str(round(math.log2(n)))


def halvings(n):
    """How many times n can be halved (rounding down) before it reaches 1."""
    count = 0
    while n > 1:
        n //= 2
        count += 1
    return str(count)


def digits(n):
    """How many decimal digits 2**n has."""
    return str(len(str(2 ** n)))


def with_commas(n):
    return f"{n:,}"


# -------------------------------------------------------------- lists --

def pointer_bytes():
    return str(struct.calcsize("P"))


def empty_list_bytes():
    return str(sys.getsizeof([]))


def list_capacities(count):
    """The first `count` capacities a real list passes through while it is
    appended to, read from sys.getsizeof."""
    lst, seen = [], []
    empty, word = sys.getsizeof([]), struct.calcsize("P")
    while len(seen) < count:
        capacity = (sys.getsizeof(lst) - empty) // word
        if not seen or capacity != seen[-1]:
            seen.append(capacity)
        lst.append(None)
    return ", ".join(map(str, seen))


def formula_capacities(count):
    """The same capacities from CPython's growth formula (3.9+)."""
    seen, capacity = [0], 0
    while len(seen) < count:
        newsize = capacity + 1
        capacity = (newsize + (newsize >> 3) + 6) & ~3
        seen.append(capacity)
    return ", ".join(map(str, seen))


def moves_per_append_bound(limit=10**7):
    """The most pointer moves per append, averaged over the first n appends,
    for any n up to limit, rounded up. Only the append just after a resize
    can set a new worst, so only those are looked at."""
    capacity, moved, worst = 0, 0, 0.0
    while capacity < limit:
        n = capacity + 1                  # this append finds the list full
        moved += capacity                 # and moves every item it holds
        worst = max(worst, moved / n)
        capacity = (n + (n >> 3) + 6) & ~3
    return str(math.ceil(worst))


def appends_are_amortized_constant():
    """Quiz q13: n appends move at most 9n pointers in all, for every n."""
    capacity, moved = 0, 0
    for n in range(1, 200_001):
        if n > capacity:
            moved += capacity
            capacity = (n + (n >> 3) + 6) & ~3
        if moved > 9 * n:
            return False
    return True


def list_bytes(n):
    return f"{sys.getsizeof(list(range(n))):,}"


def set_bytes(n):
    return f"{sys.getsizeof(set(range(n))):,}"


# ------------------------------------------------ costs of operations --

class _Counted:
    """A key that counts how often == is asked of it; every key has one hash."""

    compares = 0

    def __init__(self, value):
        self.value = value

    def __hash__(self):
        return 42

    def __eq__(self, other):
        _Counted.compares += 1
        return self.value == other.value


def same_hash_compares(n):
    """== calls while n keys that all hash alike go into a dict."""
    _Counted.compares = 0
    table = {}
    for i in range(n):
        table[_Counted(i)] = i
    return _Counted.compares


def same_hash_is_quadratic():
    """Quiz q12: with one hash for every key, each new key is compared with
    every earlier one: at least n(n-1)/2 comparisons, and four times n
    gives about sixteen times the comparisons."""
    counts = {n: same_hash_compares(n) for n in (100, 400)}
    return (all(c >= n * (n - 1) // 2 for n, c in counts.items())
            and 14 < counts[400] / counts[100] < 18)


class _Ordered:
    compares = 0

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        _Ordered.compares += 1
        return self.value < other.value


def sort_compares(values):
    _Ordered.compares = 0
    sorted(_Ordered(v) for v in values)
    return _Ordered.compares


def sorted_input_is_linear():
    """sorted() on data already in order makes n - 1 comparisons; on
    descending data too (it finds one run and reverses it)."""
    n = 1000
    return sort_compares(range(n)) == n - 1 and sort_compares(range(n, 0, -1)) == n - 1



def scan_beats_preparation(n=1000):
    """Quiz q14: one miss scans n items; sorting shuffled data first makes
    more comparisons than that before any search starts."""
    import random

    values = list(range(n))
    random.Random(5).shuffle(values)
    scan = sum(1 for _ in values)          # a miss compares with every item
    return sort_compares(values) > scan
