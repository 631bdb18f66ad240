// check_flow.js -- the one JS orchestration of an exercise Check, used by
// the page (exercise_section.js) and by the Node runner. No DOM: the
// transports are injected, so the same loop runs against a Pyodide worker
// and the wasm core in the browser, or a direct Pyodide and core in Node.
//
//   const outcome = await runCheck(ex, code, {start, round, judge}, options)
//
//   ex          {name, check, solution, time, space?} as in the topic JSON
//   start(req, hooks)  -> worker_host.check_start's answer (parsed)
//   round(req, hooks)  -> worker_host.check_round's answer (parsed)
//   judge({target, time, steps, too_slow}) -> api_judge's answer (parsed);
//               time/steps are {n: [], y: []} or null, too_slow
//               {n, seconds, ref_seconds} or null
//   hooks       {progress(p)}: call it with each {fraction, message, row}
//               the worker reports, so the rows measured so far survive a
//               worker that has to be terminated
//   options     {seed, clock() -> ms, budgetS, maxRounds, shouldStop(),
//                onUpdate(view)}; view = {phase: 'start' | 'round', round,
//                fraction, message, plan, reference: rows, rows}
//
// The order: check_start (the reference is measured, then the learner's
// code is loaded and the tests run) -> every test compared by canonical key
// -> round 0, 1, ...: every measured result compared with the reference's
// at the same n and repeat, then the core judges time (+ steps) against
// ex.time and memory against ex.space; an inconclusive verdict measures
// again while the worker says more is possible and the budget lasts.
//
// The outcome (what the page shows, and the only source of a pass):
//   {state: 'pass' | 'fail' | 'inconclusive' | 'stopped' | 'error',
//    summary,                     one sentence for the learner
//    why,                         null on a pass, else one word for programs:
//                                 'wrong' (a test or a measured result differs),
//                                 'slow' (misses a target), 'too_slow', 'error'
//                                 (raised or did not load), 'tampered',
//                                 'inconclusive', 'stopped', 'checker', 'judge', 'crashed'
//    tests: [{index, call, expected, actual, message, passed, tooSlow, stopped}],
//    verdicts: [{metric, target, verdict, reason, decided_by, disagree, fit, steps, too_slow, cls}],
//    reference: {rows, series}, rows, series,   the learner's cumulative measurements
//    tooSlow, mismatch, tampered, error, notes, plan, seed, rounds, cutShort}

import { prettyClass } from './complexity.js';

export const MAX_ROUNDS = 4;
export const DEFAULT_BUDGET_S = 20;   // wall clock for all rounds: no new round starts after it

const defaultClock = () => globalThis.performance.now();

function randomSeed() {
  const c = globalThis.crypto;
  if (c?.getRandomValues) return c.getRandomValues(new Uint32Array(1))[0] & 0x7fffffff;
  return Math.floor(Math.random() * 2 ** 31);
}

const prettyText = (text) => prettyClass(text ?? '');

function describeError(err) {
  if (!err) return 'an unknown error';
  const where = err.line ? ` on line ${err.line}` : '';
  const kind = err.kind && !['error'].includes(err.kind) ? err.kind : 'Error';
  return `${kind}${where}${err.message ? `: ${err.message}` : ''}`;
}

function cut(text, limit = 80) {
  const s = String(text ?? '');
  return s.length <= limit ? s : `${s.slice(0, limit - 11)} … ${s.slice(-8)}`;
}

function bestOf(values) {
  const v = (Array.isArray(values) ? values : [values]).filter((x) => typeof x === 'number' && Number.isFinite(x));
  return v.length ? Math.min(...v) : null;
}

// ------------------------------------------------------------- comparing --

/** Tests with `passed` decided by canonical key, never by the learner's __eq__. */
export function compareTests(tests) {
  return (tests || []).map((t) => ({
    index: t.index, call: t.call, expected: t.expected, actual: t.actual, message: t.message || '',
    passed: typeof t.expected_key === 'string' && t.actual_key === t.expected_key,
    tooSlow: t.actual_key === '<too slow>', stopped: t.actual_key === '<stopped>',
  }));
}

/**
 * The first measured result that differs from the reference's at the same n
 * and repeat: {n, repeat, yours, expected} or null. compared counts the
 * results that had a reference to compare with.
 */
export function compareResults(rows, expected) {
  let compared = 0;
  for (const row of rows || []) {
    const want = expected?.[String(row.n)];
    if (!Array.isArray(want) || !Array.isArray(row.results)) continue;
    for (let r = 0; r < row.results.length && r < want.length; r++) {
      const got = row.results[r];
      if (!got || !want[r]) continue;
      compared += 1;
      if (got.key !== want[r].key) return { mismatch: { n: row.n, repeat: r, yours: got.repr, expected: want[r].repr }, compared };
    }
  }
  return { mismatch: null, compared };
}

// ------------------------------------------------------------------ rows --

/** Rows by n, a later row for the same n replacing the earlier one. */
function mergeRows(into, rows) {
  const byN = new Map(into.map((r) => [r.n, r]));
  for (const row of rows || []) if (row && Number.isFinite(row.n)) byN.set(row.n, row);
  return [...byN.values()].sort((a, b) => a.n - b.n);
}

/**
 * Adds one report of a learner row to `record` (n -> the values as they
 * left Python). A value, once reported, may not change: a later report of
 * the same size may only add repeats. Learner code that climbs its own
 * frames to the checker's rows (the route guard.py cannot refuse) could
 * otherwise rewrite measurements already taken. False when it changed.
 */
export function recordRow(record, row) {
  if (!row || !Number.isFinite(row.n)) return true;
  const seen = record.get(row.n);
  const now = {
    time: Array.isArray(row.time) ? [...row.time] : [],
    results: Array.isArray(row.results) ? row.results.map((r) => r?.key) : [],
    steps: row.steps ?? null,
    peak_bytes: row.peak_bytes ?? null,
  };
  if (!seen) { record.set(row.n, now); return true; }
  const extends_ = (before, after) => before.length <= after.length && before.every((v, i) => v === after[i]);
  const kept = (before, after) => before === null || before === after;
  const ok = extends_(seen.time, now.time) && extends_(seen.results, now.results)
    && kept(seen.steps, now.steps) && kept(seen.peak_bytes, now.peak_bytes);
  if (ok) record.set(row.n, now);
  return ok;
}

/** Sizes whose series points (as the worker sent them) are not values it reported in its rows. */
export function seriesNotInRecord(record, series) {
  const bad = new Set();
  const check = (s, has) => {
    if (!s?.n) return;
    s.n.forEach((n, i) => { const r = record.get(n); if (!r || !has(r, s.y[i])) bad.add(n); });
  };
  check(series?.time, (r, y) => r.time.includes(y));
  check(series?.steps, (r, y) => r.steps === y);
  check(series?.memory, (r, y) => r.peak_bytes === y);
  return [...bad];
}

/** {time, steps, memory} series from rows, one point per n (the best repeat). */
export function seriesFromRows(rows) {
  const out = { time: { n: [], y: [] }, steps: { n: [], y: [] }, memory: { n: [], y: [] } };
  for (const row of rows || []) {
    const t = bestOf(row.time);
    if (t !== null) { out.time.n.push(row.n); out.time.y.push(t); }
    if (typeof row.steps === 'number') { out.steps.n.push(row.n); out.steps.y.push(row.steps); }
    if (typeof row.peak_bytes === 'number') { out.memory.n.push(row.n); out.memory.y.push(row.peak_bytes); }
  }
  for (const k of Object.keys(out)) if (!out[k].n.length) out[k] = null;
  return out;
}

// ------------------------------------------------------------- verdicts --

/** The class a failing verdict names, or null (too slow, or no class). */
export function namedClass(v) {
  if (!v || v.decided_by === 'too_slow') return null;
  const fromSteps = String(v.decided_by || '').includes('steps') && v.steps?.verdict === 'fail';
  const fit = fromSteps ? v.steps : v.fit;
  const best = fit?.best;
  if (best && best !== 'inconclusive') return best;
  return null;
}

function verdictEntry(metric, target, j) {
  const v = {
    metric, target, verdict: j?.verdict || 'inconclusive', reason: j?.reason || '',
    decided_by: j?.decided_by || 'none', disagree: Boolean(j?.disagree),
    sizes_needed: Number.isInteger(j?.sizes_needed) ? j.sizes_needed : 0,
    fit: j?.time || null, steps: j?.steps || null, too_slow: j?.too_slow || null,
  };
  v.cls = namedClass(v);
  return v;
}

const METRIC_WORDS = { time: 'time', memory: 'extra memory' };

// ------------------------------------------------------------------ flow --

/** Runs one Check; resolves with the outcome (never rejects for the learner's code). */
export async function runCheck(ex, code, transports, options = {}) {
  const clock = options.clock || defaultClock;
  const shouldStop = options.shouldStop || (() => false);
  const onUpdate = options.onUpdate || (() => {});
  const maxRounds = options.maxRounds ?? MAX_ROUNDS;
  const seed = options.seed ?? randomSeed();
  const metrics = ex.space ? ['time', 'memory'] : ['time'];
  const out = {
    state: 'error', summary: '', why: null, seed, plan: null, tests: [], verdicts: [],
    reference: { rows: [], series: null }, rows: [], series: null,
    tooSlow: null, mismatch: null, tampered: [], error: null, notes: [], rounds: 0, cutShort: false,
  };
  let phase = 'start';
  let round = 0;
  const update = (p = {}) => onUpdate({
    phase, round, fraction: p.fraction ?? 0, message: p.message ?? '', plan: out.plan, reference: out.reference.rows, rows: out.rows,
  });
  // The reference's results, as they left Python before any learner code
  // ran: the copy the Check trusts (check_start's copy must equal it).
  let sealed = null;
  // The learner's rows as they were reported, one measurement at a time.
  const reported = new Map();
  const changedAt = new Set();
  const hooks = {
    progress(p) {
      if (phase === 'start' && p?.row && 'expected' in p.row && !('n' in p.row)) {
        if (!sealed) sealed = p.row;
        update({ fraction: p.fraction, message: p.message });
        return;
      }
      if (p?.row) {
        if (phase === 'start') out.reference.rows = mergeRows(out.reference.rows, [p.row]);
        else {
          if (!recordRow(reported, p.row)) changedAt.add(p.row.n);
          out.rows = mergeRows(out.rows, [p.row]);
        }
      }
      update(p || {});
    },
  };
  const finish = (state, summary, why) => {
    out.state = state;
    out.summary = summary;
    out.why = why;
    out.notes = [...new Set(out.notes.filter(Boolean))];
    return out;
  };

  // 1. The reference, then the learner's code and the tests. The plan
  // needs as many sizes as the judge does: ask it (a one-size series is
  // inconclusive for want of sizes, and says how many), so the number has
  // one owner, the core.
  update();
  let start;
  try {
    const minSizes = await sizesTheJudgeNeeds(ex, transports);
    start = await transports.start({ name: ex.name, check: ex.check, solution: ex.solution, code, seed, metrics, min_sizes: minSizes }, hooks);
  } catch (err) {
    return failedRequest(out, err, 'start', finish);
  }
  out.plan = start.plan || null;
  out.reference = { rows: mergeRows(out.reference.rows, start.reference?.rows), series: start.reference?.series || null };
  out.notes.push(...(start.notes || []));
  out.tampered = [...(start.tampered || [])];
  if (start.error) {
    // Raised before the learner's code ran: the check cell or the reference.
    out.error = start.error;
    if (start.error.kind === 'stopped') return finish('stopped', 'Stopped before your code was tested.', 'stopped');
    return finish('error', `The check itself failed (${start.error.where || 'before your code ran'}): ${describeError(start.error)}. This is a problem with the exercise, not with your code.`, 'checker');
  }
  if (start.load_error) {
    out.error = start.load_error;
    if (start.load_error.kind === 'stopped') return finish('stopped', 'Stopped while your code was loading.', 'stopped');
    return finish('fail', `Your code could not be loaded: ${describeError(start.load_error)}. Nothing was tested.`, 'error');
  }
  const testKeys = (start.tests || []).map((t) => t.expected_key);
  if (!sealed || JSON.stringify(sealed.expected) !== JSON.stringify(start.expected)
      || JSON.stringify(sealed.expected_tests) !== JSON.stringify(testKeys)) {
    out.tampered.push('the expected results changed after your code ran');
  }
  out.tests = compareTests(start.tests);
  if (out.tampered.length) return tamperedOutcome(out, finish);
  const expected = sealed.expected;
  const failed = out.tests.filter((t) => !t.passed).length;
  if (out.tests.some((t) => t.stopped)) return finish('stopped', 'Stopped while the tests ran.', 'stopped');
  const slowTest = out.tests.find((t) => t.tooSlow);
  if (slowTest) {
    const limit = out.plan?.limit_s ? ` within ${out.plan.limit_s} s` : '';
    return finish('fail', `Your function did not finish test ${slowTest.index}${limit}, so it was stopped (an endless loop, or far too slow?). ${failed} of ${out.tests.length} tests failed.`, 'too_slow');
  }
  if (failed) return finish('fail', `${failed} of ${out.tests.length} tests failed. Fix them, then check again.`, 'wrong');
  const passedTests = out.tests.length ? `All ${out.tests.length} tests pass` : 'There are no tests';
  if (shouldStop()) return finish('stopped', 'Stopped before your function was measured.', 'stopped');

  // 2. Rounds of measuring the learner's function.
  phase = 'round';
  const roundsStarted = clock();
  const budgetS = options.budgetS ?? DEFAULT_BUDGET_S;   // plan.budget_s is one round's
  let result = null;
  let moreSizes = 0;
  for (;;) {
    out.rounds = round + 1;
    update();
    try {
      result = await transports.round(moreSizes ? { round, min_sizes: moreSizes } : { round }, hooks);
    } catch (err) {
      if (err?.kind === 'watchdog' || err?.kind === 'timeout') {
        out.cutShort = true;
        out.tooSlow = tooSlowFromRows(out, err);
        out.series = seriesFromRows(out.rows);
        break;
      }
      return failedRequest(out, err, 'round', finish, passedTests);
    }
    out.rows = mergeRows([], result.rows);
    out.series = result.series || seriesFromRows(out.rows);
    out.tooSlow = result.too_slow || null;
    out.notes.push(...(result.notes || []));
    for (const row of out.rows) if (!recordRow(reported, row)) changedAt.add(row.n);
    for (const n of seriesNotInRecord(reported, result.series)) changedAt.add(n);
    out.tampered = [...new Set([...out.tampered, ...(result.tampered || [])])];
    if (changedAt.size) {
      out.tampered.push(`your function's measurements at n = ${[...changedAt].sort((a, b) => a - b).join(', ')} changed after they were taken`);
    }
    if (out.tampered.length) return tamperedOutcome(out, finish);
    const error = result.error || null;
    if (error) {
      out.error = error;
      const at = Number.isFinite(error.n) ? ` at n = ${error.n}` : '';
      return finish('fail', `${passedTests}, but your code raised an error while it was being measured${at}: ${describeError(error)}.`, 'error');
    }
    const { mismatch, compared } = compareResults(out.rows, expected);
    if (mismatch) {
      out.mismatch = mismatch;
      return finish('fail', `${passedTests}, but at n = ${mismatch.n} your result differs from the reference's: yours ${cut(mismatch.yours)}, expected ${cut(mismatch.expected)}.`, 'wrong');
    }
    out.compared = compared;
    if (result.reason === 'stopped' || shouldStop()) break;
    out.verdicts = await judgeAll(ex, metrics, out, transports).catch((err) => err);
    if (out.verdicts instanceof Error) {
      out.error = { kind: 'judge', message: out.verdicts.message };
      out.verdicts = [];
      return finish('error', `The judge could not run: ${out.error.message}. Nothing was decided; press Check to try again.`, 'judge');
    }
    const undecided = out.verdicts.some((v) => v.verdict === 'inconclusive');
    const failing = out.verdicts.some((v) => v.verdict === 'fail');
    if (failing || !undecided) break;
    // The judge asks for more sizes when it had too few, or too short a range:
    // the next round measures one more past its budget.
    moreSizes = Math.max(moreSizes, ...out.verdicts.map((v) => v.sizes_needed || 0));
    if (!result.more_possible || round + 1 >= maxRounds || (clock() - roundsStarted) / 1000 >= budgetS) break;
    round += 1;
  }

  const planned = out.plan?.sizes?.length || 0;
  if (result?.reason === 'budget' && planned && out.rows.length < planned) {
    out.notes.push(`Your function was measured at ${out.rows.length} of ${planned} sizes: the next size would not have fit in the time budget.`);
  }
  if (shouldStop() || result?.reason === 'stopped') {
    return finish('stopped', out.rows.length ? 'Stopped: the sizes measured so far are shown.' : 'Stopped.', 'stopped');
  }
  if (out.cutShort) {
    const { mismatch, compared } = compareResults(out.rows, expected);
    out.compared = compared;
    if (mismatch) {
      out.mismatch = mismatch;
      return finish('fail', `${passedTests}, but at n = ${mismatch.n} your result differs from the reference's: yours ${cut(mismatch.yours)}, expected ${cut(mismatch.expected)}.`, 'wrong');
    }
    out.verdicts = await judgeAll(ex, metrics, out, transports).catch(() => []);
    if (!out.verdicts.length) out.verdicts = [verdictEntry('time', ex.time, { verdict: 'inconclusive', reason: 'the measurement was cut short' })];
  }
  return decide(out, finish, passedTests);
}

async function sizesTheJudgeNeeds(ex, transports) {
  const j = await transports.judge({ target: ex.time, time: { n: [1], y: [1] }, steps: null, too_slow: null, purpose: 'sizes' });
  return Number.isInteger(j?.sizes_needed) ? j.sizes_needed : 0;
}

async function judgeAll(ex, metrics, out, transports) {
  const verdicts = [];
  for (const metric of metrics) {
    const target = metric === 'time' ? ex.time : ex.space;
    const series = out.series || {};
    const args = metric === 'time'
      ? { target, time: series.time || null, steps: series.steps || null, too_slow: out.tooSlow || null }
      : { target, time: series.memory || null, steps: null, too_slow: null };
    verdicts.push(verdictEntry(metric, target, await transports.judge(args)));
  }
  return verdicts;
}

function decide(out, finish, passedTests) {
  const failing = out.verdicts.filter((v) => v.verdict === 'fail');
  if (failing.length) {
    const slow = failing.find((x) => x.decided_by === 'too_slow' || x.too_slow?.verdict === 'fail');
    if (slow) {
      const why = slow.decided_by === 'too_slow' ? slow.reason : slow.too_slow.reason;
      return finish('fail', `${passedTests}, but your function is too slow: ${prettyText(why)}.`, 'too_slow');
    }
    const v = failing[0];
    const cls = v.cls ? ` (it grows as ${prettyText(v.cls)})` : '';
    return finish('fail', `${passedTests}, but your function misses the ${prettyText(v.target)} ${METRIC_WORDS[v.metric]} target${cls}. Compare your curve with the reference's below.`, 'slow');
  }
  const unsure = out.verdicts.filter((v) => v.verdict !== 'pass');
  if (out.cutShort && !unsure.length) {
    for (const v of out.verdicts) { v.verdict = 'inconclusive'; v.reason = `${v.reason}; but the measurement was cut short`; }
  }
  if (!out.verdicts.length || out.verdicts.some((v) => v.verdict !== 'pass')) {
    const v = out.verdicts.find((x) => x.verdict !== 'pass');
    const why = v?.reason ? prettyText(v.reason) : 'nothing was measured';
    return finish('inconclusive', `${passedTests}, but the measurement was inconclusive (${METRIC_WORDS[v?.metric] || 'time'}: ${why}). This is not a fail: press "Measure again".`, 'inconclusive');
  }
  if (!out.compared) {
    for (const v of out.verdicts) v.verdict = 'inconclusive';
    return finish('inconclusive', `${passedTests}, but your results at the measured sizes could not be compared with the reference's, so the Check cannot pass. Press "Measure again".`, 'inconclusive');
  }
  const targets = out.verdicts.map((v) => `${prettyText(v.target)} ${METRIC_WORDS[v.metric]}`).join(' and ');
  return finish('pass', `Passed: ${passedTests.charAt(0).toLowerCase()}${passedTests.slice(1)} and your function meets the target (${targets}). Well done!`, null);
}

function tamperedOutcome(out, finish) {
  const what = out.tampered.map((t) => (typeof t === 'string' ? t : t?.name || JSON.stringify(t))).join(', ');
  return finish('fail', `Your code changed the checker or built-ins (${what}); the Check cannot be trusted.`, 'tampered');
}

/** A too-slow reading from the rows so far, when the worker had to be terminated mid-call. */
function tooSlowFromRows(out, err) {
  const sizes = out.plan?.sizes || [];
  const done = new Set(out.rows.map((r) => r.n));
  const last = out.rows.length ? out.rows[out.rows.length - 1].n : -Infinity;
  const n = sizes.find((s) => s > last && !done.has(s)) ?? (out.rows.length ? last : sizes[0]);
  const ref = out.reference.rows.find((r) => r.n === n);
  const refSeconds = ref ? bestOf(ref.time) : null;
  if (!Number.isFinite(n)) return null;
  const seconds = Number(err.seconds) || out.plan?.limit_s || 0;
  return refSeconds === null || !(seconds > 0) ? null : { n, seconds, ref_seconds: refSeconds };
}

function failedRequest(out, err, where, finish, passedTests) {
  const kind = err?.kind;
  if (kind === 'stopped' || kind === 'cancelled' || err?.name === 'CancelledError') {
    return finish('stopped', out.rows.length ? 'Stopped: the sizes measured so far are shown.' : 'Stopped.', 'stopped');
  }
  out.error = { kind: kind || 'error', message: err?.message || String(err), line: err?.line ?? null, traceback: err?.traceback || '' };
  if (where === 'start' && kind === 'watchdog') {
    return finish('fail', `Your function did not return within ${err.seconds} s on a test, so it was stopped (an endless loop?). Nothing was measured.`, 'too_slow');
  }
  if (where === 'start' && kind === 'timeout') {
    return finish('fail', `${err.message} Your function may loop forever on one of the tests.`, 'too_slow');
  }
  if (where === 'round' && kind && !['fatal', 'crashed', 'protocol', 'load', 'timeout'].includes(kind)) {
    return finish('fail', `${passedTests}, but an error was raised while your function was being measured: ${describeError(out.error)}.`, 'error');
  }
  if (kind === 'fatal' || kind === 'crashed') {
    const during = where === 'start' ? 'while running the tests' : `while measuring (${passedTests.toLowerCase()})`;
    return finish('error', `Python stopped unexpectedly ${during}: ${err.message}`, 'crashed');
  }
  return finish('error', `The check could not finish: ${describeError(out.error)}. Press Check to try again.`, 'error');
}
