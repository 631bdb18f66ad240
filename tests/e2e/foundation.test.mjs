// The foundation in a real browser: home lists six topics, topic 03 renders
// its lesson, the membership demo runs in the core's worker and draws two
// curves where the set beats the list, bad input never starts a run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openPage } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

test('the home page lists the six topics', async () => {
  const page = await openPage(site);
  await page.locator('.topic-card').first().waitFor();
  const titles = await page.locator('.topic-card .topic-title').allTextContents();
  assert.equal(titles.length, 6);
  assert.deepEqual(titles.map((t) => t.length > 0), Array(6).fill(true));
  assert.ok(titles.some((t) => /Time complexity/i.test(t)));
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the page is cross-origin isolated under the course server', async () => {
  const page = await openPage(site);
  assert.equal(await page.evaluate(() => crossOriginIsolated), true);
  await page.context().close();
});

test('topic 03 renders its lesson, reached by a deep link', async () => {
  const page = await openPage(site, '#/03_time_complexity');
  await page.locator('article.lesson h2').first().waitFor();
  assert.match(await page.locator('.topic-header h1').textContent(), /Time complexity/);
  const words = (await page.locator('article.lesson').innerText()).split(/\s+/).length;
  assert.ok(words > 1000, `lesson has ${words} words`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the membership demo draws list and set curves; the set wins at the largest n', async () => {
  const page = await openPage(site, '#/03_time_complexity');
  const panel = page.locator('.demo[data-demo="membership"]');
  await panel.waitFor();
  await panel.locator('input[name="n_max"]').fill('50000');
  await panel.locator('input[name="points"]').fill('5');
  await panel.locator('.run-button').click();
  await panel.locator('.status-text', { hasText: /^Done/ }).waitFor({ timeout: 30000 });
  // The data table holds the same numbers as the chart.
  const tables = await panel.locator('table.numbers').evaluateAll((nodes) => nodes.map((t) => ({
    caption: t.caption.textContent,
    rows: [...t.tBodies[0].rows].map((r) => Number(r.cells[1].dataset.value)),
  })));
  const time = tables.filter((t) => /Time/.test(t.caption));
  const list = time.find((t) => /^list/.test(t.caption));
  const set = time.find((t) => /^set/.test(t.caption));
  assert.ok(list && set, 'list and set time series are present');
  assert.ok(list.rows.length >= 2 && set.rows.length >= 2, 'both series are non-empty');
  assert.ok(set.rows.at(-1) < list.rows.at(-1), 'a set lookup beats a list scan at the largest n');
  assert.ok(await panel.locator('canvas').isVisible());
  assert.ok((await panel.locator('.fit-class').count()) >= 2, 'fitted classes are shown');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('an out-of-range n shows an error beside the field and starts no run', async () => {
  const page = await openPage(site, '#/03_time_complexity');
  const panel = page.locator('.demo[data-demo="membership"]');
  await panel.waitFor();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await panel.locator('input[name="n_max"]').fill('0');
  await panel.locator('.run-button').click();
  await assert.doesNotReject(panel.locator('.field-error', { hasText: /largest n must be between/ }).waitFor({ timeout: 3000 }));
  assert.equal(await panel.locator('input[name="n_max"]').getAttribute('aria-invalid'), 'true');
  assert.equal(await panel.locator('input[name="n_max"]').inputValue(), '0', 'what the learner typed is kept');
  assert.ok(!requests.some((u) => u.includes('core_worker') || u.includes('coursecore')), 'the core was never started');
  assert.match(await panel.locator('.status-text').textContent(), /Not run yet|Fix/);
  await page.context().close();
});
