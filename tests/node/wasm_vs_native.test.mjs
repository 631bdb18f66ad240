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

// What each demo offers to compare. Counts (operations, calls, cells,
// capacities, ...) must be equal point for point. Bytes and stack depth
// hold pointers, 4 bytes in wasm32 and 8 natively: wasm's are at most the
// native figure and at least half of it, with the same fitted class. A
// table column that holds no duration or percentage must be equal. Times
// compare nothing. Every demo must offer at least one of these, so that no
// demo is compared against nothing.
const TIMED = /time/;
const POINTER_SIZED = new Set(['bytes', 'stack']);
const MEASURED_CELL = /(\d\s*(ns|µs|ms|s)|%)$/;
// qsort's comparison count differs between glibc and musl by design.
const LIBC_SORT = (demo, series) => demo === 'builtin-vs-loop' && series.id === 'qsort';

function commonPrefix(a, b) {
  let i = 0;
  while (i < a.x.length && i < b.x.length && a.x[i] === b.x[i]) i++;
  return i;
}

// Returns the list of what was compared, as "metric:id" or "table:title".
function compareDemo(id, native, wasm) {
  const compared = [];
  for (const s of native.series) {
    if (TIMED.test(s.metric) || LIBC_SORT(id, s)) continue;
    const w = wasm.series.find((t) => t.id === s.id && t.metric === s.metric);
    assert.ok(w, `${id}: wasm has no ${s.metric} series "${s.id}"`);
    const k = commonPrefix(s, w);
    const points = (r) => r.y.slice(0, k);
    if (!points(s).every(Number.isFinite) || !points(w).every(Number.isFinite)) continue;
    if (k === 0) continue;
    if (POINTER_SIZED.has(s.metric)) {
      points(s).forEach((y, i) => {
        const yw = w.y[i];
        assert.ok(yw <= y && yw >= y / 2, `${id} ${s.metric} "${s.id}" at n = ${s.x[i]}: wasm ${yw}, native ${y}`);
      });
      if (k === s.x.length && k === w.x.length) assert.equal(w.fit?.best, s.fit?.best, `${id} ${s.metric} "${s.id}": class`);
    } else {
      assert.deepEqual(points(w), points(s), `${id} ${s.metric} "${s.id}"`);
    }
    compared.push(`${s.metric}:${s.id}`);
  }
  (native.tables || []).forEach((table, t) => {
    const other = (wasm.tables || [])[t];
    assert.ok(other, `${id}: wasm has no table "${table.title}"`);
    assert.deepEqual(other.columns, table.columns, `${id} table "${table.title}": columns`);
    assert.equal(other.rows.length, table.rows.length, `${id} table "${table.title}": rows`);
    const exact = table.columns.map((_, c) => [table, other].every((tab) => tab.rows.every((row) => !MEASURED_CELL.test(String(row[c])))));
    if (!exact.some(Boolean)) return;
    table.rows.forEach((row, r) => row.forEach((cell, c) => {
      if (exact[c]) assert.equal(other.rows[r][c], cell, `${id} table "${table.title}" row ${r + 1}, ${table.columns[c]}`);
    }));
    compared.push(`table:${table.title}`);
  });
  return compared;
}

test('every demo agrees between wasm and native on at least one exact series or table', () => {
  const demos = JSON.parse(execFileSync(cli, ['list', '--json'], { encoding: 'utf8' }));
  assert.ok(demos.length > 0);
  for (const demo of demos) {
    const values = demo.params.map((p) => p.name === 'repeats' ? 1 : p.default);
    const wasm = wasmRun(demo.id, values);
    const native = nativeRun([demo.id, ...demo.params.flatMap((p, i) => [`--${p.name}`, String(values[i])])]);
    assert.ok(!wasm.error, `${demo.id}: ${wasm.error}`);
    const compared = compareDemo(demo.id, native, wasm);
    assert.ok(compared.length >= 1, `${demo.id}: no series or table to compare between wasm and native ` +
      `(series: ${native.series.map((s) => `${s.metric}:${s.id}`).join(', ') || 'none'})`);
  }
});

test('a demo with only timings, or nothing, offers nothing to compare', () => {
  const timed = { series: [{ id: 'a', metric: 'time', x: [1, 2], y: [1, 2] }], tables: [] };
  assert.deepEqual(compareDemo('timed-only', timed, timed), []);
  const empty = { series: [], tables: [] };
  assert.deepEqual(compareDemo('empty', empty, empty), []);
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
