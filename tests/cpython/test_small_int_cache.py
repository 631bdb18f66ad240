"""Compare the small-int-cache demo with the python3 running this script.

Runs `coursecore run small-int-cache` and checks that
  * the cache range the demo reports (a note "same object: LO..HI") is the
    range where python3's `int(str(v)) is int(str(v))` holds, for every v in
    range(-10, 300);
  * every row of the demo's identity table ("a is b (with cache)") agrees
    with python3 for that value;
  * the demo's allocation count with the cache equals the number of its
    drawn values (the same splitmix64 draws, redone here) that python3 does
    NOT hand out as shared objects; without the cache, one per value.
The demo mirrors CPython 3.14 (-5..256). CPython 3.15 widens the cache to
-5..1024 (gh-133059); under 3.15+ only the negative end and 256 are compared,
and the widened upper end is reported.

usage: python3 tests/cpython/test_small_int_cache.py build/native/coursecore
"""
import json
import re
import subprocess
import sys

PASSED = 0
FAILED = 0
MASK = (1 << 64) - 1


def check(cond, what):
    global PASSED, FAILED
    if cond:
        PASSED += 1
    else:
        FAILED += 1
        print("FAILED:", what, file=sys.stderr)


def run_demo(exe, *args):
    out = subprocess.run([exe, "run", "small-int-cache"] + list(args),
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def same_object(v):
    """What python3 does: two ints parsed separately, one object or two?"""
    return int(str(v)) is int(str(v))


def python_cache_range(lo=-2000, hi=5000):
    cached = [v for v in range(lo, hi) if same_object(v)]
    return (min(cached), max(cached)) if cached else None


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def drawn_values(n, lo, hi, seed=2024):
    """The demo's values: lo + splitmix64() % (hi - lo + 1), seed 2024."""
    span = hi - lo + 1
    out = []
    for _ in range(n):
        seed, z = splitmix64(seed)
        out.append(lo + z % span)
    return out


def series(result, sid, metric):
    for s in result["series"]:
        if s["id"] == sid and s["metric"] == metric:
            return s
    return None


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    exe = sys.argv[1]
    widened = sys.version_info >= (3, 15)
    lo_v, hi_v, n = -20, 300, 5000
    result = run_demo(exe, "--n_min", "100", "--n_max", str(n), "--points", "3",
                      "--value_min", str(lo_v), "--value_max", str(hi_v))
    check(result.get("complete") is True, "demo run completed")

    # the range the demo reports
    match = None
    for note in result["notes"]:
        match = match or re.search(r"same object: (-?\d+)\.\.(-?\d+)", note)
    check(match is not None, "the demo reports its cache range in a note")
    demo_lo, demo_hi = (int(match.group(1)), int(match.group(2))) if match else (None, None)
    check((demo_lo, demo_hi) == (-5, 256), "demo range %s..%s is CPython 3.14's -5..256" % (demo_lo, demo_hi))
    py_range = python_cache_range()
    print("python3 %s: cache range %s..%s" % (sys.version.split()[0], py_range[0], py_range[1]))

    if not widened:
        check(py_range == (demo_lo, demo_hi), "python3's range %s == the demo's" % (py_range,))
        bad = [v for v in range(-10, 300) if same_object(v) != (demo_lo <= v <= demo_hi)]
        check(not bad, "int(str(v)) is int(str(v)) matches the demo for every v in range(-10, 300) (first: %s)"
              % bad[:3])
    else:
        print("note: python3 >= 3.15 caches -5..1024; the demo follows 3.14", file=sys.stderr)
        check(py_range[0] == demo_lo, "negative end %d == the demo's" % py_range[0])
        check(same_object(256) and not same_object(-6), "256 cached, -6 not")

    # the identity table, row by row
    table = result["tables"][0]
    col = table["columns"].index("a is b (with cache)")
    rows = table["rows"]
    check(len(rows) >= 6, "identity table has rows")
    for row in rows:
        v, demo_same = int(row[0]), row[col] == "True"
        if widened and 256 < v <= 1024:
            continue
        check(demo_same == same_object(v), "table row %d: demo says %s, python3 says %s"
              % (v, demo_same, same_object(v)))
        check(row[table["columns"].index("a is b (no cache)")] == "False", "without a cache %d is never shared" % v)

    # allocations: python3 decides which of the demo's draws are shared
    values = drawn_values(n, lo_v, hi_v)
    expected = sum(1 for v in values if not (same_object(v) if not widened else -5 <= v <= 256))
    with_cache = series(result, "cache", "ops")
    without = series(result, "no-cache", "ops")
    check(with_cache is not None and without is not None, "allocation series present")
    if with_cache and without:
        check(with_cache["x"][-1] == n, "last point at n = %d" % n)
        check(with_cache["y"][-1] == expected, "allocations with the cache %d == draws python3 does not share %d"
              % (with_cache["y"][-1], expected))
        check(without["y"][-1] == n, "allocations without a cache %d == n" % without["y"][-1])

    print("cpython_small_int_cache: %d passed, %d failed" % (PASSED, FAILED))
    return 0 if FAILED == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
