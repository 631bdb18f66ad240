// The page's handles on Python (Pyodide in python_worker.js).
//
// Run: one long-lived worker (`python`), started while the page is idle on a
// page with an editor (`preloadWhenIdle()`), or else by the first Run. One request runs at a time; later ones queue. Stop: with
// cross-origin isolation, SIGINT through Pyodide's interrupt buffer;
// otherwise, or if Python does not answer within the grace period, the
// worker is terminated and restarted. A fatal Pyodide error or a crashed
// worker also restarts it.
//
// Check: a fresh worker per Check (`openCheck()`), so nothing a learner's
// code does in one Check (patched builtins, a replaced checker, caches) can
// reach a later one. One spare is pre-started while the page is idle and an
// exercise is on screen (`wantCheckWorker()`), handed to the next Check and
// terminated after it; the next spare starts once the page is idle again.
// The worker asks for a watchdog around each timed call ({watchdog: s}); when
// it fires, the page sends SIGINT, and terminates the worker if Python does
// not answer (or at once without isolation).
import { WorkerClient, CancelledError } from './worker_client.js';
import { addCount, addProbe } from './debug_counts.js';

export const RUN_TIME_LIMIT_MS = 10000;
const INTERRUPT_GRACE_MS = 1500;   // SIGINT sent: terminate if Python has not answered by then
const WATCHDOG_SLACK_MS = 250;     // the page's timer fires a little after the host's limit
const STOP_INTERRUPT_MS = 400;     // Stop during a check: cancel flag first, SIGINT if it lingers
const SPARE_IDLE_MS = 1500;        // wait this long without a check before starting a spare

function isolated() {
  return Boolean(globalThis.crossOriginIsolated) && typeof SharedArrayBuffer === 'function';
}

/** One Pyodide worker and its interrupt buffer. */
class PythonWorker {
  /** kind 'run' (the Run worker) or 'check' (a Check's: imports check_session as it loads). */
  constructor(kind = 'run') {
    this.kind = kind;
    this.interrupt = null;
    this.status = 'idle';              // idle | loading | ready
    this.platform = null;              // tracer.platform_facts() of this Python, once loaded
    this.loading = null;
    this.timing = null;                // the worker's start-up marks (python_worker.js), on its clock
    this.listeners = new Set();
    this.client = new WorkerClient(() => this.createWorker(), {
      init: () => ({ interrupt: this.interrupt }),
      onRestart: () => this.setStatus('idle'),
    });
  }

  createWorker() {
    this.interrupt = isolated() ? new Int8Array(new SharedArrayBuffer(1)) : null;
    return new Worker(new URL('python_worker.js', document.baseURI), { type: 'module' });
  }

  onStatus(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setStatus(status) {
    if (status === 'idle') this.loading = null;
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }

  /** Loads Pyodide and the worker's Python if not loaded yet. */
  ensureLoaded() {
    if (!this.loading) {
      this.setStatus('loading');
      this.loading = this.client.request('load', { kind: this.kind }).then((result) => {
        this.platform = result?.platform ?? null;
        this.timing = result?.timing || null;
        this.setStatus('ready');
        return result;
      }, (err) => {
        this.loading = null;
        this.setStatus('idle');
        throw err;
      });
    }
    return this.loading;
  }

  sendInterrupt() {
    if (this.interrupt) this.interrupt[0] = 2;
  }

  clearInterrupt() {
    if (this.interrupt) this.interrupt[0] = 0;
  }

  dispose(reason = new CancelledError('The worker was closed')) {
    this.client.terminate(reason);
  }
}

// ------------------------------------------------------------------- Run --

class PythonClient {
  constructor() {
    this.worker = new PythonWorker();
    this.client = this.worker.client;
    this.queue = Promise.resolve();
    this.current = null;               // the running job {token, stopped, reason, request}
    this.jobs = new Set();             // queued and running jobs
  }

  get status() {
    return this.worker.status;
  }

  /** Sizes measured in this Python (tracer.platform_facts()); null until it has loaded. */
  get platform() {
    return this.worker.platform;
  }

  /** listener(status) for 'idle' | 'loading' | 'ready'; returns an unsubscribe function. */
  onStatus(listener) {
    return this.worker.onStatus(listener);
  }

  ensureLoaded() {
    return this.worker.ensureLoaded();
  }

  /**
   * Queue one request. options: {onStream, onProgress, timeoutMs, token}.
   * Rejects with an Error carrying {kind, line, traceback}; kind 'stopped'
   * (Stop pressed), 'timeout' or 'fatal' (Python was restarted).
   */
  request(type, payload, options = {}) {
    const job = { token: options.token ?? {}, stopped: false, reason: null };
    this.jobs.add(job);
    const run = async () => {
      if (job.stopped) throw stoppedError(job.reason);
      await this.ensureLoaded();
      if (job.stopped) throw stoppedError(job.reason);
      this.current = job;
      this.worker.clearInterrupt();
      const timer = options.timeoutMs ? setTimeout(() => this.stop(job.token, 'timeout'), options.timeoutMs) : null;
      try {
        job.request = this.client.request(type, payload, { onStream: options.onStream, onProgress: options.onProgress });
        return await job.request;
      } catch (err) {
        throw this.explain(err, job);
      } finally {
        clearTimeout(timer);
        if (this.current === job) this.current = null;
        this.jobs.delete(job);
      }
    };
    const promise = this.queue.then(run, run);
    promise.catch(() => this.jobs.delete(job));
    this.queue = promise.catch(() => {});
    return promise;
  }

  explain(err, job) {
    if (err.kind === 'fatal') {
      this.client.restart(new Error('restarted after a fatal error'));
      return err;
    }
    if (job.stopped && (err instanceof CancelledError || err.kind === 'KeyboardInterrupt' || !err.kind)) {
      return stoppedError(job.reason);
    }
    if (!err.kind || err.kind === 'crashed') {
      // The worker itself failed (crash, out of memory): start afresh next time.
      this.client.restart(new Error('restarted after a crash'));
      return Object.assign(new Error(`Python stopped unexpectedly (${err.message}). It was restarted; your code is unchanged.`), { kind: 'fatal' });
    }
    return err;
  }

  run(code, options = {}) {
    return this.request('run', { code }, { timeoutMs: RUN_TIME_LIMIT_MS, ...options }).then((result) => {
      if (result?.timing) this.worker.timing = result.timing;   // the first run's marks added
      return result;
    });
  }

  /** Stop the request started with this token (queued or running). */
  stop(token, reason = 'stopped') {
    const job = [...this.jobs].find((j) => j.token === token);
    if (!job || job.stopped) return;
    job.stopped = true;
    job.reason = reason;
    if (job !== this.current || !job.request) return;   // queued: rejected when its turn comes
    // SIGINT breaks any Python loop; the worker is restarted if it lingers.
    job.request.cancel();
    this.worker.sendInterrupt();
  }
}

function stoppedError(reason) {
  const timeout = reason === 'timeout';
  return Object.assign(new Error(timeout
    ? `Stopped: the code ran longer than ${RUN_TIME_LIMIT_MS / 1000} s.`
    : 'Stopped.'), { kind: timeout ? 'timeout' : 'stopped' });
}

export const python = new PythonClient();
addCount('statusListeners', () => python.worker.listeners.size);
// The Run worker's start-up marks with the page's clock origin (bench_browser.mjs).
addProbe('pythonTiming', () => (python.worker.timing ? { ...python.worker.timing, pageOrigin: performance.timeOrigin } : null));

/**
 * Start the Run worker once the page is idle, so that a learner's first Run
 * waits only for what is left of Pyodide's start. Not on a connection that
 * asks to save data or is 2g: there the 15 MB wait for the first Run.
 */
let preloadPending = null;   // while a background start is scheduled and not begun: settles when it begins

export function preloadWhenIdle() {
  const connection = navigator.connection;
  if (connection?.saveData || /2g/.test(connection?.effectiveType || '') || python.status !== 'idle') return false;
  if (preloadPending) return true;
  let begin;
  preloadPending = new Promise((resolve) => { begin = resolve; });
  const start = () => {
    preloadPending = null;
    if (python.status === 'idle') python.ensureLoaded().catch(() => {});
    begin();
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 5000 });
  else setTimeout(start, 1000);
  return true;
}

/**
 * Resolves once the Run worker is not loading (ready, or never started), so
 * that work which would compete with Python's start for the CPU and the
 * network (the service worker's offline copy of the site) comes after it.
 */
export async function whenPythonSettled() {
  while (preloadPending) await preloadPending;   // a background start is scheduled: it goes first
  if (python.status !== 'loading') return;
  await new Promise((resolve) => {
    const off = python.onStatus((status) => {
      if (status !== 'loading') { off(); resolve(); }
    });
  });
}

// ----------------------------------------------------------------- Check --

/**
 * One Check's own Python worker. request(type, payload, {onProgress,
 * onStream, timeoutMs}) runs one request with the watchdog the worker asks
 * for; stop() stops the running request; close() terminates the worker.
 * Errors carry kind 'stopped', 'watchdog' (with .seconds: the limit the
 * learner's call ran past), 'timeout', 'fatal', or the Python error's kind.
 */
export class CheckSession {
  constructor(worker) {
    this.worker = worker;
    this.current = null;
    this.stopped = false;
    this.closed = false;
    this.stopSignal = new Promise((resolve) => { this.resolveStop = resolve; });
  }

  get status() {
    return this.worker.status;
  }

  /** Sizes measured in this Python (tracer.platform_facts()); null until it has loaded. */
  get platform() {
    return this.worker.platform;
  }

  async request(type, payload, { onProgress, onStream, timeoutMs = 0 } = {}) {
    if (this.stopped) throw stoppedError('stopped');
    await Promise.race([this.worker.ensureLoaded(), this.stopSignal]);   // Stop need not wait for Python to load
    if (this.stopped) throw stoppedError('stopped');
    this.worker.clearInterrupt();
    const state = { armed: null, grace: null, fired: 0, timedOut: false };
    const clearTimers = () => { clearTimeout(state.armed); clearTimeout(state.grace); };
    const kill = (err) => this.worker.client.terminate(err);
    const expire = (seconds) => {
      state.fired = seconds;
      const err = Object.assign(new Error(`Your code ran past the ${seconds} s limit for one call and was stopped.`), { kind: 'watchdog', seconds });
      if (this.worker.interrupt) {
        this.worker.sendInterrupt();
        state.grace = setTimeout(() => kill(err), INTERRUPT_GRACE_MS);
      } else {
        kill(err);
      }
    };
    const onWatchdog = (seconds) => {
      clearTimers();
      if (seconds > 0) state.armed = setTimeout(() => expire(seconds), seconds * 1000 + WATCHDOG_SLACK_MS);
    };
    const hard = timeoutMs ? setTimeout(() => {
      state.timedOut = true;
      kill(Object.assign(new Error(`The check ran longer than ${Math.round(timeoutMs / 1000)} s and was stopped.`), { kind: 'timeout' }));
    }, timeoutMs) : null;
    this.current = this.worker.client.request(type, payload, { onProgress, onStream, onWatchdog });
    try {
      return await this.current;
    } catch (err) {
      if (this.stopped && (err instanceof CancelledError || err.kind === 'KeyboardInterrupt')) throw stoppedError('stopped');
      if (state.fired && err.kind === 'KeyboardInterrupt') {
        throw Object.assign(new Error(err.message), { kind: 'watchdog', seconds: state.fired });
      }
      if (!err.kind) err.kind = 'crashed';
      throw err;
    } finally {
      clearTimers();
      clearTimeout(hard);
      clearTimeout(this.stopTimer);
      this.current = null;
    }
  }

  /** Stop this check's running request (and any later one). */
  stop() {
    if (this.stopped) return;
    this.stopped = true;
    this.resolveStop();
    const request = this.current;
    if (!request) return;
    request.cancel();
    this.stopTimer = setTimeout(() => this.worker.sendInterrupt(), STOP_INTERRUPT_MS);
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.stopTimer);
    this.worker.dispose();
    checkPool.released();
  }
}

const checkPool = {
  spare: null,
  wanted: false,
  active: 0,
  timer: null,

  take() {
    const worker = this.spare || new PythonWorker('check');
    this.spare = null;
    this.active += 1;
    clearTimeout(this.timer);
    worker.ensureLoaded().catch(() => {});
    return new CheckSession(worker);
  },

  released() {
    this.active = Math.max(0, this.active - 1);
    this.schedule();
  },

  // A spare starts when no check runs, the Run worker is not loading, and
  // the page has been idle for a moment.
  schedule() {
    clearTimeout(this.timer);
    if (!this.wanted || this.spare || this.active) return;
    this.timer = setTimeout(() => {
      const start = () => {
        if (!this.wanted || this.spare || this.active) return;
        if (python.status === 'loading') { this.schedule(); return; }
        this.spare = new PythonWorker('check');
        this.spare.ensureLoaded().catch(() => { this.spare?.dispose(); this.spare = null; });
      };
      if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 5000 });
      else start();
    }, SPARE_IDLE_MS);
  },
};

/** A fresh Python worker for one Check; close() the session after it. */
export function openCheck() {
  return checkPool.take();
}

/** Say whether an exercise is on screen: a spare check worker is kept ready while one is. */
export function wantCheckWorker(wanted) {
  checkPool.wanted = Boolean(wanted);
  if (checkPool.wanted) checkPool.schedule();
  else clearTimeout(checkPool.timer);
}

// ------------------------------------------------------------ friendly text --

/** One sentence a learner can act on, for an error from python.request(). */
export function explainError(err) {
  switch (err.kind) {
    case 'RecursionError':
      return 'RecursionError: the function called itself too many times (Python\'s limit is about 1000 nested calls). Check the base case, or use a loop.';
    case 'MemoryError':
      return 'MemoryError: the program asked for more memory than this browser tab can give Python (WebAssembly memory is limited to a few GB).';
    case 'SyntaxError':
    case 'IndentationError':
    case 'TabError':
      return `${err.kind} on line ${err.line ?? '?'}: ${err.message}. Python could not read the code, so nothing ran.`;
    case 'KeyboardInterrupt':
    case 'stopped':
      return 'Stopped.';
    case 'timeout':
    case 'watchdog':
    case 'fatal':
    case 'crashed':
    case 'load':
    case 'protocol':
      return err.message;
    default:
      if (!err.kind) return err.message;
      return `${err.kind}${err.line ? ` on line ${err.line}` : ''}${err.message ? `: ${err.message}` : ''}`;
  }
}

// ----------------------------------------------------------- the 32-bit note --

let sizeNoteShown = false;

/** True once per page load when code looks at object sizes (the 32-bit note). */
export function wantsSizeNote(code) {
  if (sizeNoteShown || !/getsizeof|tracemalloc|__sizeof__/.test(code)) return false;
  sizeNoteShown = true;
  return true;
}

/**
 * The note beside object sizes when this Python's pointers are narrower than
 * the 64-bit desktop's, or null. platform is tracer.platform_facts() (a
 * trace's `platform`, or python.platform): every figure comes from there,
 * measured by the running interpreter, and the desktop's from its desktop_64.
 */
export function sizeNote(platform) {
  const desktop = platform?.desktop_64;
  if (!desktop || !platform.pointer_size || platform.pointer_size >= desktop.pointer_size) return null;
  const bits = platform.pointer_size * 8;
  const here = platform.wasm ? `Pyodide, ${bits}-bit WebAssembly` : `a ${bits}-bit build of CPython`;
  return `Note: this Python is ${here}, so object sizes differ from 64-bit desktop CPython. `
    + `Measured here: sys.getsizeof([]) is ${platform.empty_list_size} bytes and a pointer is ${platform.pointer_size} bytes; `
    + `64-bit desktop CPython gives ${desktop.empty_list_size} and ${desktop.pointer_size}. Growth patterns are the same; the lesson states 64-bit figures.`;
}
