#!/usr/bin/env python3
"""check_cli.py -- a Check under desktop CPython, judged by the native core.

    python3 web/py/check_cli.py TOPIC_DIR NAME (--kind solution|naive|stub | --code FILE)
                                [--seed N] [--coursecore PATH] [--verbose]

Prints the outcome of one Check as JSON (the last line of stdout). Built
like the page: this process never runs learner code. It starts a worker
process (`check_cli.py --worker`, a fresh interpreter) that runs
worker_host.check_start / check_round with Python hooks and answers over a
private pipe; learner output goes nowhere. This process keeps the expected
results the worker sends before any learner code runs, compares every key,
asks the core for every verdict (`coursecore fit --target CLASS [--steps
STEPS.csv] [--too-slow N,S,REF] --json FILE.csv`, the core's api_judge), and
ends the worker when a call passes its limit by HANG_EXTRA_S without
stopping (code that ignores or swallows the interrupt), as the page ends
its worker. So atexit handlers, audit hooks or signal games in learner code
cannot reach the judgement.

The loop, the same as web/src/check_flow.js (run_check below):
  1. check_start; a load error, a tampering report or a test whose
     actual_key differs from expected_key fails the Check;
  2. round k: a result at any size and repeat whose key differs from the
     expected one fails ("wrong at n = ..."); an error fails; otherwise
     the time target is judged from time + steps (+ too_slow) and the space
     target from memory; any fail fails, all pass passes;
  3. inconclusive and more_possible: round k + 1; else inconclusive.

Outcome: {"state": "pass"|"fail"|"inconclusive"|"stopped"|"error", "why": ...,
"summary": "...", "verdicts": {"time": <api_judge>, "space": ...},
"wrong": [...], "rounds": k, "notes": [...], "plan": {...}, "reference": {...}}

What the worker could still do: find the answer pipe and write forged
answers. The expected results it sent before learner code ran are compared
with the ones in check_start's answer, which catches a forged start; a
forged round is not defended against (the page has the same limit).
"""

import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

import checker      # noqa: E402
import worker_host  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
COURSECORE = os.environ.get("COURSECORE", os.path.join(ROOT, "build", "native", "coursecore"))

_perf_counter = time.perf_counter      # captured at import, before any learner code
_real_exit = os._exit
HANG_EXTRA_S = 3.0                     # after the limit, how long a swallowed interrupt may go on


_setitimer = getattr(signal, "setitimer", None)
_signal = signal.signal
_ITIMER_REAL = getattr(signal, "ITIMER_REAL", 0)
_SIGALRM = getattr(signal, "SIGALRM", None)


class Hooks:
    """The hooks of check_session.py for CPython.

    watchdog(seconds) arms SIGALRM (setitimer) to raise KeyboardInterrupt
    after `seconds`, and again every 0.25 s after that, in case the code
    swallows the first one; watchdog(0) disarms it. It re-installs its
    handler each time and uses only functions bound at import, so learner
    code that replaced builtins or the handler cannot disarm it. Code that
    swallows every interrupt for HANG_EXTRA_S more seconds cannot be stopped
    from inside Python: on_hang() is called (by default: print a too-slow
    outcome and end this process; WorkerHost ends its worker instead).
    """

    def __init__(self, verbose=False, on_hang=None):
        self.verbose = verbose
        self.clock = _perf_counter
        self.stop = False
        self.armed_at = None
        self.limit = 0.0
        self.on_hang = on_hang or _exit_too_slow
        if _setitimer is not None:
            _signal(_SIGALRM, self._expired)

    def _expired(self, signum, frame):
        if self.armed_at is not None and _perf_counter() - self.armed_at > self.limit + HANG_EXTRA_S:
            _setitimer(_ITIMER_REAL, 0.0, 0.0)
            self.on_hang(self.limit)
        raise KeyboardInterrupt("time limit")

    def progress(self, fraction, message, row_json=None):
        if self.verbose:
            print("  %3.0f%% %s" % (100 * fraction, message), file=sys.stderr, flush=True)

    def should_stop(self):
        return self.stop

    def watchdog(self, seconds):
        if _setitimer is None:
            return
        if seconds > 0:
            self.armed_at, self.limit = _perf_counter(), seconds
            _signal(_SIGALRM, self._expired)   # in case learner code replaced it
            _setitimer(_ITIMER_REAL, seconds, 0.25)
        else:
            _setitimer(_ITIMER_REAL, 0.0, 0.0)
            self.armed_at = None


def _exit_too_slow(limit):
    outcome = {"state": "fail", "why": "too_slow", "hang": True, "verdicts": {}, "notes": [],
               "summary": "your function took longer than %.0f s and ignored every request to stop "
                          "(it catches KeyboardInterrupt), so Python was ended" % limit}
    try:
        sys.stdout.write(json.dumps(outcome) + "\n")
        sys.stdout.flush()
    finally:
        _real_exit(3)


# ------------------------------------------------------------------ judge --

class CoreJudge:
    """api_judge through the native CLI: judge(target, series, steps, too_slow)."""

    def __init__(self, coursecore=COURSECORE):
        self.coursecore = coursecore

    def __call__(self, target, series, steps=None, too_slow=None):
        with tempfile.TemporaryDirectory() as tmp:
            data = os.path.join(tmp, "time.csv")
            with open(data, "w") as f:
                f.write(checker.to_csv((series or {}).get("n", []), (series or {}).get("y", []), "n,y"))
            cmd = [self.coursecore, "fit", "--target", target]
            if steps and steps.get("n"):
                path = os.path.join(tmp, "steps.csv")
                with open(path, "w") as f:
                    f.write(checker.to_csv(steps["n"], steps["y"], "n,steps"))
                cmd += ["--steps", path]
            if too_slow:
                cmd += ["--too-slow", "%r,%r,%r" % (too_slow["n"], too_slow["seconds"],
                                                     too_slow.get("ref_seconds") or 0.0)]
            cmd += ["--json", data]
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        try:
            out = json.loads(p.stdout)
        except ValueError:
            return {"verdict": "error", "reason": (p.stderr or p.stdout).strip()[:300] or "exit %s" % p.returncode}
        if "verdict" not in out:
            return {"verdict": "error", "reason": out.get("error") or "no verdict in %r" % p.stdout[:200]}
        return out


def judge_available(coursecore=COURSECORE):
    """(True, "") if `coursecore fit --target` answers with a verdict, else (False, why)."""
    if not os.path.exists(coursecore):
        return False, "%s is missing" % coursecore
    out = CoreJudge(coursecore)("O(n)", {"n": [100, 200, 400, 800, 1600], "y": [1.0, 2.0, 4.0, 8.0, 16.0]})
    if out.get("verdict") in ("pass", "fail", "inconclusive"):
        return True, ""
    return False, "`coursecore fit --target` is not available: %s" % out.get("reason")


# ------------------------------------------------------------------- loop --

class LocalHost:
    """worker_host in this process (tests): check_start / check_round -> dict."""

    def __init__(self, hooks=None):
        self.hooks = hooks or Hooks()
        self.early = None

        def progress(fraction, message, row_json=None, _inner=self.hooks.progress):
            if row_json and self.early is None and '"expected"' in row_json[:20]:
                self.early = json.loads(row_json)
            _inner(fraction, message, row_json)
        self.hooks.progress = progress

    def check_start(self, request):
        return json.loads(worker_host.check_start(json.dumps(request), self.hooks))

    def check_round(self, request):
        return json.loads(worker_host.check_round(json.dumps(request), self.hooks))

    def close(self):
        pass


class Hung(Exception):
    """The worker passed a call's limit by HANG_EXTRA_S and was ended."""


class WorkerHost:
    """worker_host in a fresh worker process (`check_cli.py --worker`).

    Requests go down one pipe, answers come up another, one JSON line each:
    {"progress": [fraction, message, row_json]}, {"watchdog": seconds},
    {"result": text}, {"error": text}. The worker's stdout and stderr (the
    learner's prints) are discarded unless verbose.
    """

    def __init__(self, verbose=False, call_timeout=300.0):
        self.verbose = verbose
        self.call_timeout = call_timeout
        self.early = None
        down_r, self.down_w = os.pipe()
        self.up_r, up_w = os.pipe()
        sink = None if verbose else subprocess.DEVNULL
        self.proc = subprocess.Popen([sys.executable, "-B", os.path.abspath(__file__), "--worker", str(down_r), str(up_w)],
                                     pass_fds=(down_r, up_w), stdin=subprocess.DEVNULL, stdout=sink, stderr=sink)
        os.close(down_r)
        os.close(up_w)
        self.buffer = b""

    def _lines(self, deadline_of):
        """Answer lines, stopping the worker when deadline_of() passes."""
        while True:
            while b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                yield line
            deadline = deadline_of()
            wait = max(0.0, min(0.5, deadline - time.monotonic()))
            ready, _, _ = select.select([self.up_r], [], [], wait)
            if not ready:
                if time.monotonic() > deadline_of():
                    self.kill()
                    raise Hung()
                continue
            chunk = os.read(self.up_r, 1 << 16)
            if not chunk:
                raise EOFError("the worker process ended (exit %s)" % self.proc.wait())
            self.buffer += chunk

    def call(self, fn, request):
        os.write(self.down_w, (json.dumps({"fn": fn, "arg": json.dumps(request)}) + "\n").encode())
        started = time.monotonic()
        armed = [None]         # the watchdog's deadline, as the worker set it

        def deadline_of():
            hard = started + self.call_timeout
            return min(hard, armed[0] + HANG_EXTRA_S) if armed[0] else hard

        for line in self._lines(deadline_of):
            msg = json.loads(line)
            if "watchdog" in msg:
                armed[0] = time.monotonic() + msg["watchdog"] if msg["watchdog"] > 0 else None
            elif "progress" in msg:
                fraction, message, row = msg["progress"]
                if row and self.early is None and row.startswith('{"expected"'):
                    self.early = json.loads(row)
                if self.verbose:
                    print("  %3.0f%% %s" % (100 * fraction, message), file=sys.stderr, flush=True)
            elif "result" in msg:
                return json.loads(msg["result"])
            else:
                raise RuntimeError("the worker failed: %s" % msg.get("error"))

    def check_start(self, request):
        return self.call("check_start", request)

    def check_round(self, request):
        return self.call("check_round", request)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def close(self):
        self.kill()
        for fd in (self.down_w, self.up_r):
            try:
                os.close(fd)
            except OSError:
                pass


def worker_main(down_fd, up_fd):
    """The worker process: answers requests until its pipe closes."""
    requests = os.fdopen(down_fd, "r")
    answers = os.fdopen(up_fd, "w", buffering=1)
    sys.argv = sys.argv[:1]

    write, dumps = answers.write, json.dumps

    def send(msg):
        write(dumps(msg) + "\n")

    class PipeHooks(Hooks):
        def progress(self, fraction, message, row_json=None):
            send({"progress": [fraction, message, row_json]})

        def watchdog(self, seconds, _write=write, _arm=Hooks.watchdog):
            _arm(self, seconds)                     # first: disarming must not wait
            _write('{"watchdog": %r}\n' % (seconds,))

    hooks = PipeHooks(on_hang=lambda limit: None)   # the parent ends a hung worker
    functions = {"check_start": worker_host.check_start, "check_round": worker_host.check_round}
    for line in requests:
        msg = json.loads(line)
        try:
            text = functions[msg["fn"]](msg["arg"], hooks)
        except BaseException as exc:        # a bug in the checker, or learner code that got out
            send({"error": checker.one_line(exc)})
            continue
        send({"result": text})
    _real_exit(0)


def run_check(request, judge, targets, host=None):
    """The Check loop (module docstring). targets: {"time": "O(n)", "space": "O(1)" or None}.
    host: LocalHost (this process) or WorkerHost (a worker process, the default)."""
    host = host or WorkerHost()
    out = {"state": None, "why": None, "summary": "", "verdicts": {}, "wrong": [], "rounds": 0,
           "notes": [], "plan": None, "reference": None, "tests": [], "tampered": []}

    def finish(state, why, summary):
        out.update(state=state, why=why, summary=summary)
        return out

    try:
        return _run_check(request, judge, targets, host, out, finish)
    except Hung:
        out["hang"] = True
        return finish("fail", "too_slow", "your function took longer than %.0f s and ignored every request "
                      "to stop (it catches KeyboardInterrupt, or blocks the alarm), so it was ended"
                      % ((out.get("plan") or {}).get("limit_s") or 2))
    except (EOFError, RuntimeError, ValueError) as exc:
        return finish("fail" if out["plan"] else "error", "crashed", "Python ended while checking: %s" % exc)
    finally:
        host.close()


def _run_check(request, judge, targets, host, out, finish):
    start = host.check_start(request)
    out.update(notes=start.get("notes", []), plan=start.get("plan"), reference=start.get("reference"),
               tests=start.get("tests", []), tampered=start.get("tampered", []))
    if start.get("error"):
        e = start["error"]
        return finish("error", "checker", "%s: %s: %s" % (e.get("where"), e.get("kind"), e.get("message")))
    early = host.early
    if early is None or early["expected"] != start["expected"] or \
            early["expected_tests"] != [t["expected_key"] for t in start["tests"]]:
        out["tampered"] = out["tampered"] + ["the expected results changed after your code ran"]
    if start.get("load_error"):
        e = start["load_error"]
        return finish("fail", "error", "your code did not load: %s: %s" % (e.get("kind"), e.get("message")))
    if out["tampered"]:
        return finish("fail", "tampered", "your code changed the checker: " + "; ".join(out["tampered"]))
    failed = [t for t in start["tests"] if t["expected_key"] != t["actual_key"]]
    if failed:
        t = failed[0]
        out["wrong"] = failed
        return finish("fail", "wrong", "%d of %d tests failed, e.g. %s returned %s, expected %s%s" % (
            len(failed), len(start["tests"]), t["call"], t["actual"], t["expected"],
            " (%s)" % t["message"] if t.get("message") else ""))
    expected = early["expected"]
    for k in range(start["plan"]["rounds"]):
        r = host.check_round({"round": k})
        out["rounds"] = k + 1
        out["notes"] = r.get("notes", [])
        out["rows"] = r["rows"]
        out["series"] = r["series"]
        out["too_slow"] = r["too_slow"]
        out["cached"] = r["cached"]
        if r.get("tampered"):
            out["tampered"] = r["tampered"]
            return finish("fail", "tampered", "your code changed the checker: " + "; ".join(r["tampered"]))
        wrong = wrong_results(r["rows"], expected)
        if wrong:
            out["wrong"] = wrong
            w = wrong[0]
            return finish("fail", "wrong", "wrong result at n = %d (repeat %d): yours %s, the reference's %s"
                          % (w["n"], w["repeat"], w["actual"], w["expected"]))
        if r.get("error"):
            e = r["error"]
            return finish("fail", "error", "your function raised %s at n = %s: %s" % (e["kind"], e.get("n"), e["message"]))
        if r.get("reason") == "stopped":
            return finish("stopped", "stopped", "stopped")
        verdicts = {"time": judge(targets["time"], r["series"]["time"], r["series"]["steps"], r["too_slow"])}
        if targets.get("space"):
            verdicts["space"] = judge(targets["space"], r["series"]["memory"])
        out["verdicts"] = verdicts
        states = [v.get("verdict") for v in verdicts.values()]
        if "error" in states:
            return finish("error", "judge", "; ".join(v.get("reason", "") for v in verdicts.values()))
        if "fail" in states:
            dims = [d for d, v in verdicts.items() if v["verdict"] == "fail"]
            return finish("fail", "slow", "; ".join("%s: %s" % (d, verdicts[d].get("reason")) for d in dims))
        if all(s == "pass" for s in states):
            return finish("pass", None, "; ".join("%s: %s" % (d, v.get("reason")) for d, v in verdicts.items()))
        if not r.get("more_possible"):
            break
    return finish("inconclusive", "inconclusive",
                  "; ".join("%s: %s" % (d, v.get("reason")) for d, v in out["verdicts"].items()))


def wrong_results(rows, expected):
    """[{n, repeat, actual, expected}] where a result's key differs from the expected one."""
    wrong = []
    for row in rows:
        want = expected.get(str(row["n"]), [])
        for i, got in enumerate(row.get("results", [])):
            if i >= len(want) or got["key"] != want[i]["key"]:
                wrong.append({"n": row["n"], "repeat": i, "actual": got["repr"],
                              "expected": want[i]["repr"] if i < len(want) else "(none)"})
    return wrong


# --------------------------------------------------------------- exercise --

def exercise(topic_dir, name):
    """(exercise cell, check cell, solution cell, [naive cells]) of one exercise."""
    def cells(f):
        with open(os.path.join(topic_dir, f), encoding="utf-8") as fh:
            return checker.split_cells(fh.read())
    ex = cells("exercises.py")
    sol = cells("solutions.py")
    ex_cell = next(c for c in ex if c["kind"] == "exercise" and c["name"] == name)
    check = next(c for c in ex if c["kind"] == "check" and c["name"] == name)
    solution = next(c for c in sol if c["kind"] == "solution" and c["name"] == name)
    naives = [c for c in sol if c["kind"] == "naive" and c["name"] == name]
    return ex_cell, check, solution, naives


def main(argv):
    if argv[:1] == ["--worker"]:
        return worker_main(int(argv[1]), int(argv[2]))
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("topic_dir")
    ap.add_argument("name")
    ap.add_argument("--kind", choices=("solution", "naive", "stub"))
    ap.add_argument("--code", help="a file with the code to check")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--coursecore", default=COURSECORE)
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    ex_cell, check, solution, naives = exercise(args.topic_dir, args.name)
    if args.code:
        with open(args.code, encoding="utf-8") as f:
            code = f.read()
    elif args.kind == "naive":
        code = naives[0]["code"]
    elif args.kind == "stub":
        code = ex_cell["code"]
    else:
        code = solution["code"]
    space = ex_cell["headers"].get("space")
    request = {"name": args.name, "check": check["code"], "solution": solution["code"], "code": code,
               "seed": args.seed, "metrics": ["time"] + (["memory"] if space else [])}
    targets = {"time": ex_cell["headers"]["time"], "space": space}
    outcome = run_check(request, CoreJudge(args.coursecore), targets, WorkerHost(args.verbose))
    json.dump(outcome, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
