// The wasm build and the native CLI are the same C sources: their exact
// operation and byte counts must agree, and argument errors must come back
// as messages, never aborts.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'build/native/coursecore');
let core;

before(async () => {
  const { default: createCoursecore } = await import(path.join(root, 'build/wasm/coursecore.mjs'));
  core = await createCoursecore({ wasmBinary: fs.readFileSync(path.join(root, 'build/wasm/coursecore.wasm')) });
});

function wasmCall(fn, ...args) {
  const pointer = core[fn](...args);
  try { return JSON.parse(core.UTF8ToString(pointer)); } finally { core._api_free(pointer); }
}

function wasmRun(id, values) {
  const idPtr = core._api_alloc(64);
  core.stringToUTF8(id, idPtr, 64);
  const valPtr = core._api_alloc(8 * Math.max(values.length, 1));
  core.HEAPF64.set(values, valPtr / 8);
  try { return wasmCall('_api_demo_run', idPtr, valPtr, values.length); } finally { core._api_free(idPtr); core._api_free(valPtr); }
}

const nativeRun = (args) => JSON.parse(execFileSync(cli, ['run', ...args], { encoding: 'utf8' }));
const exactSeries = (result) => result.series.filter((s) => s.metric === 'ops')
  .map((s) => ({ id: s.id, x: s.x, y: s.y }));

test('wasm lists the same demos as the native CLI', () => {
  const native = JSON.parse(execFileSync(cli, ['list', '--json'], { encoding: 'utf8' }));
  const wasm = wasmCall('_api_demo_list');
  assert.deepEqual(wasm.map((d) => d.id), native.map((d) => d.id));
  assert.ok(wasm.some((d) => d.id === 'membership'));
});

test('membership: wasm and native count exactly the same operations', () => {
  const wasm = wasmRun('membership', [1000, 64000, 4, 1]);
  const native = nativeRun(['membership', '--n', '1000:64000', '--points', '4', '--repeats', '1']);
  assert.deepEqual(exactSeries(wasm), exactSeries(native));
  const list = exactSeries(native).find((s) => s.id === 'list');
  assert.deepEqual(list.y, list.x, 'a miss in a list of n costs n comparisons');
});

test('every demo whose counts do not depend on libc sorts agrees between wasm and native', () => {
  const demos = JSON.parse(execFileSync(cli, ['list', '--json'], { encoding: 'utf8' }));
  for (const demo of demos) {
    if (demo.id === 'builtin-vs-loop') continue;   // qsort differs between glibc and musl by design
    const values = demo.params.map((p) => p.name === 'repeats' ? 1 : p.default);
    const wasm = wasmRun(demo.id, values);
    const native = nativeRun([demo.id, ...demo.params.flatMap((p, i) => [`--${p.name}`, String(values[i])])]);
    assert.ok(!wasm.error, `${demo.id}: ${wasm.error}`);
    const pick = (r) => exactSeries(r).filter((s) => s.y.every(Number.isFinite));
    if (native.complete && wasm.complete) assert.deepEqual(pick(wasm), pick(native), `${demo.id} op counts`);
  }
});

test('bad arguments come back as error messages from wasm', () => {
  assert.match(wasmRun('membership', [0, 1000, 4, 1]).error, /smallest n must be between/);
  assert.match(wasmRun('no-such-demo', []).error, /unknown demo/);
  const fit = wasmCall('_api_fit', 0, 0, 0);
  assert.ok(fit.error);
});
