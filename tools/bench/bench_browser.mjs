// bench_browser.mjs -- `make bench`: the Python runtime in the browser, as a
// learner meets it, in headless Debian Chromium (tests/e2e/harness.mjs
// serves dist/ with COOP/COEP, like `make serve`).
//
//   node tools/bench/bench_browser.mjs [--reps N] [--loads N] [--topic ID] [--exercise NAME] [--ready-only]
//
// --ready-only: part 1 only (no Checks), e.g. `--loads 5 --ready-only`.
//
// 1. Pyodide time to ready: open a topic page, click Run on its first
//    example and time, in the page, from the click to "ready" (the status
//    line leaves "Loading Python…") and to the first line of output.
//    cold = fresh browser context (empty HTTP cache);
//    warm = a second page load in the same context. tools/serve.mjs sends
//    Cache-Control: no-cache with Last-Modified, so the browser revalidates
//    every file and the server answers 304 for the unchanged ones. The page
//    (and so Playwright) still sees those as 200s with their full sizes:
//    the network column counts what the page received from its cache or the
//    wire, not what crossed the wire.
//    hot = a second Run on the warm page, Python already loaded.
//    Then where that time went, from the Run worker's start-up marks
//    (python_worker.js; window.__course.pythonTiming()), each on the page's
//    clock in ms from the click (negative: before it, Python started in the
//    background): the worker was created, its script ran, the wasm was
//    compiled and instantiated, Python's main ran, loadPyodide resolved
//    (Pyodide's bootstrap), worker_host imported (ready), the first code ran.
//    A warm load normally starts Python from the memory snapshot the cold one
//    saved (python_worker.js): no Py_Initialize or bootstrap imports then.
// 2. Check -> verdict for one exercise (default 03_time_complexity
//    count_pairs), on the warm page with Python loaded: the reference
//    solution (O(n)) and the topic JSON's `naive` version (O(n^2)), from the
//    click on Check until the button is enabled again.
// 3. Verdict stability: N checks of each (interleaved, so machine load hits
//    both alike). The verdict is what the learner is told: the summary state
//    (pass/fail/inconclusive) and each metric's ✓/✗/?; "stable: yes" if all
//    N agree. The measured classes shown beside it are tallied separately.
//    Inconclusive results are not retried ("Measure again"): they count.
// Each Check starts a fresh Python worker (pre-started while the page is
// idle) and may measure again by itself while a verdict is inconclusive.
// Takes ~3 min on an idle 2-core machine (a check can take up to ~25 s, so
// at worst ~9 min). Exit status 1 only if the benchmark could not run; an
// unstable verdict is reported, not fatal.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSite, openPage, setCode } from '../../tests/e2e/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback; };
const REPS = Math.max(1, Number(option('--reps', '10')));
const LOADS = Math.max(1, Number(option('--loads', '5')));
const TOPIC = option('--topic', '03_time_complexity');
const EXERCISE = option('--exercise', 'count_pairs');
const LOAD_TIMEOUT = 120000;
const CHECK_TIMEOUT = 120000;
const READY_ONLY = args.includes('--ready-only');

const topicFile = path.join(root, 'dist/data/topics', `${TOPIC}.json`);
if (!fs.existsSync(topicFile)) {
  console.error(`bench_browser: ${path.relative(root, topicFile)} is missing; run \`make dist\` first.`);
  process.exit(1);
}
const topic = JSON.parse(fs.readFileSync(topicFile, 'utf8'));
const exercise = (topic.exercises || []).find((e) => e.name === EXERCISE);
if (!exercise || !exercise.solution || !exercise.naive) {
  console.error(`bench_browser: ${TOPIC} has no exercise ${EXERCISE} with both a solution and a naive version.`);
  process.exit(1);
}

// ------------------------------------------------------------- helpers --

const fmtMs = (ms) => (ms == null || !Number.isFinite(ms) ? '-' : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtMB = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** Count responses and body bytes of a browser context (pages and workers,
 * not the service worker's background copy of the site for offline use). */
function trackNetwork(context) {
  const net = { requests: 0, bytes: 0, status200: 0 };
  context.on('requestfinished', async (request) => {
    if (request.serviceWorker()) return;
    net.requests += 1;
    try {
      const response = await request.response();
      if (response && response.status() === 200) net.status200 += 1;
      const sizes = await request.sizes();
      net.bytes += Math.max(0, sizes.responseBodySize) + Math.max(0, sizes.responseHeadersSize);
    } catch { /* the page went away */ }
  });
  return net;
}

/**
 * Click Run on the first example and time, in the page, from the click to
 * ready (status leaves "Loading Python…"), first output and done.
 */
async function timeFirstRun(page) {
  const example = page.locator('.py-example').first();
  await example.waitFor({ timeout: LOAD_TIMEOUT });
  await page.evaluate(() => {
    const block = document.querySelector('.py-example');
    const status = block.querySelector('.py-status');
    const out = block.querySelector('.py-output');
    const t = { click: null, loadingSeen: false, ready: null, output: null, done: null, status: '' };
    window.__benchRun = t;
    block.querySelector('.py-run').addEventListener('click', () => { t.click = performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (t.click == null) return;
      const now = performance.now();
      const text = status.textContent;
      t.status = text;
      if (/Loading Python/.test(text)) t.loadingSeen = true;
      else if (t.ready == null && text) t.ready = now;
      if (t.output == null && out.textContent.length) t.output = now;
      if (t.done == null && /^(Done|Error|Stopped)/.test(text)) { t.done = now; observer.disconnect(); }
    });
    observer.observe(block, { subtree: true, childList: true, characterData: true });
  });
  await example.locator('.py-run').click();
  await example.locator('.py-run:not([disabled])').waitFor({ timeout: LOAD_TIMEOUT });
  await page.waitForFunction(() => window.__benchRun.done != null, null, { timeout: 5000 }).catch(() => {});
  const t = await page.evaluate(() => window.__benchRun);
  if (!/^Done/.test(t.status)) throw new Error(`the example did not run: status "${t.status}"`);
  const marks = await page.evaluate(() => window.__course?.pythonTiming?.() || null);
  return {
    marks: marks && phases(marks, t.click),
    loading: t.loadingSeen,
    ready: t.ready == null ? null : t.ready - t.click,
    output: t.output == null ? null : t.output - t.click,
    done: t.done == null ? null : t.done - t.click,
  };
}

/** The worker's marks as ms from the click, on the page's clock. */
function phases(m, click) {
  const at = (x) => (x == null ? null : m.origin + x - m.pageOrigin - click);
  const wasmFile = m.files?.['pyodide.asm.wasm'];
  return {
    created: at(0), script: at(m.script), wasmStart: at(m.wasmStart), wasmFetched: at(wasmFile?.end),
    wasm: at(m.wasm), main: at(m.main), pyodide: at(m.pyodide), imports: at(m.imports), runStart: at(m.runStart), firstRun: at(m.firstRun),
    wasmCached: wasmFile ? wasmFile.transferSize === 0 : null, snapshot: m.snapshot || null,
  };
}

async function check(page, block, code) {
  await setCode(block, code);
  const started = Date.now();
  await block.locator('.py-check').click();
  await block.locator('.py-check:not([disabled])').waitFor({ timeout: CHECK_TIMEOUT });
  const ms = Date.now() - started;
  const state = (await block.getAttribute('data-state')) || 'none';
  const verdicts = await block.locator('.py-verdict').evaluateAll((nodes) => nodes.map((n) => ({
    metric: n.dataset.metric, state: n.dataset.state,
    cls: (n.querySelector('.py-verdict-text')?.textContent || '').replace(/^[^:]*:\s*/, '').replace(/\s+—.*$/, '').replace(/,.*$/, ''),
  })));
  const mark = { pass: '✓', fail: '✗', inconclusive: '?' };
  // What decides: the summary (pass/fail/inconclusive) and each metric's ✓/✗/?.
  const verdict = `${state}${verdicts.length ? ` (${verdicts.map((v) => `${v.metric} ${mark[v.state] || v.state}`).join(', ')})` : ''}`;
  // What is shown beside it: the measured class of each metric.
  const classes = verdicts.map((v) => `${v.metric} ${v.cls}`).join(', ') || '-';
  return { ms, verdict, classes };
}

// ---------------------------------------------------------------- main --

const t0 = Date.now();
const site = await startSite();
let failed = false;
try {
  console.log(`Python in the browser (Chromium ${site.browser.version()}, Pyodide from dist/pyodide), topic ${TOPIC}\n`);

  // 1. Time to ready: per round, a new context: cold page, then a second
  // page load in it (warm), then a second Run on that page (hot). The warm
  // page of the last round is kept for the checks.
  const rows = { cold: [], warm: [], hot: [] };
  const nets = { cold: [], warm: [] };
  let context = null;
  let page = null;
  for (let round = 0; round < LOADS; round += 1) {
    if (context) await context.close();
    context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const net = trackNetwork(context);
    const coldPage = await openPage(site, `#/${TOPIC}`, { context });
    rows.cold.push(await timeFirstRun(coldPage));
    await coldPage.close();
    const afterCold = { ...net };
    nets.cold.push(afterCold);
    page = await openPage(site, `#/${TOPIC}`, { context });
    rows.warm.push(await timeFirstRun(page));
    nets.warm.push({ requests: net.requests - afterCold.requests, bytes: net.bytes - afterCold.bytes,
      status200: net.status200 - afterCold.status200 });
    rows.hot.push(await timeFirstRun(page));
  }
  const stat = (xs) => { const v = xs.filter((x) => x != null); return v.length ? `${fmtMs(median(v))} (${fmtMs(Math.min(...v))}-${fmtMs(Math.max(...v))})` : '-'; };
  const netText = (ns) => (ns ? `${median(ns.map((n) => n.requests))} req, ${fmtMB(median(ns.map((n) => n.bytes)))}, ${median(ns.map((n) => n.status200))}x200` : '-');
  console.log(`1. Pyodide time to ready: click Run on the first example -> (median (min-max) of ${LOADS})`);
  table(['', 'ready', 'first output', 'network'], [
    ['cold: new context, empty cache', stat(rows.cold.map((t) => t.ready)), stat(rows.cold.map((t) => t.output)), netText(nets.cold)],
    ['warm: same context, 2nd page load', stat(rows.warm.map((t) => t.ready)), stat(rows.warm.map((t) => t.output)), netText(nets.warm)],
    ['hot: 2nd Run, Python loaded', stat(rows.hot.map((t) => t.ready)), stat(rows.hot.map((t) => t.output)), '-'],
  ]);
  console.log('   serve.mjs sends Cache-Control: no-cache with Last-Modified: a warm load revalidates, and the server answers 304');
  console.log('   for unchanged files. The page sees those as 200s from its cache, so "network" counts bytes received, not sent.\n');
  const mark = (list, key) => stat(list.map((t) => t.marks?.[key] ?? null));
  const span = (list, from, to) => stat(list.map((t) => (t.marks?.[to] != null && t.marks?.[from] != null ? t.marks[to] - t.marks[from] : null)));
  const snapshots = (k) => `${rows[k].filter((t) => t.marks?.snapshot === 'loaded').length}/${rows[k].length}`;
  console.log(`   started from the memory snapshot of an earlier start (python_worker.js): cold ${snapshots('cold')}, warm ${snapshots('warm')}`);
  console.log('   (from one, "main" is the wasm set up without Py_Initialize and "bootstrap" the copy into memory)');
  console.log('   where it went: the Run worker\'s marks in ms from the click (negative: before it, a background start)');
  table(['', 'worker', 'script', 'wasm', 'pyodide', 'imports', 'run start', 'run end'], ['cold', 'warm'].map((k) => [k,
    mark(rows[k], 'created'), mark(rows[k], 'script'), mark(rows[k], 'wasm'), mark(rows[k], 'pyodide'), mark(rows[k], 'imports'),
    mark(rows[k], 'runStart'), mark(rows[k], 'firstRun')]));
  console.log('   and as spans (ms): module+pyodide.mjs, wasm fetch+compile+instantiate, Python\'s main (stdlib zip');
  console.log('   written, Py_Initialize), Pyodide\'s bootstrap (its ~190 imports, package index), py/ files + worker_host');
  console.log('   imports, idle until the Run, the first exec');
  table(['', 'script', 'wasm', 'main', 'bootstrap', 'imports', 'wait', 'exec'], ['cold', 'warm'].map((k) => [k,
    span(rows[k], 'created', 'script'), span(rows[k], 'wasmStart', 'wasm'), span(rows[k], 'wasm', 'main'), span(rows[k], 'main', 'pyodide'),
    span(rows[k], 'pyodide', 'imports'), span(rows[k], 'imports', 'runStart'), span(rows[k], 'runStart', 'firstRun')]));
  console.log('');
  if (!READY_ONLY) {
    // 2 + 3. Check -> verdict, and its stability, on the warm page.
    const block = page.locator(`.py-exercise[data-exercise="${EXERCISE}"]`);
    await block.waitFor({ timeout: LOAD_TIMEOUT });
    const solutions = [
      { name: `reference (${exercise.time})`, code: exercise.solution, runs: [] },
      { name: `naive (${exercise.naiveTime || 'naive'})`, code: exercise.naive, runs: [] },
    ];
    console.log(`2+3. Check -> verdict, ${EXERCISE}, ${REPS} checks of each (interleaved, on the warm page, Python loaded):`);
    for (let i = 0; i < REPS; i += 1) {
      for (const s of solutions) {
        const r = await check(page, block, s.code);
        s.runs.push(r);
        console.log(`  ${String(i + 1).padStart(2)} ${s.name.padEnd(17)} ${fmtMs(r.ms).padStart(7)}  ${r.verdict.padEnd(30)} ${r.classes}`);
      }
    }
    console.log('');
    const tally = (xs) => [...xs.reduce((m, x) => m.set(x, (m.get(x) || 0) + 1), new Map())]
      .sort((p, q) => q[1] - p[1]).map(([x, n]) => `${n}x ${x}`).join('; ');
    table(['solution', '1st check', 'median', 'min-max', 'verdicts', 'stable'],
      solutions.map((s) => {
        const times = s.runs.map((r) => r.ms);
        return [s.name, fmtMs(times[0]), fmtMs(median(times)), `${fmtMs(Math.min(...times))}-${fmtMs(Math.max(...times))}`,
          tally(s.runs.map((r) => r.verdict)), new Set(s.runs.map((r) => r.verdict)).size === 1 ? 'yes' : 'no'];
      }));
    console.log('   measured classes (shown beside the verdict; they may vary while the verdict holds):');
    for (const s of solutions) console.log(`   ${s.name.padEnd(17)} ${tally(s.runs.map((r) => r.classes))}`);
    console.log('');
    for (const s of solutions) {
      const stable = new Set(s.runs.map((r) => r.verdict)).size === 1;
      console.log(`stable: ${stable ? 'yes' : 'no'}  ${s.name}, ${REPS} checks`);
    }
    const errors = page.consoleErrors.filter((m) => !/Maximum call stack|fatal error/i.test(m));
    if (errors.length) console.log(`console errors: ${errors.slice(0, 3).join(' | ')}`);
  }
  await context.close();
} catch (err) {
  failed = true;
  console.error(`bench_browser: ${err.stack || err}`);
} finally {
  await site.close();
}
console.log(`\n(bench_browser took ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
process.exit(failed ? 1 : 0);
