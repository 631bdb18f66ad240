// Visualize in headless Chromium: the memory diagram of real CPython
// (Pyodide) for aliasing, copies, [[0]*3]*3 and a `while True` loop past the
// step limit; a sleeping loop past the time limit, a deep recursion's
// frames, a syntax error with nothing stale around it; keyboard stepping; the table lists the arrows' references;
// next change of a name, find by id, the hide-shared toggle, the object
// limit's notice, a cycle drawn once and collected by gc.collect();
// the toggle kept for the session and a stale find box cleared, and
// redrawing every open diagram at its step; a wide diagram scrolling inside
// its box at 1280x900 and 390px, the page never sideways; on a phone a
// bounded names column with the first objects beside it; axe finds no WCAG A/AA violations in the panel. Screenshots go to
// build/screens/ (light and dark) for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { startSite, openPage, setCode } from './harness.mjs';

let site, page, block;
before(async () => {
  site = await startSite();
  page = await openPage(site, '#/01_memory_basics');
  block = page.locator('.py-runner').first();
  await block.waitFor();
  fs.mkdirSync('build/screens', { recursive: true });
});
after(async () => { await site?.close(); });

async function visualize(code) {
  await setCode(block, code);
  await block.locator('.py-visualize').click();
  await block.locator('.trace-panel .trace-status').filter({ hasText: /steps? recorded|Nothing ran|Python/ }).waitFor({ timeout: 120000 });
  await block.locator('.trace-position').filter({ hasText: /Step \d+ of \d+/ }).waitFor({ timeout: 120000 });
}

/** Arrows' target ids (sorted) and the table's arrow rows' ids (sorted). */
async function arrowsAndTable() {
  return block.evaluate((root) => ({
    arrows: [...root.querySelectorAll('.memory-diagram path.arrow')].map((p) => p.dataset.to).sort(),
    table: [...root.querySelectorAll('.trace-table tbody tr')].filter((tr) => tr.lastChild.textContent === 'arrow').map((tr) => tr.dataset.to).sort(),
    names: Object.fromEntries([...root.querySelectorAll('.trace-table tbody tr[data-kind="name"]')].map((tr) => [tr.children[1].textContent, tr.dataset.to])),
  }));
}

test('a = [1, 2, 3]; b = a; b.append(4): two names, one list of 4', async () => {
  await visualize('a = [1, 2, 3]\nb = a\nb.append(4)\n');
  const { names, arrows, table } = await arrowsAndTable();
  assert.equal(names.a, names.b, 'id(a) == id(b)');
  const list = block.locator(`.memory-diagram g.object[data-id="${names.a}"]`);
  assert.equal(await list.count(), 1);
  assert.equal(await list.locator('.slot-label').count(), 4);
  assert.equal(arrows.filter((id) => id === names.a).length, 2, 'two arrows into the list');
  assert.deepEqual(arrows, table, 'the table lists the same references as the picture');
  await block.locator('.trace-panel').screenshot({ path: 'build/screens/tracer_alias_light.png' });
});

test('keyboard stepping moves through the steps and the editor line follows', async () => {
  await block.locator('.trace-figure').focus();
  await page.keyboard.press('Home');
  await block.locator('.trace-position').filter({ hasText: 'Step 1 of 4' }).waitFor();
  await page.keyboard.press('ArrowRight');
  await block.locator('.trace-position').filter({ hasText: 'Step 2 of 4' }).waitFor();
  assert.match(await block.locator('.cm-trace-line').textContent(), /b = a/);
  await page.keyboard.press('End');
  await block.locator('.trace-position').filter({ hasText: 'Step 4 of 4' }).waitFor();
});

test('copy.copy shares inner lists, copy.deepcopy does not', async () => {
  await visualize('import copy\nx = [[1], [2]]\ns = copy.copy(x)\nd = copy.deepcopy(x)\n');
  const items = async (name) => {
    const { names } = await arrowsAndTable();
    return block.evaluate((root, id) => [...root.querySelectorAll('.trace-table tbody tr')].filter((tr) => tr.children[0].textContent === `list ${id}`).map((tr) => tr.dataset.to), names[name]);
  };
  const [x, s, d] = [await items('x'), await items('s'), await items('d')];
  assert.equal(x.length, 2);
  assert.deepEqual(s, x);
  assert.ok(d.every((id) => !x.includes(id)));
});

test('x = [[0] * 3] * 3: three slots point to one inner list', async () => {
  await visualize('x = [[0] * 3] * 3\n');
  const { names } = await arrowsAndTable();
  const slots = await block.evaluate((root, id) => [...root.querySelectorAll('.trace-table tbody tr')].filter((tr) => tr.children[0].textContent === `list ${id}`).map((tr) => tr.dataset.to), names.x);
  assert.equal(slots.length, 3);
  assert.equal(new Set(slots).size, 1);
});

test('while True stops at the step limit and the steps so far are shown', async () => {
  await visualize('n = 0\nwhile True:\n    n += 1\n');
  assert.match(await block.locator('.trace-limit').textContent(), /1,000 steps/);
  assert.match(await block.locator('.trace-position').textContent(), /Step 1000 of 1000/);
  assert.ok(await block.locator('.memory-diagram g.object').count() >= 1);
});

/** The table's name rows as "frame:name" -> id, and its slot rows' ids. */
async function tableRefs() {
  return block.evaluate((root) => {
    const rows = [...root.querySelectorAll('.trace-table tbody tr')].filter((tr) => tr.lastChild.textContent === 'arrow');
    return {
      names: rows.filter((tr) => tr.dataset.kind === 'name').map((tr) => `${tr.children[0].textContent}:${tr.children[1].textContent} ${tr.dataset.to}`).sort(),
      slots: rows.filter((tr) => tr.dataset.kind !== 'name').map((tr) => tr.dataset.to).sort(),
    };
  });
}

/** The picture's arrows the same way: names' arrows by source, slots' by target. */
async function pictureRefs() {
  return block.evaluate((root) => {
    const arrows = [...root.querySelectorAll('.memory-diagram path.arrow')];
    return {
      names: arrows.filter((p) => !p.classList.contains('slot')).map((p) => `${p.dataset.from} ${p.dataset.to}`).sort(),
      slots: arrows.filter((p) => p.classList.contains('slot')).map((p) => p.dataset.to).sort(),
    };
  });
}

const position = () => block.locator('.trace-position').textContent();

test('a bare except in the loop does not escape the step limit', async () => {
  await visualize('while True:\n    try:\n        x = 1\n    except:\n        pass\n');
  assert.match(await block.locator('.trace-limit').textContent(), /1,000 steps/);
  assert.match(await position(), /Step 1000 of 1000/);
});

test('a loop that sleeps stops at the time limit, before the page gives up, with its steps shown', async () => {
  await visualize('import time\nn = 0\nwhile True:\n    n += 1\n    time.sleep(0.25)\n');
  assert.match(await block.locator('.trace-limit').textContent(), /Stopped after 5 s, the time limit, at step \d+/);
  const [, shown, total] = (await position()).match(/Step (\d+) of (\d+)/);
  assert.equal(shown, total);
  assert.ok(Number(total) > 5 && Number(total) < 1000, `${total} steps`);
  assert.ok(await block.locator('.memory-diagram g.object').count() >= 2, 'the last step is drawn');
});

test('a deep recursion: 30 frames drawn and a notice of the calls left out', async () => {
  // 100 calls deep, not a runaway one: under load that can meet the time limit first.
  await visualize('def f(n):\n    return f(n - 1) if n else 0\n\nf(100)\n');
  await block.locator('.trace-slider').fill('100');
  assert.equal(await position(), 'Step 101 of 104', 'def, f(100), 101 calls, the end');
  const notice = block.locator('.trace-figure .trace-frame-limit');
  assert.equal(await notice.textContent(), 'This step is 99 calls deep: the global names and the innermost 29 calls are drawn, the 70 between them are left out.');
  assert.equal(await block.locator('.memory-diagram g.frame').count(), 30);
  assert.deepEqual(await pictureRefs(), await tableRefs());
});

test('Stop during a trace shows the steps so far', async () => {
  await visualize('a = 1\n');                            // Python loaded: the next one traces at once
  await setCode(block, 'import time\nn = 0\nwhile True:\n    n += 1\n    time.sleep(0.1)\n');
  await block.locator('.py-visualize').click();
  await block.locator('.trace-status').filter({ hasText: 'Tracing' }).waitFor();
  await page.waitForTimeout(1200);
  await block.locator('.py-stop').click();
  await block.locator('.trace-limit').filter({ hasText: 'Stopped. The steps so far are shown.' }).waitFor({ timeout: 20000 });
  const [, shown, total] = (await position()).match(/Step (\d+) of (\d+)/);
  assert.equal(shown, total);
  assert.ok(Number(total) >= 3, `${total} steps`);
  assert.equal(await block.locator('.trace-figure').isVisible(), true);
});

test('a syntax error: the error in words, no steps, no controls or picture left from the last trace', async () => {
  await visualize('a = [1]\nb = a\n');
  await setCode(block, 'x = [1\n');
  await block.locator('.py-visualize').click();
  await block.locator('.trace-error').filter({ hasText: /SyntaxError on line 1/ }).waitFor({ timeout: 60000 });
  assert.match(await block.locator('.trace-error').textContent(), /Nothing ran/);
  for (const sel of ['.trace-toolbar', '.trace-line', '.trace-figure', '.trace-table', '.trace-summary', '.trace-hide']) {
    assert.equal(await block.locator(sel).isVisible(), false, `${sel} is hidden`);
  }
  assert.equal(await block.locator('.cm-trace-line').count(), 0, 'no line marked in the editor');
  assert.equal(await block.locator('.trace-close').isVisible(), true, 'Close is still there');
  await visualize('a = [1]\nb = a\n');
  assert.equal(await block.locator('.trace-figure').isVisible(), true, 'the next trace brings the picture back');
  assert.equal(await block.locator('.trace-toolbar').isVisible(), true);
});

test('the facts other visualizers get wrong: capacity beyond length, equal large ints apart, the 32-bit note', async () => {
  await visualize("a = []\nfor i in range(5):\n    a.append(i)\nx = int('1000')\ny = int('1000')\n");
  const { names } = await arrowsAndTable();
  const meta = await block.locator(`.memory-diagram g.object[data-id="${names.a}"] .object-meta`).allTextContents();
  assert.ok(meta.includes('len 5, capacity 8'), meta.join(' | '));
  assert.notEqual(names.x, names.y, 'x is not y');
  assert.equal(await block.locator('.memory-diagram g.object[data-type="int"]').filter({ hasText: /^int.*1000$/ }).count(), 2);
  const note = await block.locator('.trace-size-note').textContent();
  const [, empty, pointer] = note.match(/Measured here: sys\.getsizeof\(\[\]\) is (\d+) bytes and a pointer is (\d+) bytes; 64-bit desktop CPython gives \d+ and 8\./) || [];
  assert.ok(empty, note);
  assert.match(note, /32-bit WebAssembly/);
  assert.ok(meta.includes(`${Number(empty) + 8 * Number(pointer)} B · refcount 1`), `the note's figures give the list's size: ${meta.join(' | ')}`);
});

test('next change of a chosen name: rebinding and mutation', async () => {
  await visualize('a = 1\nx = []\na = 3\nx.append(a)\nb = 2\n');
  await block.locator('.trace-figure').focus();
  await page.keyboard.press('Home');
  await block.locator('.trace-tools select').selectOption('a');
  await block.locator('.trace-next-change').click();
  assert.equal(await position(), 'Step 2 of 6', 'a appears before line 2');
  await block.locator('.trace-next-change').click();
  assert.equal(await position(), 'Step 4 of 6', 'a = 3 rebinds it');
  assert.match(await block.locator('.trace-status').textContent(), /a changes before step 4/);
  await block.locator('.trace-next-change').click();
  assert.match(await block.locator('.trace-status').textContent(), /a does not change after step 4/);
  assert.equal(await position(), 'Step 4 of 6');
  await block.locator('.trace-figure').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');               // step 3: x = [] bound
  await block.locator('.trace-tools select').selectOption('x');
  await block.locator('.trace-next-change').click();
  assert.equal(await position(), 'Step 5 of 6', 'x.append(a) mutates the list x points to');
  const changed = block.locator('.memory-diagram g.object.kind-list.is-changed');
  assert.equal(await changed.count(), 1, 'the mutated list is marked changed');
});

test('find an object by id: goes to its step and outlines it', async () => {
  await visualize('a = [1, 2]\nb = 3\nc = a\n');
  const { names } = await arrowsAndTable();
  await block.locator('.trace-figure').focus();
  await page.keyboard.press('Home');
  await block.locator('.trace-tools input[aria-label="Object id to find"]').fill(names.a);
  await block.locator('.trace-find').click();
  assert.equal(await position(), 'Step 2 of 4', 'the list first exists before line 2');
  assert.equal(await block.locator(`.memory-diagram g.object.is-found[data-id="${names.a}"]`).count(), 1);
  assert.match(await block.locator('.trace-status').textContent(), new RegExp(`Object ${names.a} \\(list\\) is at step 2`));
  await block.locator('.trace-tools input[aria-label="Object id to find"]').fill('12345');
  await block.locator('.trace-find').click();
  assert.match(await block.locator('.trace-status').textContent(), /No step has an object with id 12345/);
});

test('show everything by default; the toggle hides small ints and interned strings', async () => {
  await visualize("n = 5\nm = 5\ns = 'hi'\nbig = int('1000')\nbig2 = int('1000')\nitems = [n, big]\n");
  const toggle = block.locator('.trace-hide input');
  assert.equal(await toggle.isChecked(), false, 'the default shows every object');
  const { names } = await arrowsAndTable();
  assert.equal(names.n, names.m, 'one small int 5: n is m');
  assert.notEqual(names.big, names.big2, "two int('1000') objects: big is not big2");
  const small = block.locator(`.memory-diagram g.object[data-id="${names.n}"]`);
  assert.equal(await small.count(), 1, 'the small int is drawn as an object');
  assert.match(await small.locator('.object-meta').first().textContent(), /small int/);
  assert.match(await block.locator(`.memory-diagram g.object[data-id="${names.s}"] .object-meta`).first().textContent(), /interned/);
  assert.deepEqual(await pictureRefs(), await tableRefs());
  await toggle.check();
  assert.equal(await block.locator('.memory-diagram g.object.is-shared').count(), 0, 'no shared object drawn');
  assert.equal(await block.locator(`.memory-diagram g.object[data-id="${names.big}"]`).count(), 1, 'the large int stays');
  const fives = await block.evaluate((root) => [...root.querySelectorAll('.memory-diagram .inline-value')].filter((t) => t.firstChild.nodeValue === '5').length);
  assert.equal(fives, 3, '5 written inside n, m and the slot items[0]');
  await block.locator('.trace-panel').screenshot({ path: 'build/screens/tracer_hidden_shared.png' });
  const rowOfN = block.locator('.trace-table tbody tr[data-kind="name"]').filter({ has: page.locator('td:nth-child(2)', { hasText: /^n$/ }) });
  assert.equal(await rowOfN.locator('td').last().textContent(), 'inside the slot');
  assert.deepEqual(await pictureRefs(), await tableRefs(), 'the table follows the toggle');
  await block.locator('.trace-figure').focus();
  await page.keyboard.press('Home');
  for (let i = 1; ; i += 1) {
    assert.equal(await position(), `Step ${i} of 7`);
    assert.deepEqual(await pictureRefs(), await tableRefs(), `step ${i}, stepped by keyboard with the toggle on`);
    const boxes = await block.locator('.memory-diagram g.object').count();
    const summary = await block.locator('.trace-summary').textContent();
    assert.ok(summary.includes(` ${boxes} drawn as boxes`) || !/drawn as boxes/.test(summary), `${summary} (${boxes} boxes)`);
    if (i === 7) break;
    await page.keyboard.press('ArrowRight');
  }
  await toggle.uncheck();
});

test('the toggle holds for the session (re-run, another page); a find box that no longer matches is cleared', async () => {
  await visualize("n = 5\nitems = [n, int('1000')]\n");
  const toggle = block.locator('.trace-hide input');
  const find = block.locator('.trace-tools input[aria-label="Object id to find"]');
  const { names } = await arrowsAndTable();
  await block.locator('.trace-tools select').selectOption('items');
  await find.fill(names.items);
  await block.locator('.trace-find').click();
  await toggle.check();
  assert.match(await block.locator('.trace-summary').textContent(), /2 drawn as boxes and 1 written inside their slots/, 'the words count what is drawn');
  await visualize("n = 5\nitems = [n, n]\nother = 'x'\n");
  assert.equal(await toggle.isChecked(), true, 'a re-run keeps the toggle');
  assert.equal(await block.locator('.memory-diagram g.object.is-shared').count(), 0);
  assert.deepEqual(await pictureRefs(), await tableRefs(), 'the table follows the kept toggle');
  assert.equal(await find.inputValue(), '', 'the old list id is in no step of the new trace');
  assert.equal(await block.locator('.trace-tools select').inputValue(), 'items', 'the name followed is still there');
  const small = (await arrowsAndTable()).names.n;
  await find.fill(small);
  await visualize('n = 5\n');
  assert.equal(await find.inputValue(), small, 'the small int 5 is one object: its id still matches');
  await page.goto(`${site.baseUrl}#/02_references_vs_values`);
  await block.waitFor();
  await visualize('a = [1]\nb = a\n');
  assert.equal(await toggle.isChecked(), true, 'another page: the session choice holds');
  assert.equal(await find.inputValue(), '', 'a new page starts with an empty find box');
  assert.deepEqual(await pictureRefs(), await tableRefs());
  await toggle.uncheck();
  await page.goto(`${site.baseUrl}#/01_memory_basics`);
  await block.waitFor();
  await visualize('a = [1]\n');
  assert.equal(await toggle.isChecked(), false, 'unchecked is remembered too');
});

test('a wide diagram scrolls inside its box at 1280x900 and on a 390px phone; Shift+arrows scroll it', async () => {
  const code = "rows = [list(range(i, i + 12)) for i in range(8)]\nt = tuple(rows)\nword = 'abcdefghijklmnopqrstuvwxyz_' * 3\n";
  const phone = await openPage(site, '#/01_memory_basics', { viewport: { width: 390, height: 844 } });
  try {
    for (const [label, p] of [['desktop', page], ['phone', phone]]) {
      const b = p.locator('.py-runner').first();
      await b.waitFor();
      await setCode(b, code);
      await b.locator('.py-visualize').click();
      await b.locator('.trace-position').filter({ hasText: /Step \d+ of \d+/ }).waitFor({ timeout: 120000 });
      await b.locator('.trace-table summary').click();
      const m = await p.evaluate(() => {
        const fig = document.querySelector('.trace-figure');
        const rightmost = Math.max(...[...document.querySelectorAll('.trace-panel, .trace-panel *')].filter((e) => !e.closest('.trace-figure svg, .trace-table-scroll table')).map((e) => e.getBoundingClientRect().right));
        const table = document.querySelector('.trace-table-scroll');
        return { page: document.documentElement.scrollWidth, inner: innerWidth, fig: [fig.clientWidth, fig.scrollWidth], rightmost, table: [table.clientWidth, table.scrollWidth] };
      });
      assert.ok(m.page <= m.inner, `${label}: the page does not scroll sideways (${m.page} > ${m.inner})`);
      assert.ok(m.rightmost <= m.inner, `${label}: nothing in the panel reaches past the window (${m.rightmost})`);
      assert.ok(m.fig[1] > m.fig[0], `${label}: the wide diagram scrolls inside its box (${m.fig})`);
      assert.ok(m.table[1] <= m.table[0], `${label}: the table's six columns fit without scrolling (${m.table})`);
      await b.locator('.trace-figure').focus();
      const before = await b.locator('.trace-position').textContent();
      await p.keyboard.press('Shift+ArrowRight');
      await p.waitForFunction(() => document.querySelector('.trace-figure').scrollLeft > 0);
      assert.equal(await b.locator('.trace-position').textContent(), before, 'Shift+Right scrolls, it does not step');
      await b.locator('.trace-figure').scrollIntoViewIfNeeded();
      await p.screenshot({ path: `build/screens/tracer_wide_${label}.png` });
    }
  } finally {
    await phone.context().close();
  }
});

test('on a 390px phone the names column is bounded and the first objects fit beside it; wider, names are whole', async () => {
  const code = "xs = [1, 2]\nys = xs\ncopy_of_scores = list(xs)\nn = 11\n";
  const phone = await openPage(site, '#/01_memory_basics', { viewport: { width: 390, height: 844 } });
  try {
    const b = phone.locator('.py-runner').first();
    await b.waitFor();
    await setCode(b, code);
    await b.locator('.py-visualize').click();
    await b.locator('.trace-position').filter({ hasText: /Step \d+ of \d+/ }).waitFor({ timeout: 120000 });
    const measure = () => phone.evaluate(() => {
      const fig = document.querySelector('.trace-figure');
      const f = fig.getBoundingClientRect();
      const frame = fig.querySelector('.frame-box').getBoundingClientRect();
      const boxes = [...fig.querySelectorAll('g.object')].map((g) => g.getBoundingClientRect());
      const firstColumn = Math.min(...boxes.map((r) => r.left));
      const long = [...fig.querySelectorAll('.name-label')].find((t) => t.querySelector('title'));
      const inside = f.left + fig.clientLeft + fig.clientWidth - parseFloat(getComputedStyle(fig).paddingRight);
      return { page: document.documentElement.scrollWidth, inner: innerWidth, fig: [f.left, inside, fig.clientWidth], frame: frame.width,
        firstColumn: boxes.filter((r) => Math.abs(r.left - firstColumn) < 1).map((r) => r.right),
        cut: long ? [long.firstChild.nodeValue, long.querySelector('title').textContent] : null,
        compact: fig.querySelector('svg').classList.contains('compact') };
    });
    const m = await measure();
    assert.ok(m.page <= m.inner, `the page does not scroll sideways (${m.page} > ${m.inner})`);
    assert.ok(m.frame <= 0.4 * m.fig[2], `the names column takes at most 40% of the figure (${m.frame} of ${m.fig[2]})`);
    assert.equal(m.firstColumn.length, 3, 'two lists and the int 11 in the first column');
    assert.ok(m.firstColumn.every((right) => right <= m.fig[1]), `the first column of objects is in view without scrolling (${m.firstColumn} > ${m.fig[1]})`);
    assert.ok(m.cut && m.cut[0].endsWith('…') && m.cut[1] === 'copy_of_scores', `a long name is cut, whole in its tooltip (${m.cut})`);
    const row = b.locator('.trace-table tbody tr[data-kind="name"] td:nth-child(2)', { hasText: 'copy_of_scores' });
    assert.equal(await row.count(), 1, 'the table has the whole name');
    await b.locator('.trace-figure').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: 'build/screens/tracer_phone_names.png' });
    await phone.setViewportSize({ width: 1280, height: 900 });
    await phone.waitForFunction(() => !document.querySelector('.trace-figure svg').classList.contains('compact'));
    const wide = await measure();
    assert.equal(wide.cut, null, 'at 1280px every name is whole');
    assert.match(await b.locator('.trace-position').textContent(), /Step 5 of 5/, 'the redraw keeps the step');
  } finally {
    await phone.context().close();
  }
});

test('the toggle redraws every open diagram at the step it shows, without a re-run', async () => {
  const other = page.locator('.py-runner').nth(1);
  const code = "n = 5\ns = 'hi'\nitems = [n, s]\nx = int('1000')\n";
  await visualize(code);
  await setCode(other, code);
  await other.locator('.py-visualize').click();
  await other.locator('.trace-position').filter({ hasText: /Step 5 of 5/ }).waitFor({ timeout: 120000 });
  await block.locator('.trace-figure').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await position(), 'Step 3 of 5');
  const shared = (b) => b.locator('.memory-diagram g.object.is-shared').count();
  assert.equal(await shared(block), 2, 'step 3: 5 and "hi" drawn');
  assert.equal(await shared(other), 2);
  // count() does not wait: the boxes are gone as soon as check() returns,
  // so the diagrams were redrawn from the trace, not traced again.
  await block.locator('.trace-hide input').check();
  assert.equal(await shared(block), 0, 'this diagram hides them');
  assert.equal(await position(), 'Step 3 of 5', 'and keeps its step');
  assert.equal(await other.locator('.trace-hide input').isChecked(), true, 'the other panel\'s toggle follows');
  assert.equal(await shared(other), 0, 'the other open diagram is redrawn');
  assert.equal(await other.locator('.trace-position').textContent(), 'Step 5 of 5', 'at its own step');
  assert.match(await other.locator('.trace-summary').textContent(), /written inside their slots/, 'its words follow the picture');
  assert.deepEqual(await other.evaluate((root) => [...root.querySelectorAll('.trace-table tbody tr')].filter((tr) => tr.lastChild.textContent === 'arrow').length),
    await other.locator('.memory-diagram path.arrow').count(), 'its table follows too');
  await other.locator('.trace-hide input').uncheck();
  assert.equal(await shared(block), 2, 'unchecking in the other panel redraws this one');
  assert.equal(await position(), 'Step 3 of 5');
  await other.locator('.trace-close').click();
});

test('past the objects-per-step limit a notice says the step is cut', async () => {
  await visualize('x = list(range(1000, 1300))\n');
  const notice = block.locator('.trace-figure .trace-object-limit');
  assert.match(await notice.textContent(), /limit of 150/);
  assert.equal(await block.locator('.memory-diagram g.object').count(), 150);
  await block.locator('.trace-figure').focus();
  await page.keyboard.press('Home');
  assert.equal(await notice.count(), 0, 'the first step is whole: no notice');
});

test('a reference cycle is drawn without looping, then gc.collect() frees it', async () => {
  await visualize('import gc\n\nclass Node:\n    pass\n\na = Node()\nb = Node()\na.other = b\nb.other = a\ndel a, b\nfound = gc.collect()\n');
  await block.locator('.trace-figure').focus();
  await page.keyboard.press('Home');
  while (!/^10: del a, b/.test(await block.locator('.trace-line-text').textContent())) await page.keyboard.press('ArrowRight');
  const nodes = block.locator('.memory-diagram g.object[data-type="Node"]');
  assert.equal(await nodes.count(), 2, 'each object of the cycle is drawn once');
  const slotArrows = block.locator('.memory-diagram path.arrow.slot');
  assert.equal(await slotArrows.count(), 2, 'a.other and b.other');
  assert.equal(await block.locator('.memory-diagram path.arrow.slot.back').count(), 2, 'both curve back into a drawn box');
  assert.deepEqual(await pictureRefs(), await tableRefs());
  await page.screenshot({ path: 'build/screens/tracer_cycle.png', fullPage: false });
  await block.locator('.trace-panel').screenshot({ path: 'build/screens/tracer_cycle_panel.png' });
  await page.keyboard.press('End');
  assert.equal(await nodes.count(), 0, 'after del and gc.collect() no Node is reachable');
  const { names } = await arrowsAndTable();
  const found = await block.locator(`.memory-diagram g.object[data-id="${names.found}"] .object-value`).textContent();
  assert.ok(Number(found) >= 2, `gc.collect() found the two Nodes (${found})`);
});

test('the diagram panel has no WCAG A/AA violations, light and dark; screenshots', async () => {
  await visualize('import copy\nx = [[1], [2]]\ns = copy.copy(x)\nd = copy.deepcopy(x)\nx.append(x)\n');
  for (const theme of ['light', 'dark']) {
    if (theme === 'dark') {
      await page.click('#theme-toggle');
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    }
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('.trace-panel').analyze();
    assert.equal(violations.length, 0, violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n'));
    await block.locator('.trace-panel').screenshot({ path: `build/screens/tracer_copy_${theme}.png` });
  }
  assert.deepEqual(page.consoleErrors, []);
});
