"""checker.py -- the measuring tools a Check is built from.

Stateless, stdlib only, used in two places: in the page under Pyodide
(CPython 3.14, 32-bit WebAssembly, one thread) and under desktop CPython
(3.11 here) by web/py/check_cli.py. The procedure that uses these tools
(reference first, then the learner, sizes, rounds, budgets) is
check_session.py; worker_host.py is what the page's worker calls.
Nothing here splits cells: the page, tests/content/verify_content.py and
tools/check_desktop.mjs get them from the site build
(tools/content/parse_cells.mjs, the one cell parser).

    describe_error(exc, filenames)   -> {kind, message, line, traceback}
    one_line(exc)                    -> "ValueError: bad value", short
    run_module(code, filename)       -> namespace (a fresh one)
    input_maker(make_input)          -> make(n, seed): both generator signatures
    copier(args)                     -> a function returning fresh copies of args
    weight(args)                     -> about how many items args hold
    clock_resolution(clock)          -> the clock's smallest step, in seconds
    warm_up(clock)                   -> runs varied Python until its speed settles
    count_steps(func, args)          -> Python lines executed in the learner's code
    peak_bytes(func, args)           -> extra bytes at the peak of one call
    series(rows, field)              -> {"n": [...], "y": [...]} for the core
    best_series(rows, field)         -> the same, the best repeat per size
    to_csv(n, y, header)             -> "n,value" rows for `coursecore fit`

Nothing here prints; errors are raised as exceptions with a message a
learner can read.
"""

import copy
import gc
import sys
import traceback

__all__ = [
    "describe_error", "run_module", "input_maker", "copier", "weight",
    "clock_resolution", "warm_up", "count_steps", "peak_bytes", "series", "to_csv",
    "LEARNER_FILE",
]

LEARNER_FILE = "<exercise>"     # the filename the learner's code is compiled with
REPEAT_FILTER = 1.5             # repeats slower than this times the best are dropped

# ----------------------------------------------------------------- errors --

def describe_error(exc, filenames=(LEARNER_FILE, "<editor>")):
    """{kind, message, line, traceback} for an exception, with the
    traceback cut to the frames of code in ``filenames`` (the learner's).
    """
    tb = traceback.extract_tb(exc.__traceback__)
    frames = [f for f in tb if f.filename in filenames]
    line = frames[-1].lineno if frames else None
    if isinstance(exc, SyntaxError) and exc.filename in filenames:
        line = exc.lineno
    lines = ["Traceback (most recent call last):\n"] if frames else []
    lines += traceback.format_list(frames)
    try:
        lines += traceback.format_exception_only(type(exc), exc)
    except Exception:  # a learner's exception class with a broken __str__
        lines.append("%s\n" % type(exc).__name__)
    text = "".join(lines)
    if len(text) > 20000:
        text = text[:8000] + "\n... (traceback cut) ...\n" + text[-8000:]
    try:
        message = exc.msg if isinstance(exc, SyntaxError) and exc.msg else str(exc)
    except Exception:
        message = ""
    return {"kind": type(exc).__name__, "message": message[:2000], "line": line, "traceback": text}


def one_line(exc):
    """"ValueError: bad value" (cut to 200 characters)."""
    try:
        message = str(exc)
    except Exception:
        message = ""
    text = "%s: %s" % (type(exc).__name__, message) if message else type(exc).__name__
    return text if len(text) <= 200 else text[:185] + " ... " + text[-10:]


# ----------------------------------------------------------------- running --

def run_module(code, filename, name="exercise", builtins_dict=None):
    """Run code as a module in a fresh namespace and return the namespace.

    builtins_dict, if given, is the namespace's __builtins__ (a copy, so
    that a module-level `bool = ...` never reaches the real builtins).
    Raises whatever the code raises.
    """
    import builtins
    ns = {"__name__": name, "__builtins__": builtins_dict if builtins_dict is not None else builtins}
    exec(compile(code, filename, "exec"), ns)
    return ns


def input_maker(make_input):
    """make(n, seed) for a check cell's make_input(n, seed=0) or make_input(n).

    The older one-argument form gives the same input for every seed; the
    second value returned says whether seeds are honoured.
    """
    code = getattr(make_input, "__code__", None)
    takes_seed = code is None or code.co_argcount >= 2 or bool(code.co_flags & 0x04)

    def make(n, seed):
        args = make_input(n, seed) if takes_seed else make_input(n)
        if type(args) is not tuple:
            raise TypeError("make_input(n) must return a tuple of arguments, got %s" % type(args).__name__)
        return args
    return make, takes_seed


_ATOMS = (int, float, complex, str, bytes, bool, type(None), range)
_ATOM_TYPES = frozenset(_ATOMS) | {tuple}


def _atomic(x):
    t = type(x)
    if t in _ATOMS:
        return True
    return t is tuple and all(type(y) in _ATOMS for y in x)


def copier(args):
    """A function returning a fresh copy of the argument tuple ``args``.

    The copy is one the function may mutate freely. Which way to copy each
    argument is decided once, here: lists, dicts and sets of immutable atoms
    are copied shallowly (fast), bytearrays by value, atoms not at all,
    anything else through copy.deepcopy (which keeps sharing inside args).
    """
    plan = []
    mutable = [id(a) for a in args if not _atomic(a)]
    deep = len(set(mutable)) < len(mutable)   # one object passed twice: keep that
    for a in args:
        t = type(a)
        if _atomic(a):
            plan.append(None)
        elif t in (list, set, frozenset) and set(map(type, a)) <= _ATOM_TYPES and all(map(_atomic, a)):
            plan.append(t)
        elif t is dict and set(map(type, a.values())) <= _ATOM_TYPES and all(map(_atomic, a.values())):
            plan.append(dict)
        elif t is bytearray:
            plan.append(bytearray)
        else:
            plan.append(None)
            deep = True
    if deep:  # one deepcopy of the whole tuple keeps sharing between arguments
        deepcopy = copy.deepcopy
        return lambda: deepcopy(args)
    plan = tuple(plan)

    def copy_args():
        return tuple(a if how is None else how(a) for a, how in zip(args, plan))
    return copy_args


def weight(args, limit=10_000_000):
    """About how many items args hold (containers two levels deep), >= 1."""
    total = 1
    for a in args:
        if isinstance(a, (list, tuple, dict, set, frozenset, bytearray, str, bytes)):
            total += len(a)
            if isinstance(a, (list, tuple)) and a and isinstance(a[0], (list, tuple, dict, set)):
                total += len(a) * len(a[0])
        if total > limit:
            break
    return total


# ------------------------------------------------------------------- clock --

def clock_resolution(clock, spins_max=200000):
    """Smallest step of clock(), sampled: browsers clamp their clocks
    (100 us, or 5 us when cross-origin isolated), so what the platform
    reports cannot be trusted. Bounded work even if the clock never moves.
    """
    best = float("inf")
    spins = 0
    for _ in range(12):
        t0 = clock()
        t1 = clock()
        while t1 == t0 and spins < spins_max:   # wait for a tick edge ...
            t1 = clock()
            spins += 1
        t2 = clock()
        while t2 == t1 and spins < spins_max:   # ... then time one whole tick
            t2 = clock()
            spins += 1
        if t2 > t1:
            best = min(best, t2 - t1)
    return best if best != float("inf") else 1e-3


def warm_up(clock, least=0.3, most=1.5):
    """Run varied Python until its speed settles.

    In the browser the interpreter loop is compiled to optimised machine
    code in the background after the first few hundred ms of work; until
    then the first measured sizes look too slow. Returns the seconds spent.
    """
    start = clock()
    best = float("inf")
    steady = 0
    while True:
        t0 = clock()
        d = {}
        s = set()
        items = []
        for i in range(1500):
            d[i] = d.get(i - 1, 0) + 1
            s.add(i * 7 % 13)
            items.append(str(i))
        "".join(sorted(items))
        lap = clock() - t0
        steady = steady + 1 if lap >= 0.95 * best else 0
        best = min(best, lap)
        spent = clock() - start
        if spent > most or (spent > least and steady >= 5):
            return spent


# ------------------------------------------------------------------- steps --

def _steps_monitoring(func, args, filename):
    """Lines executed, plus loop turns, in code compiled as ``filename`` (sys.monitoring, 3.12+)."""
    mon = sys.monitoring
    tool = next((t for t in (5, 4, 3, 2) if mon.get_tool(t) is None), None)
    if tool is None:
        raise RuntimeError("no free sys.monitoring tool id")
    mon.use_tool_id(tool, "memperf.steps")
    count = [0]
    disable = mon.DISABLE

    def on_line(code, line):
        if code.co_filename != filename:
            return disable        # never again for this line of other code
        count[0] += 1
        return None

    # LINE fires only when the line number changes, so a loop written on one
    # line (a comprehension, a generator expression, `while x: x -= 1`) would
    # count once however often it runs. Each backward jump is one more turn
    # of a loop: counting those too makes one-line loops visible, as the
    # "line" events of sys.settrace (3.11) do.
    def on_jump(code, source, destination):
        if code.co_filename != filename:
            return disable
        if destination <= source:
            count[0] += 1
        return None

    events = mon.events.LINE | mon.events.JUMP
    try:
        mon.register_callback(tool, mon.events.LINE, on_line)
        mon.register_callback(tool, mon.events.JUMP, on_jump)
        mon.set_events(tool, events)
        try:
            func(*args)
        finally:
            mon.set_events(tool, 0)
    finally:
        mon.register_callback(tool, mon.events.JUMP, None)
        mon.register_callback(tool, mon.events.LINE, None)
        mon.free_tool_id(tool)
        mon.restart_events()      # undo the DISABLEs for the next count
    return count[0]


def _steps_settrace(func, args, filename):
    """Lines executed in code compiled as ``filename`` (sys.settrace, 3.11)."""
    count = [0]

    def local(frame, event, arg):
        if event == "line":
            count[0] += 1
        return local

    def global_(frame, event, arg):
        return local if frame.f_code.co_filename == filename else None

    old = sys.gettrace()
    sys.settrace(global_)
    try:
        func(*args)
    finally:
        sys.settrace(old)
    return count[0]


def count_steps(func, args, filename=LEARNER_FILE):
    """Number of Python lines executed by one call func(*args), counting
    only lines of code compiled as ``filename`` (the learner's code, not
    the checker's, not the standard library's, not C code such as sorted()
    or `x in list`, which counts nothing). Exact and deterministic for a
    given input and interpreter, and a lower bound on the work done.
    Uses sys.monitoring where it exists, else sys.settrace.
    """
    if hasattr(sys, "monitoring"):
        return _steps_monitoring(func, args, filename)
    return _steps_settrace(func, args, filename)


# ------------------------------------------------------------------ memory --

def peak_bytes(func, args):
    """Extra bytes allocated at the peak of one call func(*args).

    tracemalloc's peak during the call minus what was traced before it,
    so the input (built before) is not counted, but whatever the function
    keeps or returns is. Returns None if tracemalloc is unavailable.
    """
    try:
        import tracemalloc
    except ImportError:
        return None
    gc.collect()
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        result = func(*args)
        peak = tracemalloc.get_traced_memory()[1]
        del result
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return max(0, peak - base)


# ------------------------------------------------------------------ series --

def series(rows, field):
    """{"n": [...], "y": [...]} of one measurement, ready for the core.

    rows are measurement rows ({"n": ..., field: value or [values]}).
    A list of repeats keeps every value within REPEAT_FILTER (1.5x) of the
    best at its size: other work on the machine only ever adds time, as
    timeit's documentation says, so a much slower repeat is noise. Rows
    without the field are skipped. None when no row has it.
    """
    ns, ys = [], []
    for row in rows:
        v = row.get(field)
        if v is None or v == []:
            continue
        values = v if isinstance(v, list) else [v]
        best = min(values)
        for x in values:
            if best <= 0 or x <= best * REPEAT_FILTER:
                ns.append(row["n"])
                ys.append(x)
    return {"n": ns, "y": ys} if ns else None


def best_series(rows, field):
    """Like series() but one value per size: the best (for charts, tables)."""
    ns, ys = [], []
    for row in rows:
        v = row.get(field)
        if v is None or v == []:
            continue
        ns.append(row["n"])
        ys.append(min(v) if isinstance(v, list) else v)
    return {"n": ns, "y": ys}


def to_csv(n, y, header="n,value"):
    """CSV text of "n,value" rows for `coursecore fit` (header first)."""
    lines = [header]
    for a, b in zip(n, y):
        lines.append("%r,%r" % (a, float(b)))
    return "\n".join(lines) + "\n"
