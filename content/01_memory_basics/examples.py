"""Runnable examples for 01 Memory basics.

Run the whole file with `python3 examples.py`, or run one cell at a time.
Numbers such as ids, sizes and reference counts depend on the Python build;
the comments say what to look at rather than promising exact values.
"""

# %% example: Names point at objects
print("== Names point at objects ==")
scores = [90, 72]
backup = scores            # no copy: a second name for the same list
backup.append(65)
print("scores:", scores)
print("same object?", scores is backup)
print("same id?", id(scores) == id(backup))

copy_of_scores = list(scores)   # an explicit copy is a new object
copy_of_scores.append(100)
print("after changing the copy:", scores, copy_of_scores)


# %% example: is versus ==, and caches you must not rely on
import sys

print("== is versus ==, and caches you must not rely on ==")
first = [1, 2, 3]
second = [1, 2, 3]
print("equal values:", first == second)
print("same object:", first is second)

result = None
print("check for None with is:", result is None)

nan = float("nan")
print("nan == nan:", nan == nan)
print("nan is nan:", nan is nan)
# Containers test identity before calling ==, so the same NaN object
# is found in a list and the lists compare equal.
print("[nan] == [nan]:", [nan] == [nan])
print("nan in [nan]:", nan in [nan])

print("-- caches you must not rely on --")
# int(...) builds the number at run time, so no constant is shared.
print("int('256') is int('256'):", int("256") is int("256"))   # cached in CPython
print("int('257') is int('257'):", int("257") is int("257"))   # usually False
print("but always equal:", int("257") == int("257"))

built = "".join(["memory ", "basics"])
literal = "memory basics"
print("equal strings:", built == literal)
print("same object:", built is literal)
print("after sys.intern:", sys.intern(built) is sys.intern(literal))


# %% example: Mutating versus rebinding
print("== Mutating versus rebinding ==")
numbers = [1, 2]
before = id(numbers)
numbers += [3]             # lists change in place
print("list after +=:", numbers, "| same object:", id(numbers) == before)

point = (1, 2)
alias = point
point += (3,)              # tuples cannot change: += builds a new tuple
print("tuple after +=:", point, "| alias still sees:", alias)
print("same object:", point is alias)

frozen_outside = (1, [2, 3])
frozen_outside[1].append(4)     # the tuple is fixed, the list inside is not
print("tuple holding a list:", frozen_outside)
try:
    hash(frozen_outside)
except TypeError as err:
    print("not hashable:", err)


# %% example: One row three times, and two kinds of copy
import copy

print("== One row three times, and two kinds of copy ==")
grid = [[0] * 3] * 3          # three slots, ONE inner list
grid[0][0] = 1
print("[[0] * 3] * 3 after grid[0][0] = 1:", grid)
rows = [[0] * 3 for _ in range(3)]   # a new inner list per row
rows[0][0] = 1
print("comprehension after rows[0][0] = 1:", rows)

nested = [[1], [2]]
shallow = copy.copy(nested)   # new outer list, same inner lists
deep = copy.deepcopy(nested)  # new inner lists too
nested[0].append(99)
print("shallow copy sees the change:", shallow, "| deep copy does not:", deep)
print("same inner list?", shallow[0] is nested[0], deep[0] is nested[0])


# %% example: A default list is made once
print("== A default list is made once ==")


def add_tag(tag, tags=[]):    # the [] is built once, when def runs
    tags.append(tag)
    return tags


first = add_tag("red")
second = add_tag("blue")
print("second call:", second, "| one list for both calls:", first is second)
print("it lives on the function:", add_tag.__defaults__)


def add_tag_fixed(tag, tags=None):
    if tags is None:
        tags = []             # a new list on every call
    tags.append(tag)
    return tags


print("fixed:", add_tag_fixed("red"), add_tag_fixed("blue"))


# %% example: Counting references, freed at zero
import sys
import weakref

print("== Counting references, freed at zero ==")
# getrefcount may count its own argument as one more reference (3.11 does,
# 3.14 often borrows it). Absolute numbers differ; watch the differences.
data = []
start = sys.getrefcount(data)
holder = [data, data]      # two more references, stored in a list
print("extra references from holder:", sys.getrefcount(data) - start)
del holder                 # the list goes away and drops both
print("after del holder:", sys.getrefcount(data) - start)


# When the count reaches zero the object is freed at once. A weak
# reference watches it without adding to the count.
class Box:
    pass


box = Box()
watch = weakref.ref(box)   # a weak reference does not keep box alive
other = box
del box
print("one name left, still alive:", watch() is not None)
del other
print("no names left, freed at once:", watch() is None)


# %% example: Cycles need the collector
import gc
import weakref

print("== Cycles need the collector ==")


class Node:
    pass


gc.disable()               # keep the automatic collector out of the way
try:
    left = Node()
    right = Node()
    left.partner = right   # left -> right -> left: a reference cycle
    right.partner = left
    watch = weakref.ref(left)
    del left, right
    print("alive after del (cycle keeps it):", watch() is not None)
    found = gc.collect()
    print("collector found unreachable objects:", found >= 2)
    print("alive after gc.collect():", watch() is not None)
finally:
    gc.enable()

print("is an int tracked?", gc.is_tracked(42), "| a list?", gc.is_tracked([]))


# %% example: What sys.getsizeof counts
import sys

print("== What sys.getsizeof counts ==")
words = ["a" * 1000, "b" * 1000, "c" * 1000]
shallow = sys.getsizeof(words)
deep = shallow + sum(sys.getsizeof(w) for w in words)
print("list object only:", shallow, "bytes")
print("list plus its strings:", deep, "bytes")

# The list stores pointers, so the size of the items makes no difference.
print("1000 Nones:", sys.getsizeof([None] * 1000))
print("1000 huge ints:", sys.getsizeof([10**100] * 1000))

# tracemalloc sees every new block: the list and the ints it points to.
import tracemalloc

tracemalloc.start()
for low in (0, 1000):
    before = tracemalloc.get_traced_memory()[0]
    numbers = list(range(low, low + 1000))
    used = tracemalloc.get_traced_memory()[0] - before
    print(f"list(range({low}, {low + 1000})): getsizeof {sys.getsizeof(numbers):,} bytes,"
          f" tracemalloc {used:,} bytes")
    del numbers
tracemalloc.stop()
# The small ints of the first list are cached, so it costs less than the
# second; the lesson gives both figures for desktop CPython and Pyodide.


# %% example: A size that counts shared objects once
import sys


def total_size(obj):
    """Bytes of obj and everything reachable through lists, tuples, dicts and sets."""
    seen = set()
    total = 0
    stack = [obj]
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
    return total


print("== A size that counts shared objects once ==")
row = list(range(100))
table = [row] * 10         # ten references to ONE row
print("ten shared rows:", total_size(table))
print("ten separate rows:", total_size([list(range(100)) for _ in range(10)]))


# %% example: Dicts: compact tables and shared keys
import gc
import sys
import tracemalloc

print("== Dicts: compact tables and shared keys ==")
for n in (0, 5, 6, 10, 11):
    print(f"dict with {n:>2} keys: getsizeof {sys.getsizeof({i: None for i in range(n)})}")
print("keys come back in insertion order:", list({"b": 1, "a": 2, "c": 3}))


class Point:
    def __init__(self):
        self.x = None
        self.y = None


first = Point()
print("getsizeof(first.__dict__):", sys.getsizeof(first.__dict__))
more = [Point() for _ in range(100)]
print("the same, 100 instances later:", sys.getsizeof(more[-1].__dict__))


def bytes_each(make, n=1000):
    """What tracemalloc sees per object, for n objects kept alive."""
    keep = [None] * n
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(n):
        keep[i] = make(i)
    used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return round(used / n)


points = [Point() for _ in range(1000)]
print("tracemalloc, bytes per object:")
print("  a Point (two attributes):", bytes_each(lambda i: Point()))
print("  a dict with the same two keys:", bytes_each(lambda i: {"x": None, "y": None}))
print("  first look at each point's __dict__:", bytes_each(lambda i: points[i].__dict__))
# getsizeof of a __dict__ depends on how many instances the class has made,
# and the first look at p.__dict__ builds the dict it then measures.
# Counting many objects with tracemalloc is the measurement to trust.


# %% example: Slicing copies, memoryview does not; writing through a view
import time

print("== Slicing copies, memoryview does not ==")
data = bytes(1_000_000)
view = memoryview(data)

start = time.perf_counter()
for _ in range(1000):
    part = data[1:]        # copies 999,999 bytes every time
copy_time = time.perf_counter() - start

start = time.perf_counter()
for _ in range(1000):
    part = view[1:]        # a new view of the same memory
view_time = time.perf_counter() - start

print(f"1000 byte slices:   {copy_time * 1000:.2f} ms")
print(f"1000 memoryview slices: {view_time * 1000:.2f} ms")
print("the view still reads the original:", view[1:].obj is data)

print("-- writing through a view --")
buffer = bytearray(b"hello world")
window = memoryview(buffer)[6:]
window[0] = ord("W")       # changes buffer itself
print(buffer)

piece = buffer[0:5]        # a slice of a bytearray is a copy
piece[0] = ord("J")
print("copy changed:", piece, "| original:", buffer)

try:
    buffer.append(ord("!"))    # cannot resize while a view exists
except BufferError as err:
    print("BufferError:", err)
window.release()
buffer.append(ord("!"))
print("after release:", buffer)


# %% example: Your laptop vs this page
import gc
import struct
import sys
import warnings

print("== Your laptop vs this page ==")
print("Python", sys.version.split()[0], "on", sys.platform)
print("pointer size:", struct.calcsize("P"), "bytes")
print("sys.getsizeof([]):", sys.getsizeof([]))
print("sys.getsizeof(1):", sys.getsizeof(1))
print("gc.get_threshold():", gc.get_threshold())
# The defaults: (700, 10, 10) on CPython 3.11 and 3.12, (2000, 10, 10) on
# 3.13, and (2000, 10, 0) on 3.14, which includes Pyodide.
DEFAULTS = {(3, 11): (700, 10, 10), (3, 12): (700, 10, 10), (3, 13): (2000, 10, 10)}
print("the lesson's default for this version:",
      gc.get_threshold() == DEFAULTS.get(sys.version_info[:2], (2000, 10, 0)))
cached = [i for i in range(-10, 300) if int(str(i)) is int(str(i))]
print("small-int cache:", cached[0], "to", cached[-1])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    compile("x = 1\nx is 1", "<cell>", "exec")
print("warning for x is 1:", caught[0].message)
