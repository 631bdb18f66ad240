#!/usr/bin/env python3
"""stub_coursecore.py -- a stand-in for `coursecore fit --target` (tests only).

    stub_coursecore.py fit --target CLASS [--steps S.csv] [--too-slow N,S,REF] --json FILE.csv

Used by tests/py/test_checker.py while the core's judge is not built. It
classifies with the real `build/native/coursecore fit --json` and applies a
crude rule (pass when the best class meets the target, fail when it is
above it at confidence >= 0.9 or when the steps' log-log slope is >= the
target's exponent + 0.5, fail on too slow when the reference is 20x
faster). Its output has the keys of the contract's api_judge JSON. It is not
the judge: verify_content.py and the page use the core.
"""
import json
import math
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REAL = os.path.join(ROOT, "build", "native", "coursecore")
CLASSES = ["O(1)", "O(log n)", "O(n)", "O(n log n)", "O(n^2)", "O(n^3)", "O(2^n)"]
EXPONENT = {"O(1)": 0, "O(log n)": 0.1, "O(n)": 1, "O(n log n)": 1.1, "O(n^2)": 2, "O(n^3)": 3, "O(2^n)": 9}


def fit(path):
    p = subprocess.run([REAL, "fit", "--json", path], capture_output=True, text=True)
    try:
        return json.loads(p.stdout)
    except ValueError:
        return {"error": p.stderr.strip()}


def rows(path):
    with open(path) as f:
        lines = f.read().split("\n")[1:]
    return [tuple(map(float, l.split(","))) for l in lines if l.strip()]


def main(argv):
    if argv[:1] == ["classes"]:
        print(json.dumps({"classes": CLASSES}))
        return 0
    args = argv[1:]
    target = args[args.index("--target") + 1]
    steps = args[args.index("--steps") + 1] if "--steps" in args else None
    slow = args[args.index("--too-slow") + 1] if "--too-slow" in args else None
    data = args[-1]
    out = {"target": target, "verdict": "inconclusive", "reason": "", "decided_by": "none",
           "disagree": False, "time": None, "steps": None}
    if slow:
        n, s, ref = map(float, slow.split(","))
        if ref > 0 and s >= 20 * ref:
            out.update(verdict="fail", decided_by="too_slow",
                       reason="at n = %d yours took over %.0f s; the reference takes %.3g ms" % (n, s, ref * 1000))
            print(json.dumps(out))
            return 0
    if steps:
        r = rows(steps)
        if len({n for n, _ in r}) >= 3 and r[0][1] > 0:
            slope = math.log(r[-1][1] / r[0][1]) / math.log(r[-1][0] / r[0][0])
            out["steps"] = {"slope": slope}
            if slope >= EXPONENT[target] + 0.5:
                out.update(verdict="fail", decided_by="steps", reason="steps slope %.2f" % slope)
                print(json.dumps(out))
                return 0
    if len({n for n, _ in rows(data)}) < 3:
        out["reason"] = "only %d sizes measured" % len({n for n, _ in rows(data)})
        print(json.dumps(out))
        return 0
    f = fit(data)
    out["time"] = f
    best = f.get("best")
    t = CLASSES.index(target)
    if best in CLASSES and CLASSES.index(best) <= t:
        out.update(verdict="pass", decided_by="time", reason="time %s" % best)
    elif best in CLASSES and f.get("confidence", 0) >= 0.9:
        out.update(verdict="fail", decided_by="time", reason="time %s" % best)
    elif f.get("slope") is not None and f["slope"] >= EXPONENT[target] + 0.5:
        out.update(verdict="fail", decided_by="time", reason="time slope %.2f" % f["slope"])
    elif f.get("slope") is not None and f["slope"] <= EXPONENT[target] + 0.1:
        out.update(verdict="pass", decided_by="time", reason="time slope %.2f" % f["slope"])
    else:
        out["reason"] = "time %s (%s)" % (best, f.get("reason"))
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
