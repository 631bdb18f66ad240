// Every example cell, runnable lesson block, output question, value slot and
// check: line of the course, in Pyodide under Node (issue 11): the same
// tools/content/run_facts.py that desktop python3 runs in
// tests/content/verify_content.py, fed by the same parse (build.mjs's
// checks.json, built here in memory so this suite does not need `make dist`).
// One interpreter per topic. Prints
//   Pyodide: N example cells, N lesson blocks, N quiz outputs, N value slots, N fact checks ran
// and fails on every item that Pyodide does not run as the content states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildCourse, writeOutput } from '../../tools/content/build.mjs';
import { runFactsInPyodide } from '../../tools/pyodide_node/run_facts_pyodide.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const KINDS = { example: 'example cells', block: 'lesson blocks', output: 'quiz outputs', slot: 'value slots', check: 'fact checks' };

/** Runs every topic of contentDir in Pyodide: {counts, failures: [text]}. */
async function runCourseInPyodide(contentDir) {
  const { checks, errors } = buildCourse({ contentDir });
  if (errors.length) throw new Error(`the build rejects ${contentDir}:\n${errors.join('\n')}`);
  const counts = Object.fromEntries(Object.keys(KINDS).map((k) => [k, 0]));
  const failures = [];
  for (const [id, topic] of Object.entries(checks.topics)) {
    for (const r of await runFactsInPyodide(topic)) {
      counts[r.kind] = (counts[r.kind] || 0) + 1;
      if (!r.ok) {
        const extra = r.expected !== undefined ? `\n    expected: ${JSON.stringify(r.expected)}\n    Pyodide prints: ${JSON.stringify(r.got)}`
          : `\n    ${String(r.got).split('\n').slice(-4).join('\n    ')}`;
        failures.push(`${r.file}:${r.line}: Pyodide: ${r.what} [${id}]${extra}`);
      }
    }
  }
  return { counts, failures };
}

function countLine(counts) {
  return `Pyodide: ${Object.entries(KINDS).map(([k, label]) => `${counts[k]} ${label}`).join(', ')} ran`;
}

test('the course content runs in Pyodide as it states', { timeout: 900000 }, async () => {
  const { counts, failures } = await runCourseInPyodide(path.join(ROOT, 'content'));
  console.log(countLine(counts));
  for (const f of failures) console.log(`FAIL ${f}`);
  assert.ok(counts.example > 0 && counts.output > 0, 'the content has examples and output questions to run');
  assert.equal(failures.length, 0, `${failures.length} item(s) fail in Pyodide:\n${failures.join('\n')}`);
});

// ------------------------------------------------------- able to fail --
// fixtures/facts_cases.json: the good fixture with slots, a check:, a
// curve class and lesson blocks that hold ("true"), then one of each
// broken ("false"). python3 (verify_content.py --facts-only) and Pyodide
// must both pass the first and fail every broken item of the second.

const FIXTURES = path.join(ROOT, 'tests', 'content', 'fixtures');
const cases = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'facts_cases.json'), 'utf8'));

function factsFixture(broken) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facts-'));
  fs.cpSync(path.join(FIXTURES, 'good'), dir, { recursive: true });
  for (const [file, text] of Object.entries(cases.files)) fs.writeFileSync(path.join(dir, file), text);
  for (const e of [...cases.true, ...(broken ? cases.false : [])]) {
    const file = path.join(dir, e.file);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.includes(e.find), `${e.file} contains ${JSON.stringify(e.find)}`);
    fs.writeFileSync(file, text.replace(e.find, e.replace));
  }
  return dir;
}

function desktop(dir) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'facts-data-'));
  const { errors, ...built } = buildCourse({ contentDir: dir });
  assert.deepEqual(errors.map(String), []);
  writeOutput(out, built);
  const p = spawnSync('python3', [path.join(ROOT, 'tests', 'content', 'verify_content.py'), '--facts-only', path.join(out, 'checks.json')],
    { encoding: 'utf8', timeout: 300000 });
  fs.rmSync(out, { recursive: true, force: true });
  return p;
}

test('facts that hold pass in python3 and Pyodide', { timeout: 300000 }, async () => {
  const dir = factsFixture(false);
  const p = desktop(dir);
  assert.equal(p.status, 0, p.stdout + p.stderr);
  assert.match(p.stdout, /content: [1-9]\d* passed, 0 failed/);
  const { counts, failures } = await runCourseInPyodide(dir);
  assert.deepEqual(failures, []);
  assert.equal(counts.slot, 2, 'the both-slot and the pyodide: slot run in Pyodide, the desktop: one does not');
  assert.equal(counts.check, 1);
  assert.equal(counts.block, 3, 'the fragment does not run');
});

test('a wrong value, a false check:, a crashing block, a comment that states a wrong value and a wrong curve class each fail', { timeout: 300000 }, async () => {
  const dir = factsFixture(true);
  const p = desktop(dir);
  assert.equal(p.status, 1, p.stdout);
  const fails = p.stdout.split('\n').filter((l) => l.startsWith('FAIL '));
  assert.ok(fails.some((l) => /README\.md:\d+: python3: \{\{value 3 \| 1 \+ 1\}\}/.test(l)), fails.join('\n'));
  assert.ok(fails.some((l) => /quiz\.md:\d+: python3: question q1: check: 4 in/.test(l)), fails.join('\n'));
  assert.ok(fails.some((l) => /README\.md:\d+: python3: lesson code block runs alone/.test(l)), fails.join('\n'));
  assert.ok(fails.some((l) => /quiz\.md:\d+: curve question q5: class O\(n\)/.test(l)), fails.join('\n'));
  const stated = /line 5: `print\(xs is ys\)` prints 'True', its comment says 'False'/;
  assert.ok(p.stdout.includes('its comment says') && stated.test(p.stdout), p.stdout);
  assert.equal(fails.length, 5, fails.join('\n'));
  const { failures } = await runCourseInPyodide(dir);
  assert.equal(failures.length, 4, failures.join('\n'));
  for (const re of [/\{\{value 3 \| 1 \+ 1\}\}/, /check: 4 in/, /lesson code block runs alone[^]*ZeroDivisionError/, stated]) {
    assert.ok(failures.some((f) => re.test(f)), `${re} in:\n${failures.join('\n')}`);
  }
});
