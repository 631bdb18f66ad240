#!/usr/bin/env python3
"""measure_c.py -- real timing series from the C core's own harness, written
as fixtures for `coursecore fit`.

    python3 tools/bench/real/measure_c.py [--out DIR] [--cli PATH] [--sweeps K]

Runs `coursecore run DEMO --n MIN:MAX ...` (the autoranged harness of
c_src/tim.c: warm-up, batches of >= 1 ms, 5 repeats, median per call) and
keeps the *time* series whose complexity class follows from the demo's
definition. Each demo run gives one reading per size (the harness's median
of its repeats); the demo is run K times (default 3) and the sweeps are
written one after another, so a fixture holds K rows per n, in the order
they were measured. The operation-count and byte series are not exported:
they are exact, not measurements.

Fixture names: tests/fit_real/<class>__c-<demo>-<series>__<variant>.csv.
"""

import argparse
import json
import os
import subprocess
import sys
import time

# (demo, extra args, variant, [(series id, class slug), ...])
# The class of each series, from the demo's source:
#   membership     list: scan of all n items for an absent key; set: hash
#                  probe; bisect: binary search over n sorted items.
#   front-insert   time for all n inserts: list.insert(0, x) moves i items
#                  at step i (n^2/2); deque.appendleft is O(1) each.
#   class-gallery  each series is named by its class in the demo itself
#                  (lst[i], binary search, sum, merge sort, insertion sort on
#                  reversed input, naive subset sum).
#   find-duplicates  worst case (all distinct): every pair / merge sort +
#                  scan / hash set.
#   memoization    naive recursive Fibonacci: 2*F(n+1)-1 calls, phi^n.
#   string-building  s = s + piece copies the whole string each step (n^2);
#                  join copies each piece once.
#   builtin-vs-loop  memcpy of n int64 (n); qsort of n random values
#                  (n log n); insertion sort of n random values (n^2 average).
RUNS = [
    ("membership", ["--n", "1000:1000000", "--points", "8"], "wide",
     [("list", "n"), ("set", "o1"), ("bisect", "logn")]),
    ("front-insert", ["--n", "200:20000", "--points", "8"], "typ",
     [("list", "n2"), ("deque", "n")]),
    ("class-gallery", [], "default",
     [("index", "o1"), ("bisect", "logn"), ("sum", "n"), ("merge-sort", "nlogn"),
      ("insertion-sort", "n2"), ("subset-sum", "2n")]),
    ("find-duplicates", ["--n", "100:10000", "--points", "8"], "typ",
     [("nested", "n2"), ("sort", "nlogn"), ("set", "n")]),
    ("memoization", ["--n", "10:32"], "typ",
     [("naive", "2n")]),
    ("string-building", ["--n", "300:2400", "--points", "7"], "narrow",
     [("concat", "n2"), ("join", "n")]),
    ("builtin-vs-loop", ["--n", "500:50000", "--points", "8"], "typ",
     [("memcpy", "n"), ("qsort", "nlogn"), ("insertion", "n2")]),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(root, "tests", "fit_real"))
    ap.add_argument("--cli", default=os.path.join(root, "build", "native", "coursecore"))
    ap.add_argument("--sweeps", type=int, default=3)
    args = ap.parse_args()
    if not os.access(args.cli, os.X_OK):
        sys.exit("measure_c: %s not found (make build/native/coursecore)" % args.cli)
    os.makedirs(args.out, exist_ok=True)

    t_all = time.perf_counter()
    for demo, extra, variant, wanted in RUNS:
        rows = {sid: [] for sid, _ in wanted}
        t0 = time.perf_counter()
        for _ in range(args.sweeps):
            out = subprocess.run([args.cli, "run", demo] + extra, check=True,
                                 capture_output=True, text=True).stdout
            result = json.loads(out)
            if not result.get("complete", True):
                sys.exit("measure_c: %s did not complete (budget?)" % demo)
            for s in result["series"]:
                if s["metric"] in ("time", "sort time") and s["id"] in rows:
                    rows[s["id"]].extend(zip(s["x"], s["y"]))
        for sid, cls in wanted:
            if not rows[sid]:
                sys.exit("measure_c: %s has no time series %r" % (demo, sid))
            fname = "%s__c-%s-%s__%s.csv" % (cls, demo, sid, variant)
            with open(os.path.join(args.out, fname), "w") as f:
                f.write("n,seconds\n")
                for n, y in rows[sid]:
                    f.write("%d,%.9g\n" % (n, y))
            print("%-52s %3d rows" % (fname, len(rows[sid])))
        print("  (%s: %d sweeps, %.2fs)" % (demo, args.sweeps, time.perf_counter() - t0), flush=True)
    print("total %.1fs" % (time.perf_counter() - t_all))


if __name__ == "__main__":
    main()
