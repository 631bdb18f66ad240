// The one promise helper for both workers (the C core and Python); the
// worker half is worker_serve.js, which documents the messages.
//
// request() sends {id, type, ...} and returns a promise of the result, with
// the request's id and its own cancel() attached: cancel belongs to one
// request. Cancelling one that the worker has not started yet rejects it at
// once and tells the worker to skip it. Cancelling the running one sets its
// shared flag (cross-origin isolated pages), so the worker can return what it
// has; if it does not answer within the grace period, or without isolation,
// the worker is terminated and started afresh, and the requests queued
// behind the cancelled one are sent again to the new worker.

import { addCount } from './debug_counts.js';

const CANCEL_GRACE_MS = 1500;
const FLAG_SLOTS = 64;

let openWorkers = 0;                   // started and not yet terminated, every client
addCount('workers', () => openWorkers);

export class CancelledError extends Error {
  constructor(message = 'Cancelled') {
    super(message);
    this.name = 'CancelledError';
    this.kind = 'cancelled';
  }
}

function isolated() {
  return Boolean(globalThis.crossOriginIsolated) && typeof SharedArrayBuffer === 'function';
}

export class WorkerClient {
  /**
   * @param {() => Worker} createWorker
   * @param {{onRestart?: () => void, init?: () => object}} [options]
   *   onRestart() runs whenever the worker was terminated (restart or terminate).
   *   init() gives extra fields for the init message of each new worker.
   */
  constructor(createWorker, options = {}) {
    this.createWorker = createWorker;
    this.onRestart = options.onRestart || (() => {});
    this.initFields = options.init || (() => ({}));
    this.worker = null;
    this.port = null;
    this.nextId = 1;
    this.pending = new Map();          // id -> entry, in the order sent (= the worker's order)
    this.flags = null;
    this.freeSlots = [];
  }

  start() {
    if (this.worker) return;
    this.worker = this.createWorker();
    openWorkers += 1;
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.onmessage = (event) => this.handleMessage(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      this.terminate(Object.assign(new Error(event.message || 'The worker failed'), { kind: 'crashed' }));
    };
    if (isolated()) {
      this.flags = new Int32Array(new SharedArrayBuffer(4 * FLAG_SLOTS));
      this.freeSlots = [...Array(FLAG_SLOTS).keys()];
    } else {
      this.flags = null;
      this.freeSlots = [];
    }
    this.worker.postMessage({ type: 'init', port: channel.port2, flags: this.flags, ...this.initFields() }, [channel.port2]);
  }

  handleMessage(message) {
    const entry = this.pending.get(message?.id);
    if (!entry) return;
    if ('progress' in message) { entry.onProgress?.(message.progress); return; }
    if ('stream' in message) { entry.onStream?.(message.stream); return; }
    if ('watchdog' in message) { entry.onWatchdog?.(message.watchdog); return; }
    if (!('result' in message) && !('error' in message)) return;
    this.settle(entry);
    if ('error' in message) {
      const info = message.error && typeof message.error === 'object' ? message.error : { message: String(message.error) };
      entry.reject(Object.assign(new Error(info.message || 'error'), info));
    } else {
      entry.resolve(message.result);
    }
  }

  settle(entry) {
    this.pending.delete(entry.id);
    clearTimeout(entry.cancelTimer);
    if (entry.slot >= 0 && this.flags) {
      Atomics.store(this.flags, entry.slot, 0);
      this.freeSlots.push(entry.slot);
    }
  }

  /**
   * Send a request. options: {onProgress, onStream, onWatchdog, transfer}.
   * Returns a promise of the result with .id and .cancel() attached.
   */
  request(type, payload = {}, { onProgress, onStream, onWatchdog, transfer = [] } = {}) {
    this.start();
    const id = this.nextId++;
    let entry;
    const promise = new Promise((resolve, reject) => {
      entry = { id, type, resolve, reject, onProgress, onStream, onWatchdog, slot: -1 };
    });
    entry.message = { ...payload, id, type };
    this.pending.set(id, entry);
    this.post(entry, transfer);
    promise.id = id;
    promise.cancel = () => this.cancel(id);
    return promise;
  }

  post(entry, transfer = []) {
    if (this.flags && entry.slot < 0 && this.freeSlots.length) {
      entry.slot = this.freeSlots.shift();
      Atomics.store(this.flags, entry.slot, 0);
    }
    this.port.postMessage({ ...entry.message, slot: entry.slot }, transfer);
  }

  /** True while the worker is (or is about to be) working on request id. */
  isRunning(id) {
    return this.pending.keys().next().value === id;
  }

  /** Cancel one request; the others carry on. */
  cancel(id, reason = new CancelledError()) {
    const entry = this.pending.get(id);
    if (!entry) return;
    if (!this.isRunning(id)) {
      // Still queued in the worker: it will skip it (and see its flag if not).
      if (entry.slot >= 0) Atomics.store(this.flags, entry.slot, 1);
      this.port.postMessage({ type: 'cancel', id });
      this.settle(entry);
      entry.reject(reason);
      return;
    }
    if (entry.slot >= 0) {
      Atomics.store(this.flags, entry.slot, 1);
      clearTimeout(entry.cancelTimer);
      entry.cancelTimer = setTimeout(() => this.restart(reason, { only: id }), CANCEL_GRACE_MS);
    } else {
      this.restart(reason, { only: id });
    }
  }

  /**
   * Terminate the worker (it may be stuck) and start a new one. With
   * {only: id}, only that request fails; the others are sent again.
   */
  restart(reason = new Error('The worker was restarted'), { only } = {}) {
    const entries = [...this.pending.values()];
    const kept = only === undefined ? [] : entries.filter((e) => e.id !== only);
    this.stopWorker();
    this.pending.clear();
    for (const entry of entries) {
      clearTimeout(entry.cancelTimer);
      if (!kept.includes(entry)) entry.reject(reason);
    }
    this.onRestart();
    if (!kept.length) return;
    this.start();
    for (const entry of kept) {
      entry.slot = -1;
      this.pending.set(entry.id, entry);
      this.post(entry);
    }
  }

  /** Terminate the worker and fail every pending request; a later request starts a new one. */
  terminate(reason = new Error('The worker was stopped')) {
    const entries = [...this.pending.values()];
    this.stopWorker();
    this.pending.clear();
    for (const entry of entries) {
      clearTimeout(entry.cancelTimer);
      entry.reject(reason);
    }
    this.onRestart();
  }

  stopWorker() {
    if (this.worker) {
      this.worker.terminate();
      openWorkers -= 1;
    }
    this.port?.close();
    this.worker = null;
    this.port = null;
    this.flags = null;
    this.freeSlots = [];
  }
}
