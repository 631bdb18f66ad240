// Shared set-up for the browser tests: serve dist/ with tools/serve.mjs on a
// free loopback port and drive Debian's Chromium through playwright-core.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from '../../tools/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function startSite() {
  const server = createServer(path.join(root, 'dist'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    baseUrl,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A new page that records console errors and uncaught exceptions. */
export async function openPage(site, hash = '', { context, viewport } = {}) {
  const ctx = context || await site.browser.newContext({ viewport: viewport || { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => page.consoleErrors.push(e.message));
  await page.goto(site.baseUrl + hash);
  return page;
}

/** A demo parameter's value for a quick run: fewest repeats, at most 4 points. */
export function smallValue(param) {
  if (param.name === 'repeats') return param.min;
  if (param.name === 'points') return Math.max(param.min, Math.min(param.default, 4));
  return param.default;
}

/** Fill the membership demo's fields so that a run takes many seconds (for Cancel tests). */
export async function fillLongMembershipRun(panel) {
  await panel.locator('input[name="n_min"]').fill('100000');
  await panel.locator('input[name="n_max"]').fill('1000000');
  await panel.locator('input[name="points"]').fill('40');
  await panel.locator('input[name="repeats"]').fill('15');
}

/** Replace an editor's text as a learner would: click, select all, type. */
export async function setCode(block, code) {
  const page = block.page();
  await block.locator('.cm-content').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(code);
}

/** Run `while True: pass` in an example, press Stop once it spins; the ms from Stop to Run enabled. */
export async function stopEndlessLoop(example) {
  await setCode(example, 'print("spinning")\nwhile True:\n    pass\n');
  await example.locator('.py-run').click();
  await example.locator('.py-output', { hasText: 'spinning' }).waitFor({ timeout: 30000 });
  const stopped = Date.now();
  await example.locator('.py-stop').click();
  await example.locator('.py-run:not([disabled])').waitFor({ timeout: 5000 });
  return Date.now() - stopped;
}
