// The page's Check, end to end, in Pyodide under Node: web/src/check_flow.js
// driving web/py/worker_host.py (tools/pyodide_node/pyodide_host.mjs, a fresh
// interpreter per Check as in the page) and judged by the core. Reference
// solutions pass, naive ones fail with the right reason, hostile code is
// contained, and Pyodide and desktop CPython build the same canonical keys.
// Nothing here asserts an absolute time.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCheck } from '../../web/src/check_flow.js';
import { checkTransports, cliJudge, ROOT } from '../../tools/pyodide_node/pyodide_host.mjs';
import { splitCells } from '../../tools/content/parse_cells.mjs';

const judge = cliJudge();
const open = [];
after(async () => { for (const t of open) await t.close().catch(() => {}); });

/** {name, check, solution, naive, time, space} of one exercise, from content/. */
function exercise(topic, name) {
  const cells = (f) => splitCells(fs.readFileSync(path.join(ROOT, 'content', topic, f), 'utf8'));
  const ex = cells('exercises.py');
  const sol = cells('solutions.py');
  const find = (list, kind) => list.find((c) => c.kind === kind && c.name === name);
  const cell = find(ex, 'exercise');
  return {
    name, check: find(ex, 'check').code, solution: find(sol, 'solution').code, naive: find(sol, 'naive')?.code,
    time: cell.headers.time, space: cell.headers.space,
  };
}

async function check(ex, code, seed = 1) {
  const t = await checkTransports({ judge });
  open.push(t);
  try {
    return await runCheck(ex, code, t, { seed, maxRounds: 3 });
  } finally {
    await t.close();
  }
}

const countPairs = exercise('03_time_complexity', 'count_pairs');

for (const [topic, name] of [['03_time_complexity', 'count_pairs'], ['05_big_o_notation', 'count_in_range'],
  ['04_space_complexity', 'is_palindrome']]) {
  test(`${name}: the reference passes, the naive version fails as too slow`, async () => {
    const ex = exercise(topic, name);
    const ref = await check(ex, ex.solution);
    assert.equal(ref.state, 'pass', ref.summary);
    const naive = await check(ex, ex.naive);
    assert.equal(naive.state, 'fail', naive.summary);
    assert.ok(naive.tests.every((t) => t.passed), 'the naive version is correct');
    assert.equal(naive.mismatch, null);
    assert.ok(naive.verdicts.some((v) => v.verdict === 'fail'), JSON.stringify(naive.verdicts.map((v) => v.reason)));
  });
}

test('max_loot: exponential recursion is too slow where the reference takes microseconds', async () => {
  const ex = exercise('06_optimization_techniques', 'max_loot');
  const out = await check(ex, ex.naive);
  assert.equal(out.state, 'fail', out.summary);
  // Either a size took too long (and the reference's time at it is shown),
  // or the sizes that fitted already show the growth: both fail it in words.
  const slow = out.tooSlow && out.tooSlow.ref_seconds * 20 < out.tooSlow.seconds;
  const named = out.verdicts.some((v) => v.metric === 'time' && v.verdict === 'fail' && v.cls === 'O(2^n)');
  assert.ok(slow || named, `${out.summary} ${JSON.stringify(out.tooSlow)}`);
});

test('a cross-call cache (lru_cache on tuple(nums)) does not pass an O(n^2) function', async () => {
  const code = `from functools import lru_cache\n\n@lru_cache(None)\ndef _pairs(nums, target):\n${
    countPairs.naive.split('\n').slice(1).join('\n')}\n\ndef count_pairs(nums, target):\n    return _pairs(tuple(nums), target)\n`;
  const out = await check(countPairs, code);
  assert.equal(out.state, 'fail', out.summary);
  const rows = out.rows.filter((r) => typeof r.steps === 'number');
  const [a, b] = [rows[0], rows[rows.length - 1]];
  assert.ok(rows.length >= 2 && b.steps / a.steps > 0.5 * (b.n / a.n) ** 2,
    `the lines are counted on inputs the cache has not seen: ${rows.map((r) => `${r.n}:${r.steps}`).join(' ')}`);
});

test('patching builtins is reported, and a wrong answer after it still fails', async () => {
  const hostile = await check(countPairs, 'import builtins\nbuiltins.bool = lambda *a: True\n\ndef count_pairs(nums, target):\n    return -1\n');
  assert.equal(hostile.state, 'fail');
  assert.ok(hostile.tampered.some((t) => t.includes('builtins.bool')), hostile.tampered.join('; '));
  const wrong = await check(countPairs, 'def count_pairs(nums, target):\n    return -1\n');
  assert.equal(wrong.state, 'fail');
  assert.deepEqual(wrong.tampered, []);
});

test('a trace function, the caller\'s frame and gc are refused; code that looks at its own frames is not', async () => {
  // The trace function rewrote the times as they were recorded: O(n^2) passed as O(n).
  const trace = await check(countPairs, `import sys\n\ndef _local(frame, event, arg):\n    row = frame.f_locals.get("row")\n    if isinstance(row, dict) and isinstance(row.get("time"), list):\n        row["time"][:] = [2e-8 * row["n"]] * len(row["time"])\n    return _local\n\nsys.settrace(lambda f, e, a: _local if f.f_code.co_name == "measure_size" else None)\n\n${countPairs.naive}`);
  assert.equal(trace.state, 'fail', trace.summary);
  assert.ok(trace.tampered.some((t) => t.startsWith('sys.settrace was refused')), trace.tampered.join('; '));
  const climb = await check(countPairs, `import sys\n\n${countPairs.naive.replace('):\n', '):\n    sys._getframe(1).f_locals\n')}`);
  assert.equal(climb.state, 'fail', climb.summary);
  assert.ok(climb.tampered.some((t) => t.includes("one of the checker's frames")), climb.tampered.join('; '));
  const ordinary = await check(countPairs, `import collections, sys, warnings\nPair = collections.namedtuple("Pair", "a b")\n${countPairs.solution.replace('):\n', '):\n    sys._getframe(0)\n    warnings.warn("careful")\n')}`);
  assert.deepEqual(ordinary.tampered, []);
  assert.ok(ordinary.tests.length && ordinary.tests.every((t) => t.passed), ordinary.summary);
});

test('the checker cannot be imported, and exit() is an error, not a crash', async () => {
  const imp = await check(countPairs, `import checker\n${countPairs.solution}`);
  assert.equal(imp.state, 'fail');
  assert.match(imp.summary, /checker/);
  const exit = await check(countPairs, 'import sys\nsys.exit(0)\n');
  assert.equal(exit.state, 'fail');
  assert.match(exit.summary, /exit/);
  const osExit = await check(countPairs, countPairs.solution.replace('def count_pairs(nums, target):',
    'def count_pairs(nums, target):\n    if len(nums) > 1000:\n        import os\n        os._exit(1)'));
  assert.equal(osExit.state, 'fail', osExit.summary);
  assert.match(osExit.summary, /exit/);
});

test('an endless loop is stopped by the watchdog, even one that swallows KeyboardInterrupt', async () => {
  const loop = await check(countPairs, 'def count_pairs(nums, target):\n    while True:\n        pass\n');
  assert.equal(loop.state, 'fail', loop.summary);
  assert.ok(loop.tests[0].tooSlow, JSON.stringify(loop.tests[0]));
  const stubborn = await check(countPairs, 'def count_pairs(nums, target):\n    while True:\n        try:\n'
    + '            while True:\n                pass\n        except BaseException:\n            pass\n');
  assert.equal(stubborn.state, 'fail', stubborn.summary);
});

test('a loop written on one line (a generator expression) is counted once per turn, not once', async () => {
  const oneLine = 'def count_pairs(nums, target):\n    return sum(1 for i in range(len(nums)) for j in range(i + 1, len(nums)) if nums[i] + nums[j] == target)\n';
  const out = await check(countPairs, oneLine);
  assert.equal(out.state, 'fail', out.summary);
  const rows = out.rows.filter((r) => typeof r.steps === 'number');
  assert.ok(rows.length >= 2, `steps at ${rows.length} sizes`);
  const [a, b] = [rows[0], rows[rows.length - 1]];
  const growth = Math.log(b.steps / a.steps) / Math.log(b.n / a.n);
  assert.ok(growth > 1.8, `steps grow as n^${growth.toFixed(2)}: ${rows.map((r) => `${r.n}:${r.steps}`).join(' ')}`);
});

test('a function that is wrong only at large n fails at the size where it is wrong', async () => {
  const code = countPairs.solution.replace(/return (\w+)\s*$/, 'return $1 + (len(nums) > 2000)\n');
  assert.notEqual(code, countPairs.solution);
  const out = await check(countPairs, code);
  assert.equal(out.state, 'fail', out.summary);
  assert.ok(out.mismatch && out.mismatch.n > 2000, JSON.stringify(out.mismatch));
});

test('Pyodide and desktop CPython build the same canonical keys', async () => {
  const ex = exercise('02_references_vs_values', 'fork_and_append');
  const request = { name: ex.name, check: ex.check, solution: ex.solution, code: ex.solution, seed: 3, metrics: ['time'] };
  const t = await checkTransports({ judge });
  open.push(t);
  const fromPyodide = await t.start(request, { progress() {} });
  await t.close();
  const script = [
    'import json, sys', `sys.path.insert(0, ${JSON.stringify(path.join(ROOT, 'web', 'py'))})`,
    'import check_cli, worker_host', 'print(worker_host.check_start(sys.stdin.read(), check_cli.Hooks()))',
  ].join('\n');
  const p = spawnSync('python3', ['-B', '-c', script], { input: JSON.stringify(request), encoding: 'utf8' });
  if (p.error) return;          // no python3 here: tests/py covers CPython
  assert.equal(p.status, 0, p.stderr);
  const fromCPython = JSON.parse(p.stdout.trim().split('\n').pop());
  assert.deepEqual(fromPyodide.tests.map((x) => x.expected_key), fromCPython.tests.map((x) => x.expected_key));
  const common = Object.keys(fromPyodide.expected).filter((n) => n in fromCPython.expected);
  assert.ok(common.length >= 3, `sizes in both: ${common}`);
  for (const n of common) assert.deepEqual(fromPyodide.expected[n], fromCPython.expected[n], `n = ${n}`);
  assert.ok(fromPyodide.tests.every((x) => x.actual_key === x.expected_key));
});
