// The one promise helper for both workers (the C core and Python).
// Protocol: the page sends {id, type, ...}; the worker answers {id, result}
// or {id, error}, and may send {id, progress} or {id, stream} while working.
// Cancel: when the page is cross-origin isolated the worker reads a shared
// flag between points and returns a partial result; otherwise (or if it does
// not answer in time) the worker is terminated and started afresh.

const CANCEL_GRACE_MS = 1500;

export class CancelledError extends Error {
  constructor(message = 'Cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

export class WorkerClient {
  /** @param {() => Worker} createWorker  @param {{onRestart?: () => void}} [options] */
  constructor(createWorker, options = {}) {
    this.createWorker = createWorker;
    this.onRestart = options.onRestart || (() => {});
    this.worker = null;
    this.nextId = 1;
    this.pending = new Map();
    this.cancelFlag = null;
  }

  start() {
    if (this.worker) return;
    this.worker = this.createWorker();
    this.worker.onmessage = (event) => this.handleMessage(event.data);
    this.worker.onerror = (event) => this.failAll(new Error(event.message || 'The worker failed to start'));
    if (globalThis.crossOriginIsolated && typeof SharedArrayBuffer === 'function') {
      this.cancelFlag = new Int32Array(new SharedArrayBuffer(4));
      this.worker.postMessage({ id: 0, type: 'init', cancelFlag: this.cancelFlag });
    } else {
      this.cancelFlag = null;
    }
  }

  handleMessage(message) {
    const entry = this.pending.get(message.id);
    if (!entry) return;
    if ('progress' in message) { entry.onProgress?.(message.progress); return; }
    if ('stream' in message) { entry.onStream?.(message.stream); return; }
    this.pending.delete(message.id);
    clearTimeout(entry.cancelTimer);
    if ('error' in message) {
      const err = new Error(message.error?.message || String(message.error));
      Object.assign(err, message.error && typeof message.error === 'object' ? message.error : {});
      entry.reject(err);
    } else {
      entry.resolve(message.result);
    }
  }

  /** Send a request; resolves with the worker's result. */
  request(type, payload = {}, { onProgress, onStream, transfer = [] } = {}) {
    this.start();
    const id = this.nextId++;
    if (this.cancelFlag) Atomics.store(this.cancelFlag, 0, 0);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress, onStream, type });
      this.worker.postMessage({ id, type, ...payload }, transfer);
    });
  }

  /** Ask the running request(s) to stop. */
  cancel() {
    if (this.pending.size === 0) return;
    if (this.cancelFlag) {
      Atomics.store(this.cancelFlag, 0, 1);
      for (const entry of this.pending.values()) {
        clearTimeout(entry.cancelTimer);
        entry.cancelTimer = setTimeout(() => this.restart(new CancelledError()), CANCEL_GRACE_MS);
      }
    } else {
      this.restart(new CancelledError());
    }
  }

  /** Terminate the worker (it may be stuck) and fail what was pending. */
  restart(reason = new Error('The worker was restarted')) {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.failAll(reason);
    this.onRestart();
  }

  failAll(reason) {
    const entries = [...this.pending.values()];
    this.pending.clear();
    for (const entry of entries) {
      clearTimeout(entry.cancelTimer);
      entry.reject(reason);
    }
  }
}
