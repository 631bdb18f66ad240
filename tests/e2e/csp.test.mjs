// The strict Content-Security-Policy (tools/serve.mjs sends it; dist/index.html
// carries it as a meta tag): every page works under it with no violation
// while its features are used (a demo on every topic, Python, a quiz
// question, the theme toggle, a code view), and a violation is reported, so
// that the check can fail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startSite, openPage, setCode } from './harness.mjs';
import { CONTENT_SECURITY_POLICY } from '../../tools/serve.mjs';

let site, context;
before(async () => {
  site = await startSite();
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Init scripts come from the test driver, not the page, so CSP does not apply to them.
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
});
after(async () => { await context?.close(); await site?.close(); });

async function violations(page) {
  const fromEvents = await page.evaluate(() => window.cspViolations);
  const fromConsole = page.consoleErrors.filter((m) => /Content Security Policy/i.test(m));
  return [...fromEvents, ...fromConsole];
}

test('the policy is strict, and sent both as a header and as a meta tag', async () => {
  for (const part of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "'wasm-unsafe-eval'"]) {
    assert.ok(CONTENT_SECURITY_POLICY.includes(part), part);
  }
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /'unsafe-eval'|https?:|\*/);
  const scriptSrc = CONTENT_SECURITY_POLICY.split(';').find((d) => d.trim().startsWith('script-src'));
  assert.doesNotMatch(scriptSrc, /unsafe-inline/, 'no inline script');
  const response = await fetch(site.baseUrl);
  assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  const html = await readFile(new URL('../../dist/index.html', import.meta.url), 'utf8');
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`));
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, 'no inline script in index.html');
});

test('no violation on any page while a demo, Python, a quiz and the theme are used', async () => {
  const page = await openPage(site, '', { context });
  await page.locator('.topic-card').first().waitFor();
  await page.locator('#theme-toggle').click();
  await page.locator('#theme-toggle').click();
  const course = await page.evaluate(async () => (await fetch('data/course.json')).json());
  assert.deepEqual(await violations(page), [], 'home');
  for (const [index, topic] of course.topics.entries()) {
    await page.goto(`${site.baseUrl}#/${topic.id}`);
    await page.locator('article.lesson').waitFor();
    const panel = page.locator('section.demo').first();
    await panel.locator('.run-button').click();
    await panel.locator('.status-text', { hasText: /^(Done|Stopped)/ }).waitFor({ timeout: 60000 });
    const data = await page.evaluate(async (id) => (await fetch(`data/topics/${id}.json`)).json(), topic.id);
    const q = data.quiz.questions.find((x) => x.type !== 'order');
    await page.locator('.quiz-question').first().waitFor();
    const form = page.locator(`.quiz-question[data-qid="${q.id}"]`);
    if (q.type === 'output') await form.locator('textarea').fill(q.expectedOutput);
    else for (const [i, option] of q.options.entries()) if (option.correct) await form.locator(`input[data-index="${i}"]`).check();
    await form.locator('.q-check').click();
    await form.locator('.q-verdict').waitFor();
    if (index === 0) {
      // Python once: Pyodide compiles its wasm and evaluates its module code under the policy.
      const example = page.locator('.py-example').first();
      await setCode(example, 'import sys\nprint("csp", sum(range(10)), sys.platform)');
      await example.locator('.py-run').click();
      await example.locator('.py-run:not([disabled])').waitFor({ timeout: 90000 });
      assert.match(await example.locator('.py-output').innerText(), /csp 45 emscripten/);
    }
    assert.deepEqual(await violations(page), [], topic.id);
  }
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('an inline script is blocked and the violation is reported', async () => {
  const page = await openPage(site, '', { context });
  await page.locator('.topic-card').first().waitFor();
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.body.append(s);
  });
  await page.waitForFunction(() => window.cspViolations.length > 0, null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.inlineRan), undefined, 'the inline script did not run');
  assert.match((await violations(page))[0], /script-src/);
  await page.close();
});
