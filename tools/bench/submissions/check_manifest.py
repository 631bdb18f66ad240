"""check_manifest.py -- do the submissions do what manifest.json says?

    python3 tools/bench/submissions/check_manifest.py [--quick] [FILTER ...]

Checks, with plain CPython and nothing from web/py (so it keeps working
while the checker changes):

* the layout: every .py file under <topic>/<exercise>/ is in the manifest
  and every manifest entry names a file that exists; kind, expect, topic
  and exercise agree with the path; every exercise in content/ has at
  least 5 submissions, 2 of them correct;
* the claims that plain Python can settle, each file in a child process
  with a time limit:
    correct  passes TESTS and agrees with the reference solution on
             make_input(n, seed) at every size (seeds 0 and 1);
    slow     passes TESTS and agrees with the reference at the smallest
             size (its slowness is for the bench to find);
    wrong    fails a test, or disagrees with the reference at some size
             and seed (sizes tried smallest first, seeds 0-2);
    error    raises: while loading, on a test, or on a generated input.
  A file that raises on any test counts as an error even if another test
  already gave a wrong answer; "wrong" files must not raise on any test.
  Hostile files are never run here: they patch, exit or loop by design.
  Only their layout is checked.

Results are compared strictly: same type at every level, then ==, so an
int where a bool is expected, or a memoryview where bytes are expected,
counts as a different answer.

FILTER keeps the files whose path contains one of the words. --quick
checks correct files at the smallest size only. Prints one line per
problem and ends with "N passed, N failed"; exits 1 if anything failed.
"""

import copy
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
CONTENT = os.path.join(ROOT, "content")
KINDS = {"correct": "pass", "slow": "fail-slow", "wrong": "fail-wrong",
         "error": "fail-error", "hostile": "contained"}
CHILD_SECONDS = 60


# ------------------------------------------------------------ content --

def cells(path):
    """{(kind, name): code} for the "# %% kind: name" cells of a file."""
    out, key, body = {}, None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# %%"):
                if key:
                    out[key] = "".join(body)
                kind, _, name = line[4:].partition(":")
                key, body = (kind.strip(), name.strip()), []
            elif key:
                body.append(line)
    if key:
        out[key] = "".join(body)
    return out


def exercises():
    """{topic: [exercise names]} from content/*/exercises.py."""
    found = {}
    for topic in sorted(os.listdir(CONTENT)):
        path = os.path.join(CONTENT, topic, "exercises.py")
        if os.path.isfile(path):
            found[topic] = [name for kind, name in cells(path) if kind == "exercise"]
    return found


# -------------------------------------------------------------- child --

def same(a, b):
    """Equal and of the same type all the way down."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, float) and a != a:
        return b != b
    return a == b


def load(code, name, filename):
    space = {"__name__": "submission"}
    exec(compile(code, filename, "exec"), space)
    return space[name]


def judge(topic, exercise, path, kind, quick):
    """Outcome of one file: "pass", "fail-wrong" or "fail-error", and where."""
    ex = cells(os.path.join(CONTENT, topic, "exercises.py"))
    sol = cells(os.path.join(CONTENT, topic, "solutions.py"))
    check = {"__name__": "check"}
    exec(compile(ex[("check", exercise)], "<check>", "exec"), check)
    reference = load(sol[("solution", exercise)], exercise, "<solution>")
    with open(path, encoding="utf-8") as f:
        code = f.read()
    try:
        func = load(code, exercise, path)
    except BaseException as exc:
        return "fail-error", "loading raised %s" % type(exc).__name__
    wrong = None
    for index, (args, expected) in enumerate(check["TESTS"], 1):
        try:
            got = func(*copy.deepcopy(args))
        except Exception as exc:
            return "fail-error", "test %d raised %s" % (index, type(exc).__name__)
        if wrong is None and not same(got, expected):
            wrong = "test %d: got %.80r" % (index, got)
    if wrong:
        return "fail-wrong", wrong
    sizes = list(check["SIZES"])
    if kind == "slow" or quick:
        plan = [(sizes[0], 0), (sizes[0], 1)]
    elif kind == "correct":
        plan = [(n, s) for n in sizes for s in (0, 1)]
    else:
        plan = [(n, s) for n in sizes for s in (0, 1, 2)]
    for n, seed in plan:
        args = check["make_input"](n, seed)
        want = reference(*copy.deepcopy(args))
        try:
            got = func(*copy.deepcopy(args))
        except Exception as exc:
            return "fail-error", "make_input(%d, %d) raised %s" % (n, seed, type(exc).__name__)
        if not same(got, want):
            return "fail-wrong", "make_input(%d, %d): not the reference's answer" % (n, seed)
    return "pass", "tests and %d generated inputs" % len(plan)


def child(args):
    topic, exercise, path, kind, quick = args
    outcome, where = judge(topic, exercise, path, kind, quick == "1")
    print(json.dumps({"outcome": outcome, "where": where}))


# ------------------------------------------------------------- parent --

def layout(manifest):
    problems = []
    listed = set()
    for entry in manifest:
        path = entry["file"]
        listed.add(path)
        parts = path.split("/")
        if len(parts) != 3 or not parts[2].endswith(".py"):
            problems.append("%s: not <topic>/<exercise>/<kind>_<label>.py" % path)
            continue
        kind = parts[2].split("_", 1)[0]
        if entry.get("kind") != kind or KINDS.get(kind) != entry.get("expect"):
            problems.append("%s: kind/expect %s/%s do not match the name"
                            % (path, entry.get("kind"), entry.get("expect")))
        if (entry.get("topic"), entry.get("exercise")) != (parts[0], parts[1]):
            problems.append("%s: topic/exercise do not match the path" % path)
        if not entry.get("why"):
            problems.append("%s: no why" % path)
        if not os.path.isfile(os.path.join(HERE, path)):
            problems.append("%s: listed but missing" % path)
    for topic, names in exercises().items():
        for name in names:
            mine = [e for e in manifest if e["topic"] == topic and e["exercise"] == name]
            correct = sum(e["kind"] == "correct" for e in mine)
            if len(mine) < 5 or correct < 2:
                problems.append("%s/%s: %d submissions, %d correct (need 5 and 2)"
                                % (topic, name, len(mine), correct))
            folder = os.path.join(HERE, topic, name)
            for file in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
                if file.endswith(".py") and "%s/%s/%s" % (topic, name, file) not in listed:
                    problems.append("%s/%s/%s: not in the manifest" % (topic, name, file))
    return problems


def main(argv):
    if argv[:1] == ["--child"]:
        return child(argv[1:])
    quick = "--quick" in argv
    words = [a for a in argv if not a.startswith("--")]
    with open(os.path.join(HERE, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    failed = layout(manifest)
    for line in failed:
        print("FAIL layout:", line)
    passed = 0 if failed else 1
    for entry in manifest:
        if entry["kind"] == "hostile" or (words and not any(w in entry["file"] for w in words)):
            continue
        cmd = [sys.executable, os.path.abspath(__file__), "--child", entry["topic"],
               entry["exercise"], os.path.join(HERE, entry["file"]), entry["kind"],
               "1" if quick else "0"]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=CHILD_SECONDS)
            last = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
            result = json.loads(last) if last.startswith("{") else {
                "outcome": "crash", "where": (run.stderr.strip().splitlines() or ["no output"])[-1]}
        except subprocess.TimeoutExpired:
            result = {"outcome": "timeout", "where": "over %d s" % CHILD_SECONDS}
        want = {"correct": ("pass",), "slow": ("pass",),
                "wrong": ("fail-wrong",), "error": ("fail-error",)}[entry["kind"]]
        if result["outcome"] in want:
            passed += 1
        else:
            failed.append(entry["file"])
            print("FAIL %s: expected %s, got %s (%s)" % (entry["file"], "/".join(want),
                                                       result["outcome"], result["where"]))
    print("%d passed, %d failed" % (passed, len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
