// Python starts in the background on a page with an editor (issue 13): the
// worker and Pyodide are fetched with no Run pressed, and the first Run finds
// Python loading or ready. Not on the home page, and not when the connection
// asks to save data. A later visit starts Python from the memory snapshot
// the first one made (python_worker.js), sooner, with random numbers of its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openPage, setCode } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

async function watch(site, hash, initScript) {
  const context = await site.browser.newContext();
  if (initScript) await context.addInitScript(initScript);
  const requested = [];
  // The page's own requests: not the service worker's copy of the site for offline use.
  context.on('request', (r) => { if (!r.serviceWorker()) requested.push(new URL(r.url()).pathname); });
  const page = await openPage(site, hash, { context });
  return { context, page, requested };
}

test('a topic page with an editor starts Python with no Run pressed; the home page does not', async () => {
  const home = await watch(site, '');
  await home.page.locator('.topic-card').first().waitFor();
  await home.page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 2000))));
  assert.ok(!home.requested.includes('/python_worker.js'), 'the home page starts no Python');
  await home.context.close();

  const topic = await watch(site, '#/01_memory_basics');
  await topic.page.locator('.py-example').first().waitFor();
  await topic.page.waitForRequest((r) => r.url().endsWith('/pyodide/pyodide.asm.wasm'), { timeout: 30000 });
  assert.ok(topic.requested.includes('/python_worker.js'));
  const status = await topic.page.locator('.py-example .py-status').first().textContent();
  assert.equal(status.trim(), '', 'no Run was pressed');
  assert.deepEqual(topic.page.consoleErrors, []);
  await topic.context.close();
});

test('with saveData on, Python waits for the first Run', async () => {
  const saver = await watch(site, '#/01_memory_basics', () => {
    Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '4g' } });
  });
  await saver.page.locator('.py-example').first().waitFor();
  await saver.page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 3000), { timeout: 5000 })));
  assert.ok(!saver.requested.includes('/python_worker.js'), 'no Python before Run with saveData');
  await saver.context.close();
});

test('the first Run finds Python ready when the page was idle; the offline copy starts after Python', async () => {
  const context = await site.browser.newContext();
  // In the page from its start: when the footer first counts a copied file,
  // and every text the first example's status line shows.
  await context.addInitScript(() => {
    const seen = { copied: null, statuses: [] };
    window.__preload = seen;
    new MutationObserver(() => {
      const footer = document.getElementById('offline-status');
      if (seen.copied == null && footer && /: [1-9]\d* of \d+ files/.test(footer.textContent)) seen.copied = performance.now();
      const status = document.querySelector('.py-example .py-status')?.textContent.trim();
      if (status && status !== seen.statuses.at(-1)) seen.statuses.push(status);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const page = await openPage(site, '#/01_memory_basics', { context });
  await page.locator('.py-example').first().waitFor();
  await page.waitForFunction(() => window.__course?.pythonTiming?.(), null, { timeout: 60000 });
  const example = page.locator('.py-example').first();
  await example.locator('.py-run').click();
  await example.locator('.py-status', { hasText: /^Done/ }).waitFor({ timeout: 30000 });
  await page.locator('#offline-status', { hasText: 'Available offline' }).waitFor({ timeout: 60000 });
  const { marks, seen } = await page.evaluate(() => ({ marks: window.__course.pythonTiming(), seen: window.__preload }));
  assert.ok(!seen.statuses.some((s) => /Loading Python/.test(s)), `the Run did not wait for Python: ${seen.statuses.join(' | ')}`);
  assert.ok(marks.runStart > marks.imports, 'the run came after Python was ready');
  const ready = marks.origin + marks.imports - marks.pageOrigin;   // on the page's clock
  assert.ok(seen.copied != null, 'the offline copy was seen');
  assert.ok(seen.copied >= ready, `the offline copy began ${Math.round(ready - seen.copied)} ms before Python was ready`);
  assert.deepEqual(page.consoleErrors, []);
  await context.close();
});

/** Run code in the page's first example; its output. */
async function runExample(page, code) {
  const example = page.locator('.py-example').first();
  await setCode(example, code);
  await example.locator('.py-run').click();
  await example.locator('.py-status', { hasText: /^Done/ }).waitFor({ timeout: 60000 });
  return (await example.locator('.py-output').textContent()).trim();
}

test('a second visit starts Python from the first one\'s snapshot, sooner, and random is not replayed', async () => {
  const context = await site.browser.newContext();
  const code = 'import random\nprint(random.random())';
  const visits = [];
  for (let i = 0; i < 3; i += 1) {
    const page = await openPage(site, '#/01_memory_basics', { context });
    const output = await runExample(page, code);
    const marks = await page.evaluate(() => window.__course.pythonTiming());
    if (i === 0) {
      // The snapshot is written once the first worker is ready.
      await page.waitForFunction(async () => (await (await caches.open('python-snapshot')).keys()).length === 1,
        null, { timeout: 30000, polling: 250 });
    }
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
    visits.push({ output, snapshot: marks.snapshot, start: marks.imports - marks.script });
  }
  assert.deepEqual(visits.map((v) => v.snapshot), ['made', 'loaded', 'loaded']);
  for (const v of visits) assert.match(v.output, /^0\.\d+$/, 'the Run printed');
  assert.notEqual(visits[1].output, visits[2].output, 'two workers from one snapshot drew different random numbers');
  const restored = Math.max(visits[1].start, visits[2].start);
  assert.ok(restored < 0.8 * visits[0].start,
    `from the snapshot Python was ready in ${Math.round(restored)} ms, the long way in ${Math.round(visits[0].start)} ms`);
  await context.close();
});
