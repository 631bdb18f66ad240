// Accessibility: axe-core (WCAG 2 A and AA rules) finds no violations on the
// course home, on a topic page once its demos are mounted, and in the quiz
// after questions are answered (right and wrong), in light and dark themes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { startSite, openPage } from './harness.mjs';

const TOPIC = '03_time_complexity';
let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

function describe(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.split('\n').slice(1).join(' ')}`).join('\n')}`).join('\n');
}

async function scan(page, include) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  if (include) builder = builder.include(include);
  const { violations, passes } = await builder.analyze();
  assert.ok(passes.length > 0, 'axe ran its rules');
  return violations;
}

async function dark(page) {
  await page.click('#theme-toggle');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
}

for (const theme of ['light', 'dark']) {
  test(`home page has no WCAG A/AA violations (${theme})`, async () => {
    const page = await openPage(site, '#/');
    await page.locator('.topic-card .progress-facts').first().waitFor();
    await page.locator('.next-step a').waitFor();
    if (theme === 'dark') await dark(page);
    const violations = await scan(page);
    assert.equal(violations.length, 0, describe(violations));
    await page.context().close();
  });

  test(`topic page with its demos mounted has no WCAG A/AA violations (${theme})`, async () => {
    const page = await openPage(site, `#/${TOPIC}`);
    await page.locator('.demo[data-demo] .run-button').first().waitFor();
    await page.locator('.quiz-question').first().waitFor();
    await page.locator('.topic-header .progress-facts').waitFor();
    if (theme === 'dark') await dark(page);
    const violations = await scan(page);
    assert.equal(violations.length, 0, describe(violations));
    await page.context().close();
  });

  test(`the quiz after answering has no WCAG A/AA violations (${theme})`, async () => {
    const page = await openPage(site, `#/${TOPIC}`);
    await page.locator('.quiz-question').first().waitFor();
    if (theme === 'dark') await dark(page);
    const { quiz } = await page.evaluate(async (id) => (await fetch(`data/topics/${id}.json`)).json(), TOPIC);
    // One of each kind: a right choice, a wrong choice, an output and the order question.
    const single = quiz.questions.find((q) => q.type === 'single');
    const multiple = quiz.questions.find((q) => q.type === 'multiple');
    const output = quiz.questions.find((q) => q.type === 'output');
    const order = quiz.questions.find((q) => q.type === 'order');
    const form = (q) => page.locator(`.quiz-question[data-qid="${q.id}"]`);
    await form(single).locator(`input[data-index="${single.options.findIndex((o) => !o.correct)}"]`).check();
    await form(single).locator('.q-check').click();
    for (const [i, o] of multiple.options.entries()) if (o.correct) await form(multiple).locator(`input[data-index="${i}"]`).check();
    await form(multiple).locator('.q-check').click();
    await form(output).locator('textarea').fill('nothing');
    await form(output).locator('.q-check').click();
    await form(order).locator('.q-check').click();
    await form(single).locator('.q-verdict').waitFor();
    const violations = await scan(page, '#quiz');
    assert.equal(violations.length, 0, describe(violations));
    await page.context().close();
  });
}
