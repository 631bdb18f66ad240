// Visualize in headless Chromium: the memory diagram of real CPython
// (Pyodide) for aliasing, copies, [[0]*3]*3 and a `while True` loop past the
// step limit; keyboard stepping; the table lists the arrows' references;
// axe finds no WCAG A/AA violations in the panel. Screenshots go to
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
