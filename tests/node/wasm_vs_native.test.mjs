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

// The page's verdict and the CLI's must be the same, on real timings: the
// classifier is deterministic C, and the two libms must not tip a call.
test('wasm and native give the same verdict on every real-timing fixture', () => {
  const dir = path.join(root, 'tests/fit_real');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.csv'));
  assert.ok(files.length >= 60);
  for (const file of files) {
    const rows = fs.readFileSync(path.join(dir, file), 'utf8').trim().split('\n').slice(1)
      .map((line) => line.split(',').map(Number));
    const nPtr = core._api_alloc(8 * rows.length);
    const yPtr = core._api_alloc(8 * rows.length);
    core.HEAPF64.set(rows.map((r) => r[0]), nPtr / 8);
    core.HEAPF64.set(rows.map((r) => r[1]), yPtr / 8);
    let wasm;
    try { wasm = wasmCall('_api_fit', nPtr, yPtr, rows.length); } finally { core._api_free(nPtr); core._api_free(yPtr); }
    const native = JSON.parse(execFileSync(cli, ['fit', '--json', path.join(dir, file)], { encoding: 'utf8' }));
    assert.equal(wasm.best, native.best, `${file}: verdict`);
    assert.equal(wasm.top, native.top, `${file}: top class`);
    assert.ok(Math.abs(wasm.confidence - native.confidence) < 1e-6, `${file}: confidence ${wasm.confidence} vs ${native.confidence}`);
  }
});
