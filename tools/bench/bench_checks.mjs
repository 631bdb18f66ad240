// bench_checks.mjs -- `make bench`: are Check verdicts stable on a busy
// machine? In headless Debian Chromium (tests/e2e/harness.mjs serves dist/
// with COOP/COEP, like `make serve`), N consecutive Checks each of a correct
// efficient solution and a slow one, for three exercises, while a second
// process keeps one core busy.
//
//   node tools/bench/bench_checks.mjs [--reps N] [--exercise NAME]
//
//   03 count_pairs      O(n) time     reference vs the topic's naive (O(n^2) time)
//   06 hot_spots        O(n log n)    reference vs a submission that sums per name (O(n^2) time)
//   04 is_palindrome    O(1) space    reference vs the topic's naive (O(n) extra memory)
//
// A Check is what a learner gets: click Check, wait for the verdict; no
// "Measure again" (the Check measures again by itself while it is unsure).
// Goals: correct efficient code 0 fails and at most 1 inconclusive in N;
// slow code N of N fail with the right class named. Takes about 15-25 min
// at N = 20. Exit status 1 only if the benchmark could not run; missed
// goals are reported, not fatal.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSite, openPage, setCode } from '../../tests/e2e/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback; };
const REPS = Math.max(1, Number(option('--reps', '20')));
const ONLY = option('--exercise', null);
const CHECK_TIMEOUT = 180000;

// metric: the verdict line that must fail; cls: the class it must name (as shown).
const CASES = [
  { topic: '03_time_complexity', name: 'count_pairs', slow: { from: 'naive', metric: 'time', cls: 'O(n²)' } },
  { topic: '06_optimization_techniques', name: 'hot_spots',
    slow: { from: 'tools/bench/submissions/06_optimization_techniques/hot_spots/slow_sum_per_name.py', metric: 'time', cls: 'O(n²)' } },
  { topic: '04_space_complexity', name: 'is_palindrome', slow: { from: 'naive', metric: 'memory', cls: 'O(n)' } },
];

function loadCase(c) {
  const file = path.join(root, 'dist/data/topics', `${c.topic}.json`);
  if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} is missing; run \`make dist\` first`);
  const ex = JSON.parse(fs.readFileSync(file, 'utf8')).exercises.find((e) => e.name === c.name);
  if (!ex) throw new Error(`${c.topic} has no exercise ${c.name}`);
  const slowCode = c.slow.from === 'naive' ? ex.naive : fs.readFileSync(path.join(root, c.slow.from), 'utf8');
  if (!ex.solution || !slowCode) throw new Error(`${c.name}: no reference or no slow solution`);
  const target = c.slow.metric === 'memory' ? ex.space : ex.time;
  return [
    { label: `reference (${ex.time}${ex.space ? `, ${ex.space} space` : ''})`, kind: 'correct', code: ex.solution },
    { label: `slow (${c.slow.cls} ${c.slow.metric === 'memory' ? 'memory' : 'time'})`, kind: 'slow', code: slowCode, metric: c.slow.metric, cls: c.slow.cls, target },
  ];
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

const tally = (xs) => [...xs.reduce((m, x) => m.set(x, (m.get(x) || 0) + 1), new Map())]
  .sort((p, q) => q[1] - p[1]).map(([x, n]) => `${n}x ${x}`).join('; ');

/** One Check as a learner sees it: state, and the class each failing verdict names. */
async function check(page, block, code) {
  await setCode(block, code);
  const started = Date.now();
  await block.locator('.py-check').click();
  await block.locator('.py-check:not([disabled])').waitFor({ timeout: CHECK_TIMEOUT });
  const verdicts = await block.locator('.py-verdict').evaluateAll((nodes) => nodes.map((n) => ({
    metric: n.dataset.metric, state: n.dataset.state,
    shown: (n.querySelector('.py-verdict-text')?.textContent || '').replace(/^[^:]*:\s*/, '').replace(/\s+—.*$/, '').replace(/,.*$/, ''),
    reason: (n.querySelector('.py-verdict-reason')?.textContent || '').trim(),
  })));
  return {
    ms: Date.now() - started,
    state: (await block.getAttribute('data-state')) || 'none',
    summary: await block.locator('.py-check-summary').textContent(),
    verdicts,
  };
}

// The class shown for this solution's decisive metric.
function named(run, metric) {
  const v = run.verdicts.find((x) => x.metric === metric);
  return v ? `${metric} ${v.shown}` : `${metric} -`;
}

const t0 = Date.now();
let busy = null;
let site = null;
let failed = false;
try {
  const cases = CASES.filter((c) => !ONLY || c.name === ONLY).map((c) => ({ ...c, solutions: loadCase(c) }));
  busy = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  site = await startSite();
  console.log(`Check verdicts on a busy machine: Chromium ${site.browser.version()}, ${REPS} consecutive Checks per solution,`);
  console.log(`one core kept busy by another process (pid ${busy.pid}).\n`);
  const page = await openPage(site, `#/${cases[0].topic}`);
  const rows = [];
  for (const c of cases) {
    await page.goto(`${site.baseUrl}#/${c.topic}`);
    const block = page.locator(`.py-exercise[data-exercise="${c.name}"]`);
    await block.waitFor({ timeout: 60000 });
    for (const s of c.solutions) {
      const runs = [];
      for (let i = 0; i < REPS; i++) {
        const r = await check(page, block, s.code);
        runs.push(r);
        const shown = s.kind === 'slow' ? named(r, s.metric) : r.verdicts.map((v) => `${v.metric} ${v.state}`).join(', ');
        console.log(`  ${c.name} ${s.kind.padEnd(7)} ${String(i + 1).padStart(2)}  ${(r.ms / 1000).toFixed(1).padStart(5)} s  ${r.state.padEnd(12)} ${shown}`);
        if (!['pass', 'fail', 'inconclusive'].includes(r.state)) console.log(`      ${r.summary}`);
        // Why a correct solution did not pass, or a slow one named another class: the judge's words.
        const odd = s.kind === 'correct' ? r.state !== 'pass' : named(r, s.metric) !== `${s.metric} ${s.cls}`;
        if (odd) for (const v of r.verdicts.filter((x) => x.state !== 'pass')) console.log(`      ${v.metric}: ${v.reason}`);
      }
      const count = (state) => runs.filter((r) => r.state === state).length;
      const other = REPS - count('pass') - count('fail') - count('inconclusive');
      const right = s.kind === 'slow' ? runs.filter((r) => r.state === 'fail' && named(r, s.metric) === `${s.metric} ${s.cls}`).length : 0;
      const goal = s.kind === 'correct' ? count('fail') === 0 && count('inconclusive') <= 1 && other === 0 : right === REPS;
      rows.push([c.name, s.label, count('pass'), count('fail'), count('inconclusive'), other,
        s.kind === 'slow' ? `${right}/${REPS} ${s.metric} ${s.cls}` : '-',
        tally(runs.map((r) => (s.kind === 'slow' ? named(r, s.metric) : named(r, 'time')))), goal ? 'yes' : 'NO']);
    }
  }
  console.log('');
  table(['exercise', 'solution', 'pass', 'fail', 'inconcl.', 'other', 'right class', 'class named', 'goal met'], rows);
  console.log('\nGoals: correct efficient code 0 fails and <= 1 inconclusive; slow code fails every time naming the right class.');
  const errors = page.consoleErrors.filter((m) => !/Maximum call stack|fatal error/i.test(m));
  if (errors.length) console.log(`console errors: ${errors.slice(0, 3).join(' | ')}`);
} catch (err) {
  failed = true;
  console.error(`bench_checks: ${err.stack || err}`);
} finally {
  if (busy) busy.kill();
  await site?.close();
}
console.log(`\n(bench_checks took ${((Date.now() - t0) / 60000).toFixed(1)} min)`);
process.exit(failed ? 1 : 0);
