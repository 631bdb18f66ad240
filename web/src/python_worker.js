// The learners' Python: Pyodide in a module Web Worker. It holds no Python
// source: on the first request it fetches py/manifest.json and the files it
// lists (web/py/*.py, copied by tools/build_site.mjs), writes them to
// /home/pyodide/memperf, imports worker_host and calls its functions.
//
// Requests (the protocol is worker_serve.js's):
//   {type: 'load', kind}                   -> {version, platform, timing}   worker_host.prepare(kind): 'run' | 'check'
//                                             (platform: worker_host.platform_json; timing: see the marks below)
//   {type: 'run', code}                    -> {outputChars, droppedChars}   worker_host.run_code
//   {type: 'check-start', request}         -> check_start's JSON, parsed   worker_host.check_start
//   {type: 'check-round', request}         -> check_round's JSON, parsed   worker_host.check_round
//   {type: 'trace', code, maxSteps, maxObjects, maxSeconds} -> the trace, parsed     worker_host.trace_code
// While working: {id, stream: {kind: 'stdout' | 'stderr', text}},
// {id, progress: {fraction, message, row}} and {id, watchdog: seconds}.
// Errors are {message, kind, line, traceback}; kind 'fatal' means the
// runtime is dead and the page must start a new worker.
//
// The hooks a check gets (web/py/worker_host.py documents them):
//   clock()        performance.now()/1000, bound before any learner code runs
//   progress(fraction, message, row_json)
//   should_stop()  this request's cancel flag
//   watchdog(s)    asks the page to arm (s > 0) or disarm (0) a timer; when
//                  it fires the page writes SIGINT into the interrupt buffer
//                  (a KeyboardInterrupt in Python) or terminates this worker.
//
// Memory snapshot: Python's start (Py_Initialize, Pyodide's bootstrap and
// its ~190 imports, then worker_host and tracer) is most of the time to
// ready, and it ends in the same state every time. So the first worker that
// starts the long way copies its wasm memory once worker_host and tracer are
// imported, before any learner code runs (31 MB, ~50 ms), into Cache Storage
// ('python-snapshot': this file's alone, not named like the service worker's
// caches, which it deletes on an update; a content update keeps it). Later
// workers start from that copy (Pyodide's _loadSnapshot), then write web/py/
// again (the file system is not in wasm memory) and reseed random. The key
// is PYTHON_RUNTIME, a hash of Pyodide's files, the stdlib zip, web/py/ and
// this file, set by tools/build_site.mjs: a snapshot is only used by the
// runtime that made it, and saving one deletes the others. One that fails to
// load is deleted and Python starts the long way. What a snapshot cannot
// renew: the string hash secret (Py_Initialize's) is the same in every
// worker started from one snapshot, so set order of strings repeats.
import { loadPyodide } from './pyodide/pyodide.mjs';
import { serve, requestError } from './worker_serve.js';

const now = performance.now.bind(performance);   // before any learner code can replace it
const clock = () => now() / 1000;
const HOME = '/home/pyodide/memperf';
const STREAM_FLUSH_MS = 50;        // batch output into one message per 50 ms ...
const STREAM_FLUSH_BYTES = 16384;  // ... or per 16 KB
const OUTPUT_CAP = 1 << 20;        // forward at most ~1 MB of output per request

// Start-up marks, in ms of this worker's clock (0 = the worker was created;
// origin = performance.timeOrigin, so the page can put them on its own
// clock): what the first Run waits for, printed by tools/bench/bench_browser.mjs.
//   script     this module runs (pyodide.mjs and worker_serve.js are loaded)
//   load       the first request arrived
//   wasm       pyodide.asm.wasm compiled and instantiated (wasmStart: asked for)
//   fsInit     Emscripten's file system is set up (the stdlib zip is written), before Python's main
//   main       Python's main has run (Py_Initialize, from the zip)
//   pyodide    loadPyodide() resolved: Pyodide's own bootstrap and its package index
//   files      web/py/*.py fetched and written
//   imports    worker_host (and what it imports at once) imported: ready
//   firstRun   the first 'run' request's code finished (runStart: it started)
//   snapshot   'loaded' (this worker started from a snapshot: snapshotRead, its
//              bytes were read) or 'made' (snapshotMade; snapshotSaved, in the cache,
//              after the first request that follows the load)
// and, from the resource timing of this worker, each big file's fetch
// (fetchStart..responseEnd, transferSize 0 when it came from a cache).
const timing = { origin: performance.timeOrigin, script: now() };
const fileTimes = {};
const instantiateStreaming = WebAssembly.instantiateStreaming?.bind(WebAssembly);
if (instantiateStreaming) {
  WebAssembly.instantiateStreaming = async (...args) => {
    timing.wasmStart ??= now();
    try {
      return await instantiateStreaming(...args);
    } finally {
      timing.wasm ??= now();
    }
  };
}

function timingReport() {
  for (const entry of performance.getEntriesByType?.('resource') || []) {
    const name = entry.name.split('/').pop();
    if (/^(pyodide\.asm\.(wasm|mjs)|python_stdlib\.zip|pyodide-lock\.json)$/.test(name)) {
      fileTimes[name] = { start: entry.fetchStart, end: entry.responseEnd, transferSize: entry.transferSize, bytes: entry.decodedBodySize };
    }
  }
  return { ...timing, files: fileTimes };
}

/* global PYTHON_RUNTIME */
const RUNTIME = typeof PYTHON_RUNTIME === 'string' ? PYTHON_RUNTIME : null;   // esbuild's define; none unbundled
const SNAPSHOT_CACHE = 'python-snapshot';
const snapshotKey = RUNTIME && new URL(`pyodide/snapshot-${RUNTIME}`, self.location.href).href;

async function snapshotCache() {
  if (!snapshotKey || !self.caches) return null;   // no Cache Storage outside a secure context
  try {
    return await caches.open(SNAPSHOT_CACHE);
  } catch {
    return null;
  }
}

/** This runtime's snapshot, or null. */
async function readSnapshot() {
  const cache = await snapshotCache();
  if (!cache) return null;
  try {
    const response = await cache.match(snapshotKey);
    return response ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/** Keeps this snapshot as the only one (older runtimes' are deleted). */
async function saveSnapshot(bytes) {
  const cache = await snapshotCache();
  if (!cache) return;
  try {
    await cache.put(snapshotKey, new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream' } }));
    for (const request of await cache.keys()) if (request.url !== snapshotKey) await cache.delete(request);
  } catch { /* quota or a closed context: the next worker starts the long way */ }
}

async function deleteSnapshot() {
  try {
    await (await snapshotCache())?.delete(snapshotKey);
  } catch { /* nothing to do */ }
}

/** loadPyodide from the snapshot if there is one ({py, restored: true}), else the long way. */
async function startPython(options) {
  const snapshot = await readSnapshot();
  if (snapshot) {
    timing.snapshotRead = now();
    try {
      return { py: await loadPyodide({ ...options, _loadSnapshot: snapshot }), restored: true };
    } catch (err) {
      console.warn(`Python could not start from its snapshot (${err && err.message ? err.message : err}); starting afresh.`);
      await deleteSnapshot();
    }
  }
  return { py: await loadPyodide({ ...options, _makeSnapshot: Boolean(snapshotKey) }), restored: false };
}

/** The snapshot of this started Python, kept once this worker is ready. */
function makeSnapshot(py) {
  let bytes;
  try {
    bytes = py.makeMemorySnapshot();
  } catch (err) {
    console.warn(`No snapshot of Python's start: ${err && err.message ? err.message : err}`);
    return;
  }
  timing.snapshot = 'made';
  timing.snapshotMade = now();
  unsaved = bytes;
  setTimeout(saveUnsaved, SAVE_IDLE_MS);
}

// Handing 31 MB to Cache Storage keeps this thread busy for a while: not
// between ready and the first Run, but after the first request that follows
// the load (or SAVE_IDLE_MS after ready, if none comes).
const SAVE_IDLE_MS = 2000;
let unsaved = null;

function saveUnsaved() {
  const bytes = unsaved;
  unsaved = null;
  if (bytes) saveSnapshot(bytes).then(() => { timing.snapshotSaved = now(); });
}

async function fetchPythonFiles() {
  const base = new URL('py/', self.location.href);
  const names = JSON.parse(await fetchText(new URL('manifest.json', base))).files || [];
  return Promise.all(names.map(async (name) => [name, await fetchText(new URL(name, base))]));
}

let pyodidePromise = null;
let interruptBuffer = null;
let dead = null;                   // set once Pyodide has failed fatally
const host = {};                   // worker_host's functions, taken once at load

// Pyodide logs its fatal errors (with a wasm stack) to the console; the page
// shows its own message and restarts this worker, so keep the console quiet.
const consoleError = console.error.bind(console);
let quiet = false;
console.error = (...args) => {
  if (/Pyodide has suffered a fatal error/.test(String(args[0]))) quiet = true;
  if (!quiet) consoleError(...args);
};

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not fetch ${url.pathname.split('/').pop()} (HTTP ${response.status})`);
  return response.text();
}

async function pyodide() {
  if (!pyodidePromise) {
    pyodidePromise = (async () => {
      timing.load ??= now();
      const [{ py, restored }, files] = await Promise.all([
        startPython({
          indexURL: new URL('pyodide/', self.location.href).href,
          fsInit: () => { timing.fsInit = now(); },
          // Pyodide's own factory (what loadPyodide imports without this), timed.
          createPyodideModule: async (settings) => {
            const { default: create } = await import(new URL('pyodide/pyodide.asm.mjs', self.location.href).href);
            const module = await create(settings);
            timing.main = now();
            return module;
          },
        }).then((started) => {
          timing.pyodide = now();
          return started;
        }),
        fetchPythonFiles(),
      ]);
      // The files live in Emscripten's file system, outside wasm memory:
      // written on every start (tracebacks and later imports read them).
      py.FS.mkdirTree(HOME);
      for (const [name, text] of files) py.FS.writeFile(`${HOME}/${name}`, text);
      timing.files = now();
      if (restored) {
        // The snapshot's random module would give every worker the same numbers.
        py.runPython("import sys\nif 'random' in sys.modules: sys.modules['random'].seed()");
        timing.snapshot = 'loaded';
      } else {
        const sys = py.pyimport('sys');
        try {
          sys.path.insert(0, HOME);
          sys.dont_write_bytecode = true;
        } finally {
          sys.destroy();
        }
      }
      // Kept for the worker's life: the functions as they were at import,
      // whatever learner code later assigns to worker_host's names.
      const module = py.pyimport('worker_host');
      for (const name of ['run_code', 'check_start', 'check_round', 'trace_code', 'platform_json', 'prepare']) {
        const fn = module[name];
        if (typeof fn !== 'function') throw new Error(`worker_host.py has no ${name}()`);
        host[name] = fn.copy();
      }
      if (!restored && snapshotKey) {
        host.platform_json();   // what every worker imports at load (tracer), in the snapshot too
        makeSnapshot(py);
      }
      if (interruptBuffer) py.setInterruptBuffer(interruptBuffer);
      timing.imports = now();
      return py;
    })();
    pyodidePromise.catch(() => {
      pyodidePromise = null;
      if (timing.snapshotRead !== undefined) deleteSnapshot();   // a snapshot that started a broken Python
    });
  }
  return pyodidePromise;
}

// Output of one request: decoded, batched, capped.
function makeStreams(ctx) {
  const state = { sent: 0, dropped: 0, pending: { stdout: '', stderr: '' }, last: 0 };
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  function flush() {
    for (const kind of ['stdout', 'stderr']) {
      if (state.pending[kind]) ctx.stream({ kind, text: state.pending[kind] });
      state.pending[kind] = '';
    }
    state.last = now();
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
        if (state.pending[kind].length >= STREAM_FLUSH_BYTES || now() - state.last >= STREAM_FLUSH_MS) flush();
        return buffer.length;
      },
    };
  }
  return { state, flush, stdout: writer('stdout'), stderr: writer('stderr') };
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

// Calls worker_host.<name>(...args) with this request's output streams.
function callHost(py, ctx, name, ...args) {
  const streams = makeStreams(ctx);
  py.setStdout({ write: streams.stdout.write });
  py.setStderr({ write: streams.stderr.write });
  if (interruptBuffer) interruptBuffer[0] = 0;
  try {
    return { value: host[name](...args), output: streams.state };
  } catch (err) {
    if (err && err.type === 'KeyboardInterrupt') throw requestError({ message: 'Stopped.', kind: 'KeyboardInterrupt', line: null });
    if (err && err.type) {
      // A Python exception escaped worker_host (a bug there, or learner code
      // that broke the host): readable, but not the learner's traceback.
      const last = String(err.message).trim().split('\n').pop();
      throw requestError({ message: last.replace(/^\w+: ?/, ''), kind: err.type, line: null, traceback: String(err.message) });
    }
    throw requestError(fatal(err));
  } finally {
    streams.flush();
  }
}

// One hooks object for the worker's life (the host may keep the one it got
// in check_start for its rounds); each call goes to the request running now.
let current = null;
const hooks = {
  clock,
  progress: (fraction, message, row) => {
    let parsed = null;
    if (typeof row === 'string') try { parsed = JSON.parse(row); } catch { parsed = null; }
    current?.progress({ fraction: Number(fraction) || 0, message: String(message ?? ''), row: parsed });
  },
  should_stop: () => Boolean(current?.shouldStop()),
  watchdog: (seconds) => current?.watchdog(Number(seconds) || 0),
};

function parseAnswer(text, name) {
  try {
    return JSON.parse(text);
  } catch {
    throw requestError({ message: `worker_host.${name}() did not return JSON`, kind: 'protocol', line: null });
  }
}

const handlers = {
  load(py, message) {
    if (message.kind === 'check') host.prepare('check');
    const platform = parseAnswer(host.platform_json(), 'platform_json');
    timing.prepared ??= now();
    return { version: py.version, platform, timing: timingReport() };
  },

  run(py, message, ctx) {
    const first = timing.runStart === undefined;
    if (first) timing.runStart = now();
    let value;
    let output;
    try {
      ({ value, output } = callHost(py, ctx, 'run_code', String(message.code || '')));
    } finally {
      if (first) timing.firstRun = now();
    }
    if (value) throw requestError(parseAnswer(value, 'run_code'));
    return { outputChars: output.sent, droppedChars: output.dropped, ...(first ? { timing: timingReport() } : {}) };
  },

  'check-start'(py, message, ctx) {
    const { value, output } = callHost(py, ctx, 'check_start', JSON.stringify(message.request || {}), hooks);
    return { ...parseAnswer(value, 'check_start'), output: { chars: output.sent, dropped: output.dropped } };
  },

  'check-round'(py, message, ctx) {
    const { value } = callHost(py, ctx, 'check_round', JSON.stringify(message.request || {}), hooks);
    return parseAnswer(value, 'check_round');
  },

  trace(py, message, ctx) {
    const request = { code: String(message.code || ''), max_steps: message.maxSteps, max_objects: message.maxObjects, max_seconds: message.maxSeconds };
    const { value } = callHost(py, ctx, 'trace_code', JSON.stringify(request));
    return parseAnswer(value, 'trace_code');
  },
};

serve(Object.fromEntries(Object.entries(handlers).map(([type, handler]) => [type, async (message, ctx) => {
  if (dead) throw requestError(fatal(dead));
  let py;
  try {
    py = await pyodide();
  } catch (err) {
    throw requestError({ kind: 'load', message: `Python could not be loaded: ${err && err.message ? err.message : err}` });
  }
  current = ctx;
  try {
    return handler(py, message, ctx);
  } finally {
    current = null;
    if (type !== 'load') setTimeout(saveUnsaved, 0);
  }
}])), {
  onInit: ({ interrupt }) => {
    interruptBuffer = interrupt || null;
  },
});
