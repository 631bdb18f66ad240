// Every demo on every topic page runs in the browser at small parameters
// and shows what a learner needs: a chart with data, a fitted class where
// the demo fits one, the data table, no console errors. Cancel stops a long
// run and the next run still works; it cancels that panel's run only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startSite, openPage, fillLongMembershipRun, smallValue } from './harness.mjs';

const demos = JSON.parse(fs.readFileSync(new URL('../../dist/data/demos.json', import.meta.url)));
const topics = JSON.parse(fs.readFileSync(new URL('../../dist/data/course.json', import.meta.url))).topics;

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

for (const topic of topics) {
  test(`topic ${topic.id}: every demo runs and shows its results`, async () => {
    const page = await openPage(site, `#/${topic.id}`);
    await page.locator('article.lesson').waitFor();
    const ids = await page.locator('section.demo').evaluateAll((nodes) => nodes.map((n) => n.dataset.demo));
    const expected = demos.filter((d) => d.topic === topic.id).map((d) => d.id);
    for (const id of expected) assert.ok(ids.includes(id), `${id} is on its topic page`);
    for (const id of expected) {
      const info = demos.find((d) => d.id === id);
      const panel = page.locator(`section.demo[data-demo="${id}"]`).first();
      for (const p of info.params) await panel.locator(`input[name="${p.name}"]`).fill(String(smallValue(p)));
      await panel.locator('.run-button').click();
      await panel.locator('.status-text', { hasText: /^(Done|Stopped)/ }).waitFor({ timeout: 30000 });
      const seriesTables = await panel.locator('table.numbers').count();
      const objectTables = await panel.locator('table.object-table').count();
      assert.ok(seriesTables + objectTables > 0, `${id}: shows a data table`);
      if (seriesTables > 0) {
        assert.ok(await panel.locator('canvas').isVisible(), `${id}: chart is visible`);
        const rows = await panel.locator('table.numbers tbody tr').count();
        assert.ok(rows >= 2, `${id}: series are not empty`);
        const fits = await panel.locator('.fit-class').allTextContents();
        const fittable = await panel.evaluate((el) => el.dataset.fittedSeries);
        if (Number(fittable) > 0) assert.ok(fits.some((f) => /^(probably )?O\(|^inconclusive/.test(f)), `${id}: fitted class label`);
      }
    }
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
}

test('Cancel stops a long run, and the next run works', async () => {
  const page = await openPage(site, '#/03_time_complexity');
  const panel = page.locator('section.demo[data-demo="membership"]');
  await panel.waitFor();
  await fillLongMembershipRun(panel);
  await panel.locator('.run-button').click();
  await panel.locator('.status-text', { hasText: '%' }).waitFor({ timeout: 10000 });
  await panel.locator('.cancel-button').click();
  await panel.locator('.status-text', { hasText: /Cancelled/ }).waitFor({ timeout: 5000 });
  assert.equal(await panel.locator('.run-button').isEnabled(), true);
  await panel.locator('input[name="n_min"]').fill('1000');
  await panel.locator('input[name="n_max"]').fill('20000');
  await panel.locator('input[name="points"]').fill('4');
  await panel.locator('input[name="repeats"]').fill('1');
  await panel.locator('.run-button').click();
  await panel.locator('.status-text', { hasText: /^Done/ }).waitFor({ timeout: 20000 });
  assert.ok((await panel.locator('table.numbers tbody tr').count()) >= 4);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test("Cancel belongs to one run: cancelling one demo leaves another panel's queued run alone", async () => {
  const page = await openPage(site, '#/03_time_complexity');
  const panels = page.locator('section.demo');
  await panels.first().waitFor();
  const long = page.locator('section.demo[data-demo="membership"]');
  const ids = await panels.evaluateAll((nodes) => nodes.map((n) => n.dataset.demo));
  const otherId = ids.find((id) => id !== 'membership');
  const other = page.locator(`section.demo[data-demo="${otherId}"]`);
  const info = demos.find((d) => d.id === otherId);
  for (const p of info.params) await other.locator(`input[name="${p.name}"]`).fill(String(smallValue(p)));
  await fillLongMembershipRun(long);
  await long.locator('.run-button').click();
  await long.locator('.status-text', { hasText: '%' }).waitFor({ timeout: 10000 });
  await other.locator('.run-button').click();   // queued behind the long run on the core's worker
  await long.locator('.cancel-button').click();
  await long.locator('.status-text', { hasText: /Cancelled/ }).waitFor({ timeout: 5000 });
  await other.locator('.status-text', { hasText: /^(Done|Stopped)/ }).waitFor({ timeout: 30000 });
  assert.doesNotMatch(await other.locator('.status-text').textContent(), /Cancel/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
