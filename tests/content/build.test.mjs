// Tests for tools/content/build.mjs: the good fixture builds into the JSON
// content/FORMAT.md documents, every malformed case in
// fixtures/malformed.json fails with its file:line message, and text
// never turns into markup.
//
//   node --test tests/content/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { buildCourse, writeOutput, splitCells, parseQuiz, highlight, escapeHtml, slugify } from '../../tools/content/build.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const good = path.join(here, 'fixtures', 'good');
const buildCli = path.join(root, 'tools', 'content', 'build.mjs');
const malformed = JSON.parse(fs.readFileSync(path.join(here, 'fixtures', 'malformed.json'), 'utf8')).cases;

function copyFixture() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
  fs.cpSync(good, dir, { recursive: true });
  return dir;
}

function runCli(args, cwd = root) {
  return spawnSync(process.execPath, [buildCli, ...args], { cwd, encoding: 'utf8' });
}

// Every tag in html, so tests can say which elements may appear.
function tags(html) {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)\b/g)].map((m) => m[1].toLowerCase());
}

const ALLOWED_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'code', 'pre', 'span', 'em', 'strong', 'ul', 'ol',
  'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'blockquote', 'hr', 'br', 'del', 'img']);

// Every *Html / html string in a topic's JSON.
function allHtml(value, out = []) {
  if (Array.isArray(value)) value.forEach((v) => allHtml(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (/html$/i.test(k) && typeof v === 'string') out.push(v);
      else allHtml(v, out);
    }
  }
  return out;
}

// ------------------------------------------------------------- good fixture --

test('the good fixture builds into the documented JSON', () => {
  const { course, topics, errors } = buildCourse({ contentDir: good, demoIds: ['membership'] });
  assert.deepEqual(errors.map(String), []);
  assert.equal(course.title, 'Fixture course');
  assert.match(course.overviewHtml, /<a href="#\/01_alpha">Alpha<\/a>/);
  assert.match(course.overviewHtml, /<a href="#\/02_beta">Beta<\/a>/);
  assert.deepEqual(course.topics, [
    { id: '01_alpha', number: '01', title: 'Alpha topic', summary: 'The one-sentence summary of alpha, with code.' },
    { id: '02_beta', number: '02', title: 'Beta topic', summary: 'Beta summary.' },
  ]);

  const alpha = topics[0];
  assert.deepEqual(Object.keys(alpha), ['id', 'number', 'title', 'summary', 'lessonHtml', 'demos', 'examples', 'exercises', 'quiz']);
  assert.deepEqual(alpha.demos, ['membership']);
  assert.deepEqual(alpha.examples.map((e) => [e.index, e.title]), [[1, 'Names point at objects'], [2, 'Sets are fast']]);
  assert.ok(alpha.examples[0].code.startsWith('print("== Names point at objects ==")\n'));

  const [dup, total] = alpha.exercises;
  assert.deepEqual(Object.keys(dup), ['name', 'title', 'time', 'space', 'descriptionHtml', 'stub', 'check', 'solution', 'naive', 'naiveTime']);
  assert.equal(dup.name, 'has_duplicates');
  assert.equal(dup.title, 'Any duplicates?');
  assert.equal(dup.time, 'O(n)');
  assert.equal(dup.space, 'O(n)');
  assert.equal(dup.naiveTime, 'O(n^2)');
  assert.ok(dup.stub.startsWith('def has_duplicates(items):'), 'headers are not part of the stub');
  assert.ok(dup.check.startsWith('TESTS = ['));
  assert.ok(dup.solution.includes('len(set(items))'));
  assert.ok(dup.naive.startsWith('def has_duplicates'), 'the # time: header is not part of the naive code');
  assert.match(dup.descriptionHtml, /^<p>Return True if some value appears more than once in items\.<\/p>/);
  assert.equal(total.space, undefined);
  assert.equal(total.naive, undefined);
  assert.equal(total.descriptionHtml, '<p>Return the sum of items.</p>\n');

  assert.equal(alpha.quiz.title, 'Alpha');
  assert.equal(alpha.quiz.questions.length, 10);
  const [q1, q2, q3, q4, q5] = alpha.quiz.questions;
  assert.deepEqual(Object.keys(q1), ['id', 'type', 'title', 'promptHtml', 'options', 'explanationHtml']);
  assert.deepEqual(q1.options.map((o) => o.correct), [false, false, true, false]);
  assert.deepEqual(q2.options.map((o) => o.correct), [true, true, false]);
  assert.equal(q3.type, 'output');
  assert.equal(q3.code, 'a = [1, 2]\nb = a\nb.append(3)\nprint(a)\n');
  assert.equal(q3.expectedOutput, '[1, 2, 3]\n');
  assert.match(q3.promptHtml, /<pre class="code" data-lang="python">/);
  assert.doesNotMatch(q3.promptHtml, /\[1, 2, 3\]/, 'the expected output is not in the prompt');
  assert.deepEqual(q4.items.map((i) => i.cls), ['O(1)', 'O(log n)', 'O(n)', 'O(n^2)']);
  assert.equal(q4.items[0].html, '<code>d[k]</code>');
  assert.equal(q5.demo, 'membership');
  assert.equal(q5.series, 'set');
  assert.equal(q5.explanationHtml, '<p>Flat.</p>\n');
  assert.match(alpha.quiz.questions[9].promptHtml, /<a href="#\/02_beta">beta<\/a>/);
  assert.match(topics[1].quiz.questions[9].promptHtml, /<a href="#\/01_alpha\/key-takeaways">/);
});

test('lessons: highlighting, slots, heading ids, links', () => {
  const { topics } = buildCourse({ contentDir: good });
  const html = topics[0].lessonHtml;
  assert.doesNotMatch(html, /<h1/, 'the title is not repeated in the lesson');
  assert.match(html, /^<p>The one-sentence summary/);
  assert.match(html, /<h2 id="lists--sets">Lists &amp; sets<\/h2>/);
  assert.match(html, /<h2 id="key-takeaways">Key takeaways<\/h2>/);
  assert.match(html, /<h2 id="common-mistakes">Common mistakes<\/h2>/);
  assert.match(html, /<div class="demo-slot" data-demo="membership"><\/div>/);
  assert.match(html, /<div class="example-slot" data-example="2"><\/div>/);
  assert.match(html, /<span class="tok-keyword">def<\/span>/);
  assert.match(html, /<span class="tok-comment"># comment &lt;b&gt;<\/span>/);
  assert.match(html, /<pre class="code" data-lang="c"><code class="language-c"><span class="tok-typeName">int<\/span>/);
  assert.match(html, /<code class="language-text">plain &lt;text&gt; here<\/code>/);
  assert.match(html, /<a href="#\/02_beta">beta<\/a> and\n<a href="#\/02_beta">beta again<\/a>/);
  assert.match(html, /<a href="#\/01_alpha\/key-takeaways">the section below<\/a>/);
  assert.match(html, /<a href="https:\/\/docs.python.org\/3\/" rel="noopener" target="_blank">Python<\/a>/);
});

test('the CLI writes course.json and topics/<id>.json', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'data-'));
  const r = runCli(['--content', good, '--out', out, '--demo-ids', 'membership,other']);
  assert.equal(r.status, 0, r.stderr);
  const course = JSON.parse(fs.readFileSync(path.join(out, 'course.json'), 'utf8'));
  assert.deepEqual(course.topics.map((t) => t.id), ['01_alpha', '02_beta']);
  for (const t of course.topics) {
    const topic = JSON.parse(fs.readFileSync(path.join(out, 'topics', `${t.id}.json`), 'utf8'));
    assert.equal(topic.id, t.id);
  }
});

test('unknown arguments are an error (exit 2)', () => {
  const r = runCli(['--contnet', good]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown argument --contnet/);
});

// ---------------------------------------------------------------- escaping --

test('HTML in text never becomes a tag', () => {
  const { topics } = buildCourse({ contentDir: good });
  const q1 = topics[0].quiz.questions[0];
  assert.equal(q1.options[3].html,
    'n^2 &lt;img src=x onerror=alert(1)&gt; and <code>&lt;img src=x onerror=alert(1)&gt;</code>');
  const dup = topics[0].exercises[0];
  assert.match(dup.descriptionHtml, /write &lt;script&gt;alert\(1\)&lt;\/script&gt; here/);
  assert.match(topics[0].lessonHtml, /<td>&lt;b&gt;bold\?&lt;\/b&gt;<\/td>/);
  for (const t of topics) {
    for (const html of allHtml(t)) {
      for (const tag of tags(html)) assert.ok(ALLOWED_TAGS.has(tag), `unexpected <${tag}> in ${html.slice(0, 80)}`);
      assert.doesNotMatch(html, /<[^>]*\son[a-z]+=/i, 'no event-handler attributes inside a tag');
    }
  }
});

test('hostile text in every field stays text', () => {
  const dir = copyFixture();
  const evil = '<img src=x onerror=alert(1)>';
  const quiz = path.join(dir, '01_alpha', 'quiz.md');
  let q = fs.readFileSync(quiz, 'utf8');
  q = q.replace('Which are O(1) on average?', `Which ${evil} <script>alert(2)</script>?`)
    .replace('Hashing.', `Hashing ${evil}.\n\n<div onclick="x()">block</div>`)
    .replace('- O(n): `x in lst`', `- O(n): ${evil}`)
    .replace('## q6: Six', `## q6: Six ${evil}`);
  fs.writeFileSync(quiz, q);
  const lesson = path.join(dir, '01_alpha', 'README.md');
  fs.writeFileSync(lesson, fs.readFileSync(lesson, 'utf8')
    .replace('## Key takeaways', `## Key ${evil} takeaways\n\n<iframe src="https://example.com"></iframe>\n\n[x](https://e.com/"onmouseover="a)\n\n## Key takeaways`));
  const { topics, errors } = buildCourse({ contentDir: dir });
  assert.deepEqual(errors.map(String), []);
  for (const t of topics) {
    for (const html of allHtml(t)) {
      for (const tag of tags(html)) assert.ok(ALLOWED_TAGS.has(tag), `unexpected <${tag}> in ${html.slice(0, 120)}`);
      assert.doesNotMatch(html, /<[^>]*\son[a-z]+=/i, 'no event-handler attributes inside a tag');
    }
  }
  assert.equal(topics[0].quiz.questions[5].title, `Six ${evil}`, 'titles are plain text for textContent');
});

test('escapeHtml, highlight and slugify', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  assert.equal(highlight('x = "<b>"', 'python'),
    '<span class="tok-variableName">x</span> <span class="tok-operator">=</span> <span class="tok-string">&quot;&lt;b&gt;&quot;</span>');
  assert.equal(highlight('<b>', 'text'), '&lt;b&gt;');
  assert.equal(slugify('What `x in lst` costs (really)?'), 'what-x-in-lst-costs-really');
  assert.equal(slugify('Lists & sets'), 'lists--sets');
});

// -------------------------------------------------------------- cells/quiz --

test('splitCells follows the cell rules', () => {
  const src = '"""doc"""\nimport os\n\n# %% exercise: f\n# title: T\n# time: O(n)\n\n# a comment\ndef f():\n    pass\n\n\n# %% check: f\nTESTS = []\n# %%bad\n';
  const cells = splitCells(src);
  assert.deepEqual(cells.map((c) => [c.kind, c.name, c.line]), [['exercise', 'f', 4], ['check', 'f', 13], ['', '', 15]]);
  assert.deepEqual(cells[0].headers, { title: 'T', time: 'O(n)' });
  assert.equal(cells[0].code, '# a comment\ndef f():\n    pass\n');
  assert.equal(cells[1].code, 'TESTS = []\n');
  assert.equal(cells[2].code, '');
});

test('checks.json carries every exercise cell with its file, line and headers', () => {
  const { checks, errors } = buildCourse({ contentDir: good });
  assert.deepEqual(errors.map(String), []);
  const [dup] = checks.topics['01_alpha'].exercises;
  const file = (name) => path.relative(process.cwd(), path.join(good, '01_alpha', name));
  const cellsOf = (name) => splitCells(fs.readFileSync(path.join(good, '01_alpha', name), 'utf8'))
    .filter((c) => c.name === dup.name);
  const at = (name, kind) => cellsOf(name).filter((c) => c.kind === kind)
    .map((c) => ({ file: file(name), line: c.line, headers: c.headers, code: c.code }));
  assert.deepEqual(Object.keys(dup), ['name', 'time', 'space', 'file', 'line', 'stub', 'check', 'solutions', 'naives']);
  assert.equal(dup.name, 'has_duplicates');
  assert.deepEqual([dup.time, dup.space, dup.file], ['O(n)', 'O(n)', file('exercises.py')]);
  assert.deepEqual(dup.stub, at('exercises.py', 'exercise')[0]);
  assert.equal(dup.line, dup.stub.line);
  assert.deepEqual(dup.check, at('exercises.py', 'check')[0]);
  assert.deepEqual(dup.solutions, at('solutions.py', 'solution'));
  assert.deepEqual(dup.naives, at('solutions.py', 'naive'));
  assert.equal(dup.naives[0].headers.time, 'O(n^2)');
  assert.ok(dup.check.code.startsWith('TESTS = ['));
});

test('verify_content.py reports wrong cells from checks.json at their content file:line', () => {
  const dir = copyFixture();
  const edit = (name, find, replace) => {
    const file = path.join(dir, '01_alpha', name);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.includes(find), `fixture ${name} contains ${JSON.stringify(find)}`);
    fs.writeFileSync(file, text.replace(find, replace));
  };
  edit('solutions.py', '    return len(set(items)) != len(items)\n', '    return False\n');
  edit('exercises.py', '    raise NotImplementedError\n', '    return len(set(items)) != len(items)\n');
  const r = spawnSync('python3', ['-B', path.join(here, 'verify_content.py'), '--content', dir, '--topic', '01_alpha', '--no-measure'],
    { cwd: root, encoding: 'utf8' });
  if (r.error) return; // no python3
  assert.equal(r.status, 1, r.stdout + r.stderr);
  const at = (name) => path.join(dir, '01_alpha', name);
  assert.ok(r.stdout.includes(`FAIL ${at('solutions.py')}:3: solution has_duplicates passes all tests (2/3)`), r.stdout);
  assert.ok(r.stdout.includes('has_duplicates([1, 2, 1]) -> False (expected True)'), r.stdout);
  assert.ok(r.stdout.includes(`FAIL ${at('exercises.py')}:3: stub has_duplicates fails at least one test (passes 3/3)`), r.stdout);
  assert.ok(r.stdout.includes(`FAIL ${at('exercises.py')}:3: check cell of has_duplicates is well-formed`), r.stdout);
  assert.match(r.stdout, /^content: \d+ passed, \d+ failed$/m);
});

test('a "## " line inside a code block is not a question', () => {
  const errs = [];
  const body = (i) => `## q${i}: Q${i}\ntype: ${i === 1 ? 'multiple' : i === 2 ? 'order' : 'single'}\n\nPrompt\n\n` +
    (i === 2 ? '- O(1): a\n- O(n): b\n' : '```python\n## not a question\n- [x] not an option\n```\n\n- [x] A\n- [ ] B\n') +
    '\n### Explanation\nBecause.\n';
  const src = `# Quiz: T\n\n${Array.from({ length: 10 }, (_, i) => body(i)).join('\n')}`;
  const quiz = parseQuiz(src, { report: (line, m) => errs.push(`${line}: ${m}`), demoIds: null, linkCtx: { topicIds: new Set(), contentDir: '/', file: '/x/quiz.md' } });
  assert.deepEqual(errs, []);
  assert.equal(quiz.questions.length, 10);
  assert.equal(quiz.questions[0].options.length, 2);
  assert.match(quiz.questions[0].promptHtml, /## not a question/);
});

// ----------------------------------------------------------- malformed --

for (const c of malformed) {
  test(`malformed: ${c.name}`, () => {
    const dir = copyFixture();
    const file = path.join(dir, c.file);
    if (c.replace === null) {
      fs.rmSync(file);
    } else if (c.find === undefined) {
      fs.writeFileSync(file, c.replace);
    } else {
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(text.includes(c.find), `fixture ${c.file} contains ${JSON.stringify(c.find)}`);
      fs.writeFileSync(file, text.replace(c.find, c.replace));
    }
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'data-'));
    const args = ['--content', dir, '--out', out];
    if (c.demoIds) args.push('--demo-ids', c.demoIds.join(','));
    const r = runCli(args);
    assert.equal(r.status, 1, `build should fail; stderr:\n${r.stderr}`);
    const lines = r.stderr.split('\n').map((l) => (l.startsWith(dir) ? l.slice(dir.length + 1) : l));
    const want = new RegExp(`^${c.error}`);
    assert.ok(lines.some((l) => want.test(l)), `expected /${c.error}/ in:\n${lines.join('\n')}`);
    for (const l of lines.filter(Boolean).slice(0, -1)) assert.match(l, /^[^:]+:\d+: /, 'every problem is file:line: message');
    assert.ok(!fs.existsSync(path.join(out, 'course.json')), 'nothing is written on failure');
  });
}

test('writeOutput removes stale topic files', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'data-'));
  fs.mkdirSync(path.join(out, 'topics'));
  fs.writeFileSync(path.join(out, 'topics', '09_old.json'), '{}');
  writeOutput(out, buildCourse({ contentDir: good }));
  assert.deepEqual(fs.readdirSync(path.join(out, 'topics')).sort(), ['01_alpha.json', '02_beta.json']);
});

test('value slots show their TEXT only, and go to checks.json with their interpreter', () => {
  const dir = copyFixture();
  const file = path.join(dir, '01_alpha', 'README.md');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Try the slider in the demo below.',
    'Try it: {{value 8 | desktop: 4 + 4}} bytes, {{value 2 | 1 + 1}} items, and `{{value 1 | x}}` stays code.'));
  const { topics, checks, errors } = buildCourse({ contentDir: dir });
  assert.deepEqual(errors.map(String), []);
  const html = topics[0].lessonHtml;
  assert.match(html, /Try it: 8 bytes, 2 items, and <code>\{\{value 1 \| x\}\}<\/code> stays code\./);
  assert.deepEqual(checks.topics['01_alpha'].slots.map(({ text, expr, interpreter }) => ({ text, expr, interpreter })), [
    { text: '8', expr: '4 + 4', interpreter: 'desktop' }, { text: '2', expr: '1 + 1', interpreter: 'both' }]);
  assert.equal(checks.topics['01_alpha'].slots[0].line, 16);
  assert.ok(!('checks' in topics[0]), 'the page payload does not carry the checks');
});
