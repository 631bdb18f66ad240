// pyodide_host.mjs -- the Python measurement path in Pyodide under Node.
//
//   import { startPyodide, cliJudge, checkTransports } from './pyodide_host.mjs';
//   const py = await startPyodide();              // a fresh interpreter, like the page's per-Check worker
//   const start = await py.checkStart(request, hooks);   // worker_host.check_start, parsed
//   const round = await py.checkRound({round: 0}, hooks);
//   await py.close();
//
// Runs the same web/py/worker_host.py as the page, in a worker thread
// (pyodide_worker.mjs), so this thread stays free to be its watchdog: when
// Python arms watchdog(s) and s passes, this thread writes SIGINT into
// Pyodide's interrupt buffer (KeyboardInterrupt in Python), again every
// REFIRE_MS; if the code swallows them for HANG_EXTRA_MS more, the worker
// is terminated and the call rejects with {kind: 'watchdog', seconds}, as
// the page's worker client does. hooks is {progress({fraction, message, row})}.
//
// checkTransports(options) gives check_flow.js's {start, round, judge} for
// one Check in a fresh interpreter; cliJudge(path) judges through
// `coursecore fit --target ... --json` (the native core).
import { Worker } from 'node:worker_threads';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..', '..');
const require = createRequire(import.meta.url);
export const PYODIDE_DIR = dirname(require.resolve('pyodide/package.json'));
const REFIRE_MS = 250;
const HANG_EXTRA_MS = 3000;

/** A fresh Pyodide running worker_host.py; resolves once it is ready. */
export async function startPyodide({ indexURL = PYODIDE_DIR + '/', pyDir = join(ROOT, 'web', 'py'), echo = false } = {}) {
  const interrupt = new SharedArrayBuffer(4);
  const control = new SharedArrayBuffer(16);
  const stop = new SharedArrayBuffer(4);
  const worker = new Worker(join(HERE, 'pyodide_worker.mjs'), { workerData: { indexURL, pyDir, interrupt, control, stop, echo } });
  const ints = new Int32Array(interrupt);
  const ctrl = new Float64Array(control);
  const stopFlag = new Int32Array(stop);
  const pending = new Map();
  let nextId = 1;
  let dead = null;
  let lastFire = 0;
  let version = null;

  const failAll = (error) => {
    dead = dead || error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const ready = new Promise((resolve, reject) => {
    worker.on('message', (m) => {
      if (m.ready) { version = m.ready; resolve(); return; }
      const p = pending.get(m.id);
      if (!p) return;
      if (m.progress) { p.hooks?.progress?.(m.progress); return; }
      pending.delete(m.id);
      if (m.error) p.reject(Object.assign(new Error(m.error.message), m.error));
      else p.resolve(m.result);
    });
    worker.on('error', (err) => { reject(err); failAll(Object.assign(new Error(String(err?.message ?? err)), { kind: 'fatal' })); });
    worker.on('exit', (code) => failAll(dead || Object.assign(new Error(`Python ended (exit ${code})`), { kind: 'crashed' })));
  });
  const timer = setInterval(() => {
    const deadline = ctrl[0];
    if (!deadline) return;
    const t = performance.timeOrigin + performance.now();
    if (t < deadline) return;
    if (t > deadline + HANG_EXTRA_MS) {
      const seconds = ctrl[1];
      ctrl[0] = 0;
      dead = Object.assign(new Error(`your function took longer than ${seconds} s and ignored every request to stop`), { kind: 'watchdog', seconds });
      failAll(dead);
      worker.terminate();
    } else if (t - lastFire >= REFIRE_MS) {
      lastFire = t;
      Atomics.store(ints, 0, 2);         // SIGINT: KeyboardInterrupt in Python
    }
  }, 10);
  timer.unref();
  await ready;

  function call(fn, arg, hooks) {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    Atomics.store(stopFlag, 0, 0);
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, hooks });
      worker.postMessage({ id, fn, arg });
    });
  }
  const parsed = async (fn, request, hooks) => JSON.parse(await call(fn, JSON.stringify(request), hooks));
  return {
    version,
    runCode: async (code) => { const r = await call('run_code', code); return r === null ? null : JSON.parse(r); },
    checkStart: (request, hooks) => parsed('check_start', request, hooks),
    checkRound: (request, hooks) => parsed('check_round', request, hooks),
    stop: () => Atomics.store(stopFlag, 0, 1),
    async close() { clearInterval(timer); await worker.terminate(); },
  };
}

/** api_judge through the native CLI: ({target, time, steps, too_slow}) -> parsed JSON. */
export function cliJudge(coursecore = process.env.JUDGE || join(ROOT, 'build', 'native', 'coursecore')) {
  return async ({ target, time, steps, too_slow: tooSlow }) => {
    const dir = mkdtempSync(join(tmpdir(), 'memperf-judge-'));
    try {
      const csv = (s, header) => [header, ...(s?.n || []).map((n, i) => `${n},${s.y[i]}`)].join('\n') + '\n';
      writeFileSync(join(dir, 'time.csv'), csv(time, 'n,y'));
      const args = ['fit', '--target', target];
      if (steps?.n?.length) { writeFileSync(join(dir, 'steps.csv'), csv(steps, 'n,steps')); args.push('--steps', join(dir, 'steps.csv')); }
      if (tooSlow) args.push('--too-slow', `${tooSlow.n},${tooSlow.seconds},${tooSlow.ref_seconds ?? 0}`);
      args.push('--json', join(dir, 'time.csv'));
      const p = spawnSync(coursecore, args, { encoding: 'utf8' });
      const out = JSON.parse(p.stdout);
      if (!out.verdict) throw new Error(out.error || `no verdict from ${coursecore}`);
      return out;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** check_flow.js's {start, round, judge} over a started interpreter (Pyodide or CPython). */
export function transportsOver(py, judge) {
  return {
    py,
    start: (req, hooks) => py.checkStart(req, hooks),
    round: (req, hooks) => py.checkRound(req, hooks),
    judge,
    close: () => py.close(),
  };
}

/** check_flow.js transports for one Check in a fresh interpreter; call close() after. */
export async function checkTransports({ judge = cliJudge(), ...options } = {}) {
  return transportsOver(await startPyodide(options), judge);
}
