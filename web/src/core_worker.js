// The C core's Web Worker: loads the wasm build once and answers
// {id, type: 'list' | 'status' | 'run' | 'fit' | 'judge' | 'classes'} with
// {id, result | error} (the protocol is worker_serve.js's). Long calls
// report progress through Module.onProgress, which also reads the running
// request's own cancel flag.
import createCoursecore from './core/coursecore.mjs';
import { serve } from './worker_serve.js';

let modulePromise = null;
let current = null;                // ctx of the request being answered

function core() {
  if (!modulePromise) {
    modulePromise = createCoursecore({
      locateFile: (file) => new URL(`core/${file}`, self.location.href).href,
    }).then((module) => {
      module.onProgress = (fraction, message) => {
        if (!current) return 0;
        current.progress({ fraction, message });
        return current.shouldStop() ? 1 : 0;
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

// One series {n: [...], y: [...]} (or null) as two wasm arrays; every
// pointer allocated goes into owned, which the caller frees.
function putSeries(module, series, what, owned) {
  const n = Float64Array.from(series?.n || [], Number);
  const y = Float64Array.from(series?.y || [], Number);
  if (n.length !== y.length) throw new Error(`${what}: as many n values as measurements are needed`);
  if (![...n, ...y].every(Number.isFinite)) throw new Error(`${what}: every value must be a finite number`);
  const nPointer = putDoubles(module, n);
  owned.push(nPointer);
  const yPointer = putDoubles(module, y);
  owned.push(yPointer);
  return { n: nPointer, y: yPointer, count: n.length };
}

const handlers = {
  list(module) {
    return takeJson(module, module._api_demo_list());
  },
  status(module) {
    return { ...takeJson(module, module._api_status()), crossOriginIsolated: self.crossOriginIsolated === true };
  },
  classes(module) {
    if (typeof module._api_classes !== 'function') throw new Error('this build of the core has no api_classes');
    return takeJson(module, module._api_classes());
  },
  run(module, message) {
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
  fit(module, message) {
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
  // api_judge: a target class, a measured series ("time": seconds or
  // bytes), optional step counts and an optional too-slow reading.
  judge(module, message) {
    if (typeof module._api_judge !== 'function') throw new Error('this build of the core has no api_judge');
    const owned = [];
    try {
      const target = putString(module, String(message.target || ''));
      owned.push(target);
      const time = putSeries(module, message.time, 'time', owned);
      const steps = putSeries(module, message.steps, 'steps', owned);
      const slow = message.too_slow || null;
      const [slowN, slowS, refS] = slow ? [Number(slow.n), Number(slow.seconds), Number(slow.ref_seconds)] : [0, 0, 0];
      return takeJson(module, module._api_judge(target, time.n, time.y, time.count, steps.n, steps.y, steps.count,
        slowN || 0, slowS || 0, refS || 0));
    } finally {
      for (const pointer of owned) module._api_free(pointer);
    }
  },
};

// A result {error: "..."} from the core is an error answer.
function answer(name) {
  return async (message, ctx) => {
    const module = await core();
    current = ctx;
    try {
      const result = handlers[name](module, message);
      if (result && typeof result === 'object' && 'error' in result && Object.keys(result).length === 1) throw new Error(result.error);
      return result;
    } finally {
      current = null;
    }
  };
}

serve(Object.fromEntries(Object.keys(handlers).map((name) => [name, answer(name)])));
