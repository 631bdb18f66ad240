#!/usr/bin/env python3
"""test_real_fit.py -- the classifier on real timings (tests/fit_real/*.csv,
measured by tools/bench/real/), as `coursecore fit` reports them to a
learner or a teacher.

    python3 tests/fit_real/test_real_fit.py [build/native/coursecore]

Real timings carry what synthetic noise does not: cache steps, call
overhead, gc pauses, creep. The checks are what a user would notice: most
verdicts right, a wrong class stated as the answer only rarely (saying
"inconclusive" is the honest miss), and the steep classes never missed.
Prints one line per check and "N passed, N failed".
"""
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools", "bench", "real"))
import score  # noqa: E402  (the fixture naming and the CLI call)

MIN_ACCURACY = 0.90     # 67/72 when the fixtures were measured
MAX_WRONG_CLASS = 3     # stated a wrong class: 2/72 then
STEEP = ("O(n^2)", "O(n^3)", "O(2^n)")


def main():
    cli = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "native", "coursecore")
    if not os.path.exists(cli):
        subprocess.run(["make", "-C", ROOT, "build/native/coursecore"], check=True)
    results = []
    for path in sorted(glob.glob(os.path.join(HERE, "*.csv"))):
        truth = score.LABEL[os.path.basename(path).split("__", 1)[0]]
        verdict, _ = score.fit(cli, path)
        results.append((os.path.basename(path), truth, verdict))
    checks = []
    right = sum(v == t for _, t, v in results)
    checks.append(("%d fixtures, every one fitted" % len(results),
                   len(results) >= 60 and all(v in score.VERDICTS for _, _, v in results)))
    checks.append(("accuracy %d/%d >= %.0f%%" % (right, len(results), 100 * MIN_ACCURACY),
                   right >= MIN_ACCURACY * len(results)))
    wrong = [(n, v) for n, t, v in results if v != t and v != "inconclusive"]
    checks.append(("a wrong class stated for %d <= %d (%s)"
                   % (len(wrong), MAX_WRONG_CLASS, ", ".join("%s: %s" % w for w in wrong)),
                   len(wrong) <= MAX_WRONG_CLASS))
    for cls in STEEP:
        missed = [n for n, t, v in results if t == cls and v != t]
        checks.append(("every %s fixture right%s" % (cls, (": missed " + ", ".join(missed)) if missed else ""),
                       not missed))
    failed = 0
    for text, ok in checks:
        print("%s %s" % ("ok  " if ok else "FAIL", text))
        failed += not ok
    print("test_real_fit: %d passed, %d failed" % (len(checks) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
