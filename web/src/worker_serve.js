// The worker half of the one worker protocol (the page half is
// worker_client.js), shared by core_worker.js and python_worker.js.
//
//   page -> worker  {type: 'init', port, flags, ...}   once, on the global channel
//   page -> worker  {id, type, slot, ...}             a request, on the port
//   page -> worker  {type: 'cancel', id}              skip a request not started yet
//   worker -> page  {id, result} | {id, error}         the answer, exactly once
//   worker -> page  {id, progress} | {id, stream} | {id, watchdog}   while working
//
// Everything after init travels over a MessagePort the page transfers in
// the init message. The port lives only in this module's scope: code run by
// a request (the learner's Python can reach the worker's globals through
// `import js`) cannot post a forged answer, because the page ignores the
// worker's global channel once the port is set up.
//
// Requests run one at a time, in order. Cancel belongs to one request: with
// cross-origin isolation the page sends a SharedArrayBuffer of flags and
// each request gets its own slot (shouldStop() reads it); without one, a
// queued request is skipped on {type: 'cancel'} and a running one is ended
// by the page terminating this worker.

/**
 * Serve requests: handlers[type](message, ctx) returns the result (or a
 * promise of it) or throws. ctx = {id, shouldStop(), progress(p),
 * stream(s), watchdog(seconds), post(fields)}. A thrown error's `info`
 * object, if any, is the error sent ({message, kind, ...}); otherwise
 * {message}. options.onInit(message) sees the init message's other fields.
 */
export function serve(handlers, { onInit } = {}) {
  let port = null;
  let flags = null;
  const queue = [];
  const skipped = new Set();
  let busy = false;

  const send = (message) => port.postMessage(message);

  function context(message) {
    const { id } = message;
    const slot = Number.isInteger(message.slot) ? message.slot : -1;
    return {
      id,
      shouldStop: () => Boolean(flags && slot >= 0 && Atomics.load(flags, slot) !== 0),
      progress: (progress) => send({ id, progress }),
      stream: (stream) => send({ id, stream }),
      watchdog: (seconds) => send({ id, watchdog: Number(seconds) || 0 }),
      post: (fields) => send({ ...fields, id }),
    };
  }

  async function answer(message) {
    const handler = Object.hasOwn(handlers, message.type) ? handlers[message.type] : null;
    if (!handler) {
      send({ id: message.id, error: { message: `Unknown request type '${message.type}'`, kind: 'protocol' } });
      return;
    }
    try {
      send({ id: message.id, result: await handler(message, context(message)) });
    } catch (err) {
      send({ id: message.id, error: errorInfo(err) });
    }
  }

  async function drain() {
    if (busy) return;
    busy = true;
    try {
      while (queue.length) {
        const message = queue.shift();
        if (skipped.delete(message.id)) continue;
        await answer(message);
      }
    } finally {
      busy = false;
    }
  }

  function receive(event) {
    const message = event.data || {};
    if (message.type === 'cancel') {
      if (queue.some((m) => m.id === message.id)) skipped.add(message.id);
      return;
    }
    queue.push(message);
    drain();
  }

  self.onmessage = (event) => {
    const message = event.data || {};
    if (message.type !== 'init' || port) return;   // everything else comes over the port
    port = message.port;
    flags = message.flags || null;
    const { port: _port, flags: _flags, type: _type, ...rest } = message;
    onInit?.(rest);
    port.onmessage = receive;
  };
}

/** The error object sent for a thrown value. */
export function errorInfo(err) {
  if (err && err.info && typeof err.info === 'object') return { message: String(err.info.message ?? ''), ...err.info };
  return { message: err && err.message ? err.message : String(err) };
}

/** An Error whose info object is sent to the page as it is. */
export function requestError(info) {
  return Object.assign(new Error(info.message || 'error'), { info });
}
