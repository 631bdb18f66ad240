// The page's handle on the Python worker (Pyodide), started the first time a
// learner runs Python. One request runs at a time; later ones queue.
// Stop: with cross-origin isolation, SIGINT through Pyodide's interrupt
// buffer (and measure() polls the cancel flag); otherwise, or if Python does
// not answer within the grace period, the worker is terminated and restarted.
// A fatal Pyodide error or a crashed worker also restarts it.
import { WorkerClient, CancelledError } from './worker_client.js';

export const RUN_TIME_LIMIT_MS = 10000;
const INTERRUPT_AFTER_CANCEL_MS = 600;  // measure(): cancel flag first, SIGINT if it lingers

class PythonClient {
  constructor() {
    this.interrupt = null;
    this.client = new WorkerClient(() => this.createWorker(), { onRestart: () => this.setStatus('idle') });
    this.status = 'idle';              // idle | loading | ready
    this.listeners = new Set();
    this.loading = null;
    this.queue = Promise.resolve();
    this.current = null;               // the running job {token, stopped, reason}
    this.jobs = new Set();             // queued and running jobs
  }

  createWorker() {
    const worker = new Worker(new URL('python_worker.js', document.baseURI), { type: 'module' });
    if (globalThis.crossOriginIsolated && typeof SharedArrayBuffer === 'function') {
      this.interrupt = new Int8Array(new SharedArrayBuffer(1));
      worker.postMessage({ id: 0, type: 'interrupt-buffer', buffer: this.interrupt });
    } else {
      this.interrupt = null;
    }
    return worker;
  }

  /** listener(status) for 'idle' | 'loading' | 'ready'; returns an unsubscribe function. */
  onStatus(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setStatus(status) {
    if (status === 'idle') this.loading = null;
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }

  /** Loads Pyodide if it is not loaded yet (the first run only). */
  ensureLoaded() {
    if (!this.loading) {
      this.setStatus('loading');
      this.loading = this.client.request('load').then((result) => {
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
      if (this.interrupt) this.interrupt[0] = 0;
      const timer = options.timeoutMs ? setTimeout(() => this.stop(job.token, 'timeout'), options.timeoutMs) : null;
      try {
        return await this.client.request(type, payload, { onStream: options.onStream, onProgress: options.onProgress });
      } catch (err) {
        throw this.explain(err, job);
      } finally {
        clearTimeout(timer);
        clearTimeout(job.interruptTimer);
        if (this.current === job) this.current = null;
        this.jobs.delete(job);
      }
    };
    const promise = this.queue.then(run, run);
    promise.catch(() => this.jobs.delete(job));
    this.queue = promise.catch(() => {});
    job.promise = promise;
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
    if (!err.kind) {
      // The worker itself failed (crash, out of memory): start afresh next time.
      this.client.restart(new Error('restarted after a crash'));
      return Object.assign(new Error(`Python stopped unexpectedly (${err.message}). It was restarted; your code is unchanged.`), { kind: 'fatal' });
    }
    return err;
  }

  run(code, options = {}) {
    return this.request('run', { code }, { timeoutMs: RUN_TIME_LIMIT_MS, ...options });
  }

  test(code, name, check, options = {}) {
    return this.request('test', { code, name, check }, { timeoutMs: RUN_TIME_LIMIT_MS, ...options });
  }

  measure(code, name, check, { budget = 4, metrics = ['time'], ...options } = {}) {
    // The budget bounds measure() between calls; the time limit catches one call that never returns.
    return this.request('measure', { code, name, check, budget, metrics }, { timeoutMs: (budget + 5) * 1000, ...options });
  }

  /** Stop the request started with this token (queued or running). */
  stop(token, reason = 'stopped') {
    const job = [...this.jobs].find((j) => j.token === token);
    if (!job || job.stopped) return;
    job.stopped = true;
    job.reason = reason;
    if (job !== this.current) return;   // queued: rejected when its turn comes
    // The cancel flag lets measure() return what it has; SIGINT breaks any loop.
    this.client.cancel();
    if (this.interrupt) {
      const type = [...this.client.pending.values()][0]?.type;
      const fire = () => { if (this.interrupt) this.interrupt[0] = 2; };
      if (type === 'measure') job.interruptTimer = setTimeout(fire, INTERRUPT_AFTER_CANCEL_MS);
      else fire();
    }
  }

  isBusy() {
    return Boolean(this.current);
  }
}

function stoppedError(reason) {
  const timeout = reason === 'timeout';
  return Object.assign(new Error(timeout
    ? `Stopped: the code ran longer than ${RUN_TIME_LIMIT_MS / 1000} s.`
    : 'Stopped.'), { kind: timeout ? 'timeout' : 'stopped' });
}

export const python = new PythonClient();

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
    case 'fatal':
    case 'load':
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

export const SIZE_NOTE = 'Note: this Python is Pyodide, 32-bit WebAssembly, so object sizes differ from 64-bit desktop CPython: sys.getsizeof([]) is 28 bytes here but 56 on a 64-bit laptop, and pointers are 4 bytes instead of 8. Growth patterns are the same; the lesson states 64-bit figures.';
