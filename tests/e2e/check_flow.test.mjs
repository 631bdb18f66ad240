// check_flow.js in Node, with fake transports (no browser): the order of a
// Check and what the learner is told. Tests compared by key, results compared
// with the reference's at every size, tampering and errors named in words,
// an inconclusive verdict measured again, a terminated worker turned into a
// too-slow reading with the curve so far, Stop, and a pass only from the judge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCheck, compareResults, namedClass } from '../../web/src/check_flow.js';

const EX = { name: 'f', check: 'TESTS = []', solution: 'def f(x): return x', time: 'O(n)' };
const SIZES = [1000, 2000, 4000];

function startAnswer(over = {}) {
  return {
    plan: { sizes: SIZES, repeats: 2, limit_s: 2, budget_s: 10 },
    tests: [{ index: 1, call: 'f(1)', expected: '1', expected_key: 'int:1', actual: '1', actual_key: 'int:1' }],
    expected: Object.fromEntries(SIZES.map((n) => [String(n), [{ key: `int:${n}`, repr: String(n) }, { key: `int:${n + 1}`, repr: String(n + 1) }]])),
    reference: { rows: SIZES.map((n) => ({ n, time: [n * 1e-7, n * 1.1e-7] })), series: null },
    load_error: null, tampered: [], notes: [],
    ...over,
  };
}

function row(n, keys = [`int:${n}`, `int:${n + 1}`]) {
  return { n, time: [n * 1e-6, n * 1.2e-6], loops: 1, steps: n * 3, peak_bytes: null, results: keys.map((key) => ({ key, repr: key.slice(4) })) };
}

function roundAnswer(over = {}) {
  const rows = over.rows || SIZES.map((n) => row(n));
  return {
    rows, series: { time: { n: rows.map((r) => r.n), y: rows.map((r) => r.time[0]) }, steps: { n: rows.map((r) => r.n), y: rows.map((r) => r.steps) }, memory: null },
    too_slow: null, cached: false, mutates: false, more_possible: true, complete: true, reason: null, tampered: [], notes: [],
    ...over,
  };
}

const judged = (verdict, extra = {}) => ({
  target: 'O(n)', verdict, reason: `${verdict} reason`, decided_by: 'time+steps', disagree: false,
  time: { best: verdict === 'fail' ? 'O(n^2)' : 'O(n)', confidence: 0.95 }, steps: { best: 'O(n)', verdict: 'pass' }, ...extra,
});

function transports({ start = startAnswer(), rounds = [roundAnswer()], judge = [judged('pass')] } = {}) {
  const calls = { start: 0, round: 0, judge: [] };
  return {
    calls,
    start: async (req, hooks) => {
      calls.start += 1;
      calls.startReq = req;
      const answer = typeof start === 'function' ? start() : start;
      // As worker_host does: the expected results leave before learner code runs.
      if (!answer.error && !answer.forged) {
        hooks?.progress({ fraction: 0.35, message: 'reference solution measured',
          row: { expected: answer.expected, expected_tests: (answer.tests || []).map((t) => t.expected_key) } });
      }
      return answer;
    },
    round: async (req, hooks) => {
      const r = rounds[Math.min(calls.round, rounds.length - 1)];
      calls.round += 1;
      return typeof r === 'function' ? r(req, hooks) : r;
    },
    judge: async (args) => {
      if (args.purpose === 'sizes') { calls.sizesQueries = (calls.sizesQueries || 0) + 1; return { verdict: 'inconclusive', sizes_needed: 3 }; }
      calls.judge.push(args);
      return judge[Math.min(calls.judge.length - 1, judge.length - 1)];
    },
  };
}

test('a pass needs the tests, the results and the judge: then it names the target', async () => {
  const t = transports();
  const out = await runCheck(EX, 'code', t, { seed: 7 });
  assert.equal(out.state, 'pass', out.summary);
  assert.match(out.summary, /^Passed: all 1 tests pass and your function meets the target \(O\(n\) time\)/);
  assert.equal(t.calls.startReq.seed, 7);
  assert.equal(t.calls.startReq.min_sizes, 3, 'the plan asks the judge how many sizes a verdict needs');
  assert.deepEqual(t.calls.startReq.metrics, ['time']);
  assert.equal(t.calls.judge[0].target, 'O(n)');
  assert.ok(t.calls.judge[0].steps, 'steps go to the judge with time');
  assert.equal(out.verdicts[0].verdict, 'pass');
});

test('a test whose key differs fails, whatever the repr says', async () => {
  const start = startAnswer({ tests: [{ index: 1, call: 'f(1)', expected: '1', expected_key: 'int:1', actual: '1', actual_key: 'float:1.0' }] });
  const t = transports({ start });
  const out = await runCheck(EX, 'code', t);
  assert.equal(out.state, 'fail');
  assert.equal(out.summary, '1 of 1 tests failed. Fix them, then check again.');
  assert.equal(t.calls.round, 0, 'nothing is measured');
});

test('a result that differs from the reference at a measured size fails in words', async () => {
  const rows = [row(1000), row(2000), row(4000, ['int:4000', 'int:17'])];
  const out = await runCheck(EX, 'code', transports({ rounds: [roundAnswer({ rows })] }));
  assert.equal(out.state, 'fail');
  assert.match(out.summary, /at n = 4000 your result differs from the reference's: yours 17, expected 4001/);
  assert.deepEqual(compareResults(rows, startAnswer().expected).mismatch, { n: 4000, repeat: 1, yours: '17', expected: '4001' });
});

test('tampering fails and says the Check cannot be trusted', async () => {
  const out = await runCheck(EX, 'code', transports({ rounds: [roundAnswer({ tampered: ['bool'] })] }));
  assert.equal(out.state, 'fail');
  assert.equal(out.summary, 'Your code changed the checker or built-ins (bool); the Check cannot be trusted.');
});

test('a measurement that changes after it was reported fails the Check as tampered', async () => {
  // As check_session does: each row leaves as it is measured; then learner
  // code that reached the checker's rows rewrote the first repeat at 4000.
  const honest = SIZES.map((n) => row(n));
  const forged = honest.map((r) => (r.n === 4000 ? { ...r, time: [1e-9, r.time[1]] } : r));
  const reportThen = (final) => (req, hooks) => {
    for (const r of honest) hooks.progress({ fraction: 0.5, message: `n = ${r.n}`, row: r });
    return roundAnswer({ rows: final });
  };
  let out = await runCheck(EX, 'code', transports({ rounds: [reportThen(forged)] }));
  assert.equal(out.state, 'fail');
  assert.ok(out.tampered.some((t) => /measurements at n = 4000 changed after they were taken/.test(t)), out.tampered.join('; '));
  // A series point that is none of the reported values is caught the same way.
  const seriesForged = () => (req, hooks) => {
    for (const r of honest) hooks.progress({ fraction: 0.5, message: `n = ${r.n}`, row: r });
    const answer = roundAnswer({ rows: honest });
    answer.series.time.y[0] = 1e-12;
    return answer;
  };
  out = await runCheck(EX, 'code', transports({ rounds: [seriesForged()] }));
  assert.ok(out.tampered.some((t) => /n = 1000 changed/.test(t)), out.tampered.join('; '));
  // Reports that only add repeats are honest.
  const more = honest.map((r) => ({ ...r, time: [...r.time, r.time[0]] }));
  out = await runCheck(EX, 'code', transports({ rounds: [reportThen(more)] }));
  assert.deepEqual(out.tampered, []);
  assert.equal(out.state, 'pass', out.summary);
});

test('an error while measuring, after every test passed, says exactly that', async () => {
  const error = { kind: 'ValueError', message: 'boom', line: 3, n: 4000 };
  const out = await runCheck(EX, 'code', transports({ rounds: [roundAnswer({ error, reason: 'error' })] }));
  assert.equal(out.state, 'fail');
  assert.equal(out.summary, 'All 1 tests pass, but your code raised an error while it was being measured at n = 4000: ValueError on line 3: boom.');
});

test('inconclusive measures again before anything is shown, then the judge decides', async () => {
  const t = transports({ rounds: [roundAnswer(), roundAnswer()], judge: [judged('inconclusive'), judged('pass')] });
  const out = await runCheck(EX, 'code', t);
  assert.equal(t.calls.round, 2);
  assert.equal(out.rounds, 2);
  assert.equal(out.state, 'pass');
});

test('a judge that asks for more sizes (too short a range) gets them in the next round', async () => {
  const requests = [];
  const answer = (req) => { requests.push(req); return roundAnswer(); };
  const narrow = judged('inconclusive', { reason: 'only from n = 1000 to 4000 (4.0x)', sizes_needed: 4 });
  const t = transports({ rounds: [answer, answer], judge: [narrow, judged('pass')] });
  const out = await runCheck(EX, 'code', t);
  assert.deepEqual(requests.map((r) => r.min_sizes), [undefined, 4]);
  assert.equal(out.state, 'pass');
});

test('inconclusive stays inconclusive when no more is possible', async () => {
  const t = transports({ rounds: [roundAnswer({ more_possible: false })], judge: [judged('inconclusive')] });
  const out = await runCheck(EX, 'code', t);
  assert.equal(t.calls.round, 1);
  assert.equal(out.state, 'inconclusive');
  assert.match(out.summary, /This is not a fail: press "Measure again"/);
});

test('a fail names the class and the judge\'s reason', async () => {
  const out = await runCheck(EX, 'code', transports({ judge: [judged('fail', { decided_by: 'time', reason: 'time grows as O(n^2)' })] }));
  assert.equal(out.state, 'fail');
  assert.equal(namedClass(out.verdicts[0]), 'O(n^2)');
  assert.equal(out.summary, 'All 1 tests pass, but your function misses the O(n) time target (it grows as O(n²)). Compare your curve with the reference\'s below.');
});

test('a worker terminated mid-call gives a too-slow reading at the next size, and keeps the curve so far', async () => {
  const round = async (req, hooks) => {
    hooks.progress({ fraction: 0.3, message: 'n = 1000', row: row(1000) });
    hooks.progress({ fraction: 0.6, message: 'n = 2000', row: row(2000) });
    throw Object.assign(new Error('killed'), { kind: 'watchdog', seconds: 2 });
  };
  const slow = judged('fail', { decided_by: 'too_slow', reason: 'at n = 4000 yours took over 2 s; the reference takes 0.4 ms' });
  const t = transports({ rounds: [round], judge: [slow] });
  const out = await runCheck(EX, 'code', t);
  assert.deepEqual(t.calls.judge[0].too_slow, { n: 4000, seconds: 2, ref_seconds: 4000 * 1e-7 });
  assert.equal(out.rows.length, 2, 'the rows reported before the worker died');
  assert.equal(out.state, 'fail');
  assert.equal(out.summary, 'All 1 tests pass, but your function is too slow: at n = 4000 yours took over 2 s; the reference takes 0.4 ms.');
});

test('a pass is never given from a measurement that was cut short', async () => {
  const round = async () => { throw Object.assign(new Error('killed'), { kind: 'watchdog', seconds: 2 }); };
  const out = await runCheck(EX, 'code', transports({ rounds: [round], judge: [judged('pass')] }));
  assert.equal(out.state, 'inconclusive');
});

test('Stop gives a stopped outcome, neither pass nor fail', async () => {
  let stop = false;
  const round = async () => { stop = true; throw Object.assign(new Error('Stopped.'), { kind: 'stopped' }); };
  const out = await runCheck(EX, 'code', transports({ rounds: [round] }), { shouldStop: () => stop });
  assert.equal(out.state, 'stopped');
});

test('a load error and a failing check cell are told apart', async () => {
  const load = await runCheck(EX, 'code', transports({ start: startAnswer({ load_error: { kind: 'SyntaxError', message: 'invalid syntax', line: 2 } }) }));
  assert.equal(load.state, 'fail');
  assert.match(load.summary, /^Your code could not be loaded: SyntaxError on line 2: invalid syntax/);
  const ref = await runCheck(EX, 'code', transports({ start: startAnswer({ error: { kind: 'NameError', message: 'x', where: 'reference solution' } }) }));
  assert.equal(ref.state, 'error');
  assert.match(ref.summary, /problem with the exercise, not with your code/);
});

test('memory is judged against the space target, without steps', async () => {
  const rows = [1, 2, 3].map((n) => ({ ...row(n), peak_bytes: 5 }));
  const t = transports({ rounds: [roundAnswer({ rows, series: { time: { n: [1], y: [rows[0].time[0]] }, steps: null, memory: { n: [1, 2, 3], y: [5, 5, 5] } } })] });
  await runCheck({ ...EX, space: 'O(1)' }, 'code', t);
  assert.equal(t.calls.judge.length, 2);
  assert.deepEqual(t.calls.judge[1], { target: 'O(1)', time: { n: [1, 2, 3], y: [5, 5, 5] }, steps: null, too_slow: null });
  assert.deepEqual(t.calls.startReq.metrics, ['time', 'memory']);
});

test('expected results that changed after the learner\'s code ran fail the Check as tampered', async () => {
  const honest = startAnswer();
  const forged = { ...honest, forged: true };
  const t = transports({ start: forged });
  const outcome = await runCheck(EX, 'code', t);
  assert.equal(outcome.state, 'fail');
  assert.match(outcome.summary, /expected results changed/);
});
