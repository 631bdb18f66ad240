"""guard.py -- notice (and undo) learner code that patches what a Check relies on.

The learner's code runs in the same interpreter as the checker, so it can
reach the checker's modules, the builtins and the standard library. Before
it runs, Guard.snapshot() records the identity of

  * every builtin (builtins.bool, builtins.len, ...);
  * every global of the checker's own modules (checker, canonical, guard,
    check_session, worker_host, check_cli), and for each function (also
    the methods of their classes) its __code__, __defaults__,
    __kwdefaults__ and the contents of its closure cells;
  * the standard-library functions the measurement calls (time.perf_counter,
    gc.*, tracemalloc.*, sys.monitoring.*, copy.deepcopy, json.dumps, ...)
    and the sys.modules entries of those modules;
  * attributes of objects registered with watch() (the Check's clock, hooks).

Guard.verify() compares, puts every original back, and returns one line per
change ("builtins.bool was replaced"); the page fails a Check that reports
any. While learner code runs (Guard.learner_running()), the checker's
modules are also taken out of sys.modules and their folder out of sys.path,
so `import checker` in learner code fails instead of handing it the live
module, and os._exit raises SystemExit instead of ending the interpreter.

It also compares what CPython runs on its own behalf: the trace and profile
functions (sys.settrace, sys.setprofile), the sys.monitoring tools, gc.callbacks
and the SIGINT/SIGALRM handlers. Each of these would run learner code in
the middle of the checker's own lines (a trace function can rewrite the
times as they are recorded: tools/bench/submissions has one that did).

And an audit hook, the sentry (PEP 578), installed before any learner code
runs, refuses what reaches the checker's objects from code that is not the
checker's: gc.get_objects/get_referrers/get_referents, sys.settrace and
sys.setprofile, sys.addaudithook, sys._current_frames, ctypes, and
sys._getframe or tb_frame/gi_frame/cr_frame/ag_frame when they hand out
one of the checker's frames. "Not the checker's" is decided by the nearest
Python frame on the stack that is not the standard library's. Each refusal
is reported by verify() like a patch, so the Check fails. Replacing or
removing the checker's own trace function (step counting on 3.11) is let
through: CPython itself removes a trace function that raised (the
watchdog's KeyboardInterrupt landing in it), with the learner's frame on
top, and verify() still sees any trace function left behind.

What this does NOT defend against: code that takes one of its own frames
(sys._getframe(0)) and climbs f_back, which no audit event sees, to the
checker's frames and changes data in place (or, on 3.13+, their locals
through frame.f_locals); code that finds the checker's classes with
type.__subclasses__() and their module through a method's __globals__.
That is why the expected results leave Python before the learner's code
runs, every measured row leaves as it is taken (the page keeps those
copies and fails a Check whose rows change afterwards), and the verdict
comes from the C core, outside the learner's reach.
"""

import builtins
import gc
import os
import signal
import sys
from types import MethodType as _MethodType

# The builtins verify() needs, bound now: learner code may replace them.
_BUILTINS = builtins.__dict__
_getattr, _setattr, _list = getattr, setattr, list

__all__ = ["Guard", "OWN_MODULES"]

OWN_MODULES = ("checker", "canonical", "guard", "check_session", "worker_host", "check_cli")

_STDLIB = {
    "time": ("perf_counter", "monotonic", "time"),
    "gc": ("enable", "disable", "isenabled", "collect"),
    "tracemalloc": ("start", "stop", "is_tracing", "reset_peak", "get_traced_memory"),
    "sys": ("settrace", "gettrace", "setrecursionlimit", "getrecursionlimit", "exc_info"),
    "copy": ("deepcopy", "copy"),
    "json": ("dumps", "loads"),
    "hashlib": ("sha256",),
    "random": ("Random",),
    "traceback": ("extract_tb", "format_list", "format_exception_only"),
    "signal": ("setitimer", "signal"),
}
_MONITORING = ("get_tool", "use_tool_id", "free_tool_id", "register_callback", "set_events",
               "restart_events")
_WATCHED_MODULES = ("random", "copy", "gc", "time", "json", "hashlib", "tracemalloc", "collections",
                    "traceback", "builtins", "sys", "math", "itertools", "functools", "os", "signal")

_FUNCTION_PARTS = ("__code__", "__defaults__", "__kwdefaults__")


# ------------------------------------------------------------ the sentry --

_HERE = os.path.dirname(os.path.abspath(__file__))
_STDLIB_DIR = os.path.dirname(os.path.abspath(os.__file__))
_REFUSED = frozenset(("gc.get_objects", "gc.get_referrers", "gc.get_referents", "sys.settrace",
                      "sys.setprofile", "sys.addaudithook", "sys._current_frames",
                      "sys._current_exceptions"))
_FRAME_ATTRS = frozenset(("tb_frame", "gi_frame", "cr_frame", "ag_frame"))
_sentry = {"installed": False, "busy": False, "alerts": []}


def _is_checker_frame(frame):
    return frame is not None and os.path.dirname(os.path.abspath(frame.f_code.co_filename)) == _HERE


def _is_checker_function(func):
    code = getattr(func, "__code__", None) or getattr(getattr(func, "__func__", None), "__code__", None)
    return code is not None and os.path.dirname(os.path.abspath(code.co_filename)) == _HERE


def _is_stdlib_frame(frame):
    name = frame.f_code.co_filename
    return name.startswith("<frozen ") or os.path.abspath(name).startswith(_STDLIB_DIR + os.sep)


def _caller_is_learner():
    """Whether the nearest frame (below the hook) outside the stdlib is
    neither the checker's nor missing (Pyodide's runtime calling in)."""
    frame = sys._getframe(2)
    while frame is not None and _is_stdlib_frame(frame):
        frame = frame.f_back
    return frame is not None and not _is_checker_frame(frame)


def _frame_of(event, args):
    """The frame an audited frame access hands out, or None."""
    if event == "sys._getframe":
        return args[0] if args else None
    if event == "object.__getattr__" and len(args) == 2 and args[1] in _FRAME_ATTRS:
        return getattr(args[0], args[1], None)
    return None


def _refusal(event, args):
    if event in _REFUSED or event.startswith("ctypes."):
        return event
    frame = _frame_of(event, args)
    if _is_checker_frame(frame):
        return "%s (one of the checker's frames)" % (event if event == "sys._getframe" else args[1])
    return None


def _sentry_hook(event, args):
    if event == "object.__getattr__":     # thousands per Check (the guard reads __code__): be quick
        if len(args) != 2 or args[1] not in _FRAME_ATTRS:
            return
    elif not (event in _REFUSED or event == "sys._getframe" or event.startswith("ctypes.")):
        return
    state = _sentry
    if state["busy"]:
        return
    state["busy"] = True          # the checks below raise audit events of their own
    try:
        if event == "sys.settrace" and _is_checker_function(sys.gettrace()) \
                or event == "sys.setprofile" and _is_checker_function(sys.getprofile()):
            return    # the checker's own tracer replaced or removed: CPython removes one that raised
        what = _refusal(event, args)
        if what is None or not _caller_is_learner():
            return
        line = "%s was refused: it reaches the checker's own objects" % what
        if line not in state["alerts"]:
            state["alerts"].append(line)
    finally:
        state["busy"] = False
    raise RuntimeError("the Check does not allow %s while it measures your code" % what)


def install_sentry():
    """Add the audit hook (once per interpreter: it cannot be removed)."""
    if not _sentry["installed"]:
        sys.addaudithook(_sentry_hook)
        _sentry["installed"] = True


def _run_hooks():
    """What CPython itself calls back into: (label, current value) pairs."""
    items = [("sys.settrace", sys.gettrace()), ("sys.setprofile", sys.getprofile()),
             ("gc.callbacks", tuple(gc.callbacks))]
    monitoring = getattr(sys, "monitoring", None)
    if monitoring is not None:
        for tool in range(6):
            items.append(("sys.monitoring tool %d" % tool, monitoring.get_tool(tool)))
    for name in ("SIGINT", "SIGALRM"):
        number = getattr(signal, name, None)
        if number is not None:
            try:
                items.append(("the %s handler" % name, signal.getsignal(number)))
            except (ValueError, OSError):
                pass
    return items


def _same(a, b):
    """Identity, item by item for tuples (never the objects' own __eq__)."""
    if type(a) is tuple and type(b) is tuple:
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if type(a) is _MethodType and type(b) is _MethodType:    # a new object on every access
        return a.__func__ is b.__func__ and a.__self__ is b.__self__
    return a is b


def _restore_run_hook(label, value):
    if label == "sys.settrace":
        sys.settrace(value)
    elif label == "sys.setprofile":
        sys.setprofile(value)
    elif label == "gc.callbacks":
        gc.callbacks[:] = list(value)
    elif label.startswith("sys.monitoring tool "):
        tool = int(label.rsplit(" ", 1)[1])
        monitoring = sys.monitoring
        if monitoring.get_tool(tool) is not None:
            monitoring.set_events(tool, 0)
            monitoring.free_tool_id(tool)
        if value is not None:
            monitoring.use_tool_id(tool, value)
    elif label.startswith("the SIG"):
        try:
            signal.signal(getattr(signal, label.split()[1]), value)
        except (ValueError, OSError, TypeError):
            pass


def _exit_blocked(status=0):
    raise SystemExit("os._exit(%r) was called" % (status,))


class Guard:
    def __init__(self):
        self.items = []        # (label, getter, setter, original)
        self.builtins = {}
        self.watched = []      # (label, obj, names)
        self.path_entry = None
        self._hidden = {}
        self.run_hooks = []

    # -------------------------------------------------------------- setup --

    def watch(self, label, obj, names):
        """Also guard these attributes of obj (call before snapshot())."""
        self.watched.append((label, obj, tuple(names)))

    def _add(self, label, holder, name):
        try:
            value = getattr(holder, name)
        except AttributeError:
            return
        self.items.append((label, holder, name, value))
        if hasattr(value, "__code__") and hasattr(value, "__globals__"):
            self._add_function(label, value)

    def _add_function(self, label, func):
        for part in _FUNCTION_PARTS:
            self.items.append((label + "." + part, func, part, getattr(func, part, None)))
        for i, cell in enumerate(func.__closure__ or ()):
            try:
                contents = cell.cell_contents
            except ValueError:       # an empty cell
                continue
            self.items.append(("%s (closure %d)" % (label, i), cell, "cell_contents", contents))

    def snapshot(self):
        """Record everything listed in the module docstring."""
        install_sentry()
        self.run_hooks = _run_hooks()
        self.items = []
        self.builtins = dict(_BUILTINS)
        for name in OWN_MODULES:
            module = sys.modules.get(name)
            if module is None:
                continue
            for attr, value in list(vars(module).items()):
                if attr.startswith("__"):
                    continue
                self._add("%s.%s" % (name, attr), module, attr)
                if isinstance(value, type) and getattr(value, "__module__", None) == name:
                    for cattr, cvalue in list(vars(value).items()):
                        if hasattr(cvalue, "__code__"):
                            self._add("%s.%s.%s" % (name, attr, cattr), value, cattr)
        for modname, attrs in _STDLIB.items():
            module = sys.modules.get(modname)
            if module is not None:
                for attr in attrs:
                    self._add("%s.%s" % (modname, attr), module, attr)
        monitoring = getattr(sys, "monitoring", None)
        if monitoring is not None:
            self._add("sys.monitoring", sys, "monitoring")
            for attr in _MONITORING:
                self._add("sys.monitoring.%s" % attr, monitoring, attr)
        for modname in _WATCHED_MODULES:
            if modname in sys.modules:
                self.items.append(("sys.modules[%r]" % modname, sys.modules, modname, sys.modules[modname]))
        for label, obj, names in self.watched:
            for name in names:
                self._add("%s.%s" % (label, name), obj, name)

    # ------------------------------------------------------------- verify --

    def verify(self):
        """Lines naming what changed since snapshot(); originals restored."""
        changed = []
        _sentry["busy"] = True        # restoring calls sys.settrace etc. itself
        try:
            for (label, original), (_, now) in zip(self.run_hooks, _run_hooks()):
                if not _same(now, original):
                    changed.append("%s was changed" % label)
                    _restore_run_hook(label, original)
        finally:
            _sentry["busy"] = False
        changed += [line for line in _sentry["alerts"] if line not in changed]
        del _sentry["alerts"][:]
        current = _BUILTINS
        for name, value in _list(self.builtins.items()):
            if current.get(name, _MISSING) is not value:
                changed.append("builtins.%s was %s" % (name, "deleted" if name not in current else "replaced"))
                current[name] = value
        for name in [n for n in _list(current) if n not in self.builtins]:
            del current[name]            # added names: removed, not reported
        for label, holder, name, original in self.items:
            if holder is sys.modules:
                now = sys.modules.get(name, _MISSING)
                if now is not original:
                    changed.append("%s was replaced" % label)
                    sys.modules[name] = original
                continue
            try:
                now = _getattr(holder, name)
            except (AttributeError, ValueError):
                now = _MISSING
            if now is not original:
                changed.append("%s was %s" % (label, "deleted" if now is _MISSING else "replaced"))
                try:
                    _setattr(holder, name, original)
                except (AttributeError, TypeError):
                    pass
        return changed

    # ----------------------------------------------------- learner phases --

    def hide(self):
        """Take the checker out of sys.modules / sys.path; block os._exit."""
        self._hidden = {name: sys.modules.pop(name) for name in OWN_MODULES if name in sys.modules}
        here = os.path.dirname(os.path.abspath(__file__))
        self.path_entries = [p for p in sys.path if os.path.abspath(p or ".") == here]
        sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
        self.real_exit = os._exit
        os._exit = _exit_blocked
        self.recursion_limit = sys.getrecursionlimit()

    def unhide(self):
        """Undo hide(): modules, path, os._exit, recursion limit, gc on."""
        import gc
        os._exit = self.real_exit
        for name, module in self._hidden.items():
            sys.modules[name] = module
        self._hidden = {}
        for p in reversed(self.path_entries):
            if p not in sys.path:
                sys.path.insert(0, p)
        try:
            sys.setrecursionlimit(self.recursion_limit)
        except (RecursionError, ValueError):
            pass
        gc.enable()


class _Missing:
    def __repr__(self):
        return "<missing>"


_MISSING = _Missing()
