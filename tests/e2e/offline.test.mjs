// Offline after the first visit (issue 13): the service worker copies the
// whole site, Pyodide included, and says "Available offline"; with the
// network gone (the context offline and the server closed) every topic
// opens, a demo runs, Python runs and a quiz works. A new deploy is copied
// whole into a cache of its own before it can take over; the page offers
// "Reload to update", and after it only the new build's cache is left.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from '../../tools/serve.mjs';
import { writeServiceWorker } from '../../tools/service_worker.mjs';
import { CHROMIUM_ARGS } from './harness.mjs';

const dist = new URL('../../dist/', import.meta.url).pathname;
const course = JSON.parse(fs.readFileSync(path.join(dist, 'data/course.json'), 'utf8'));
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
after(() => browser.close());

async function serve(root) {
  const server = createServer(root);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }),
  };
}

async function open(context, url) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(url);
  return page;
}

const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('memperf-')));

test('after one visit the whole course works offline: every topic, a demo, Python and a quiz', async () => {
  const site = await serve(dist);
  const context = await browser.newContext();
  const page = await open(context, site.url);
  await page.locator('#offline-status', { hasText: 'Available offline.' }).waitFor({ timeout: 120000 });
  assert.equal((await cacheNames(page)).length, 1);

  await site.close();
  await context.setOffline(true);
  await page.reload();
  await page.locator('.topic-card').first().waitFor();
  for (const topic of course.topics) {
    await page.goto(`${site.url}#/${topic.id}`);
    await page.locator(`article.lesson[data-topic="${topic.id}"]`).waitFor();
    await page.locator('.py-example .cm-editor').first().waitFor();
    await page.locator('.quiz-question').first().waitFor();
  }

  await page.goto(`${site.url}#/03_time_complexity`);
  const panel = page.locator('section.demo').first();
  await panel.locator('input[name="points"]').fill('4');
  await panel.locator('.run-button').click();
  await panel.locator('.status-text', { hasText: /^(Done|Stopped)/ }).waitFor({ timeout: 60000 });
  assert.ok(await panel.locator('table.numbers').count() > 0, 'the demo shows its data table');
  assert.ok(await panel.locator('canvas').isVisible(), 'Chart.js came from the offline copy');

  const example = page.locator('.py-example').first();
  await example.locator('.py-run').click();
  await example.locator('.py-run:not([disabled])').waitFor({ timeout: 120000 });
  assert.match(await example.locator('.py-status').textContent(), /^Done/);
  assert.ok((await example.locator('.py-output').innerText()).trim().length > 0, 'Python printed something');

  const topic = JSON.parse(fs.readFileSync(path.join(dist, 'data/topics/03_time_complexity.json'), 'utf8'));
  const q = topic.quiz.questions.find((x) => x.type === 'single');
  const form = page.locator(`.quiz-question[data-qid="${q.id}"]`);
  await form.locator(`input[data-index="${q.options.findIndex((o) => o.correct)}"]`).check();
  await form.locator('.q-check').click();
  assert.match(await form.locator('.q-verdict').textContent(), /Right/);
  await page.screenshot({ path: path.join(os.tmpdir(), 'memperf-offline.png') });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a new deploy is cached whole before it takes over, and then the old cache is gone', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'memperf-deploy-'));
  fs.cpSync(dist, root, { recursive: true });
  const site = await serve(root);
  const context = await browser.newContext();
  try {
    const page = await open(context, site.url);
    await page.locator('#offline-status', { hasText: 'Available offline.' }).waitFor({ timeout: 120000 });
    const [oldCache] = await cacheNames(page);

    // The new deploy: a changed stylesheet and the service worker of that build.
    fs.appendFileSync(path.join(root, 'styles.css'), '\n/* deploy-2 */\n');
    const { version } = writeServiceWorker(root);
    assert.notEqual(`memperf-${version}`, oldCache);
    const fetched = [];
    context.on('request', (r) => { if (r.serviceWorker()) fetched.push(new URL(r.url()).pathname); });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.locator('.update-notice').waitFor({ timeout: 120000 });
    await page.locator('#offline-status', { hasText: 'Available offline.' }).waitFor();
    // Installed means complete: the new cache holds every file, and the old
    // build still answers this page until the learner chooses to update.
    const counts = await page.evaluate(async (name) => {
      const manifest = (await (await fetch('sw.js')).text()).match(/^const MANIFEST = (.*);$/m)[1];
      const cache = await caches.open(name);
      return { cached: (await cache.keys()).length, files: Object.keys(JSON.parse(manifest).files).length };
    }, `memperf-${version}`);
    assert.equal(counts.cached, counts.files);
    // Files the old cache holds with the same bytes are not downloaded again.
    assert.deepEqual(fetched.filter((p) => p !== '/sw.js'), ['/styles.css']);
    assert.doesNotMatch(await page.evaluate(async () => (await fetch('styles.css')).text()), /deploy-2/);

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to update' }).click()]);
    await page.locator('.topic-card').first().waitFor();
    assert.deepEqual(await cacheNames(page), [`memperf-${version}`]);
    await page.locator('#offline-status', { hasText: 'Available offline.' }).waitFor({ timeout: 30000 });
    assert.match(await page.evaluate(async () => (await fetch('styles.css')).text()), /deploy-2/);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
    await site.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
