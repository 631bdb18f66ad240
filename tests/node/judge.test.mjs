// The judge is C, built twice: the page calls it in wasm (api_judge), the
// CPython checks through `coursecore fit --target ... --json`. On the same
// series both must give the same judgement -- verdict, reason, what decided
// -- or the page and `make test` would judge differently again (issue 15).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'build/native/coursecore');
const fixtures = path.join(root, 'tests/fit_real');
const CLASSES = ['O(1)', 'O(log n)', 'O(n)', 'O(n log n)', 'O(n^2)', 'O(n^3)', 'O(2^n)'];
const CLASS_OF = { o1: 'O(1)', logn: 'O(log n)', n: 'O(n)', nlogn: 'O(n log n)', n2: 'O(n^2)', n3: 'O(n^3)', '2n': 'O(2^n)' };
let core;
let tmp;

before(async () => {
  const { default: createCoursecore } = await import(path.join(root, 'build/wasm/coursecore.mjs'));
  core = await createCoursecore({ wasmBinary: fs.readFileSync(path.join(root, 'build/wasm/coursecore.wasm')) });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'judge-test-'));
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

// --------------------------------------------------------------- hosts

function readCsv(file) {
  const rows = fs.readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  return { n: rows.map((r) => r[0]), y: rows.map((r) => r[1]) };
}

function writeCsv(name, series) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, `n,value\n${series.n.map((n, i) => `${n},${series.y[i]}`).join('\n')}\n`);
  return file;
}

// api_judge in wasm; the host owns every block it allocates and frees it
// in finally (house style: sql.js).
function wasmJudge(target, time, steps, slow) {
  const blocks = [];
  const doubles = (xs) => {
    if (!xs || xs.length === 0) return 0;
    const p = core._api_alloc(8 * xs.length);
    blocks.push(p);
    core.HEAPF64.set(xs, p / 8);
    return p;
  };
  try {
    const size = core.lengthBytesUTF8(target) + 1;
    const t = core._api_alloc(size);
    blocks.push(t);
    core.stringToUTF8(target, t, size);
    const out = core._api_judge(t, doubles(time?.n), doubles(time?.y), time ? time.n.length : 0,
      doubles(steps?.n), doubles(steps?.y), steps ? steps.n.length : 0,
      slow ? slow[0] : 0, slow ? slow[1] : 0, slow ? slow[2] : 0);
    try { return JSON.parse(core.UTF8ToString(out)); } finally { core._api_free(out); }
  } finally {
    blocks.forEach((p) => core._api_free(p));
  }
}

function nativeJudge(target, timeFile, stepsFile, slow, json = true) {
  const args = ['fit', '--target', target];
  if (json) args.push('--json');
  if (stepsFile) args.push('--steps', stepsFile);
  if (slow) args.push('--too-slow', slow.join(','));
  args.push(timeFile);
  const text = execFileSync(cli, args, { encoding: 'utf8' });
  return json ? JSON.parse(text) : text;
}

function assertSame(wasm, native, what) {
  assert.ok(!wasm.error, `${what}: wasm error ${wasm.error}`);
  for (const key of ['target', 'verdict', 'reason', 'decided_by', 'disagree']) {
    assert.equal(wasm[key], native[key], `${what}: ${key}`);
  }
  for (const part of ['time', 'steps']) {
    assert.equal(wasm[part]?.verdict, native[part]?.verdict, `${what}: ${part}.verdict`);
    assert.equal(wasm[part]?.reason, native[part]?.reason, `${what}: ${part}.reason`);
  }
}

// Exact step counts at the sizes of a series: lines a Python function runs.
const STEPS = {
  flat: () => 12,
  linear: (n) => 3 * n + 5,
  quadratic: (n) => n * (n - 1) / 2 + n,
};
const stepsAt = (series, kind) => ({ n: series.n, y: series.n.map(STEPS[kind]) });

const fixtureFiles = () => fs.readdirSync(fixtures).filter((f) => f.endsWith('.csv')).sort();
const trueClass = (file) => CLASS_OF[file.split('__')[0]];

// ---------------------------------------------------------------- tests

test('every real-timing fixture, judged against its true class and one class below, in wasm and native', (t) => {
  const files = fixtureFiles();
  assert.ok(files.length >= 60);
  const tally = {};
  for (const file of files) {
    const cls = trueClass(file);
    assert.ok(cls, `${file}: class from the name`);
    const series = readCsv(path.join(fixtures, file));
    const rank = CLASSES.indexOf(cls);
    for (const target of rank > 0 ? [cls, CLASSES[rank - 1]] : [cls]) {
      const wasm = wasmJudge(target, series);
      assertSame(wasm, nativeJudge(target, path.join(fixtures, file)), `${file} vs ${target}`);
      assert.equal(wasm.decided_by === 'none', wasm.verdict === 'inconclusive', `${file}: decided_by`);
      const key = `${target === cls ? 'true class' : 'one below'}: ${wasm.verdict}`;
      tally[key] = (tally[key] || 0) + 1;
    }
  }
  t.diagnostic(JSON.stringify(tally));
});

test('time with exact step counts (flat, linear, quadratic) agrees between wasm and native', () => {
  const files = fixtureFiles().filter((f) => /^(n|n2)__/.test(f));
  assert.ok(files.length >= 10);
  const seen = new Set();
  for (const file of files) {
    const time = readCsv(path.join(fixtures, file));
    for (const kind of Object.keys(STEPS)) {
      const steps = stepsAt(time, kind);
      const stepsFile = writeCsv(`steps-${kind}-${file}`, steps);
      for (const target of ['O(1)', 'O(n)']) {
        const wasm = wasmJudge(target, time, steps);
        assertSame(wasm, nativeJudge(target, path.join(fixtures, file), stepsFile), `${file} + ${kind} steps vs ${target}`);
        seen.add(wasm.decided_by);
      }
    }
  }
  // Quadratic lines fail O(n) by steps; flat lines under O(n) time leave time to decide.
  assert.ok(seen.has('steps') && seen.has('time'), [...seen].join(', '));
});

test('a call that ran out of time: fail against a fast reference, not against a slow one', () => {
  const file = path.join(fixtures, fixtureFiles().find((f) => f.startsWith('n__')));
  const time = readCsv(file);
  const fast = [4000, 2, 0.003];
  const wasm = wasmJudge('O(n)', time, null, fast);
  assertSame(wasm, nativeJudge('O(n)', file, null, fast), 'too slow, fast reference');
  assert.equal(wasm.verdict, 'fail');
  assert.match(wasm.reason, /at n = 4000 yours took over 2 s; the reference takes 3 ms/);
  assert.equal(wasm.too_slow.verdict, 'fail');
  const slow = [4000, 2, 0.5];
  const wasmSlow = wasmJudge('O(n)', time, null, slow);
  assertSame(wasmSlow, nativeJudge('O(n)', file, null, slow), 'too slow, slow reference');
  assert.notEqual(wasmSlow.decided_by, 'too_slow');
  assert.equal(wasmSlow.too_slow.verdict, 'inconclusive');
});

test('one or two sizes are inconclusive, not errors, in both builds', () => {
  for (const sizes of [[1000], [1000, 2000]]) {
    const series = { n: sizes.flatMap((n) => [n, n, n]), y: sizes.flatMap((n) => [n * 1e-6, n * 1.1e-6, n * 0.9e-6]) };
    const file = writeCsv(`sizes-${sizes.length}.csv`, series);
    const wasm = wasmJudge('O(n)', series);
    assertSame(wasm, nativeJudge('O(n)', file), `${sizes.length} sizes`);
    assert.equal(wasm.verdict, 'inconclusive');
    assert.equal(wasm.reason, `only ${sizes.length} size${sizes.length > 1 ? 's' : ''} measured`);
  }
});

test('the text output is the verdict, then the reason', () => {
  const file = path.join(fixtures, fixtureFiles().find((f) => f.startsWith('n2__')));
  const lines = nativeJudge('O(n)', file, null, null, false).split('\n');
  const json = nativeJudge('O(n)', file);
  assert.equal(lines[0], json.verdict);
  assert.equal(lines[1], json.reason);
  assert.equal(lines[2], `decided by: ${json.decided_by}`);
});

test('the class list comes from the core, the same in both builds', () => {
  const pointer = core._api_classes();
  let wasm;
  try { wasm = JSON.parse(core.UTF8ToString(pointer)); } finally { core._api_free(pointer); }
  const native = JSON.parse(execFileSync(cli, ['classes', '--json'], { encoding: 'utf8' }));
  assert.deepEqual(wasm, native);
  assert.deepEqual(native.classes, CLASSES);
  assert.deepEqual(execFileSync(cli, ['classes'], { encoding: 'utf8' }).trim().split('\n'), CLASSES);
});

test('bad targets and arguments are errors in words', () => {
  const file = path.join(fixtures, fixtureFiles()[0]);
  const run = (...args) => spawnSync(cli, ['fit', ...args], { encoding: 'utf8' });
  let r = run('--target', 'O(m)', file);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown class 'O\(m\)' for --target; the classes are O\(1\), O\(log n\), O\(n\)/);
  r = run('--steps', file, file);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /need --target/);
  r = run('--target', 'O(n)', '--too-slow', '4000,2', file);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--too-slow wants N,SECONDS,REF_SECONDS/);
  assert.match(wasmJudge('O(m)', readCsv(file)).error, /unknown target class 'O\(m\)'/);
  assert.match(wasmJudge('O(n)', { n: [1, 2, 3], y: [1, -1, 2] }).error, /^time: every value/);
});
