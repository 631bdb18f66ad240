// First-load budget and Python start-up, in Chromium against tools/serve.mjs:
// the bytes each page transfers before any Run (gzip size of each file,
// Pyodide excluded, as issue 13 budgets them), per page and per file, and
// the time from Run to the first output, median of 5 runs, cold (fresh
// profile) and warm (second visit, same profile). Exits non-zero when a
// page is over its budget. --bytes-only skips the Python timings.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { startSite, openPage } from '../../tests/e2e/harness.mjs';

const KIB = 1024;
const course = JSON.parse(fs.readFileSync(new URL('../../dist/data/course.json', import.meta.url), 'utf8'));
const BUDGETS = [
  { name: 'home', hash: '', ready: '.topic-card', limit: 120 * KIB },
  // Every topic page, its editors drawn (CodeMirror loaded) but nothing run.
  ...course.topics.map((t) => ({ name: `topic ${t.number}`, hash: `#/${t.id}`, ready: 'article.lesson .cm-editor, #examples .cm-editor', limit: 250 * KIB })),
];
const RUNS = 5;

// Python's background start on idle (python_client.preloadWhenIdle) fetches
// these; they are Python, like Pyodide, and are listed apart, not budgeted.
const PYTHON_START = (pathname) => pathname.startsWith('/pyodide/') || pathname.startsWith('/py/') || pathname === '/python_worker.js';

async function pageBytes(site, { hash, ready }) {
  const context = await site.browser.newContext();
  const files = new Map();
  const python = new Map();
  const reading = [];
  let closing = false;
  // Every body is read before the context closes (a large chunk still being
  // read would otherwise drop out of the table). Requests the service worker
  // makes for its offline copy are not the page's first load; its own
  // script (sw.js) is.
  context.on('response', (response) => {
    const url = new URL(response.url());
    if (closing || response.status() !== 200) return;
    if (response.request().serviceWorker() && url.pathname !== '/sw.js') return;
    const into = PYTHON_START(url.pathname) ? python : files;
    if (url.pathname.startsWith('/pyodide/')) { into.set(url.pathname, null); return; }
    reading.push(response.body().then((body) => into.set(url.pathname, zlib.gzipSync(body).length),
      (err) => { throw new Error(`bench_load: could not read ${url.pathname}: ${err.message}`); }));
  });
  const page = await openPage(site, hash, { context });
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  for (let seen = -1; seen !== reading.length;) {
    seen = reading.length;
    await Promise.all(reading);
  }
  closing = true;
  await context.close();
  return { files, python };
}

async function firstOutputMs(page) {
  const example = page.locator('.py-example').first();
  await example.waitFor();
  const started = Date.now();
  await example.locator('.py-run').click();
  await example.locator('.py-output:not([hidden])').waitFor({ timeout: 120000 });
  return Date.now() - started;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const site = await startSite();
let over = false;
try {
  for (const budget of BUDGETS) {
    const { files, python } = await pageBytes(site, budget);
    const total = [...files.values()].reduce((a, b) => a + b, 0);
    console.log(`\n${budget.name}: ${(total / KIB).toFixed(1)} KiB gz in ${files.size} files (budget ${budget.limit / KIB} KiB)`);
    for (const [file, bytes] of [...files].sort((a, b) => b[1] - a[1])) console.log(`  ${(bytes / KIB).toFixed(1).padStart(7)} KiB  ${file}`);
    if (python.size) {
      console.log(`  Python's background start by then, not in the budget: ${[...python].map(([file, bytes]) =>
        `${file}${bytes === null ? '' : ` ${(bytes / KIB).toFixed(1)} KiB`}`).join(', ')}`);
    }
    if (total > budget.limit) {
      over = true;
      console.log(`  OVER BUDGET: ${budget.name} is ${((total - budget.limit) / KIB).toFixed(1)} KiB over ${budget.limit / KIB} KiB`);
    }
  }
  if (!process.argv.includes('--bytes-only')) {
    const cold = [], warm = [];
    for (let i = 0; i < RUNS; i += 1) {
      const context = await site.browser.newContext();
      const page = await openPage(site, '#/01_memory_basics', { context });
      cold.push(await firstOutputMs(page));
      await page.reload();
      warm.push(await firstOutputMs(page));
      await context.close();
    }
    console.log(`\nRun to first output (median of ${RUNS}): cold ${median(cold)} ms [${cold.join(', ')}], ` +
      `warm ${median(warm)} ms [${warm.join(', ')}] (goals 4000 ms and 1500 ms; Python pre-starts when the page is idle, ` +
      'so these include only what was left when Run was pressed)');
  }
} finally {
  await site.close();
}
if (over) {
  console.error('\nbench_load: FAILED: a page is over its first-load budget (issue 13)');
  process.exitCode = 1;
}
