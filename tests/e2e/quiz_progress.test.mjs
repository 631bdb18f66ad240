// Quizzes and learner progress in a real browser: a topic's quiz answered
// from its own JSON scores 100% and the score survives a reload; a wrong
// answer shows the explanation; order-by-growth is solvable with the keyboard
// alone; progress exported from one browser and imported into a fresh one is
// restored, a bad file changes nothing; garbage or v1 data in storage is
// repaired or migrated and the learner is told; reset asks first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSite, openPage } from './harness.mjs';

const TOPIC = '03_time_complexity';
let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

async function topicJson(page, id = TOPIC) {
  return page.evaluate(async (tid) => (await fetch(`data/topics/${tid}.json`)).json(), id);
}

function plain(html) {
  return html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

/** Scrolls to the lesson's end until the page marks it read, as a learner
 * scrolls on when content mounting above pushes the end out of view. */
async function scrollUntilRead(page) {
  await page.waitForFunction(() => {
    const end = document.querySelector('.lesson-end');
    end?.scrollIntoView({ block: 'center' });
    return end?.classList.contains('is-read');
  }, null, { polling: 500, timeout: 30000 });
}

/** Sorts an order question into the file's order using only the keyboard. */
async function solveOrderByKeyboard(page, form) {
  const count = await form.locator('.order-item').count();
  await form.locator('.order-item').first().focus();            // start on the list; keys only from here
  const focusedPosition = () => page.evaluate(() => {
    const li = document.activeElement.closest('.order-item');
    return li ? [...li.parentElement.children].indexOf(li) : -1;
  });
  const indexAt = (p) => form.locator('.order-item').nth(p).getAttribute('data-index');
  for (let target = 0; target < count; target += 1) {
    let from = -1;
    for (let p = target; p < count; p += 1) if (Number(await indexAt(p)) === target) from = p;
    // Walk the focus to that item: Tab visits each item and its two buttons.
    let at = await focusedPosition();
    while (at !== from) {
      const steps = 3 * Math.abs(from - at);
      for (let i = 0; i < steps; i += 1) await page.keyboard.press(from > at ? 'Tab' : 'Shift+Tab');
      at = await focusedPosition();
    }
    assert.ok(await page.evaluate(() => document.activeElement.classList.contains('order-item')), 'focus is on an item');
    for (let p = from; p > target; p -= 1) await page.keyboard.press('Alt+ArrowUp');
  }
  for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement.classList.contains('q-check'))); i += 1) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
}

async function answer(page, q, { keyboardOrder = true } = {}) {
  const form = page.locator(`.quiz-question[data-qid="${q.id}"]`);
  if (q.type === 'output') {
    await form.locator('textarea').fill(q.expectedOutput);
  } else if (q.type === 'order') {
    if (keyboardOrder) { await solveOrderByKeyboard(page, form); return form; }
  } else {
    for (const [i, option] of q.options.entries()) if (option.correct) await form.locator(`input[data-index="${i}"]`).check();
  }
  await form.locator('.q-check').click();
  return form;
}

test('answering a quiz with its own answers scores 100%, and the score survives a reload', async () => {
  const page = await openPage(site, `#/${TOPIC}`);
  await page.locator('.quiz-question').first().waitFor();
  const { quiz } = await topicJson(page);
  assert.equal(await page.locator('.quiz-question').count(), quiz.questions.length);
  assert.match(await page.locator('.quiz-best').textContent(), /No score yet/);
  for (const q of quiz.questions) {
    const form = await answer(page, q);
    assert.equal((await form.locator('.q-verdict').textContent()).trim(), '✓ Right.', `question ${q.id} is marked right`);
  }
  const n = quiz.questions.length;
  assert.equal(await page.locator('.quiz-result').textContent(), `${n} of ${n} right (100%).`);
  assert.equal(await page.locator('.quiz-score button', { hasText: 'Retry the ones I missed' }).count(), 0);
  await page.reload();
  await page.locator('.quiz-best').waitFor();
  assert.match(await page.locator('.quiz-best').textContent(), new RegExp(`${n} of ${n} \\(100%\\)`));
  await page.locator('.topic-header .topic-progress .progress-facts').waitFor();
  assert.match(await page.locator('.topic-header .topic-progress').innerText(), /Best quiz score: \d+ of \d+ \(100%\)/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('every topic\'s quiz renders all its questions and scores 100% with its own answers', async () => {
  const page = await openPage(site, '#/');
  const course = await page.evaluate(async () => (await fetch('data/course.json')).json());
  for (const { id } of course.topics) {
    await page.goto(`${site.baseUrl}#/${id}`);
    await page.locator(`.lesson-end[data-topic="${id}"]`).waitFor();
    const { quiz } = await topicJson(page, id);
    await page.locator('.quiz-question').first().waitFor();
    assert.equal(await page.locator('.quiz-question').count(), quiz.questions.length, id);
    for (const q of quiz.questions) await answer(page, q);
    const n = quiz.questions.length;
    assert.equal(await page.locator('.quiz-result').textContent(), `${n} of ${n} right (100%).`, id);
  }
  await page.goto(`${site.baseUrl}#/`);
  await page.locator('.topic-card .progress-facts').first().waitFor();
  assert.equal(await page.locator('.topic-card .progress-facts', { hasText: /Best quiz score: (\d+) of \1 \(100%\)/ }).count(), course.topics.length);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a wrong answer is marked wrong and shows the explanation and the right option', async () => {
  const page = await openPage(site, `#/${TOPIC}`);
  await page.locator('.quiz-question').first().waitFor();
  const { quiz } = await topicJson(page);
  const q = quiz.questions.find((x) => x.type === 'single');
  const wrong = q.options.findIndex((o) => !o.correct);
  const form = page.locator(`.quiz-question[data-qid="${q.id}"]`);
  assert.equal(await form.locator('.q-explanation').count(), 0, 'no explanation before answering');
  // Checking without choosing says so and marks nothing.
  await form.locator('.q-check').click();
  assert.match(await form.locator('.q-hint').textContent(), /Choose an answer/);
  await form.locator(`input[data-index="${wrong}"]`).check();
  await form.locator('.q-check').click();
  assert.match(await form.locator('.q-verdict').textContent(), /Not quite/);
  assert.ok(await form.locator('.q-explanation').isVisible());
  assert.equal(plain(await form.locator('.q-explanation').innerHTML()), plain(q.explanationHtml));
  const right = q.options.findIndex((o) => o.correct);
  assert.match(await form.locator('.q-option', { has: page.locator(`input[data-index="${right}"]`) }).textContent(), /correct answer/);
  assert.match(await form.locator('.q-option', { has: page.locator(`input[data-index="${wrong}"]`) }).textContent(), /your answer/);
  await page.waitForFunction(() => /not quite/i.test(document.getElementById('announcer').textContent));
  // Finish the rest right: the score is out of all questions and offers a retry of the one missed.
  for (const other of quiz.questions) if (other.id !== q.id) await answer(page, other, { keyboardOrder: false });
  const n = quiz.questions.length;
  const orderQs = quiz.questions.filter((x) => x.type === 'order').length;   // left shuffled: wrong
  assert.equal(await page.locator('.quiz-result').textContent(), `${n - 1 - orderQs} of ${n} right (${Math.round((100 * (n - 1 - orderQs)) / n)}%).`);
  const before = await form.locator('input[type="radio"]').evaluateAll((xs) => xs.map((x) => x.dataset.index).join());
  await page.locator('.quiz-score button', { hasText: 'Retry the ones I missed' }).click();
  assert.equal(await form.locator('.q-verdict').count(), 0, 'the missed question can be answered again');
  assert.equal(await page.locator('.q-verdict').count(), n - 1 - orderQs, 'the right answers stay answered');
  const after = await form.locator('input[type="radio"]').evaluateAll((xs) => xs.map((x) => x.dataset.index).join());
  assert.deepEqual(after.split(',').sort(), before.split(',').sort());
  // The shuffle of an attempt is reproducible: a reload shows the same order.
  await page.reload();
  await form.locator('input[type="radio"]').first().waitFor();
  assert.equal(await form.locator('input[type="radio"]').evaluateAll((xs) => xs.map((x) => x.dataset.index).join()), after);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('order-by-growth can be solved with the keyboard alone, with moves announced', async () => {
  const page = await openPage(site, `#/${TOPIC}`);
  await page.locator('.quiz-question').first().waitFor();
  const { quiz } = await topicJson(page);
  const q = quiz.questions.find((x) => x.type === 'order');
  const form = page.locator(`.quiz-question[data-qid="${q.id}"]`);
  const shown = await form.locator('.order-item').evaluateAll((xs) => xs.map((x) => Number(x.dataset.index)));
  assert.notDeepEqual(shown, shown.slice().sort((a, b) => a - b), 'the items start shuffled');
  // A button press by keyboard moves an item and says where it went.
  await form.locator('.order-item').first().locator('.move-down').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /now 2 of \d/.test(document.getElementById('announcer').textContent));
  assert.equal(Number(await form.locator('.order-item').nth(1).getAttribute('data-index')), shown[0]);
  // Dragging with the mouse works too: the first item dropped on the last one goes to the end.
  const firstBefore = await form.locator('.order-item').first().getAttribute('data-index');
  await form.locator('.order-item').first().dragTo(form.locator('.order-item').last(), { targetPosition: { x: 20, y: 30 } });
  assert.equal(await form.locator('.order-item').last().getAttribute('data-index'), firstBefore);
  // Visible focus on an item.
  await form.locator('.order-item').first().focus();
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
  await solveOrderByKeyboard(page, form);
  assert.equal((await form.locator('.q-verdict').textContent()).trim(), '✓ Right.');
  assert.deepEqual(await form.locator('.order-item').evaluateAll((xs) => xs.map((x) => Number(x.dataset.index))), q.items.map((_, i) => i));
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('progress exported from one browser and imported into a fresh one is restored; a bad file changes nothing', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'memperf-'));
  const page = await openPage(site, `#/${TOPIC}`);
  // Scrolling to the end of the lesson marks it read. Demos and editors that
  // mount above the end while the page settles can push it back out of view
  // (a clean run timed out so), and a learner then scrolls on: so does this.
  await scrollUntilRead(page);
  await page.locator('.lesson-end.is-read', { hasText: 'You have read this lesson' }).waitFor();
  const { exercises } = await topicJson(page);
  await page.evaluate(([topic, exercise]) => {
    document.dispatchEvent(new CustomEvent('course:exercise-passed', { detail: { topic, exercise } }));
    document.dispatchEvent(new CustomEvent('course:demo-run', { detail: { topic, demo: 'membership' } }));
  }, [TOPIC, exercises[0].name]);
  await page.locator('.topic-header .topic-progress', { hasText: 'Lesson read' }).waitFor();
  assert.match(await page.locator('.topic-header .topic-progress').innerText(), /Demos run: 1 of/);
  await page.goto(`${site.baseUrl}#/`);
  const card = page.locator(`.topic-card[data-topic="${TOPIC}"] .topic-progress`);
  await card.locator('.progress-facts').waitFor();
  const cardText = await card.innerText();
  assert.match(cardText, /In progress/i);
  assert.match(cardText, /Lesson read/);
  assert.match(cardText, /Exercises passed: 1 of/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  const file = path.join(dir, 'progress.json');
  await download.saveAs(file);
  const saved = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(saved.version, 2);
  await page.context().close();

  const fresh = await openPage(site, '#/');
  const freshCard = fresh.locator(`.topic-card[data-topic="${TOPIC}"] .topic-progress`);
  await freshCard.locator('.progress-facts').waitFor();
  assert.match(await freshCard.innerText(), /Not started/i);
  const bad = path.join(dir, 'bad.json');
  await writeFile(bad, '{"version": 2, "topics": {"x": {"read": "yes"}}}');
  await fresh.locator('input[type="file"]').setInputFiles(bad);
  await fresh.locator('.progress-message.is-error').waitFor();
  assert.match(await fresh.locator('.progress-message').textContent(), /Could not import bad\.json: .*read.*unchanged/);
  assert.match(await freshCard.innerText(), /Not started/i);
  await fresh.locator('input[type="file"]').setInputFiles(file);
  await fresh.locator('.progress-message', { hasText: 'Progress imported' }).waitFor();
  await freshCard.locator('text=Lesson read').waitFor();
  assert.equal(await freshCard.innerText(), cardText);
  // The next step moves on from reading topic 01 once 01 is read... here 01 is untouched.
  assert.match(await fresh.locator('.next-step').innerText(), /01/);
  assert.deepEqual(fresh.consoleErrors, []);
  await fresh.context().close();
});

test('a learner who scrolls to the end of the lesson while the exercises still load stays there, and the lesson counts as read', async () => {
  // Service workers blocked so that the page's own fetches can be held back.
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route(/chunks\/exercise_section-[^/]*\.js$/, async (route) => { await held; await route.continue(); });
  const page = await openPage(site, `#/${TOPIC}`, { context });
  await page.locator('.lesson-end').waitFor();
  assert.equal(await page.locator('.py-check').count(), 0, 'the exercises are still loading');
  await page.locator('.lesson-end').scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 500, `scrolled down to the lesson's end (${scrolled}px)`);
  release();
  await page.locator('.py-check').first().waitFor();
  await page.waitForTimeout(300);   // renderTopic ends after the last section joins
  assert.ok(await page.evaluate(() => window.scrollY) > 500, 'the page did not jump back to the top');
  // Editors that mount above the end may push it down a little; a learner scrolls on.
  await scrollUntilRead(page);
  await page.locator('.lesson-end.is-read', { hasText: 'You have read this lesson' }).waitFor();
  assert.deepEqual(page.consoleErrors, []);
  await context.close();
});

test('garbage in the progress key does not break the page, and the learner is told', async () => {
  const page = await openPage(site, '#/');
  await page.locator('.topic-card').first().waitFor();
  await page.evaluate(() => localStorage.setItem('memperf.progress', '{"this is": not json'));
  await page.reload();
  await page.locator('.topic-card').first().waitFor();
  assert.equal(await page.locator('.topic-card').count(), 6);
  const notice = page.locator('.progress-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /could not be read .*reset/);
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('memperf.progress')).version), 2);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.locator('.progress-notice').count(), 0);
  // Foreign data (valid JSON, not ours) is caught too.
  await page.evaluate(() => localStorage.setItem('memperf.progress', '[1, 2, 3]'));
  await page.reload();
  await page.locator('.progress-notice').waitFor();
  await page.goto(`${site.baseUrl}#/${TOPIC}`);
  await page.locator('.quiz-question').first().waitFor();
  assert.equal(await page.locator('.progress-notice').count(), 1, 'the notice stays until dismissed');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('version 1 progress is migrated to version 2', async () => {
  const page = await openPage(site, '#/');
  await page.locator('.topic-card').first().waitFor();
  await page.evaluate((topic) => localStorage.setItem('memperf.progress', JSON.stringify({
    version: 1, read: [topic], demos: [`${topic}/membership`], quizBest: { [topic]: 80 },
  })), TOPIC);
  await page.reload();
  const card = page.locator(`.topic-card[data-topic="${TOPIC}"] .topic-progress`);
  await card.locator('.progress-facts').waitFor();
  const text = await card.innerText();
  assert.match(text, /Lesson read/);
  assert.match(text, /Demos run: 1 of/);
  assert.match(text, /\(80%\)/);
  assert.equal(await page.locator('.progress-notice').count(), 0);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('memperf.progress')));
  assert.equal(stored.version, 2);
  assert.equal(stored.topics[TOPIC].read, true);
  assert.deepEqual(stored.topics[TOPIC].demos, ['membership']);
  await page.context().close();
});

test('reset asks first in a dialog that works by keyboard', async () => {
  const page = await openPage(site, `#/${TOPIC}`);
  const button = page.locator('.lesson-end .read-button');
  await button.waitFor();
  await button.evaluate((b) => b.click());     // "Mark as read" without scrolling there
  await page.locator('.lesson-end.is-read').waitFor();
  await page.goto(`${site.baseUrl}#/`);
  const card = page.locator(`.topic-card[data-topic="${TOPIC}"] .topic-progress`);
  await card.locator('text=Lesson read').waitFor();
  const reset = page.getByRole('button', { name: 'Reset progress…' });
  await reset.focus();
  await page.keyboard.press('Enter');
  const dialog = page.locator('dialog.reset-dialog');
  assert.ok(await dialog.isVisible());
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Cancel');
  await page.keyboard.press('Escape');
  assert.equal(await dialog.isVisible(), false);
  assert.match(await card.innerText(), /Lesson read/, 'Escape keeps the progress');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Reset progress…');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Reset progress');
  await page.keyboard.press('Enter');
  await card.locator('text=Lesson not read yet').waitFor();
  assert.match(await page.locator('.progress-message').textContent(), /reset/);
  await page.context().close();
});

test('after a predict-the-output answer, "Run it" shows the real output from Python in the browser', async () => {
  const page = await openPage(site, `#/${TOPIC}`);
  await page.locator('.quiz-question').first().waitFor();
  const { quiz } = await topicJson(page);
  const q = quiz.questions.find((x) => x.type === 'output');
  const form = page.locator(`.quiz-question[data-qid="${q.id}"]`);
  assert.equal(await form.getByRole('button', { name: 'Run it' }).count(), 0, 'no Run it before answering');
  await form.locator('textarea').fill(`${q.expectedOutput.split('\n').map((l) => `${l.replace(/ /g, '   ')}   `).join('\n')}\n\n`);
  await form.locator('.q-check').click();
  assert.match(await form.locator('.q-verdict').textContent(), /Right/, 'extra spaces and trailing blank lines are forgiven');
  assert.equal(await form.locator('.q-expected').textContent(), q.expectedOutput);
  await form.getByRole('button', { name: 'Run it' }).click();
  await form.locator('.q-run-status', { hasText: 'Real output' }).waitFor({ timeout: 90000 });
  assert.equal((await form.locator('.q-run-output').textContent()).trim(), q.expectedOutput.trim());
  assert.match(await form.locator('.q-run-status').textContent(), /matches the expected output/);
  await page.context().close();
});

test('after a predict-the-curve answer, the real chart is measured and counts as a demo run', async () => {
  const page = await openPage(site, `#/${TOPIC}`);
  await page.locator('.quiz-question').first().waitFor();
  const { quiz } = await topicJson(page);
  const q = quiz.questions.find((x) => x.type === 'curve' && x.demo);
  const form = page.locator(`.quiz-question[data-qid="${q.id}"]`);
  await form.locator(`input[data-index="${q.options.findIndex((o) => o.correct)}"]`).check();
  await form.locator('.q-check').click();
  await form.getByRole('button', { name: 'Show the real chart' }).click();
  const panel = form.locator(`.demo[data-demo="${q.demo}"]`);
  await panel.locator('.status-text', { hasText: /^(Done|Stopped at the time budget)/ }).waitFor({ timeout: 60000 });
  assert.ok(await panel.locator('canvas').isVisible());
  await page.locator('.topic-header .topic-progress', { hasText: 'Demos run: 1 of' }).waitFor();
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
