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

hooks is the worker's JS object: clock() (performance.now() / 1000, bound
before any learner code runs), progress(fraction, message, row_json),
should_stop(), watchdog(seconds). Under desktop CPython check_cli.py
passes a Python object with the same four methods.
"""

import json
import sys

import check_session
import checker
import tracer

__all__ = ["run_code", "check_start", "check_round", "trace_code", "platform_json"]

_RECURSION_LIMIT = sys.getrecursionlimit()
_EDITOR = "<editor>"


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
        return json.dumps(checker.describe_error(exc, (_EDITOR, checker.LEARNER_FILE)))
    finally:
        _flush()
    return None


def check_start(request_json, hooks):
    """Start a Check in this (fresh) interpreter: JSON text."""
    try:
        sys.setrecursionlimit(_RECURSION_LIMIT)
    except RecursionError:
        pass
    try:
        return check_session.start(json.loads(str(request_json)), hooks)
    finally:
        _flush()


def check_round(request_json, hooks):
    """One more measurement round of the learner's function: JSON text."""
    try:
        return check_session.round_(json.loads(str(request_json)), hooks)
    finally:
        _flush()


def trace_code(request_json):
    """Trace {code, max_steps?, max_objects?} for the memory diagram: JSON text."""
    request = json.loads(str(request_json))
    try:
        sys.setrecursionlimit(_RECURSION_LIMIT)
    except RecursionError:
        pass
    try:
        return json.dumps(tracer.trace(
            request.get("code", ""),
            max_steps=request.get("max_steps") or tracer.DEFAULT_MAX_STEPS,
            max_objects=request.get("max_objects") or tracer.DEFAULT_MAX_OBJECTS))
    finally:
        _flush()


def platform_json():
    """tracer.platform_facts() as JSON: pointer and empty-list sizes of this Python."""
    return json.dumps(tracer.platform_facts())


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
