// cpython_host.mjs -- the desktop-CPython twin of pyodide_host.mjs: check_flow.js
// transports whose Python is a fresh `python3` process.
//
//   import { cpythonTransports } from './cpython_host.mjs';
//   const t = cpythonTransports({ judge: cliJudge() });
//   const outcome = await runCheck(ex, code, t);   // web/src/check_flow.js
//   t.close();
//
// The worker is `python3 -B web/py/check_cli.py --worker 3 4`: it runs the
// same web/py/worker_host.py as the page's Pyodide worker and answers over
// two private pipes (fd 3 down, fd 4 up), one JSON line each:
//   down: {fn: 'check_start' | 'check_round', arg: request_json}
//   up:   {progress: [fraction, message, row_json]} | {watchdog: seconds}
//         | {result: text} | {error: text}
// The learner's prints go to the worker's stdout/stderr, which are dropped.
// The worker raises KeyboardInterrupt itself when its watchdog passes
// (SIGALRM); this side ends the process when the code swallows it for
// HANG_EXTRA_MS more, and the call rejects with {kind: 'watchdog', seconds},
// exactly as pyodide_host.mjs and the page's worker client do. So the Check
// loop, its comparisons and its verdict live only in check_flow.js.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, transportsOver } from './pyodide_host.mjs';

const CHECK_CLI = join(ROOT, 'web', 'py', 'check_cli.py');
const HANG_EXTRA_MS = 3000;
const CALL_LIMIT_MS = 300000;          // no single call may run longer, whatever the watchdog says

const failure = (message, fields) => Object.assign(new Error(message), fields);

/** A fresh CPython worker process; {checkStart, checkRound, close}. */
export function startCpython({ python = process.env.PYTHON || 'python3', echo = false } = {}) {
  const sink = echo ? 'inherit' : 'ignore';
  const child = spawn(python, ['-B', CHECK_CLI, '--worker', '3', '4'], { stdio: ['ignore', sink, sink, 'pipe', 'pipe'] });
  const down = child.stdio[3];
  const up = child.stdio[4];
  let current = null;                  // {resolve, reject, hooks, timers}
  let dead = null;
  let buffer = '';

  const settle = (fn, value) => {
    const c = current;
    if (!c) return;
    current = null;
    clearTimeout(c.hang);
    clearTimeout(c.limit);
    c[fn](value);
  };
  const end = (error) => {
    dead = dead || error;
    if (child.exitCode === null && !child.killed) child.kill('SIGKILL');
    settle('reject', dead);
  };

  const onLine = (line) => {
    if (!current || !line.trim()) return;
    let msg;
    try { msg = JSON.parse(line); } catch { end(failure(`the worker sent ${line.slice(0, 80)}`, { kind: 'protocol' })); return; }
    if ('watchdog' in msg) {
      clearTimeout(current.hang);
      const seconds = Number(msg.watchdog) || 0;
      if (seconds > 0) {
        current.hang = setTimeout(() => end(failure(
          `your function took longer than ${seconds} s and ignored every request to stop`, { kind: 'watchdog', seconds })),
        seconds * 1000 + HANG_EXTRA_MS);
      }
    } else if ('progress' in msg) {
      const [fraction, message, row] = msg.progress;
      let parsed = null;
      if (row !== null && row !== undefined) { try { parsed = JSON.parse(row); } catch { parsed = null; } }
      current.hooks?.progress?.({ fraction: Number(fraction) || 0, message: String(message ?? ''), row: parsed });
    } else if ('result' in msg) {
      settle('resolve', msg.result);
    } else {
      settle('reject', failure(String(msg.error), { kind: 'error' }));
    }
  };
  up.setEncoding('utf8');
  up.on('data', (chunk) => {
    buffer += chunk;
    let i;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      onLine(line);
    }
  });
  down.on('error', () => {});          // a dead worker: reported by 'exit'
  child.on('error', (err) => end(failure(`could not start ${python}: ${err.message}`, { kind: 'fatal' })));
  child.on('exit', (code, signal) => end(failure(`Python ended (${signal || `exit ${code}`})`, { kind: 'crashed' })));

  function call(fn, request, hooks) {
    if (dead) return Promise.reject(dead);
    if (current) return Promise.reject(failure('one call at a time', { kind: 'protocol' }));
    return new Promise((resolve, reject) => {
      current = { resolve, reject, hooks, hang: null, limit: null };
      current.limit = setTimeout(() => end(failure(`Python did not answer within ${CALL_LIMIT_MS / 1000} s`, { kind: 'timeout' })), CALL_LIMIT_MS);
      down.write(JSON.stringify({ fn, arg: JSON.stringify(request) }) + '\n');
    });
  }
  const parsed = async (fn, request, hooks) => JSON.parse(await call(fn, request, hooks));
  return {
    checkStart: (request, hooks) => parsed('check_start', request, hooks),
    checkRound: (request, hooks) => parsed('check_round', request, hooks),
    close() {
      dead = dead || failure('closed', { kind: 'cancelled' });
      down.end();
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** check_flow.js transports for one Check in a fresh CPython process; call close() after. */
export function cpythonTransports({ judge, ...options }) {
  return transportsOver(startCpython(options), judge);
}
