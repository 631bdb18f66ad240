// The learners' Python: Pyodide in a module Web Worker, loaded on the first
// request. Same protocol as the core's worker (worker_client.js):
//   {id, type: 'load' | 'run' | 'test' | 'measure'} -> {id, result} | {id, error}
// with {id, stream: {kind: 'stdout' | 'stderr', text}} while code runs and
// {id, progress} while measuring. Errors are {message, kind, line, traceback};
// kind 'fatal' means the runtime is dead and the page must restart this worker.
// Stop: the page writes 2 (SIGINT) into the shared interrupt buffer it sent
// with {type: 'interrupt-buffer'}; measure() also polls the shared cancel flag.
import { loadPyodide } from './pyodide/pyodide.mjs';

const STREAM_FLUSH_MS = 50;        // batch output into one message per 50 ms ...
const STREAM_FLUSH_BYTES = 16384;  // ... or per 16 KB
const OUTPUT_CAP = 1 << 20;        // forward at most ~1 MB of output per request

let pyodidePromise = null;
let cancelFlag = null;
let interruptBuffer = null;
let dead = null;                   // set once Pyodide has failed fatally

// Python side: run code with a traceback limited to the learner's frames.
const BOOTSTRAP = `
import sys, traceback, json

def _memperf_error(exc, filename):
    tb = traceback.extract_tb(exc.__traceback__)
    frames = [f for f in tb if f.filename in (filename, "<exercise>", "<editor>")]
    line = frames[-1].lineno if frames else None
    if isinstance(exc, SyntaxError) and exc.filename in (filename, "<exercise>", "<editor>"):
        line = exc.lineno
    lines = ["Traceback (most recent call last):\\n"] if frames else []
    lines += traceback.format_list(frames)
    lines += traceback.format_exception_only(type(exc), exc)
    text = "".join(lines)
    if len(text) > 20000:
        text = text[:8000] + "\\n... (traceback cut) ...\\n" + text[-8000:]
    message = exc.msg if isinstance(exc, SyntaxError) and exc.msg else str(exc)
    return {"kind": type(exc).__name__, "message": message, "line": line, "traceback": text}

_memperf_limit = sys.getrecursionlimit()

def _memperf_run(code):
    ns = {"__name__": "__main__", "__builtins__": __builtins__}
    sys.setrecursionlimit(_memperf_limit)
    try:
        exec(compile(code, "<editor>", "exec"), ns)
    except SystemExit:
        return None
    except BaseException as exc:
        return json.dumps(_memperf_error(exc, "<editor>"))
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return None

def _memperf_test(code, name, check):
    import checker
    try:
        func, ns = checker.load_function(code, name, check)
    except BaseException as exc:
        if isinstance(exc, LookupError) and not isinstance(exc, (KeyError, IndexError)):
            return json.dumps({"error": {"kind": "LookupError", "message": str(exc), "line": None, "traceback": str(exc)}})
        return json.dumps({"error": _memperf_error(exc, "<exercise>")})
    try:
        tests = checker.run_tests(func, ns.get("TESTS", []))
    except BaseException as exc:
        return json.dumps({"error": _memperf_error(exc, "<exercise>")})
    return json.dumps({"tests": tests})

def _memperf_measure(code, name, check, budget, metrics, should_stop, progress):
    import checker, time
    func, ns = checker.load_function(code, name, check)
    metrics = tuple(metrics)
    timed = tuple(m for m in metrics if m != "steps")
    out = checker.measure(func, ns["make_input"], ns["SIZES"], budget_s=budget, repeats=3,
                          metrics=timed, progress=progress, should_stop=should_stop)
    if "steps" in metrics and out["results"] and not should_stop():
        out["steps"] = _memperf_steps(func, ns["make_input"], ns["SIZES"][0], should_stop)
    return json.dumps(out)

def _memperf_steps(func, make_input, first, should_stop, budget=0.6):
    """Python lines executed (sys.monitoring) at n = first/16 ... first.

    Exact and noise-free, and a lower bound on the work done, so lines that
    grow faster than the target prove the function does too. Counted at
    small n because every line costs a callback.
    """
    import checker, time
    sizes = sorted({max(2, first * k // 16) for k in (1, 2, 4, 8, 16)})
    rows = []
    spent = 0.0
    last = None
    for i, n in enumerate(sizes):
        if should_stop() or (last is not None and spent + last * 4 * sizes[i] / sizes[i - 1] > budget):
            break
        args = checker._copy_args(tuple(make_input(n)))
        t0 = time.perf_counter()
        rows.append({"n": n, "steps": checker.count_steps(func, args)})
        last = time.perf_counter() - t0
        spent += last
    return rows

_memperf_warm = False

def _memperf_warm_up(least=0.3, most=1.5):
    """Run varied Python until its speed settles, so the browser has compiled
    the interpreter loop to optimised machine code before anything is timed
    (that happens in the background, after the first few hundred ms of
    work; until then the first measured sizes look too slow)."""
    global _memperf_warm
    if _memperf_warm:
        return
    _memperf_warm = True
    import time
    clock = time.perf_counter
    start = clock()
    best = float("inf")
    steady = 0
    while True:
        t0 = clock()
        d = {}
        s = set()
        l = []
        for i in range(1500):
            d[i] = d.get(i - 1, 0) + 1
            s.add(i * 7 % 13)
            l.append(str(i))
        "".join(sorted(l))
        lap = clock() - t0
        steady = steady + 1 if lap >= 0.95 * best else 0
        best = min(best, lap)
        spent = clock() - start
        if spent > most or (spent > least and steady >= 5):
            return
`;

// Pyodide logs its fatal errors (with a wasm stack) to the console; the page
// shows its own message and restarts this worker, so keep the console quiet.
const consoleError = console.error.bind(console);
let quiet = false;
console.error = (...args) => {
  if (/Pyodide has suffered a fatal error/.test(String(args[0]))) quiet = true;
  if (!quiet) consoleError(...args);
};

function post(message) {
  self.postMessage(message);
}

// Output of one request: decoded, batched, capped.
function makeStreams(id) {
  const state = { sent: 0, dropped: 0, pending: { stdout: '', stderr: '' }, last: 0 };
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  function flush() {
    for (const kind of ['stdout', 'stderr']) {
      if (state.pending[kind]) post({ id, stream: { kind, text: state.pending[kind] } });
      state.pending[kind] = '';
    }
    state.last = performance.now();
  }
  function writer(kind) {
    return {
      write(buffer) {
        const text = decoders[kind].decode(buffer, { stream: true });
        if (state.sent >= OUTPUT_CAP) { state.dropped += text.length; return buffer.length; }
        const room = OUTPUT_CAP - state.sent;
        const part = text.length > room ? text.slice(0, room) : text;
        state.dropped += text.length - part.length;
        state.sent += part.length;
        state.pending[kind] += part;
        if (state.pending[kind].length >= STREAM_FLUSH_BYTES || performance.now() - state.last >= STREAM_FLUSH_MS) flush();
        return buffer.length;
      },
    };
  }
  return { state, flush, stdout: writer('stdout'), stderr: writer('stderr') };
}

async function pyodide() {
  if (!pyodidePromise) {
    pyodidePromise = (async () => {
      const py = await loadPyodide({ indexURL: new URL('pyodide/', self.location.href).href });
      const response = await fetch(new URL('py/checker.py', self.location.href));
      if (!response.ok) throw new Error(`could not fetch checker.py (${response.status})`);
      py.FS.mkdirTree('/home/pyodide/memperf');
      py.FS.writeFile('/home/pyodide/memperf/checker.py', await response.text());
      py.runPython(`import sys\nsys.path.insert(0, '/home/pyodide/memperf')\nsys.dont_write_bytecode = True`);
      py.runPython(BOOTSTRAP);
      if (interruptBuffer) py.setInterruptBuffer(interruptBuffer);
      return py;
    })();
    pyodidePromise.catch(() => { pyodidePromise = null; });
  }
  return pyodidePromise;
}

// A JS-level failure while Python ran: Pyodide is in an unknown state.
function fatal(err) {
  dead = err;
  const text = String(err && err.message ? err.message : err);
  const stack = /call stack|too much recursion|stack overflow/i.test(text);
  return {
    kind: 'fatal',
    message: stack
      ? 'Python crashed: the recursion went deeper than the browser\'s stack allows. Python was restarted; your code is unchanged.'
      : `Python crashed (${text.split('\n')[0].slice(0, 200)}). Python was restarted; your code is unchanged.`,
    line: null,
  };
}

function withStreams(py, id, fn) {
  const streams = makeStreams(id);
  py.setStdout({ write: streams.stdout.write });
  py.setStderr({ write: streams.stderr.write });
  if (interruptBuffer) interruptBuffer[0] = 0;
  try {
    return { value: fn(), output: streams.state };
  } finally {
    streams.flush();
  }
}

function callPython(py, name, ...args) {
  const fn = py.globals.get(name);
  try {
    return fn(...args);
  } finally {
    fn.destroy();
  }
}

const handlers = {
  async load() {
    await pyodide();
    return { version: (await pyodide()).version };
  },

  async run(py, message) {
    const { value, output } = withStreams(py, message.id, () => callPython(py, '_memperf_run', String(message.code || '')));
    if (value) throw Object.assign(new Error('python'), { python: JSON.parse(value) });
    return { outputChars: output.sent, droppedChars: output.dropped };
  },

  async test(py, message) {
    const { value } = withStreams(py, message.id, () => callPython(py, '_memperf_test',
      String(message.code || ''), String(message.name || ''), String(message.check || '')));
    const parsed = JSON.parse(value);
    if (parsed.error) throw Object.assign(new Error('python'), { python: parsed.error });
    return parsed;
  },

  async measure(py, message) {
    const shouldStop = () => Boolean(cancelFlag && Atomics.load(cancelFlag, 0));
    const progress = (fraction, text) => post({ id: message.id, progress: { fraction, message: String(text) } });
    try {
      callPython(py, '_memperf_warm_up');
      const { value } = withStreams(py, message.id, () => callPython(py, '_memperf_measure',
        String(message.code || ''), String(message.name || ''), String(message.check || ''),
        Number(message.budget) || 4, py.toPy(message.metrics || ['time']), shouldStop, progress));
      return JSON.parse(value);
    } catch (err) {
      if (err && err.type) {   // a PythonError: make it readable
        const kind = err.type;
        const last = String(err.message).trim().split('\n').pop();
        throw Object.assign(new Error('python'), { python: { kind, message: last.replace(/^\w+: ?/, ''), line: null, traceback: last } });
      }
      throw err;
    }
  },
};

self.onmessage = async (event) => {
  const message = event.data || {};
  if (message.type === 'init') { cancelFlag = message.cancelFlag || null; return; }
  if (message.type === 'interrupt-buffer') {
    interruptBuffer = message.buffer || null;
    if (pyodidePromise) pyodidePromise.then((py) => py.setInterruptBuffer(interruptBuffer)).catch(() => {});
    return;
  }
  const handler = handlers[message.type];
  if (!handler) {
    post({ id: message.id, error: { message: `Unknown request type '${message.type}'`, kind: 'protocol' } });
    return;
  }
  if (dead) { post({ id: message.id, error: fatal(dead) }); return; }
  let py;
  try {
    py = await pyodide();
  } catch (err) {
    post({ id: message.id, error: { kind: 'load', message: `Python could not be loaded: ${err && err.message ? err.message : err}` } });
    return;
  }
  try {
    post({ id: message.id, result: await handler(py, message) });
  } catch (err) {
    if (err && err.python) {
      const p = err.python;
      post({ id: message.id, error: { message: p.message, kind: p.kind, line: p.line ?? null, traceback: p.traceback || '' } });
    } else if (err && err.type === 'KeyboardInterrupt') {
      post({ id: message.id, error: { message: 'Stopped.', kind: 'KeyboardInterrupt', line: null } });
    } else if (err && err.type) {
      post({ id: message.id, error: { message: String(err.message).trim().split('\n').pop(), kind: err.type, line: null } });
    } else {
      post({ id: message.id, error: fatal(err) });
    }
  }
};
