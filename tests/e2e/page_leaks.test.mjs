// Moving between pages must not pile things up. The test walks all the
// topics twice, runs a demo on each page, and reads window.__course.counts()
// (web/src/debug_counts.js) after each visit: Python status listeners, open
// workers, live charts and watched exercises. A page that is left must
// release what it held, so the second walk finds the same counts as the
// first, and the listeners and workers never grow past the first walk's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startSite, openPage, smallValue } from './harness.mjs';

const topics = JSON.parse(fs.readFileSync(new URL('../../dist/data/course.json', import.meta.url))).topics;
const demos = JSON.parse(fs.readFileSync(new URL('../../dist/data/demos.json', import.meta.url)));

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

async function visit(page, topicId) {
  await page.evaluate((id) => { location.hash = `#/${id}`; }, topicId);
  await page.locator(`article.lesson[data-topic="${topicId}"]`).waitFor();
  const panel = page.locator('section.demo[data-demo]').first();
  if (await panel.count()) {
    const id = await panel.getAttribute('data-demo');
    const info = demos.find((d) => d.id === id);
    for (const p of info.params) await panel.locator(`input[name="${p.name}"]`).fill(String(smallValue(p)));
    await panel.locator('.run-button').click();
    await panel.locator('.status-text', { hasText: /^(Done|Stopped)/ }).waitFor({ timeout: 30000 });
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => window.__course.counts());
}

test('two walks through every topic hold the same listeners, workers and charts', async () => {
  assert.ok(topics.length >= 6, 'the course has its topics');
  const page = await openPage(site, '#/');
  await page.locator('.topic-grid').waitFor();
  const walks = [[], []];
  for (const walk of walks) {
    for (const topic of topics) walk.push({ topic: topic.id, ...(await visit(page, topic.id)) });
  }
  const [first, second] = walks;
  for (const key of ['statusListeners', 'workers', 'charts', 'watchedExercises']) {
    assert.ok(first.every((c) => Number.isInteger(c[key])), `${key} is counted: ${JSON.stringify(first[0])}`);
  }
  const listeners = [...first, ...second].map((c) => c.statusListeners);
  assert.ok(listeners.every((n) => n === listeners[0]), `Python status listeners stay constant: ${listeners.join(', ')}`);
  const mostWorkers = Math.max(...first.map((c) => c.workers));
  const secondWorkers = second.map((c) => c.workers);
  assert.ok(secondWorkers.every((n) => n === secondWorkers[0] && n <= mostWorkers),
    `open workers stay constant: first walk ${first.map((c) => c.workers).join(', ')}; second ${secondWorkers.join(', ')}`);
  second.forEach((c, i) => {
    assert.equal(c.charts, first[i].charts, `${c.topic}: live charts the same on both walks`);
    assert.equal(c.watchedExercises, first[i].watchedExercises, `${c.topic}: watched exercises the same on both walks`);
  });
  assert.ok(second.every((c) => c.charts <= 1), `only the visited page's chart is live: ${second.map((c) => c.charts).join(', ')}`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
