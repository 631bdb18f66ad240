// First load (issue 13): the home page reads only data/overview.json, no
// topic's data and none of CodeMirror, Chart.js or the quiz player; a topic
// page loads its own data, CodeMirror for its editors and the quiz player,
// but Chart.js only once a demo has a chart to draw.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openPage } from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

// A script is recognised by a string only that library contains.
const LIBRARIES = {
  codemirror: 'cm-editor',
  chartjs: 'Canvas is already in use',
  quiz: 'q-run-status',
};

async function watch(hash) {
  const context = await site.browser.newContext();
  const paths = [];
  const scripts = [];
  context.on('response', (response) => {
    if (response.request().serviceWorker()) return;   // its offline copy is not the page's load
    const url = new URL(response.url());
    paths.push(url.pathname);
    if (url.pathname.endsWith('.js') && !url.pathname.startsWith('/pyodide/')) scripts.push(response.text().catch(() => ''));
  });
  const page = await openPage(site, hash, { context });
  const loaded = async () => {
    const texts = await Promise.all(scripts);
    return Object.fromEntries(Object.entries(LIBRARIES).map(([name, marker]) => [name, texts.some((t) => t.includes(marker))]));
  };
  return { context, page, paths, loaded };
}

test('the home page loads the overview only: no topic data, no CodeMirror, Chart.js or quiz player', async () => {
  const home = await watch('');
  await home.page.locator('.topic-card').first().waitFor();
  await home.page.locator('.topic-progress .progress-facts').first().waitFor();
  await home.page.waitForLoadState('networkidle');
  assert.ok(home.paths.includes('/data/overview.json'));
  assert.deepEqual(home.paths.filter((p) => p.startsWith('/data/topics/') || p === '/data/demos.json'), []);
  assert.deepEqual(await home.loaded(), { codemirror: false, chartjs: false, quiz: false });
  // The progress summaries still count each topic's demos and exercises.
  const facts = await home.page.locator('.topic-card .progress-facts').first().textContent();
  assert.match(facts, /Demos run: 0 of [1-9]/);
  assert.match(facts, /Exercises passed: 0 of [1-9]/);
  assert.deepEqual(home.page.consoleErrors, []);

  // Opening a topic from the home page loads that topic's data and editors.
  await home.page.locator('.topic-card a').first().click();
  await home.page.locator('#examples .cm-editor, article.lesson .cm-editor').first().waitFor();
  await home.page.locator('#quiz').waitFor();
  assert.ok(home.paths.includes('/data/topics/01_memory_basics.json'));
  assert.deepEqual(await home.loaded(), { codemirror: true, chartjs: false, quiz: true });
  await home.context.close();
});

test('a topic page loads Chart.js with its first chart, and the chart is drawn', async () => {
  const topic = await watch('#/03_time_complexity');
  const panel = topic.page.locator('section.demo').first();
  await panel.waitFor();
  await topic.page.waitForLoadState('networkidle');
  assert.equal((await topic.loaded()).chartjs, false, 'no chart before a Run');
  await panel.locator('input[name="points"]').fill('4');
  await panel.locator('.run-button').click();
  await panel.locator('.status-text', { hasText: /^(Done|Stopped)/ }).waitFor({ timeout: 30000 });
  await topic.page.waitForFunction((node) => {
    const canvas = node.querySelector('canvas');
    return canvas && canvas.width > 0 && canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data.some((v) => v !== 0);
  }, await panel.elementHandle(), { timeout: 10000 });
  assert.equal((await topic.loaded()).chartjs, true);
  assert.deepEqual(topic.page.consoleErrors, []);
  await topic.context.close();
});
