#!/usr/bin/env python3
"""check_cli.py -- the desktop-CPython worker of a Check, and its judge.

    python3 web/py/check_cli.py TOPIC NAME (--kind solution|naive|stub | --code FILE)
                                [--seed N] [--coursecore PATH] [--verbose]

runs one Check as the page runs it: it hands over to tools/check_desktop.mjs,
which drives web/src/check_flow.js (the one Check loop: tests compared by
canonical key, every measured result compared with the reference's, the
core's verdicts, rounds while unsure) with this file as its worker. The
outcome is check_flow's, as one JSON line (the last line of stdout).

    python3 -B web/py/check_cli.py --worker DOWN_FD UP_FD

is that worker: a fresh interpreter that runs worker_host.check_start /
check_round with the CPython Hooks below and answers over two private
pipes (tools/pyodide_node/cpython_host.mjs has the protocol). Learner
output goes to its stdout/stderr, which the host drops. The Check is judged
in the Node process, outside the learner's interpreter, so atexit handlers,
audit hooks or signal games in learner code cannot reach the judgement.

CoreJudge and judge_available() ask the native core for a verdict
(`coursecore fit --target CLASS [--steps STEPS.csv] [--too-slow N,S,REF]
--json FILE.csv`, its api_judge); tests and tools/content use them to see
whether the judge is there.

What the worker could still do: find the answer pipe and write forged
answers. The expected results it sent before learner code ran are compared
with the ones in check_start's answer, which catches a forged start; a
forged round is not defended against (the page has the same limit).
"""

import json
import os
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
    outcome and end this process; under cpython_host.mjs the Node side ends the
    worker instead).
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


def main(argv):
    """The worker (--worker DOWN UP), or one Check: tools/check_desktop.mjs runs
    it with this file as its worker, so the loop is the page's (check_flow.js)."""
    if argv[:1] == ["--worker"]:
        return worker_main(int(argv[1]), int(argv[2]))
    node = os.environ.get("NODE", "node")
    args = list(argv)
    if "--coursecore" not in args:
        args += ["--coursecore", COURSECORE]
    return subprocess.call([node, os.path.join(ROOT, "tools", "check_desktop.mjs")] + args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
