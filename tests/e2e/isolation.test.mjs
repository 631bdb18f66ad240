// Cross-origin isolation on a host that sends no COOP/COEP (issue 13): the
// service worker adds them, and the page reloads once, on the first visit,
// to be served with them. Then crossOriginIsolated is true and Stop ends
// `while True: pass` by Pyodide's interrupt, in the same Python worker. No
// reload loop. Where no service worker may run, the course still works and
// the footer says the timer is coarse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { createServer } from '../../tools/serve.mjs';
import { CHROMIUM_ARGS, setCode, stopEndlessLoop } from './harness.mjs';

const TOPIC = '01_memory_basics';
let browser, server, baseUrl;

before(async () => {
  server = createServer(new URL('../../dist/', import.meta.url).pathname, { isolation: false });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); });
});

async function openCounting(contextOptions) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.loads = 0;
  page.on('load', () => { page.loads += 1; });
  page.workers = [];
  page.on('worker', (worker) => {
    const entry = { url: worker.url(), closed: false };
    worker.on('close', () => { entry.closed = true; });
    page.workers.push(entry);
  });
  return { context, page };
}

async function run(example, code) {
  await setCode(example, code);
  await example.locator('.py-run').click();
  await example.locator('.py-run:not([disabled])').waitFor({ timeout: 60000 });
  return example.locator('.py-output').innerText();
}

test('with no COOP/COEP from the server, one reload makes the page isolated, and Stop interrupts without a restart', async () => {
  const { context, page } = await openCounting();
  // Each document of the tab notes whether it was isolated (the first one is
  // replaced by the reload too soon to be asked afterwards).
  await context.addInitScript(() => {
    const seen = JSON.parse(sessionStorage.getItem('test.isolated') || '[]');
    sessionStorage.setItem('test.isolated', JSON.stringify([...seen, globalThis.crossOriginIsolated]));
  });
  const response = await page.goto(`${baseUrl}#/${TOPIC}`);
  assert.equal(response.headers()['cross-origin-embedder-policy'], undefined, 'the server sends no COEP');
  await page.waitForFunction(() => globalThis.crossOriginIsolated === true, null, { timeout: 60000, polling: 200 });
  await page.locator('.lesson .py-example').first().waitFor();
  await page.waitForTimeout(2000);
  assert.equal(page.loads, 2, 'exactly one reload: the first load and the isolated one');
  assert.deepEqual(await page.evaluate(() => JSON.parse(sessionStorage.getItem('test.isolated'))), [false, true],
    'not isolated before the service worker, isolated after its one reload');
  assert.equal(await page.evaluate(() => typeof SharedArrayBuffer), 'function');
  assert.equal(await page.locator('#isolation-note').isVisible(), false, 'no coarse-timer note once isolated');

  const example = page.locator('.lesson .py-example').first();
  assert.match(await run(example, 'import sys, types\nsys.modules["memperf_probe"] = types.ModuleType("memperf_probe")\nprint("probe set")\n'), /probe set/);
  const pythonWorkers = () => page.workers.filter((w) => w.url.endsWith('/python_worker.js'));
  const before = pythonWorkers().length;
  assert.ok(await stopEndlessLoop(example) < 2500, 'stopped quickly');
  assert.match(await example.locator('.py-status').textContent(), /Stopped/);
  // The same interpreter answers the next Run: the module set before the loop is still there.
  assert.match(await run(example, 'import sys\nprint("same worker:", "memperf_probe" in sys.modules)\n'), /same worker: True/);
  assert.equal(pythonWorkers().length, before, 'no new Python worker was started');
  assert.ok(pythonWorkers().every((w) => !w.closed), 'no Python worker was terminated');
  await page.locator('#offline-status').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/memperf-isolation.png' });
  assert.equal(page.loads, 2, 'still no further reload');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('where no service worker may run, the page works without isolation, says so, and does not reload', async () => {
  const { context, page } = await openCounting({ serviceWorkers: 'block' });
  await page.goto(`${baseUrl}#/${TOPIC}`);
  await page.locator('#isolation-note', { hasText: 'not cross-origin isolated' }).waitFor({ timeout: 15000 });
  assert.equal(await page.evaluate(() => crossOriginIsolated), false);
  const example = page.locator('.lesson .py-example').first();
  assert.match(await run(example, 'print("alive", 6 * 7)\n'), /alive 42/);
  assert.equal(page.loads, 1, 'no reload without a service worker');
  assert.deepEqual(page.errors, []);
  await context.close();
});
