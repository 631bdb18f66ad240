// pyodide_worker.mjs -- Pyodide in a Node worker thread, running web/py/worker_host.py.
//
// The Node twin of web/src/python_worker.js (the page's worker): it loads
// Pyodide, writes every web/py/*.py file into /home/pyodide/memperf, imports
// worker_host and keeps its three functions, taken before any learner code
// runs. Started by pyodide_host.mjs, which owns the watchdog timer (this
// thread is busy while Python runs). Messages:
//   in:  {id, fn: 'run_code' | 'check_start' | 'check_round', arg}
//   out: {ready: version} once; {id, result: text | null} | {id, error: {kind, message}};
//        {id, progress: {fraction, message, row}} while a check runs.
// Shared memory from the host: interrupt (Int32, Pyodide's interrupt buffer:
// 2 = SIGINT), control (Float64: [0] deadline in ms since the epoch of
// performance.timeOrigin, 0 = disarmed; [1] the limit in s), stop (Int32).
import { parentPort, workerData } from 'node:worker_threads';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPyodide } from 'pyodide';

const OUTPUT_CAP = 1 << 20;
const { indexURL, pyDir } = workerData;
const interrupt = new Int32Array(workerData.interrupt);
const control = new Float64Array(workerData.control);
const stop = new Int32Array(workerData.stop);

const now = () => performance.now();
const clock = () => now() / 1000;
let current = null;                     // the request running now
let printed = 0;

const hooks = {
  clock,
  progress(fraction, message, row) {
    let parsed = null;
    if (row !== null && row !== undefined) { try { parsed = JSON.parse(String(row)); } catch { parsed = null; } }
    if (current !== null) parentPort.postMessage({ id: current, progress: { fraction: Number(fraction) || 0, message: String(message ?? ''), row: parsed } });
  },
  should_stop: () => Atomics.load(stop, 0) !== 0,
  watchdog(seconds) {
    const s = Number(seconds) || 0;
    control[1] = s;
    control[0] = s > 0 ? performance.timeOrigin + now() + s * 1000 : 0;
    if (s <= 0) Atomics.store(interrupt, 0, 0);   // a late SIGINT must not hit the checker
  },
};

const py = await loadPyodide({ indexURL });
const output = (text) => {                 // learner output: counted, capped, dropped
  printed += text.length;
  if (printed < OUTPUT_CAP && workerData.echo) process.stderr.write(text + '\n');
};
py.setStdout({ batched: output });
py.setStderr({ batched: output });
py.FS.mkdirTree('/home/pyodide/memperf');
for (const file of readdirSync(pyDir).filter((f) => f.endsWith('.py')).sort()) {
  py.FS.writeFile(`/home/pyodide/memperf/${file}`, readFileSync(join(pyDir, file), 'utf8'));
}
py.runPython("import sys\nsys.path.insert(0, '/home/pyodide/memperf')\nsys.dont_write_bytecode = True");
py.setInterruptBuffer(interrupt);
const module = py.pyimport('worker_host');
const host = {};
for (const name of ['run_code', 'check_start', 'check_round']) host[name] = module[name];

parentPort.on('message', ({ id, fn, arg }) => {
  current = id;
  Atomics.store(interrupt, 0, 0);
  try {
    const f = host[fn];
    if (!f) throw Object.assign(new Error(`unknown function ${fn}`), { kind: 'protocol' });
    const value = fn === 'run_code' ? f(String(arg)) : f(String(arg), hooks);
    parentPort.postMessage({ id, result: value === undefined || value === null ? null : String(value) });
  } catch (err) {
    const text = String(err?.message ?? err);
    const fatal = !err?.type;               // not a PythonError: Pyodide itself failed
    parentPort.postMessage({ id, error: { kind: fatal ? 'fatal' : err.type, message: text.trim().split('\n').pop().slice(0, 500) } });
  } finally {
    current = null;
    control[0] = 0;
  }
});
parentPort.postMessage({ ready: py.version });
