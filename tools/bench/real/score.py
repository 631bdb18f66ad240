#!/usr/bin/env python3
"""score.py -- run `coursecore fit` on every real-measurement fixture and
score the verdicts against the class in each file's name.

    python3 tools/bench/real/score.py [--dir tests/fit_real] [--cli PATH]

Prints per-class accuracy, a confusion table (rows: true class, columns:
verdict), the misses with their confidence, and a last line

    real-fit: accuracy X% (N/M)

"inconclusive" counts as wrong in the accuracy; misses that are conclusive
(a wrong class stated as the answer, the worse error) are counted apart.
"""

import argparse
import glob
import json
import os
import subprocess
import sys

SLUGS = ["o1", "logn", "n", "nlogn", "n2", "n3", "2n"]
LABEL = {"o1": "O(1)", "logn": "O(log n)", "n": "O(n)", "nlogn": "O(n log n)",
         "n2": "O(n^2)", "n3": "O(n^3)", "2n": "O(2^n)"}
VERDICTS = [LABEL[s] for s in SLUGS] + ["inconclusive"]
SHORT = {"O(1)": "1", "O(log n)": "log", "O(n)": "n", "O(n log n)": "nlog",
         "O(n^2)": "n^2", "O(n^3)": "n^3", "O(2^n)": "2^n", "inconclusive": "inc"}


def fit(cli, path):
    """(verdict, full result): the verdict is the JSON's "best", the same
    label `coursecore fit` prints on its first line."""
    js = json.loads(subprocess.run([cli, "fit", "--json", path], check=True,
                                   capture_output=True, text=True).stdout)
    return js["best"], js


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", default=os.path.join(root, "tests", "fit_real"))
    ap.add_argument("--cli", default=os.path.join(root, "build", "native", "coursecore"))
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.dir, "*.csv")))
    if not files:
        sys.exit("score: no fixtures in %s" % args.dir)
    results = []   # (file, true label, verdict, json)
    for path in files:
        name = os.path.basename(path)
        slug = name.split("__", 1)[0]
        if slug not in LABEL:
            sys.exit("score: %s: unknown class slug %r" % (name, slug))
        verdict, js = fit(args.cli, path)
        results.append((name, LABEL[slug], verdict, js))

    print("fixtures: %d in %s" % (len(results), os.path.relpath(args.dir, root)))
    print()
    print("per class:")
    for s in SLUGS:
        rs = [r for r in results if r[1] == LABEL[s]]
        if not rs:
            continue
        ok = sum(r[2] == r[1] for r in rs)
        inc = sum(r[2] == "inconclusive" for r in rs)
        print("  %-11s %3d/%-3d %5.1f%%   (inconclusive %d, wrong class %d)"
              % (LABEL[s], ok, len(rs), 100.0 * ok / len(rs), inc, len(rs) - ok - inc))
    print()
    print("confusion (rows: true class, columns: verdict):")
    print("  %-11s" % "" + "".join("%6s" % SHORT[v] for v in VERDICTS))
    for s in SLUGS:
        row = [sum(1 for r in results if r[1] == LABEL[s] and r[2] == v) for v in VERDICTS]
        print("  %-11s" % LABEL[s] + "".join("%6s" % (c if c else ".") for c in row))
    print()
    misses = [r for r in results if r[2] != r[1]]
    print("misses (%d):" % len(misses))
    for name, true, verdict, js in misses:
        print("  %-52s true %-10s got %-12s top %-10s conf %.2f  slope %.2f  noise %.1f%%"
              % (name, true, verdict, js.get("top"), js.get("confidence", float("nan")),
                 js.get("slope", float("nan")), 100 * js.get("noise", float("nan"))))
    ok = len(results) - len(misses)
    wrong_conclusive = sum(1 for r in misses if r[2] != "inconclusive")
    print()
    print("wrong but conclusive (a wrong class given as the answer): %d/%d"
          % (wrong_conclusive, len(results)))
    print("inconclusive: %d/%d" % (len(misses) - wrong_conclusive, len(results)))
    print("real-fit: accuracy %.1f%% (%d/%d)" % (100.0 * ok / len(results), ok, len(results)))


if __name__ == "__main__":
    main()
