// A chart drawn in one theme is drawn again in the other when the learner
// toggles it: the series colour (the theme's --series-1) and the axis text
// colour (--text) on the canvas are the new theme's, and none of the old
// series colour is left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openPage } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

// Pixels of the canvas in a CSS colour (exact match), counted in the page.
function countColour(canvas, cssColour) {
  const probe = document.createElement('canvas').getContext('2d');
  probe.fillStyle = cssColour;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) count++;
  return count;
}

async function until(probe, ms, what) {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) assert.fail(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function palette(page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    return { series: style.getPropertyValue('--series-1').trim(), text: style.getPropertyValue('--text').trim() };
  });
}

test('toggling the theme redraws a live chart in the new colours', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  const page = await openPage(site, '#/03_time_complexity', { context });
  const panel = page.locator('section.demo[data-demo="membership"]');
  await panel.waitFor();
  await panel.locator('input[name="n_max"]').fill('8000');
  await panel.locator('input[name="points"]').fill('4');
  await panel.locator('input[name="repeats"]').fill('1');
  await panel.locator('.run-button').click();
  await panel.locator('.status-text', { hasText: /^Done/ }).waitFor({ timeout: 30000 });
  const canvas = panel.locator('canvas');
  await canvas.scrollIntoViewIfNeeded();

  const light = await palette(page);
  const before = await canvas.evaluate(countColour, light.series);
  assert.ok(before > 0, `the light chart draws its first series in ${light.series}`);

  await page.click('#theme-toggle');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  const dark = await palette(page);
  assert.notEqual(dark.series, light.series, 'the themes have different series colours');
  await until(() => canvas.evaluate(countColour, dark.series), 5000, 'the chart is redrawn in the dark colours');
  assert.ok(await canvas.evaluate(countColour, dark.series) > 0, `the dark chart draws its first series in ${dark.series}`);
  assert.equal(await canvas.evaluate(countColour, light.series), 0, 'no pixel keeps the light series colour');
  assert.ok(await canvas.evaluate(countColour, dark.text) > 0, `axis text is in the dark theme's ${dark.text}`);

  await page.click('#theme-toggle');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  assert.ok(await canvas.evaluate(countColour, light.series) > 0, 'back in light, the light series colour returns');
  assert.equal(await canvas.evaluate(countColour, dark.series), 0, 'and the dark one is gone');
  assert.deepEqual(page.consoleErrors, []);
  await context.close();
});
