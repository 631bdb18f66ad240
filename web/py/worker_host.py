"""worker_host.py -- the Python half of the page's Python worker.

Every line of Python the worker needs lives here (web/src/python_worker.js
holds none). The worker loads Pyodide, writes every web/py/*.py file into
/home/pyodide/memperf, puts that folder first on sys.path, imports this
module, keeps references to the three functions below, and calls them with
JSON text; each returns JSON text (or None).

    run_code(code)                 -> None, or error JSON {kind, message, line, traceback}
    check_start(request_json, hooks) -> JSON   (see check_session.py)
    check_round(request_json, hooks) -> JSON
    trace_code(request_json)       -> JSON   (the Visualize button; see tracer.py)
    platform_json()                -> JSON   (sizes measured here, for the page's 32-bit note)

    prepare(kind)                  -> None: import now what a worker of that
                                      kind needs ("check": check_session)

Only json and sys are imported with this module: the Run button needs
nothing more than tracer's platform facts (for the 32-bit size note) until
code fails (checker, for the error) or Visualize is pressed, so a learner's first Run does not wait for the Check's
machinery. A Check's worker imports check_session while it loads
(prepare("check")), before any learner code runs; check_start would
import it then anyway, since it is the first call a Check makes.

hooks is the worker's JS object: clock() (performance.now() / 1000, bound
before any learner code runs), progress(fraction, message, row_json),
should_stop(), watchdog(seconds). Under desktop CPython check_cli.py
passes a Python object with the same four methods.
"""

import importlib
import json
import sys

__all__ = ["run_code", "check_start", "check_round", "trace_code", "platform_json", "prepare"]

_PREPARE = {"run": (), "check": ("check_session",)}
_modules = {}

_RECURSION_LIMIT = sys.getrecursionlimit()
_EDITOR = "<editor>"


def _module(name):
    """The module ``name`` (checker, check_session, tracer), imported on
    first use and kept: later calls get that module object, whatever is in
    sys.modules by then."""
    module = _modules.get(name)
    if module is None:
        module = _modules[name] = importlib.import_module(name)
    return module


def prepare(kind):
    """Import what a worker of ``kind`` ("run" or "check") will need."""
    for name in _PREPARE[str(kind)]:
        _module(name)


def run_code(code):
    """Run the editor's code as __main__ (the Run button).

    The recursion limit is put back first (an earlier run may have raised
    it). exit() / SystemExit ends the run quietly, as in a terminal. Returns
    None, or the error as JSON with the traceback cut to the learner's frames.
    """
    ns = {"__name__": "__main__", "__builtins__": __builtins__}
    try:
        sys.setrecursionlimit(_RECURSION_LIMIT)
    except RecursionError:
        pass
    try:
        exec(compile(str(code), _EDITOR, "exec"), ns)
    except SystemExit:
        return None
    except BaseException as exc:
        return json.dumps(_describe(exc))
    finally:
        _flush()
    return None


def _describe(exc):
    """checker.describe_error for the editor's code; a plain description if
    checker cannot be imported now (the learner's code may have broken the
    import system or left Python short of memory)."""
    try:
        sys.setrecursionlimit(_RECURSION_LIMIT)
        checker = _module("checker")
    except BaseException:
        return {"kind": type(exc).__name__, "message": str(exc), "line": None,
                "traceback": "%s: %s\n" % (type(exc).__name__, exc)}
    return checker.describe_error(exc, (_EDITOR, checker.LEARNER_FILE))


def check_start(request_json, hooks):
    """Start a Check in this (fresh) interpreter: JSON text."""
    try:
        sys.setrecursionlimit(_RECURSION_LIMIT)
    except RecursionError:
        pass
    try:
        return _module("check_session").start(json.loads(str(request_json)), hooks)
    finally:
        _flush()


def check_round(request_json, hooks):
    """One more measurement round of the learner's function: JSON text."""
    try:
        return _module("check_session").round_(json.loads(str(request_json)), hooks)
    finally:
        _flush()


def trace_code(request_json):
    """Trace {code, max_steps?, max_objects?, max_seconds?} for the memory diagram: JSON text."""
    request = json.loads(str(request_json))
    try:
        sys.setrecursionlimit(_RECURSION_LIMIT)
    except RecursionError:
        pass
    tracer = _module("tracer")
    try:
        return json.dumps(tracer.trace(
            request.get("code", ""),
            max_steps=request.get("max_steps") or tracer.DEFAULT_MAX_STEPS,
            max_objects=request.get("max_objects") or tracer.DEFAULT_MAX_OBJECTS,
            max_seconds=request.get("max_seconds") or tracer.DEFAULT_MAX_SECONDS))
    finally:
        _flush()


def platform_json():
    """tracer.platform_facts() as JSON: pointer and empty-list sizes of this Python."""
    return json.dumps(_module("tracer").platform_facts())


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
