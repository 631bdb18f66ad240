// bench_submissions.mjs -- the learner submissions of tools/bench/submissions/
// through the page's Check, and how often each kind gets the outcome it must.
//
//   node tools/bench/bench_submissions.mjs [--path node|browser|both]
//        [--topic 03_time_complexity] [--limit N] [--kind hostile]
//
// node:    web/src/check_flow.js driving web/py/worker_host.py in Pyodide
//          under Node (a fresh interpreter per Check, as the page does),
//          judged by the native core (tools/pyodide_node/pyodide_host.mjs).
// browser: the built page in headless Chromium: the code is typed into the
//          exercise's editor and Check is pressed, as a learner would.
//
// After every hostile submission a wrong one (the exercise's stub) is
// checked in the same page session: it must fail, whatever the hostile code
// did. Prints per kind: false fails, inconclusive on correct code, slow code
// caught, hostile contained (no forged pass). Goals (issue 15): inconclusive
// on correct <= 5%, slow caught >= 98%, hostile contained: all.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheck } from '../../web/src/check_flow.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SUBMISSIONS = path.join(root, 'tools/bench/submissions');

function options(argv) {
  const o = { path: 'node', topic: null, limit: Infinity, kind: null };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in o)) throw new Error(`unknown option ${argv[i]}`);
    o[key] = key === 'limit' ? Number(argv[i + 1]) : argv[i + 1];
  }
  return o;
}

function exercises() {
  const byName = new Map();
  for (const file of fs.readdirSync(path.join(root, 'dist/data/topics'))) {
    const topic = JSON.parse(fs.readFileSync(path.join(root, 'dist/data/topics', file), 'utf8'));
    for (const ex of topic.exercises || []) byName.set(`${topic.id}/${ex.name}`, { ...ex, topic: topic.id });
  }
  return byName;
}

/** Did the outcome meet what the manifest expects of this submission? */
function grade(expect, state) {
  if (expect === 'pass') return state === 'pass' ? 'ok' : state === 'inconclusive' ? 'inconclusive' : 'false-fail';
  if (expect === 'contained') return state === 'pass' ? 'forged-pass' : 'ok';
  return state === 'fail' ? 'ok' : state === 'pass' ? 'missed' : 'inconclusive';
}

// ------------------------------------------------------------- the paths --

async function nodePath() {
  const { checkTransports, cliJudge } = await import('../pyodide_node/pyodide_host.mjs');
  const judge = cliJudge();
  return {
    async check(ex, code) {
      const t = await checkTransports({ judge });
      try {
        const outcome = await runCheck(ex, code, t, {});
        return { state: outcome.state, summary: outcome.summary };
      } catch (err) {
        return { state: 'error', summary: String(err?.message || err) };
      } finally {
        await t.close().catch(() => {});
      }
    },
    close: async () => {},
  };
}

async function browserPath() {
  const { startSite, openPage, setCode } = await import('../../tests/e2e/harness.mjs');
  const site = await startSite();
  const pages = new Map();
  async function pageFor(topic) {
    if (!pages.has(topic)) {
      const page = await openPage(site, `#/${topic}`);
      await page.locator('.py-exercise').first().waitFor();
      pages.set(topic, page);
    }
    return pages.get(topic);
  }
  return {
    async check(ex, code) {
      const page = await pageFor(ex.topic);
      const block = page.locator(`.py-exercise[data-exercise="${ex.name}"]`);
      await block.scrollIntoViewIfNeeded();
      await setCode(block, code);
      await block.locator('.py-check').click();
      await block.locator('.py-check:not([disabled])').waitFor({ timeout: 180000 });
      const state = await block.getAttribute('data-state');
      return { state: state || 'error', summary: await block.locator('.py-check-summary').textContent() };
    },
    close: () => site.close(),
  };
}

// ------------------------------------------------------------------ main --

function table(title, rows) {
  console.log(`\n${title}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(44)} ${value}`);
}

const pct = (a, b) => (b ? `${a}/${b} (${(100 * a / b).toFixed(1)}%)` : '0/0');

async function runPath(name, makePath, list, byName) {
  const p = await makePath();
  const tally = {};
  const bad = [];
  const started = Date.now();
  try {
    for (const [i, entry] of list.entries()) {
      const ex = byName.get(`${entry.topic}/${entry.exercise}`);
      if (!ex) { bad.push(`${entry.file}: no such exercise in dist/data`); continue; }
      const code = fs.readFileSync(path.join(SUBMISSIONS, entry.file), 'utf8');
      const { state, summary } = await p.check(ex, code);
      const g = grade(entry.expect, state);
      (tally[entry.kind] ||= {})[g] = (tally[entry.kind][g] || 0) + 1;
      if (g !== 'ok') bad.push(`${entry.file}: expected ${entry.expect}, got ${state}: ${String(summary).slice(0, 160)}`);
      if (entry.kind === 'hostile') {
        // The next Check in the same session must not inherit anything.
        const after = await p.check(ex, ex.stub);
        const ok = after.state === 'fail';
        (tally.after_hostile ||= {})[ok ? 'ok' : 'forged-pass'] = (tally.after_hostile[ok ? 'ok' : 'forged-pass'] || 0) + 1;
        if (!ok) bad.push(`${entry.file}: the stub checked after it was ${after.state}`);
      }
      process.stderr.write(`\r${name}: ${i + 1}/${list.length} checked`);
    }
  } finally {
    await p.close();
  }
  process.stderr.write('\n');
  const k = (kind, g) => tally[kind]?.[g] || 0;
  const n = (kind) => Object.values(tally[kind] || {}).reduce((a, b) => a + b, 0);
  table(`${name} path: ${list.length} submissions in ${((Date.now() - started) / 1000).toFixed(0)} s`, [
    ['correct: false fails', pct(k('correct', 'false-fail'), n('correct'))],
    ['correct: inconclusive (goal <= 5%)', pct(k('correct', 'inconclusive'), n('correct'))],
    ['slow: caught (goal >= 98%)', pct(k('slow', 'ok'), n('slow'))],
    ['wrong: failed', pct(k('wrong', 'ok'), n('wrong'))],
    ['error: failed', pct(k('error', 'ok'), n('error'))],
    ['hostile: contained, no forged pass (goal all)', pct(k('hostile', 'ok'), n('hostile'))],
    ['stub after a hostile one: failed (goal all)', pct(k('after_hostile', 'ok'), n('after_hostile'))],
  ]);
  if (bad.length) console.log(`  not as expected:\n    ${bad.join('\n    ')}`);
  return k('hostile', 'forged-pass') + k('after_hostile', 'forged-pass');
}

const o = options(process.argv.slice(2));
const manifest = JSON.parse(fs.readFileSync(path.join(SUBMISSIONS, 'manifest.json'), 'utf8'))
  .filter((e) => (!o.topic || e.topic === o.topic) && (!o.kind || e.kind === o.kind))
  .slice(0, o.limit);
const byName = exercises();
let forged = 0;
if (o.path === 'node' || o.path === 'both') forged += await runPath('Pyodide-under-Node', nodePath, manifest, byName);
if (o.path === 'browser' || o.path === 'both') forged += await runPath('browser', browserPath, manifest, byName);
if (forged) {
  console.log(`\nFAIL: ${forged} forged pass(es)`);
  process.exitCode = 1;
}
