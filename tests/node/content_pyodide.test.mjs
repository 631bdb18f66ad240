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
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCourse } from '../../tools/content/build.mjs';
import { runFactsInPyodide } from '../../tools/pyodide_node/run_facts_pyodide.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const KINDS = { example: 'example cells', block: 'lesson blocks', output: 'quiz outputs', slot: 'value slots', check: 'fact checks' };

/** Runs every topic of contentDir in Pyodide: {counts, failures: [text]}. */
export async function runCourseInPyodide(contentDir, classes) {
  const { checks, errors } = buildCourse({ contentDir, classes });
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

export function countLine(counts) {
  return `Pyodide: ${Object.entries(KINDS).map(([k, label]) => `${counts[k]} ${label}`).join(', ')} ran`;
}

test('the course content runs in Pyodide as it states', { timeout: 900000 }, async () => {
  const { counts, failures } = await runCourseInPyodide(path.join(ROOT, 'content'));
  console.log(countLine(counts));
  for (const f of failures) console.log(`FAIL ${f}`);
  assert.ok(counts.example > 0 && counts.output > 0, 'the content has examples and output questions to run');
  assert.equal(failures.length, 0, `${failures.length} item(s) fail in Pyodide:\n${failures.join('\n')}`);
});
