// The C core's Web Worker: loads the wasm build once and answers
// {id, type: 'list' | 'run' | 'fit' | 'status'} with {id, result | error}.
// Long calls report progress through Module.onProgress, which also reads
// the shared cancel flag the page sets (see worker_client.js).
import createCoursecore from './core/coursecore.mjs';

let modulePromise = null;
let cancelFlag = null;
let currentId = 0;

function core() {
  if (!modulePromise) {
    modulePromise = createCoursecore({
      locateFile: (file) => new URL(`core/${file}`, self.location.href).href,
    }).then((module) => {
      module.onProgress = (fraction, message) => {
        self.postMessage({ id: currentId, progress: { fraction, message } });
        return cancelFlag ? Atomics.load(cancelFlag, 0) : 0;
      };
      return module;
    });
  }
  return modulePromise;
}

// Reads a JSON string the core allocated and frees it.
function takeJson(module, pointer) {
  if (!pointer) throw new Error('The core ran out of memory');
  try {
    return JSON.parse(module.UTF8ToString(pointer));
  } finally {
    module._api_free(pointer);
  }
}

// Copies doubles into the wasm heap; the caller frees the returned pointer.
// Never keep a HEAPF64 view across calls: memory growth detaches it.
function putDoubles(module, values) {
  const pointer = module._api_alloc(Math.max(1, values.length) * 8);
  if (!pointer) throw new Error('The core ran out of memory');
  module.HEAPF64.set(values, pointer / 8);
  return pointer;
}

function putString(module, text) {
  const size = module.lengthBytesUTF8(text) + 1;
  const pointer = module._api_alloc(size);
  if (!pointer) throw new Error('The core ran out of memory');
  module.stringToUTF8(text, pointer, size);
  return pointer;
}

const handlers = {
  async list(module) {
    return takeJson(module, module._api_demo_list());
  },
  async status(module) {
    return { ...takeJson(module, module._api_status()), crossOriginIsolated: self.crossOriginIsolated === true };
  },
  async run(module, message) {
    const values = Float64Array.from(message.values || [], (v) => (v === null || v === undefined ? NaN : Number(v)));
    const idPointer = putString(module, String(message.demo || ''));
    const valuesPointer = putDoubles(module, values);
    try {
      return takeJson(module, module._api_demo_run(idPointer, valuesPointer, values.length));
    } finally {
      module._api_free(idPointer);
      module._api_free(valuesPointer);
    }
  },
  async fit(module, message) {
    const n = Float64Array.from(message.n || []);
    const y = Float64Array.from(message.y || []);
    if (n.length !== y.length) throw new Error('fit needs as many n values as measurements');
    const nPointer = putDoubles(module, n);
    const yPointer = putDoubles(module, y);
    try {
      return takeJson(module, module._api_fit(nPointer, yPointer, n.length));
    } finally {
      module._api_free(nPointer);
      module._api_free(yPointer);
    }
  },
};

self.onmessage = async (event) => {
  const message = event.data || {};
  if (message.type === 'init') {
    cancelFlag = message.cancelFlag || null;
    return;
  }
  const handler = handlers[message.type];
  if (!handler) {
    self.postMessage({ id: message.id, error: { message: `Unknown request type '${message.type}'` } });
    return;
  }
  try {
    const module = await core();
    currentId = message.id;
    const result = await handler(module, message);
    if (result && typeof result === 'object' && 'error' in result && Object.keys(result).length === 1) {
      self.postMessage({ id: message.id, error: { message: result.error } });
    } else {
      self.postMessage({ id: message.id, result });
    }
  } catch (err) {
    self.postMessage({ id: message.id, error: { message: err && err.message ? err.message : String(err) } });
  }
};
