#!/usr/bin/env python3
"""verify_content.py -- check every topic in content/ against real CPython.

    python3 tests/content/verify_content.py [--content content] [--topic ID ...]
                                            [--no-measure] [--verbose]

Run by `make test-content`. Prints one FAIL line per failed check (some
followed by indented details, e.g. a diff), SKIP lines for checks that
could not run (with the reason), and ends with exactly

    content: N passed, N failed

The exit status is 1 if anything failed. Content is parsed once, by the build
(tools/content/build.mjs, run first into a temporary folder with the demo
ids from `coursecore list`): its file:line problems are failures here, and
what needs a real interpreter comes from the checks.json it writes. What is
checked, per topic (content/FORMAT.md is the contract):

* the build accepts the content (structure of lessons, cells and quizzes,
  demo ids, example numbers, links, value slots, check:, class:);
* lesson: 1,500-3,000 words outside code blocks, "## Key takeaways" and
  "## Common mistakes" (the build counts them: checks.json's "lesson");
* checks.json, through tools/content/run_facts.py in a fresh python3 per
  topic (the module Pyodide runs in tests/node/content_pyodide.test.mjs):
  every example cell and runnable lesson block runs alone, every output
  question prints its expected output, every value slot and check: line
  holds; every curve question's class: is what its demo measures in the
  core (`coursecore run ID`); `python3 examples.py` exits 0; 8-12 cells;
* exercises.py / solutions.py: 5-8 exercises; every stub fails at least
  one of its TESTS, every solution and every naive version passes them
  all; SIZES has 5-8 increasing sizes spanning at least 8x; make_input is
  deterministic; at least two exercises per topic have a naive version
  whose declared time (or space) class is above the target;
* complexity: every solution passes a full Check and every naive version
  fails the target it declares a worse class for, "slow" (not "wrong" or
  "error"). A Check is the page's own procedure (web/py/check_session.py:
  warm-up, reference first, results compared at every size, time + steps
  + memory), run by web/py/check_cli.py -> tools/check_desktop.mjs (the
  page's loop, web/src/check_flow.js, with a fresh python3 worker), one at a time,
  and judged by the core: `coursecore fit --target ... --json` (api_judge).
  There is no verdict policy here. A Check that ends inconclusive is run
  again with another seed, up to ATTEMPTS times in all. The class list
  comes from the core (`coursecore classes --json`).

verify_content.py parses no content file itself: the exercises, their
check cells, solutions and naive versions (with their headers, file and
line) come from checks.json too, and a Check reads the built
topics/<id>.json, as the page does. If the build fails, the exercises are
skipped (the build's problems are the failures).

If build/native/coursecore is missing, `make build/native/coursecore` is
tried; if that fails, the checks that need it are skipped with the reason.
"""

import argparse
import concurrent.futures
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ beside web/py/checker.py
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "web", "py"))

import canonical  # noqa: E402  (web/py/canonical.py)
import check_cli  # noqa: E402  (web/py/check_cli.py)
import checker  # noqa: E402  (web/py/checker.py)

CLASSES = []      # filled from the core in main()
PY = sys.executable or "python3"
CHECK_CLI = os.path.join(ROOT, "web", "py", "check_cli.py")
COURSECORE = os.environ.get("COURSECORE", os.path.join(ROOT, "build", "native", "coursecore"))
# The program whose `fit --target` judges the Checks: the core, unless JUDGE
# names another build of it.
JUDGE = os.environ.get("JUDGE", COURSECORE)

WORDS = (1500, 3000)
EXAMPLES = (8, 12)
EXERCISES = (5, 8)
MIN_NAIVE = 2
RUN_TIMEOUT = 60
CHECK_TIMEOUT = 180   # one Check (all its rounds) in its own process
ATTEMPTS = 2
SLOW_SOLUTION = 0.05  # seconds per call at the check cell's largest size (a warning)


def rank(cls):
    return CLASSES.index(cls) if cls in CLASSES else -1


# ------------------------------------------------------------------ report --

class Report:
    """Collects results; thread-safe; prints failures as they come."""

    def __init__(self, verbose=False):
        self.passed = 0
        self.failed = 0
        self.skipped = []
        self.verbose = verbose
        self.lock = threading.Lock()

    def ok(self, what):
        with self.lock:
            self.passed += 1
            if self.verbose:
                print("ok   %s" % what, flush=True)

    def fail(self, where, what, details=()):
        with self.lock:
            self.failed += 1
            print("FAIL %s: %s" % (where, what), flush=True)
            for line in details:
                print("     %s" % line, flush=True)

    def check(self, cond, where, what, details=()):
        if cond:
            self.ok("%s: %s" % (where, what))
        else:
            self.fail(where, what, details)
        return cond

    def skip(self, where, what, why):
        """Records a check that could not run; printed grouped by reason."""
        with self.lock:
            self.skipped.append((where, why))
            if self.verbose:
                print("SKIP %s: %s: %s" % (where, what, why), flush=True)

    def print_skips(self):
        reasons = {}
        for where, why in self.skipped:
            reasons.setdefault(why, []).append(where)
        for reason, wheres in reasons.items():
            print("SKIP %d check(s), e.g. %s: %s" % (len(wheres), wheres[0], reason), flush=True)

    def warn(self, where, what):
        with self.lock:
            print("WARN %s: %s" % (where, what), flush=True)


def rel(path):
    r = os.path.relpath(path, os.getcwd())
    return path if r.startswith("..") else r


def run(cmd, cwd=None, timeout=RUN_TIMEOUT, env=None, stdin=None):
    """(returncode, stdout, stderr); returncode None on timeout."""
    try:
        p = subprocess.run(cmd, cwd=cwd, timeout=timeout, env=env, input=stdin,
                           capture_output=True, text=True)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
        return None, out, "timed out after %d s" % timeout


def tail(text, lines=6):
    return [l for l in text.strip().splitlines()[-lines:]]


# -------------------------------------------------------------- children --
# Code from content runs in child processes: a hang is a timeout, not a
# stuck checker, and every measurement starts with a fresh heap.

def child_tests(checks_file, topic_id):
    """Correctness of stubs, solutions and naive versions of one topic in the
    built checks.json; JSON on stdout."""
    with open(checks_file, encoding="utf-8") as f:
        exercises = json.load(f)["topics"][topic_id]["exercises"]
    out = []
    for ex in exercises:
        name = ex["name"]
        entry = {"name": name, "file": ex["file"], "line": ex["line"], "problems": [], "runs": []}
        out.append(entry)
        check = ex["check"]
        if check is None:
            entry["problems"].append("no check cell")
            continue
        try:
            ns = checker.run_module(check["code"], "<check>", "check")
            tests, sizes, make_input = ns["TESTS"], ns["SIZES"], ns["make_input"]
        except Exception as exc:
            entry["problems"].append("check cell does not run: %s" % checker.one_line(exc))
            continue
        if not tests:
            entry["problems"].append("TESTS is empty")
        if not (5 <= len(sizes) <= 8):
            entry["problems"].append("SIZES has %d sizes, needs 5-8" % len(sizes))
        if list(sizes) != sorted(set(sizes)) or not all(isinstance(n, int) and n > 0 for n in sizes):
            entry["problems"].append("SIZES must be increasing positive ints: %r" % (sizes,))
        elif sizes and sizes[-1] < 8 * sizes[0]:
            entry["problems"].append("largest size %d is less than 8x the smallest %d" % (sizes[-1], sizes[0]))
        try:
            make, takes_seed = checker.input_maker(make_input)
            a, b = make(sizes[0], 1), make(sizes[0], 1)
            if a != b:
                entry["problems"].append("make_input(%d, 1) is not deterministic" % sizes[0])
            if not takes_seed:
                entry["problems"].append("make_input(n) takes no seed: write make_input(n, seed=0)")
            elif a == make(sizes[0], 2):
                entry["problems"].append("make_input(%d, 1) == make_input(%d, 2): the seed must change "
                                         "the input" % (sizes[0], sizes[0]))
        except Exception as exc:
            entry["problems"].append("make_input(%r) raised %s" % (sizes[0] if sizes else None, checker.one_line(exc)))
        variants = ([("stub", ex["stub"])] + [("solution", c) for c in ex["solutions"]]
                    + [("naive", c) for c in ex["naives"]])
        for kind, c in variants:
            run_ = {"kind": kind, "line": c["line"], "file": c["file"]}
            try:
                func = checker.run_module(c["code"], checker.LEARNER_FILE)[name]
                res = declared_tests(func, name, tests)
                run_["passed"] = sum(r["passed"] for r in res)
                run_["total"] = len(res)
                run_["failures"] = [r for r in res if not r["passed"]][:3]
            except Exception as exc:
                run_["error"] = checker.one_line(exc)
            entry["runs"].append(run_)
    json.dump(out, sys.stdout)


def declared_tests(func, name, tests):
    """func against the values written in TESTS, compared by canonical value
    keys (sharing="none": a literal in TESTS cannot show sharing; the Check
    compares sharing against the reference's own results)."""
    import copy
    rows = []
    for args, expected in tests:
        a = copy.deepcopy(args)
        call = "%s(%s)" % (name, ", ".join(canonical.short_repr(x, 80) for x in a))
        try:
            actual = func(*a)
        except Exception as exc:
            rows.append({"call": call, "actual": checker.one_line(exc), "expected": canonical.short_repr(expected),
                         "passed": False})
            continue
        rows.append({"call": call, "actual": canonical.short_repr(actual), "expected": canonical.short_repr(expected),
                     "passed": canonical.key(actual, "none") == canonical.key(expected, "none")})
    return rows


# ---------------------------------------------------------------- topics --

class Topic:
    def __init__(self, content_dir, name):
        self.id = name
        self.dir = os.path.join(content_dir, name)
        self.content_dir = content_dir

    def path(self, name):
        return os.path.join(self.dir, name)

    def where(self, name, line=None):
        return "%s:%d" % (rel(self.path(name)), line) if line else rel(self.path(name))


def check_files(topic, report):
    missing = [f for f in ("README.md", "examples.py", "exercises.py", "solutions.py", "quiz.md")
               if not os.path.isfile(topic.path(f))]
    report.check(not missing, rel(topic.dir), "has all five files", ["missing: " + ", ".join(missing)] if missing else ())
    return not missing


def check_lesson(built, report):
    """What the build does not check: the lesson's length and its two closing
    sections (demo ids, example numbers, links and the quiz's structure are
    the build's, tools/content/build.mjs, which also counts the words)."""
    lesson = built["lesson"]
    where = "%s:%d" % (lesson["file"], lesson["line"])
    report.check(WORDS[0] <= lesson["words"] <= WORDS[1], where,
                 "lesson has %d words outside code blocks (needs %d-%d)" % (lesson["words"], WORDS[0], WORDS[1]))
    titles = [sec["title"] for sec in lesson["sections"]]
    for heading in ("Key takeaways", "Common mistakes"):
        report.check(heading in titles, lesson["file"], 'lesson has "## %s"' % heading)


def check_examples(topic, built, report, pool_submit):
    """Runs examples.py whole (a pool job); each cell alone runs in check_facts."""
    cells = built.get("examples", [])
    report.check(EXAMPLES[0] <= len(cells) <= EXAMPLES[1], topic.where("examples.py", 1),
                 "examples.py has %d cells (needs %d-%d)" % (len(cells), EXAMPLES[0], EXAMPLES[1]))
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")

    def whole():
        rc, out, err = run([PY, "examples.py"], cwd=topic.dir, env=env)
        report.check(rc == 0, topic.where("examples.py"), "python3 examples.py exits 0 (got %s)" % rc, tail(err or out))

    return [pool_submit(whole)]


def exercise_plan(topic, built, topic_json, report):
    """Static checks of the built exercises (checks.json); returns the
    measurement plan. topic_json: the built topics/<id>.json a Check reads."""
    exercises = built.get("exercises", [])
    report.check(EXERCISES[0] <= len(exercises) <= EXERCISES[1], topic.where("exercises.py", 1),
                 "exercises.py has %d exercises (needs %d-%d)" % (len(exercises), EXERCISES[0], EXERCISES[1]))
    plan = []
    above = 0
    for ex in exercises:
        name, time_t, space_t = ex["name"], ex["time"], ex["space"]
        w = "%s:%d" % (ex["file"], ex["line"])
        report.check(rank(time_t) >= 0, w, "%s declares a valid time class (%r)" % (name, time_t))
        if space_t is not None:
            report.check(rank(space_t) >= 0, w, "%s declares a valid space class (%r)" % (name, space_t))
        sols, naives = ex["solutions"], ex["naives"]
        report.check(len(sols) == 1, w, "%s has exactly one solution cell (found %d)" % (name, len(sols)))
        if rank(time_t) < 0:
            continue
        for sol in sols:
            plan.append({"topic": topic, "topic_json": topic_json, "name": name, "kind": "solution",
                         "file": sol["file"], "line": sol["line"], "code": sol["code"],
                         "time": time_t, "space": space_t if rank(space_t or "") >= 0 else None})
        for nv in naives:
            nt, ns = nv["headers"].get("time"), nv["headers"].get("space")
            worse_time = rank(nt or "") > rank(time_t)
            worse_space = space_t is not None and rank(ns or "") > rank(space_t) >= 0
            wn = "%s:%d" % (nv["file"], nv["line"])
            report.check(worse_time or worse_space, wn,
                         "naive %s declares a class above its target (time %s vs %s, space %s vs %s)" % (
                             name, nt, time_t, ns, space_t))
            if worse_time or worse_space:
                above += 1
                plan.append({"topic": topic, "topic_json": topic_json, "name": name, "kind": "naive",
                             "file": nv["file"], "line": nv["line"], "code": nv["code"],
                             "time": time_t if worse_time else None,
                             "space": space_t if worse_space else None})
    report.check(above >= MIN_NAIVE, topic.where("solutions.py", 1),
                 "%d exercises have a naive version above the target (needs %d)" % (above, MIN_NAIVE))
    return plan


def check_tests(checks_file, topic, report):
    rc, out, err = run([PY, os.path.abspath(__file__), "--child-tests", checks_file, topic.id], timeout=300)
    if rc != 0:
        report.fail(topic.where("exercises.py"), "running the exercises' TESTS crashed (exit %s)" % rc, tail(err))
        return
    for entry in json.loads(out):
        w = "%s:%d" % (entry["file"], entry["line"])
        report.check(not entry["problems"], w, "check cell of %s is well-formed" % entry["name"], entry["problems"])
        for r in entry["runs"]:
            wr = "%s:%d" % (r["file"], r["line"])
            if "error" in r:
                if r["kind"] == "stub":
                    report.fail(wr, "stub %s does not load: %s" % (entry["name"], r["error"]))
                else:
                    report.fail(wr, "%s %s does not load: %s" % (r["kind"], entry["name"], r["error"]))
                continue
            details = ["%s -> %s (expected %s)" % (f["call"], f["actual"], f["expected"]) for f in r["failures"]]
            if r["kind"] == "stub":
                report.check(r["passed"] < r["total"], wr, "stub %s fails at least one test (passes %d/%d)" % (
                    entry["name"], r["passed"], r["total"]))
            else:
                report.check(r["passed"] == r["total"], wr, "%s %s passes all tests (%d/%d)" % (
                    r["kind"], entry["name"], r["passed"], r["total"]), details)


# ----------------------------------------------------------- measurement --

def run_check(item, seed):
    """One Check of a solution or naive cell in a fresh process: the outcome dict."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(item["code"])
        code = f.name
    try:
        rc, out, err = run([PY, CHECK_CLI, item["topic_json"], item["name"], "--code", code, "--seed", str(seed),
                            "--coursecore", JUDGE], timeout=CHECK_TIMEOUT)
    finally:
        os.unlink(code)
    lines = out.strip().splitlines()
    try:
        return json.loads(lines[-1])
    except (ValueError, IndexError):
        return {"state": "crashed", "why": "exit %s" % rc, "summary": " / ".join(tail(err or out, 3)), "notes": []}


def measure_one(item, report, can_fit):
    """A solution must pass its Check; a naive version must fail it "slow" on
    the dimension it declares a worse class for."""
    name, kind = item["name"], item["kind"]
    where = "%s:%d" % (item["file"], item["line"])
    dims = [d for d in ("time", "space") if item[d]]
    what = "%s %s %s %s" % (kind, name, "passes its Check:" if kind == "solution" else "fails its Check on",
                            ", ".join("%s target %s" % (d, item[d]) for d in dims))
    if not can_fit:
        report.skip(where, what, can_fit_why[0])
        return
    outcomes = []
    for attempt in range(ATTEMPTS):
        outcome = run_check(item, attempt)
        outcomes.append(outcome)
        if outcome["state"] != "inconclusive":
            break
    o = outcomes[-1]
    for note in o.get("notes", []):
        if "content error" in note:
            report.fail(where, "%s %s: %s" % (kind, name, note))
    details = ["attempt %d: %s (%s): %s" % (i + 1, x["state"], x.get("why"), x.get("summary", "")[:300])
               for i, x in enumerate(outcomes)]
    if o.get("rows"):
        details.append("sizes measured: %s" % ", ".join(str(r["n"]) for r in o["rows"]))
    if kind == "solution":
        ok = o["state"] == "pass"
        report.check(ok, where, what, details)
        largest = (o.get("plan") or {}).get("declared_top") or 0   # the check cell's SIZES[-1], as the Check read it
        ref_rows = [r for r in (o.get("reference") or {}).get("rows") or [] if r["n"] <= largest]
        if ok and ref_rows and min(ref_rows[-1]["time"]) > SLOW_SOLUTION:
            report.warn(where, "solution %s takes %.0f ms per call at n=%d (keep it under ~50 ms)" % (
                name, 1000 * min(ref_rows[-1]["time"]), ref_rows[-1]["n"]))
        return
    # check_flow.js's verdicts: [{metric: "time" | "memory", verdict, ...}]
    verdicts = {("space" if v.get("metric") == "memory" else "time"): v for v in o.get("verdicts") or []}
    failed_dims = [d for d in dims if (verdicts.get(d) or {}).get("verdict") == "fail"]
    if o.get("why") == "too_slow" and "time" in dims:
        failed_dims.append("time")
    ok = o["state"] == "fail" and o.get("why") in ("slow", "too_slow") and bool(failed_dims)
    report.check(ok, where, what, details)


can_fit_why = [""]


def ensure_coursecore():
    """(ok, why) -- builds build/native/coursecore if it is missing."""
    made = ""
    if not os.path.exists(COURSECORE) and shutil.which("make"):
        rc, out, err = run(["make", "-s", "-C", ROOT, os.path.relpath(COURSECORE, ROOT)], timeout=300)
        made = " (%s)" % tail(err or out, 1)[0] if (err or out).strip() else ""
    if not os.path.exists(COURSECORE):
        return False, "%s is missing and `make %s` failed%s" % (
            rel(COURSECORE), os.path.relpath(COURSECORE, ROOT), made)
    rc, out, err = run([COURSECORE, "list"], timeout=30)
    if rc != 0:
        return False, "`coursecore list` failed: %s" % (err.strip() or rc)
    return True, out


def core_classes():
    """The complexity classes, slowest-growing first, from the core (their one owner)."""
    rc, out, err = run([COURSECORE, "classes", "--json"], timeout=30)
    if rc == 0:
        try:
            return list(json.loads(out)["classes"])
        except (ValueError, KeyError):
            pass
    # Until `coursecore classes` exists: the labels of a fit list every class, in order.
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write("n,y\n1,1\n2,2\n4,4\n")
    try:
        rc, out, err = run([COURSECORE, "fit", "--json", f.name], timeout=30)
    finally:
        os.unlink(f.name)
    try:
        return [c["label"] for c in json.loads(out)["classes"]]
    except (ValueError, KeyError):
        return []


def check_build(content_dir, demos, report, out_dir):
    """Builds content_dir into out_dir with tools/content/build.mjs, the one
    parser; returns the path of its checks.json, or None."""
    node = shutil.which("node")
    if not node:
        report.skip(rel(content_dir), "the build accepts the content", "node is not installed")
        return None
    cmd = [node, os.path.join(ROOT, "tools", "content", "build.mjs"), "--content", content_dir, "--out", out_dir]
    if demos is not None:
        cmd += ["--demo-ids", ",".join(sorted(demos))]
    rc, out, err = run(cmd, timeout=120)
    if rc == 0:
        report.ok("build accepts the content")
        return os.path.join(out_dir, "checks.json")
    problems = [l for l in err.splitlines() if re.match(r"^.+:\d+: ", l)]
    for line in problems:
        where, _, what = line.partition(": ")
        report.fail(where, "build: %s" % what)
    if not problems:
        report.fail(rel(content_dir), "build failed (exit %s)" % rc, tail(err or out))
    return None


# ----------------------------------------------------------------- facts --
# What the built checks.json asks of desktop python3: example cells,
# runnable lesson blocks, output questions, value slots and check: lines
# (tools/content/run_facts.py, the same module Pyodide runs in
# tests/node/content_pyodide.test.mjs), and curve classes against the core.

RUN_FACTS = os.path.join(ROOT, "tools", "content", "run_facts.py")
CURVE_ATTEMPTS = 3
FACT_COUNTS = {}


def run_facts(checks_file, topic_id, seed, kind=None):
    """(results, None) or (None, what went wrong): run_facts.py in a fresh
    python3, in an empty folder, under PYTHONHASHSEED=seed."""
    with tempfile.TemporaryDirectory() as tmp:
        rc, out, err = run([PY, RUN_FACTS, checks_file, topic_id] + ([kind] if kind else []), cwd=tmp, timeout=300,
                           env=dict(os.environ, PYTHONHASHSEED=seed, PYTHONDONTWRITEBYTECODE="1"))
    if rc != 0:
        return None, ["run_facts.py crashed (exit %s)" % rc] + tail(err or out)
    return json.loads(out), None


def check_facts(checks_file, topic_id, report):
    """Every item of one topic; output questions again under another hash
    seed, so an answer cannot depend on set or dict order."""
    results, why = run_facts(checks_file, topic_id, "0")
    if results is None:
        report.fail("%s [%s]" % (rel(checks_file), topic_id), why[0], why[1:])
        return
    for r in results:
        with report.lock:
            FACT_COUNTS[r["kind"]] = FACT_COUNTS.get(r["kind"], 0) + 1
        details = r["got"].split("\n")[-8:] if r["got"] else []
        if "expected" in r:
            details = list(difflib.unified_diff(r["expected"].split("\n"), r["got"].split("\n"),
                                                "quiz.md expected", "python3 prints", lineterm="", n=2))[:30]
        report.check(r["ok"], "%s:%d" % (r["file"], r["line"]), "python3: %s" % r["what"], details)
    if not any(r["kind"] == "output" and r["ok"] for r in results):
        return
    again, why = run_facts(checks_file, topic_id, "1", "output")
    first = {(r["file"], r["line"]): r for r in results if r["kind"] == "output" and r["ok"]}
    for r in again or []:
        if (r["file"], r["line"]) in first:
            report.check(r["ok"], "%s:%d" % (r["file"], r["line"]),
                         "python3: %s under PYTHONHASHSEED=1 too (set/dict order?)" % r["what"],
                         r["got"].split("\n")[:10])


def measured_class(demo, series):
    """(class, fit JSON of the series or None, why) from `coursecore run DEMO`."""
    rc, out, err = run([COURSECORE, "run", demo], timeout=120)
    try:
        payload = json.loads(out)
    except ValueError:
        return None, None, "coursecore run %s: exit %s %s" % (demo, rc, (err or out).strip()[:200])
    all_series = payload.get("series") or []
    chosen = next((s for s in all_series if s.get("id") == series), None) if series else (all_series or [None])[0]
    if not chosen or not chosen.get("fit"):
        return None, None, "demo %s has no series %r with a fit" % (demo, series)
    return chosen["fit"].get("best"), chosen["fit"], ""


def check_curve(curve, report):
    """The class: line of a curve question equals the demo's measured class
    (a timing fit on a loaded machine may wobble: up to CURVE_ATTEMPTS runs)."""
    seen = []
    for _ in range(CURVE_ATTEMPTS):
        cls, fit, why = measured_class(curve["demo"], curve.get("series"))
        seen.append(cls or why)
        if cls == curve["cls"]:
            break
    with report.lock:
        FACT_COUNTS["curve"] = FACT_COUNTS.get("curve", 0) + 1
    report.check(cls == curve["cls"], "%s:%d" % (curve["file"], curve["line"]),
                 "curve question %s: class %s is what demo %s%s measures" % (
                     curve["question"], curve["cls"], curve["demo"],
                     " (series %s)" % curve["series"] if curve.get("series") else ""),
                 ["the core measured: %s" % ", ".join(map(str, seen))])


# ------------------------------------------------------------------ main --

def facts_only(checks_file, report):
    with open(checks_file, encoding="utf-8") as f:
        topics = json.load(f)["topics"]
    for topic_id, topic in topics.items():
        check_facts(os.path.abspath(checks_file), topic_id, report)
        for curve in topic["curves"]:
            check_curve(curve, report)
    print("content: %d passed, %d failed" % (report.passed, report.failed))
    return 1 if report.failed else 0


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--content", default=os.path.join(ROOT, "content"))
    ap.add_argument("--topic", action="append", help="only this topic id (repeatable)")
    ap.add_argument("--no-measure", action="store_true", help="skip the complexity measurements")
    ap.add_argument("--verbose", "-v", action="store_true", help="print passing checks too")
    ap.add_argument("--child-tests", nargs=2, metavar=("CHECKS_JSON", "TOPIC_ID"), help=argparse.SUPPRESS)
    ap.add_argument("--facts-only", metavar="CHECKS_JSON",
                    help="only run a built checks.json's items and curve classes (tests/node/content_pyodide.test.mjs)")
    args = ap.parse_args(argv)
    if args.child_tests:
        child_tests(*args.child_tests)
        return 0
    if args.facts_only:
        return facts_only(args.facts_only, Report(args.verbose))

    start = time.time()
    report = Report(args.verbose)
    content_dir = os.path.abspath(args.content)
    all_ids = sorted(d for d in os.listdir(content_dir)
                     if re.match(r"^\d\d_", d) and os.path.isdir(os.path.join(content_dir, d)))
    ids = [i for i in all_ids if not args.topic or i in args.topic]
    topics = [Topic(content_dir, i) for i in ids]

    ok, listing = ensure_coursecore()
    demos = {l.split("\t")[0] for l in listing.splitlines() if l.strip()} if ok else None
    can_fit_why[0] = "" if ok else listing
    can_judge = ok
    if ok:
        CLASSES[:] = core_classes()
        if not CLASSES:
            report.fail(rel(COURSECORE), "the core gave no class list (coursecore classes --json)")
        can_judge, judge_why = check_cli.judge_available(JUDGE)
        if not can_judge:
            can_fit_why[0] = judge_why
    # One worker runs everything but the measurements, so a measurement
    # shares the two cores with at most one other job and never with
    # another measurement.
    workers = 2 if args.no_measure else 1
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=workers)
    futures = []
    plan = []
    built = tempfile.mkdtemp(prefix="verify-content-")
    checks_file = check_build(content_dir, demos, report, built)
    built_checks = {}
    if checks_file:
        with open(checks_file, encoding="utf-8") as f:
            built_checks = json.load(f)["topics"]
    for topic in topics:
        if not check_files(topic, report):
            continue
        if topic.id not in built_checks:
            report.skip(rel(topic.dir), "lesson, examples, facts, exercises and their Checks",
                        "the build failed, so there is nothing built to check")
            continue
        built_topic = built_checks[topic.id]
        check_lesson(built_topic, report)
        futures += check_examples(topic, built_topic, report, pool.submit)
        futures.append(pool.submit(check_facts, checks_file, topic.id, report))
        if ok:
            futures += [pool.submit(check_curve, dict(c), report) for c in built_topic["curves"]]
        futures.append(pool.submit(check_tests, checks_file, topic, report))
        plan += exercise_plan(topic, built_topic, os.path.join(built, "topics", topic.id + ".json"), report)

    if not args.no_measure:
        for item in plan:
            measure_one(item, report, can_judge and bool(CLASSES))
    for f in futures:
        try:
            f.result()
        except Exception as exc:  # a bug here must show, not hide a check
            report.fail("verify_content.py", "internal error: %r" % exc)
    pool.shutdown()
    shutil.rmtree(built, ignore_errors=True)
    print("python3: %d example cells, %d lesson blocks, %d quiz outputs, %d value slots, %d fact checks, "
          "%d curve classes ran" % tuple(FACT_COUNTS.get(k, 0) for k in
                                         ("example", "block", "output", "slot", "check", "curve")))

    if report.skipped:
        report.print_skips()
    print("content: %d topics in %.0f s" % (len(topics), time.time() - start))
    print("content: %d passed, %d failed" % (report.passed, report.failed))
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
