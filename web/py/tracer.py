"""tracer.py -- runs a snippet line by line and records real CPython memory.

The Visualize button's Python (web/src/trace_panel.js draws what this
returns). trace(code) executes the code as __main__ under sys.settrace and,
before each line of the learner's code runs (and once at the end), records
the learner's frames with their local names and every object reachable from
them: type, id(), a short repr, sys.getsizeof, the reference count, and for
containers the references they hold (list capacity from getsizeof). Nothing
here is a model: every figure is read from the running interpreter.

    trace(code, max_steps=1000, max_objects=150, max_seconds=5.0, max_frames=30)
        -> dict (see _Recorder.result)

Reference counts are sys.getrefcount minus the tracer's own references: the
share of the tracer's bookkeeping is measured once on a probe object
(_tracer_share), and before 3.13 each name in a function frame also sits in
the f_locals dict that settrace fills for its callback, which CPython made
for the tracer and which is subtracted too. Nothing the learner wrote runs
while a step is recorded: objects whose repr or __sizeof__ is Python code
get the default repr and no size.

Past max_steps, or max_seconds after it started (a line that sleeps, or
slow lines: the page gives up on a request after 10 s and then has
nothing to show), the program is stopped with _StepLimit (a BaseException,
so `except Exception` in the learner's loop does not swallow it) and the
steps so far are returned with a notice; past max_objects in one step the
step is cut and marked. A step deeper than max_frames keeps the module's
frame and the innermost ones, and says how many it left out (a runaway
recursion would otherwise record every frame at every step: quadratic). Why sys.settrace and not sys.monitoring: the desktop python3
that runs `make test` is 3.11, and one tracer must run in both.

A bare `except:` (or `except BaseException`) does catch _StepLimit, and
CPython turns sys.settrace off for good once a trace function raises, so
raising once is not enough: `while True: try: x = 1 / except: pass` would
run on untraced, forever. So the limit also starts a _Guard, which keeps
raising _StepLimit in the learner's code until the program ends: each
raise that is caught lands the program in a handler, and the next one is
raised there, outside that try, so it climbs out. On 3.12+ (Pyodide) the
guard is a sys.monitoring tool on LINE, JUMP and PY_START events (a
monitoring callback may raise without being switched off); on 3.11 it is a
thread that sets an asynchronous exception (PyThreadState_SetAsyncExc)
in the traced thread every few milliseconds while the learner's code is on
its stack. trace() stops the guard before it does anything else.
"""

import io
import struct
import sys
import time
import traceback
import types

__all__ = ["trace", "platform_facts", "FILENAME", "DEFAULT_MAX_STEPS", "DEFAULT_MAX_OBJECTS",
           "DEFAULT_MAX_SECONDS", "DEFAULT_MAX_FRAMES", "DESKTOP_64"]

FILENAME = "<visualize>"
DEFAULT_MAX_STEPS = 1000
DEFAULT_MAX_OBJECTS = 150
DEFAULT_MAX_SECONDS = 5.0       # half the page's 10 s: room to send the steps
DEFAULT_MAX_FRAMES = 30         # frames drawn per step: the module's + the innermost
REPR_CHARS = 60                 # a short repr: the box is narrow
OUTPUT_CAP = 100_000            # characters of printed output kept
POINTER_SIZE = struct.calcsize("P")
# The one figure here that is not read from the running interpreter: what
# 64-bit desktop CPython (3.11 to 3.14, the default build) measures, for the
# page's note beside Pyodide's own figures. tests/py/test_tracer.py checks
# it against the desktop python3 that runs `make test` when that is 64-bit.
DESKTOP_64 = {"pointer_size": 8, "empty_list_size": 56}
# Before 3.13 the settrace callback gets a frame whose f_locals dict holds
# one more reference to each local (PEP 667 removed that dict in 3.13).
_FLOCALS_COPY = sys.version_info < (3, 13)
_is_immortal = getattr(sys, "_is_immortal", None)      # 3.14
_is_interned = getattr(sys, "_is_interned", None)      # 3.13
_SINGLETONS = (type(None), bool, type(Ellipsis), type(NotImplemented))
_LEAF_TYPES = (int, float, complex, str, bytes, bool, type(None), range)


class _StepLimit(BaseException):
    """Raised into the learner's code when the step limit is reached."""

    rearm = None        # 3.11, past the limit: turns sys.settrace on again

    def __del__(self):
        # A handler that caught one has ended: trace again, so the next
        # line raises again (right after that handler, outside its try).
        if _StepLimit.rearm is not None:
            _StepLimit.rearm()


# -------------------------------------------------------------- guard --

def _in_learner_code(frame):
    while frame is not None:
        if frame.f_code.co_filename == FILENAME:
            return True
        frame = frame.f_back
    return False


class _MonitoringGuard:
    """3.12+: a sys.monitoring tool raising _StepLimit at every line, jump
    and call of the learner's code; other code's events are disabled."""

    def __init__(self):
        self.tool = None

    def start(self):
        mon = sys.monitoring
        free = [t for t in range(6) if mon.get_tool(t) is None]
        if not free:
            return False
        self.tool = free[-1]
        mon.use_tool_id(self.tool, "visualize step limit")
        events = mon.events
        for event in (events.LINE, events.JUMP, events.PY_START):
            mon.register_callback(self.tool, event, self._event)
        mon.set_events(self.tool, events.LINE | events.JUMP | events.PY_START)
        return True

    @staticmethod
    def _event(code, *_):
        if code.co_filename == FILENAME:
            raise _StepLimit()
        return sys.monitoring.DISABLE

    def stop(self):
        if self.tool is None:
            return
        mon = sys.monitoring
        mon.set_events(self.tool, 0)
        for event in (mon.events.LINE, mon.events.JUMP, mon.events.PY_START):
            mon.register_callback(self.tool, event, None)
        mon.free_tool_id(self.tool)
        self.tool = None


class _ThreadGuard:
    """3.11: a thread that, while the traced thread is in the learner's
    code, sets _StepLimit as that thread's asynchronous exception every
    PERIOD seconds; and each caught _StepLimit, when freed at the end of
    its handler, turns the recorder's settrace on again (rearm), for loops
    whose only eval-breaker check sits inside a try. The exception can
    surface anywhere in that thread, so stop() may itself be interrupted:
    call it until it returns (trace())."""

    PERIOD = 0.003

    def __init__(self, rearm):
        self.thread = None
        self.rearm = rearm

    def start(self):
        _StepLimit.rearm = self.rearm
        try:
            import ctypes
            import threading
        except ImportError:          # no ctypes: a bare except escapes the limit
            return False
        self.set_async = ctypes.pythonapi.PyThreadState_SetAsyncExc
        self.ident = ctypes.c_ulong(threading.get_ident())
        self.exc = ctypes.py_object(_StepLimit)
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, name="visualize step limit", daemon=True)
        self.thread.start()
        return True

    def _run(self):
        while not self.done.wait(self.PERIOD):
            frame = sys._current_frames().get(self.ident.value)
            if _in_learner_code(frame):
                self.set_async(self.ident, self.exc)

    def stop(self):
        _StepLimit.rearm = None
        if self.thread is None:
            return
        self.done.set()
        self.thread.join()
        # A set that has not surfaced yet surfaces at this call's eval-breaker
        # check (clearing it with SetAsyncExc(id, NULL) instead leaves 3.11's
        # eval breaker signalled, and the next traced code hangs).
        _surface()
        self.thread = None


def _surface():
    """Does nothing; calling it checks for a pending asynchronous exception."""


def _Guard(rearm):
    return _MonitoringGuard() if hasattr(sys, "monitoring") else _ThreadGuard(rearm)


# ------------------------------------------------------------ objects --

def _python_defined(cls, name):
    """True when cls's method `name` is Python code (learner code, not C)."""
    for base in cls.__mro__:
        if name in base.__dict__:
            return isinstance(base.__dict__[name], (types.FunctionType, staticmethod, classmethod, property))
    return False


def _short(text):
    return text if len(text) <= REPR_CHARS else text[:REPR_CHARS - 1] + "…"


def _repr(obj):
    cls = type(obj)
    if isinstance(obj, types.ModuleType):
        return f"module {obj.__name__}"
    if isinstance(obj, types.FunctionType):
        return f"function {obj.__qualname__}"
    if isinstance(obj, type):
        return f"class {obj.__qualname__}"
    if _python_defined(cls, "__repr__"):
        return f"<{cls.__qualname__} object>"
    try:
        return _short(repr(obj))
    except ValueError:                    # an int past sys.get_int_max_str_digits
        return f"<int of {obj.bit_length()} bits>"
    except Exception as exc:
        return f"<repr failed: {type(exc).__name__}>"


def _size(obj):
    if _python_defined(type(obj), "__sizeof__"):
        return None
    try:
        return sys.getsizeof(obj)
    except Exception:
        return None


_EMPTY_LIST_SIZE = sys.getsizeof([])


def _list_capacity(lst):
    """Slots allocated, read from getsizeof: header + allocated * pointer."""
    return (sys.getsizeof(lst) - _EMPTY_LIST_SIZE) // POINTER_SIZE


def _shared(obj, code_strings):
    """'small-int' | 'interned' | 'singleton' | None: what CPython shares."""
    cls = type(obj)
    if cls in _SINGLETONS:
        return "singleton"
    if cls is int:
        # int(str(v)) returns the cached object for a small int and a new
        # one otherwise: CPython's own answer, whatever the cache's range.
        try:
            return "small-int" if int(str(obj)) is obj else None
        except ValueError:
            return None
    if cls is str:
        if _is_interned is not None:
            return "interned" if _is_interned(obj) else None
        # 3.11 has no side-effect-free test (sys.intern would intern it):
        # the compiler interns the code's identifier-like constants and
        # names, and "" and one Latin-1 character are cached singletons.
        if id(obj) in code_strings or len(obj) == 0 or (len(obj) == 1 and ord(obj) < 256):
            return "interned"
    return None


def _is_learner_instance(obj):
    cls = type(obj)
    return getattr(cls, "__module__", None) == "__main__" and not isinstance(obj, type)


def _references(obj):
    """(kind, fields) of one object; fields hold the referenced objects."""
    cls = type(obj)
    if cls is list or cls is tuple:
        return ("list" if cls is list else "tuple"), {"items": list(obj)}
    if cls is set or cls is frozenset:
        return "set", {"items": list(obj)}
    if cls is dict:
        return "dict", {"entries": list(obj.items())}
    if isinstance(obj, types.FunctionType):
        attrs = []
        if obj.__defaults__ is not None:
            attrs.append(("defaults", obj.__defaults__))
        if obj.__kwdefaults__:
            attrs.append(("kwdefaults", obj.__kwdefaults__))
        return "function", {"attrs": attrs}
    if _is_learner_instance(obj):
        try:
            attrs = object.__getattribute__(obj, "__dict__")
        except Exception:
            attrs = None
        if type(attrs) is dict:
            return "instance", {"attrs": [(str(k), v) for k, v in attrs.items()]}
    return "leaf", {}


def _code_strings(code):
    """ids of the str constants and names in code and its nested code."""
    found = set()
    stack = [code]
    while stack:
        co = stack.pop()
        for name in co.co_names + co.co_varnames + co.co_cellvars + co.co_freevars:
            found.add(id(name))
        for const in co.co_consts:
            if isinstance(const, types.CodeType):
                stack.append(const)
            elif type(const) is str and const.isidentifier():
                found.add(id(const))
    return found


# ------------------------------------------------------------- frames --

def _learner_frames(frame):
    frames = []
    while frame is not None:
        if frame.f_code.co_filename == FILENAME:
            frames.append(frame)
        frame = frame.f_back
    frames.reverse()
    return frames


def _namespace_names(ns):
    return [(k, v) for k, v in ns.items() if not (k.startswith("__") and k.endswith("__"))]


def _frame_names(frame):
    """[(name, object)] of a frame; the module's without dunder names."""
    if frame.f_code.co_name == "<module>":
        return _namespace_names(frame.f_globals)
    return [(str(k), v) for k, v in frame.f_locals.items()]


class _Snapshot:
    """The objects reachable from the frames at one step (by id)."""

    def __init__(self, max_objects):
        self.max_objects = max_objects
        self.seen = {}          # id -> object: keeps each alive while recorded
        self.order = []         # ids in discovery order
        self.truncated = False

    def add(self, obj):
        key = id(obj)
        if key in self.seen:
            return key
        if len(self.order) >= self.max_objects:
            self.truncated = True
            return key
        self.seen[key] = obj
        self.order.append(key)
        return key


def _refcounts(seen, order, share):
    return [sys.getrefcount(seen[key]) - share for key in order]


def _tracer_share():
    """References the recording adds to an object: measured on a probe."""
    holder = [object()]
    seen = {id(holder[0]): holder[0]}
    return _refcounts(seen, list(seen), 0)[0] - 1


# ----------------------------------------------------------- recorder --

class _Output(io.TextIOBase):
    """sys.stdout while tracing: keeps what is printed, up to a cap."""

    def __init__(self):
        self.parts = []
        self.chars = 0
        self.dropped = 0

    def writable(self):
        return True

    def write(self, text):
        text = str(text)
        room = OUTPUT_CAP - self.chars
        if len(text) > room:
            self.dropped += len(text) - max(room, 0)
            text = text[:max(room, 0)]
        self.parts.append(text)
        self.chars += len(text)
        return len(text)

    def text(self):
        return "".join(self.parts)


class _Recorder:
    def __init__(self, code_object, max_steps, max_objects, max_seconds=DEFAULT_MAX_SECONDS,
                 max_frames=DEFAULT_MAX_FRAMES):
        self.max_steps = max_steps
        self.max_objects = max_objects
        self.max_seconds = max_seconds
        self.max_frames = max_frames
        self.deadline = time.perf_counter() + max_seconds
        self.code_strings = _code_strings(code_object)
        self.share = _tracer_share()
        self.records = []        # distinct object records (without refcount)
        self.record_index = {}   # record's key -> index in records
        self.steps = []
        self.output = _Output()
        self.stopped = None
        self.guard = _Guard(self.rearm)

    # The trace functions. The global one is called for each new frame;
    # only the learner's frames get the local one.
    def global_trace(self, frame, event, arg):
        if frame.f_code.co_filename != FILENAME:
            return None
        return self.local_trace

    def local_trace(self, frame, event, arg):
        if event == "line":
            if self.stopped is None:
                self.stopped = self._limit_reached()
                if self.stopped is not None:
                    self.guard.start()        # for an `except:` that catches this one
            if self.stopped is not None:
                raise _StepLimit()            # and settrace is off from here on
            self.record(frame, frame.f_lineno, "line")
        return self.local_trace

    def _limit_reached(self):
        """The notice of the limit this line is past, or None."""
        if len(self.steps) >= self.max_steps:
            return {"reason": "steps", "message":
                    f"Stopped after {self.max_steps:,} steps, the step limit: the program may run forever. "
                    "The steps so far are shown."}
        if time.perf_counter() >= self.deadline:
            return {"reason": "time", "message":
                    f"Stopped after {self.max_seconds:g} s, the time limit, at step {len(self.steps):,}: "
                    "the program is slow or waits. The steps so far are shown."}
        return None

    def rearm(self):
        """settrace on again for the learner's frames on the stack (3.11 guard)."""
        frame = sys._getframe(1)
        if not _in_learner_code(frame):
            return
        while frame is not None:
            if frame.f_code.co_filename == FILENAME:
                frame.f_trace = self.local_trace
            frame = frame.f_back
        sys.settrace(self.global_trace)

    def record(self, frame, line, event):
        frames = _learner_frames(frame) if frame is not None else []
        hidden = max(0, len(frames) - self.max_frames)
        if hidden:                    # the module's frame and the innermost ones
            frames = frames[:1] + frames[1 + hidden:]
        snap = _Snapshot(self.max_objects)
        frame_rows, copies = self._roots(frames, snap)
        self._walk(snap)
        counts = _refcounts(snap.seen, snap.order, self.share)
        heap = []
        for key, count in zip(snap.order, counts):
            record = self._record(snap.seen[key], snap)
            heap.append([record, count - copies.get(key, 0)])
        self.steps.append({
            "line": line, "event": event, "frames": frame_rows, "heap": heap,
            "out": self.output.chars, "truncated": snap.truncated, "frames_hidden": hidden,
        })

    def record_end(self, ns, event):
        """The end state: the module's names after the last line ran."""
        snap = _Snapshot(self.max_objects)
        names = [[name, snap.add(value)] for name, value in _namespace_names(ns)]
        self._walk(snap)
        counts = _refcounts(snap.seen, snap.order, self.share)
        heap = [[self._record(snap.seen[key], snap), count] for key, count in zip(snap.order, counts)]
        self.steps.append({
            "line": None, "event": event, "frames": [{"name": "<module>", "line": None, "locals": names}],
            "heap": heap, "out": self.output.chars, "truncated": snap.truncated, "frames_hidden": 0,
        })

    def _roots(self, frames, snap):
        rows = []
        copies = {}              # id -> references held by f_locals copies
        for f in frames:
            names = []
            module = f.f_code.co_name == "<module>"
            for name, value in _frame_names(f):
                key = snap.add(value)
                names.append([name, key])
                if _FLOCALS_COPY and not module:
                    copies[key] = copies.get(key, 0) + 1
            rows.append({"name": f.f_code.co_name, "line": f.f_lineno, "locals": names})
        return rows, copies

    def _walk(self, snap):
        index = 0
        while index < len(snap.order):
            obj = snap.seen[snap.order[index]]
            index += 1
            _, fields = _references(obj)
            for value in fields.get("items", ()):
                snap.add(value)
            for k, v in fields.get("entries", ()):
                snap.add(k)
                snap.add(v)
            for _, v in fields.get("attrs", ()):
                snap.add(v)

    def _record(self, obj, snap):
        kind, fields = _references(obj)
        record = {"id": id(obj), "type": type(obj).__name__, "kind": kind,
                  "repr": _repr(obj) if kind in ("leaf", "function", "instance") else None,
                  "size": _size(obj), "shared": _shared(obj, self.code_strings),
                  "immortal": bool(_is_immortal(obj)) if _is_immortal else False}
        if "items" in fields:
            record["items"] = [id(v) for v in fields["items"]]
            record["len"] = len(fields["items"])
        if "entries" in fields:
            record["entries"] = [[id(k), id(v), _repr(k)] for k, v in fields["entries"]]
            record["len"] = len(fields["entries"])
        if "attrs" in fields:
            record["attrs"] = [[name, id(v)] for name, v in fields["attrs"]]
        if type(obj) is list:
            record["cap"] = _list_capacity(obj)
        if type(obj) is str:
            record["len"] = len(obj)
        key = repr(sorted(record.items()))
        index = self.record_index.get(key)
        if index is None:
            index = self.record_index[key] = len(self.records)
            self.records.append(record)
        return index

    def result(self, error):
        return {
            "version": sys.version.split()[0],
            "platform": dict(platform_facts(),
                             interned_test="sys._is_interned" if _is_interned else "code constants",
                             immortal_test=bool(_is_immortal)),
            "limits": {"max_steps": self.max_steps, "max_objects": self.max_objects,
                       "max_seconds": self.max_seconds, "max_frames": self.max_frames},
            "records": self.records,
            "steps": self.steps,
            "stdout": self.output.text(),
            "dropped_output": self.output.dropped,
            "stopped": self.stopped,
            "error": error,
        }


def platform_facts():
    """This interpreter's pointer size and empty-list size, and the 64-bit desktop's."""
    return {"pointer_size": POINTER_SIZE, "empty_list_size": _EMPTY_LIST_SIZE,
            "wasm": sys.platform == "emscripten", "platform": sys.platform,
            "version": sys.version.split()[0], "desktop_64": dict(DESKTOP_64)}


def _describe(exc, tb_frames_only=True):
    """The learner's exception: {kind, message, line, traceback}."""
    line = None
    if isinstance(exc, SyntaxError) and exc.filename == FILENAME:
        line = exc.lineno
    entries = [e for e in traceback.extract_tb(exc.__traceback__) if e.filename == FILENAME]
    if entries:
        line = entries[-1].lineno
    text = "".join(traceback.format_list(entries)) if entries else ""
    text = ("Traceback (most recent call last):\n" + text if text else "") + "".join(
        traceback.format_exception_only(type(exc), exc))
    return {"kind": type(exc).__name__, "message": str(exc), "line": line, "traceback": text}


def trace(code, max_steps=DEFAULT_MAX_STEPS, max_objects=DEFAULT_MAX_OBJECTS,
          max_seconds=DEFAULT_MAX_SECONDS, max_frames=DEFAULT_MAX_FRAMES):
    """Run code under the tracer; the steps, records and how it ended."""
    max_steps = max(1, min(int(max_steps), 100_000))
    max_objects = max(1, min(int(max_objects), 5_000))
    max_seconds = max(0.1, min(float(max_seconds), 600.0))
    max_frames = max(2, min(int(max_frames), 1_000))
    try:
        code_object = compile(str(code), FILENAME, "exec")
    except SyntaxError as exc:
        return {"steps": [], "records": [], "error": _describe(exc), "stopped": None, "stdout": "",
                "limits": {"max_steps": max_steps, "max_objects": max_objects}}
    recorder = _Recorder(code_object, max_steps, max_objects, max_seconds, max_frames)
    ns = {"__name__": "__main__", "__builtins__": __builtins__}
    error = outcome = None
    saved_stdout, saved_trace = sys.stdout, sys.gettrace()
    sys.stdout = recorder.output
    sys.settrace(recorder.global_trace)
    try:
        exec(code_object, ns)
    except BaseException as exc:
        outcome = exc
    finally:
        # First the guard: until it is stopped, a _StepLimit may surface
        # anywhere (the 3.11 guard's), even inside stop() itself.
        while recorder.guard is not None:
            try:
                recorder.guard.stop()
                recorder.guard = None
            except _StepLimit:
                pass
        sys.settrace(saved_trace)
        sys.stdout = saved_stdout
    if isinstance(outcome, KeyboardInterrupt):
        recorder.stopped = {"reason": "interrupt", "message": "Stopped. The steps so far are shown."}
    elif outcome is not None and not isinstance(outcome, (_StepLimit, SystemExit)):
        error = _describe(outcome)            # the learner's own error is part of the story
    if recorder.stopped is None:
        recorder.record_end(ns, "error" if error else "end")
    return recorder.result(error)
