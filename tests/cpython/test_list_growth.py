"""Compare the list-growth demo with the python3 running this script.

Runs `coursecore run list-growth` and checks, after every append, that
  * the demo's list capacity equals (sys.getsizeof(lst) - sys.getsizeof([])) // 8,
  * the demo's set table size equals the slots behind sys.getsizeof(s),
  * on a 64-bit build, both byte series equal sys.getsizeof exactly.
The second run goes past 50,000 items, where a set grows by 2x instead of 4x.

usage: python3 tests/cpython/test_list_growth.py build/native/coursecore
"""
import json
import subprocess
import sys

PASSED = 0
FAILED = 0


def check(cond, what):
    global PASSED, FAILED
    if cond:
        PASSED += 1
    else:
        FAILED += 1
        print("FAILED:", what, file=sys.stderr)


def run_demo(exe, appends):
    out = subprocess.run([exe, "run", "list-growth", "--appends", str(appends), "--with_set", "1"],
                         check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    return {s["id"]: s for s in result["series"]}, result


def staircase(series, length):
    """The demo records a point where the value changes (and at the end): the
    value at `length` is that of the last point at or before it."""
    xs, ys = series["x"], series["y"]
    out, k = [], 0
    for i in range(length + 1):
        while k + 1 < len(xs) and xs[k + 1] <= i:
            k += 1
        out.append(int(ys[k]))
    return out


def python_list(length):
    """Capacity and getsizeof after 0..length appends."""
    lst, empty = [], sys.getsizeof([])
    caps, sizes = [], []
    for i in range(length + 1):
        if i:
            lst.append(i - 1)
        size = sys.getsizeof(lst)
        caps.append((size - empty) // 8)
        sizes.append(size)
    return caps, sizes


def python_set(length):
    """Table slots and getsizeof after 0..length adds of distinct ints. The
    first 8 slots live inside the set object, so they add no bytes."""
    s, empty = set(), sys.getsizeof(set())
    slots, sizes = [], []
    for i in range(length + 1):
        if i:
            s.add(i - 1)
        size = sys.getsizeof(s)
        slots.append(8 if size == empty else (size - empty) // 16)
        sizes.append(size)
    return slots, sizes


def changes(values):
    return [i for i in range(1, len(values)) if values[i] != values[i - 1]]


def compare(exe, appends):
    series, result = run_demo(exe, appends)
    check(result.get("complete") is True, "demo run with %d appends completed" % appends)
    caps, list_sizes = python_list(appends)
    slots, set_sizes = python_set(appends)
    demo_caps = staircase(series["list-capacity"], appends)
    demo_slots = staircase(series["set-slots"], appends)
    bad = [i for i in range(appends + 1) if demo_caps[i] != caps[i]]
    check(not bad, "list capacity matches python3 after every append up to %d (first mismatch at %s)"
          % (appends, bad[:1]))
    bad = [i for i in range(appends + 1) if demo_slots[i] != slots[i]]
    check(not bad, "set slots match python3 after every add up to %d (first mismatch at %s)" % (appends, bad[:1]))
    check(changes(demo_slots) == changes(slots), "set resize points %s == python3's %s"
          % (changes(demo_slots)[:8], changes(slots)[:8]))
    reallocs = staircase(series["list-reallocs"], appends)
    check(reallocs[-1] == len(changes(caps)), "list reallocations %d == capacity changes in python3 %d"
          % (reallocs[-1], len(changes(caps))))
    if sys.maxsize > 2 ** 32:
        demo_list_bytes = staircase(series["list-bytes"], appends)
        demo_set_bytes = staircase(series["set-bytes"], appends)
        check(demo_list_bytes == list_sizes, "list bytes == sys.getsizeof(list) on 64-bit")
        check(demo_set_bytes == set_sizes, "set bytes == sys.getsizeof(set) on 64-bit")
    if appends <= 100:
        return
    # the documented growth pattern, as the demo sees it
    pattern = [0] + [demo_caps[i] for i in changes(demo_caps)][:9]
    check(pattern == [0, 4, 8, 16, 24, 32, 40, 52, 64, 76], "growth pattern %s" % pattern)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    exe = sys.argv[1]
    compare(exe, 3000)
    compare(exe, 120000)   # past 50,000 a set grows to used*2
    print("cpython_list_growth: %d passed, %d failed" % (PASSED, FAILED))
    return 0 if FAILED == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
