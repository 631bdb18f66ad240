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

What this does NOT defend against: code that finds the checker's objects
through frames or the garbage collector (sys._getframe, gc.get_objects) and
changes data in place, or that uses ctypes. That is why the expected results
leave Python before the learner's code runs, are compared by the page, and
the verdict comes from the C core, outside the learner's reach.
"""

import builtins
import os
import sys

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


def _exit_blocked(status=0):
    raise SystemExit("os._exit(%r) was called" % (status,))


class Guard:
    def __init__(self):
        self.items = []        # (label, getter, setter, original)
        self.builtins = {}
        self.watched = []      # (label, obj, names)
        self.path_entry = None
        self._hidden = {}

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
