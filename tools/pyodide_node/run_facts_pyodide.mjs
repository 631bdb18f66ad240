// run_facts_pyodide.mjs -- tools/content/run_facts.py in Pyodide under Node.
//
//   import { runFactsInPyodide } from './run_facts_pyodide.mjs';
//   const results = await runFactsInPyodide(checks.topics[id]);   // run_facts result dicts
//
// One interpreter per topic, in a worker thread (a fatal Pyodide crash, such
// as "Maximum call stack size exceeded", ends the worker, not this thread):
// the worker imports run_facts and runs one item per message, each in a
// fresh namespace. When an item kills the interpreter, it is reported as a
// failure with what Pyodide said, and a new interpreter runs the rest.
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const require = createRequire(import.meta.url);
const PYODIDE_DIR = dirname(require.resolve('pyodide/package.json'));
const ITEM_TIMEOUT_MS = 120000;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
(async () => {
  const { loadPyodide } = await import(workerData.pyodideModule);
  const py = await loadPyodide({ indexURL: workerData.indexURL });
  py.setStdout({ batched: () => {} });
  py.setStderr({ batched: () => {} });
  py.FS.writeFile('/home/pyodide/run_facts.py', readFileSync(workerData.runFacts, 'utf8'));
  py.runPython("import sys\\nsys.path.insert(0, '/home/pyodide')\\nsys.dont_write_bytecode = True");
  const mod = py.pyimport('run_facts');
  const setup = py.runPython("import json, run_facts\\n" +
    "def _setup(topic):\\n    global _facts\\n    t = json.loads(topic)\\n    _facts = run_facts.Facts(t.get('facts', ''), t.get('factsFile') or 'facts.py')\\n" +
    "    return json.dumps(run_facts.items(t))\\n" +
    "def _run(item):\\n    return json.dumps(run_facts.run_item(json.loads(item), _facts))\\n" +
    "(_setup, _run)");
  const [setupFn, runFn] = [setup.get(0), setup.get(1)];
  parentPort.on('message', (m) => {
    try {
      const value = m.setup !== undefined ? setupFn(m.setup) : runFn(m.item);
      parentPort.postMessage({ result: String(value) });
    } catch (err) {
      const text = String(err && err.message || err).trim().split('\\n').slice(-3).join(' / ');
      // Not a PythonError: Pyodide itself failed, and this interpreter is done.
      parentPort.postMessage(err && err.type ? { error: text } : { fatal: text });
    }
  });
  parentPort.postMessage({ ready: py.version, platform: mod.interpreter() });
})().catch((err) => parentPort.postMessage({ fatal: String(err && err.message || err) }));
`;

function startInterpreter() {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      pyodideModule: join(PYODIDE_DIR, 'pyodide.mjs'), indexURL: PYODIDE_DIR + '/', runFacts: join(ROOT, 'tools', 'content', 'run_facts.py'),
    },
  });
  let waiting = null;
  const settle = (m) => { const w = waiting; waiting = null; if (w) w(m); };
  worker.on('message', settle);
  worker.on('error', (err) => settle({ fatal: String(err && err.message || err) }));
  worker.on('exit', (code) => settle({ fatal: `Pyodide ended (exit ${code})` }));
  const next = (timeoutMs) => new Promise((resolve) => {
    const timer = setTimeout(() => { settle({ fatal: `no answer after ${timeoutMs / 1000} s` }); worker.terminate(); }, timeoutMs);
    waiting = (m) => { clearTimeout(timer); resolve(m); };
  });
  const ready = next(ITEM_TIMEOUT_MS);
  return {
    ready,
    async ask(message) {
      const answer = next(ITEM_TIMEOUT_MS);
      worker.postMessage(message);
      return answer;
    },
    close: () => worker.terminate(),
  };
}

/** Every item of one checks.json topic entry in Pyodide: [{kind, file, line, what, ok, got}]. */
export async function runFactsInPyodide(topic) {
  let py = startInterpreter();
  let ready = await py.ready;
  if (ready.fatal) throw new Error(`Pyodide did not start: ${ready.fatal}`);
  if (ready.platform !== 'pyodide') throw new Error(`run_facts.interpreter() says ${ready.platform} in Pyodide`);
  const setup = JSON.stringify(topic);
  let answer = await py.ask({ setup });
  if (!answer.result) throw new Error(`run_facts setup failed: ${answer.error || answer.fatal}`);
  const items = JSON.parse(answer.result);
  const results = [];
  try {
    for (const item of items) {
      answer = await py.ask({ item: JSON.stringify(item) });
      if (answer.result) {
        results.push(JSON.parse(answer.result));
        continue;
      }
      results.push({
        kind: item.kind, file: item.file, line: item.line || 1, ok: false,
        what: `${item.kind} ${item.question || item.title || item.expr || ''} runs`.replace(/\s+/g, ' '),
        got: answer.error ? `run_facts raised: ${answer.error}` : `Pyodide crashed: ${answer.fatal}`,
      });
      if (answer.fatal) {          // the interpreter is gone: a fresh one for the rest
        py.close();
        py = startInterpreter();
        ready = await py.ready;
        if (ready.fatal) throw new Error(`Pyodide did not restart: ${ready.fatal}`);
        await py.ask({ setup });
      }
    }
  } finally {
    await py.close();
  }
  return results;
}
