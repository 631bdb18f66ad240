"""Examples for topic 02: references vs values.

Run the whole file with `python3 examples.py`, or run one cell at a time.
Every cell imports what it needs, so each one also works on its own.
"""

# %% example: Assignment binds a name, it never copies
print("== Assignment binds a name, it never copies ==")
a = [1, 2, 3]
b = a                  # b is a second name for the same list
b.append(4)
print("a =", a)
print("b =", b)
print("a is b:", a is b)
c = [1, 2, 3, 4]       # an equal list, but a different object
print("a == c:", a == c, "| a is c:", a is c)


# %% example: Mutating an object vs rebinding a name
print("== Mutating an object vs rebinding a name ==")
xs = [1, 2]
ys = xs
xs += [3]              # list += extends the list in place
print("after xs += [3]:     xs =", xs, " ys =", ys)
xs = xs + [4]          # + builds a new list; only xs is rebound
print("after xs = xs + [4]: xs =", xs, " ys =", ys)

n = 10
m = n
n += 1                 # ints are immutable: += makes a new int and rebinds n
print("ints: n =", n, " m =", m)


# %% example: Functions receive references (call by sharing)
def add_item(items):
    items.append("added")      # mutates the caller's object


def replace_items(items):
    items = ["replaced"]       # rebinds the local name only
    return items


print("== Functions receive references (call by sharing) ==")
data = ["start"]
add_item(data)
print("after add_item:     ", data)
result = replace_items(data)
print("after replace_items:", data, " (returned", result, ")")


# %% example: A mutable default is created once
def remember(item, seen=[]):
    seen.append(item)
    return seen


def remember_fixed(item, seen=None):
    if seen is None:
        seen = []              # a fresh list on every call
    seen.append(item)
    return seen


print("== A mutable default is created once ==")
print(remember("a"))
print(remember("b"))           # the same list as the first call
print("stored default:", remember.__defaults__)
print(remember_fixed("a"))
print(remember_fixed("b"))


# %% example: The [[0]*m]*n trap
print("== The [[0]*m]*n trap ==")
shared = [[0] * 3] * 3          # three references to ONE row
separate = [[0] * 3 for _ in range(3)]  # three independent rows
shared[0][0] = 9
separate[0][0] = 9
print("shared:  ", shared)
print("separate:", separate)
print("distinct rows in shared:  ", len({id(row) for row in shared}))
print("distinct rows in separate:", len({id(row) for row in separate}))


# %% example: Aliasing hides inside containers
print("== Aliasing hides inside containers ==")
groups = dict.fromkeys(["red", "blue"], [])   # one list, used for both keys
groups["red"].append("apple")
print("fromkeys:  ", groups)
groups = {key: [] for key in ["red", "blue"]}  # one list per key
groups["red"].append("apple")
print("comprehension:", groups)

row = [0, 0]
board = [row, row, [0, 0]]        # the first two entries are the same object
board[1][0] = 5
print("board:", board)


# %% example: Shallow copies share the inside
import copy

print("== Shallow copies share the inside ==")
original = [[1, 2], [3, 4]]
copies = {
    "slice": original[:],
    "list()": list(original),
    ".copy()": original.copy(),
    "copy.copy": copy.copy(original),
}
for how, dup in copies.items():
    print(f"{how:10} new outer list: {dup is not original}, "
          f"same first row: {dup[0] is original[0]}")
copies["slice"][0].append(99)     # a change through ANY copy's row...
print("original now:", original)  # ...shows up in the original


# %% example: Deep copies, shared parts and cycles
import copy

print("== Deep copies, shared parts and cycles ==")
inner = [1, 2]
outer = [inner, inner, [3]]
deep = copy.deepcopy(outer)
print("deep == outer:", deep == outer)
print("deep[0] is inner:", deep[0] is inner)
print("sharing kept, deep[0] is deep[1]:", deep[0] is deep[1])

loop = [1]
loop.append(loop)                # a list that contains itself
clone = copy.deepcopy(loop)      # the memo stops the recursion
print("clone[1] is clone:", clone[1] is clone, "| clone is loop:", clone is loop)

atoms = (1, "two", 3.0)
print("immutable tuple of atoms returned as is:", copy.deepcopy(atoms) is atoms)


# Several deep copies share a part only when they share one memo.
config = {"paths": ["/tmp"]}
a = {"name": "a", "config": config}
b = {"name": "b", "config": config}

a1, b1 = copy.deepcopy(a), copy.deepcopy(b)      # two separate memos
print("separate calls share config:", a1["config"] is b1["config"])

memo = {}
a2, b2 = copy.deepcopy(a, memo), copy.deepcopy(b, memo)  # one memo
print("one memo shares config:     ", a2["config"] is b2["config"])

a3, b3 = copy.deepcopy((a, b))                   # one call, one memo
print("one call shares config:     ", a3["config"] is b3["config"])


# %% example: Customising copies with __copy__ and __deepcopy__
import copy


class Report:
    """Holds rows of data plus a cache that should never be copied."""

    def __init__(self, rows):
        self.rows = rows
        self._cache = {}

    def total(self):
        if "total" not in self._cache:
            self._cache["total"] = sum(sum(r) for r in self.rows)
        return self._cache["total"]

    def __copy__(self):
        new = Report(self.rows)          # share rows, fresh cache
        return new

    def __deepcopy__(self, memo):
        new = Report.__new__(Report)
        memo[id(self)] = new             # register BEFORE recursing
        new.rows = copy.deepcopy(self.rows, memo)
        new._cache = {}
        return new


print("== Customising copies with __copy__ and __deepcopy__ ==")
r = Report([[1, 2], [3]])
print("total:", r.total(), "| cache:", r._cache)
shallow, deep = copy.copy(r), copy.deepcopy(r)
print("shallow shares rows:", shallow.rows is r.rows, "| cache:", shallow._cache)
print("deep shares rows:   ", deep.rows is r.rows, "| cache:", deep._cache)


# %% example: Copying defensively at a boundary
from types import MappingProxyType


class Playlist:
    def __init__(self, songs):
        self._songs = list(songs)        # copy on the way in

    def songs(self):
        return tuple(self._songs)        # read-only snapshot on the way out

    def add(self, song):
        self._songs.append(song)


print("== Copying defensively at a boundary ==")
mine = ["intro", "verse"]
p = Playlist(mine)
mine.append("oops")                      # caller keeps editing its own list
print("playlist:", p.songs())
snapshot = p.songs()
p.add("chorus")
print("old snapshot:", snapshot, "| now:", p.songs())

settings = {"volume": 5}
view = MappingProxyType(settings)        # read-only view, no copy at all
try:
    view["volume"] = 11
except TypeError as err:
    print("read-only view:", type(err).__name__)
settings["volume"] = 7
print("the view follows the dict:", view["volume"])


# %% example: What copying costs, here and on your laptop
import copy
import struct
import sys
import time

print("== What copying costs, here and on your laptop ==")
print("Python", sys.version.split()[0], "on", sys.platform)
print("one reference (a pointer):", struct.calcsize("P"), "bytes")
print("sys.getsizeof([0] * 1000):", sys.getsizeof([0] * 1000))


def best_of(fn, repeats=5):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


grid = [[0] * 100 for _ in range(300)]       # 300 rows, 30,000 cells
alias = best_of(lambda: grid)                # just another reference
shallow = best_of(lambda: grid[:])           # copies 300 row pointers
rows = best_of(lambda: [r[:] for r in grid])  # copies every row
deep = best_of(lambda: copy.deepcopy(grid))  # visits every object
print(f"alias:          {alias * 1e6:10.1f} us")
print(f"shallow copy:   {shallow * 1e6:10.1f} us")
print(f"copy each row:  {rows * 1e6:10.1f} us")
print(f"copy.deepcopy:  {deep * 1e6:10.1f} us")
print("deep copy slower than copying each row:", deep > rows)
print(f"deepcopy / copy each row: about x{deep / rows:.0f}")


def nested(depth):
    value = []
    for _ in range(depth):
        value = [value]
    return value


# deepcopy makes two Python calls per level of nesting, so it stops at a
# little under half the recursion limit.
deepest = 0
for depth in range(100, 1001, 100):
    try:
        copy.deepcopy(nested(depth))
        deepest = depth
    except RecursionError:
        print(f"deepcopy, nested {depth} deep: RecursionError"
              f" (limit {sys.getrecursionlimit()}); {deepest} deep worked")
        break


# %% example: Loop variables and late-binding closures
import functools

print("== Loop variables and late-binding closures ==")
prices = [10, 20, 30]
for p in prices:
    p = p * 2            # rebinds the name p; the list still holds 10, 20, 30
print("after rebinding p:", prices)
for i in range(len(prices)):
    prices[i] = prices[i] * 2   # stores into the list itself
print("after prices[i] = ...:", prices)

late = [lambda: i for i in range(3)]      # each lambda looks i up when called
print("late binding:", [f() for f in late])
early = [lambda i=i: i for i in range(3)]  # the default is evaluated now
print("default argument:", [f() for f in early])
bound = [functools.partial(int, i) for i in range(3)]  # partial stores i now
print("functools.partial:", [f() for f in bound])
