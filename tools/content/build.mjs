#!/usr/bin/env node
/*
** build.mjs -- content/ to the JSON the site reads.
**
**   node tools/content/build.mjs [--content content] [--out dist/data]
**                                [--demo-ids id1,id2,...] [--classes FILE]
**
** Writes <out>/course.json and <out>/topics/<id>.json as described in
** content/FORMAT.md ("What the build emits"), and <out>/checks.json: what
** `make test` runs in a real interpreter (facts.mjs), which the page never
** loads. Malformed content fails the
** build: every problem is printed as "file:line: what is wrong" on stderr,
** nothing is written, and the exit status is 1. With --demo-ids, every
** {{demo ID}} and quiz "demo:" must be one of the ids given. Growth
** classes ("# time:", order questions) must be ones the core names: FILE
** holds `coursecore classes --json` (tools/build_site.mjs writes it);
** without --classes the native CLI is asked directly.
**
** The functions are exported for tests/content/build.test.mjs.
*/
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  scanLines, scanSlots, renderMarkdown, headingSlugs, plainText, escapeHtml,
} from './markdown.mjs';
import {
  splitCells, checkExamples, checkExercises, checkSolutions, coreClasses, parseClasses,
} from './parse_cells.mjs';
import { parseQuiz } from './parse_quiz.mjs';
import { stripValueSlots, lessonBlocks } from './facts.mjs';
import { Marked } from 'marked';

export { splitCells } from './parse_cells.mjs';
export { parseQuiz } from './parse_quiz.mjs';
export { renderMarkdown, highlight, escapeHtml, slugify } from './markdown.mjs';

const TOPIC_DIR = /^(\d\d)_[a-z0-9_]+$/;
const TOPIC_FILES = ['README.md', 'examples.py', 'exercises.py', 'solutions.py', 'quiz.md'];

/* One problem in one file. */
export class ContentError {
  constructor(file, line, message) {
    this.file = file;
    this.line = line;
    this.message = message;
  }

  toString() {
    return `${this.file}:${this.line}: ${this.message}`;
  }
}

function display(file) {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/* ---------------------------------------------------------------- lesson -- */

/*
** Title (first line "# ..."), summary (first paragraph after it, plain
** text) and the rendered lesson without the title.
*/
function buildLesson(raw, file, ctx, nExamples, report) {
  const { source, slots: valueSlots } = stripValueSlots(raw, report);
  const blocks = lessonBlocks(source, report);
  const lines = scanLines(source);
  const first = /^#\s+(.*\S)\s*$/.exec(lines[0] ? lines[0].text : '');
  if (!first) report(1, 'first line must be the title: "# Title"');
  const tokens = new Marked({ gfm: true }).lexer(source);
  const h1s = tokens.filter((t) => t.type === 'heading' && t.depth === 1);
  if (h1s.length > 1) {
    report(lines.find((l, i) => i > 0 && !l.inFence && /^#\s/.test(l.text))?.number || 1,
      'only the first line may be a level-1 heading ("# ")');
  }
  const afterTitle = tokens.slice(tokens.findIndex((t) => t.type === 'heading') + 1);
  const para = afterTitle.find((t) => t.type !== 'space');
  let summary = '';
  if (!para || para.type !== 'paragraph') report(2, 'the title must be followed by a one-paragraph summary');
  else summary = plainText(para.tokens).replace(/\s+/g, ' ').trim();

  for (const l of lines) {
    if (l.fence && !l.fence.lang) report(l.number, 'fenced code block has no language (use ```python, ```text or ```c)');
  }
  const { slots, problems } = scanSlots(lines);
  for (const p of problems) report(p.line, p.message);
  const demos = [];
  for (const s of slots) {
    if (s.kind === 'demo') {
      if (!/^[a-z0-9_-]+$/.test(s.arg)) report(s.line, `bad demo id "${s.arg}"`);
      else if (ctx.demoIds && !ctx.demoIds.has(s.arg)) report(s.line, `unknown demo id "${s.arg}" (not in coursecore list)`);
      if (!demos.includes(s.arg)) demos.push(s.arg);
    } else if (!/^\d+$/.test(s.arg) || Number(s.arg) < 1 || Number(s.arg) > nExamples) {
      report(s.line, `{{example ${s.arg}}}: examples.py has cells 1-${nExamples}`);
    }
  }
  const { html, headings } = renderMarkdown(source, { ...ctx, lines, report, dropTitle: true });
  return { title: first ? first[1] : '', summary, html, headings, demos, valueSlots, blocks, shape: lessonShape(raw) };
}

/*
** What verify_content.py checks of a lesson's length and closing sections:
** {words, sections: [{title, line}]}. words counts the whitespace-separated
** words with a letter or digit on lines outside code fences that are not a
** {{...}} line of their own (raw text: a value slot counts as written);
** sections are the "## " headings outside code fences.
*/
export function lessonShape(raw) {
  let words = 0;
  const sections = [];
  for (const l of scanLines(raw)) {
    if (l.inFence || /^\s*\{\{.*\}\}\s*$/.test(l.text)) continue;
    words += l.text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
    const h = /^##\s+(.*?)\s*$/.exec(l.text);
    if (h) sections.push({ title: h[1], line: l.number });
  }
  return { words, sections };
}

/* ----------------------------------------------------------------- topic -- */

function readFile(file, report) {
  try {
    return fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  } catch {
    report(1, 'file is missing');
    return null;
  }
}

function buildTopic(dir, id, ctx, errors) {
  const reporter = (name) => (line, message) => errors.push(new ContentError(display(path.join(dir, name)), line, message));
  const src = {};
  for (const name of TOPIC_FILES) src[name] = readFile(path.join(dir, name), reporter(name));

  // Each .py file is split once; the page's JSON and checks.json both come from these cells.
  const cells = {};
  for (const name of ['examples.py', 'exercises.py', 'solutions.py']) cells[name] = src[name] === null ? null : splitCells(src[name]);
  const examples = cells['examples.py'] === null ? [] : checkExamples(cells['examples.py'], reporter('examples.py'));
  const exercises = cells['exercises.py'] === null ? []
    : checkExercises(cells['exercises.py'], reporter('exercises.py'), ctx.classes);
  if (cells['solutions.py'] !== null) {
    checkSolutions(cells['solutions.py'], exercises, reporter('solutions.py'), reporter('exercises.py'), ctx.classes);
  }

  const linkCtx = {
    contentDir: ctx.contentDir, topicIds: ctx.topicIds, headings: ctx.headings,
    topicId: id, localSlugs: ctx.headings.get(id) || new Set(), demoIds: ctx.demoIds,
  };
  const lesson = src['README.md'] === null ? { title: '', summary: '', html: '', demos: [] }
    : buildLesson(src['README.md'], path.join(dir, 'README.md'), { ...linkCtx, file: path.join(dir, 'README.md') },
      examples.length, reporter('README.md'));

  const exerciseJson = exercises.map((ex) => {
    const out = { name: ex.name, title: ex.title, time: ex.time };
    if (ex.space) out.space = ex.space;
    out.descriptionHtml = ex.doc ? renderMarkdown(ex.doc, {
      ...linkCtx, file: path.join(dir, 'exercises.py'), localSlugs: new Set(),
      report: (line, message) => reporter('exercises.py')(ex.line, `docstring: ${message}`),
    }).html : '';
    out.stub = ex.stub;
    out.check = ex.check;
    out.solution = ex.solution || '';
    if (ex.naive !== undefined) {
      out.naive = ex.naive;
      out.naiveTime = ex.naiveTime || '';
    }
    return out;
  });

  const quizFacts = { slots: [], checks: [], curves: [], outputs: [] };
  const quiz = src['quiz.md'] === null ? { title: '', questions: [] }
    : parseQuiz(src['quiz.md'], {
      facts: quizFacts,
      file: path.join(dir, 'quiz.md'),
      report: reporter('quiz.md'),
      demoIds: ctx.demoIds,
      classes: ctx.classes,
      linkCtx: { ...linkCtx, file: path.join(dir, 'quiz.md'), localSlugs: new Set() },
    });

  // facts.py is optional: without it, slots and check: lines see an empty namespace.
  const factsFile = path.join(dir, 'facts.py');
  const exampleLines = (cells['examples.py'] || []).filter((c) => c.kind === 'example').map((c) => c.line);
  // What verify_content.py runs of each exercise, with the file and line of every cell for its messages.
  const cell = (name, c) => ({ file: display(path.join(dir, name)), line: c.line, headers: c.headers, code: c.code });
  const cellsOf = (name, kind, exName) => (cells[name] || []).filter((c) => c.kind === kind && c.name === exName);
  const exerciseChecks = exercises.map((ex) => {
    const stub = cellsOf('exercises.py', 'exercise', ex.name).find((c) => c.line === ex.line);
    const check = cellsOf('exercises.py', 'check', ex.name)[0];
    return {
      name: ex.name, time: ex.time, space: ex.space ?? null,
      file: display(path.join(dir, 'exercises.py')), line: ex.line,
      stub: cell('exercises.py', stub),
      check: check ? cell('exercises.py', check) : null,
      solutions: cellsOf('solutions.py', 'solution', ex.name).map((c) => cell('solutions.py', c)),
      naives: cellsOf('solutions.py', 'naive', ex.name).map((c) => cell('solutions.py', c)),
    };
  });
  const inLesson = (f) => ({ file: display(path.join(dir, 'README.md')), ...f });
  const inQuiz = (f) => ({ file: display(path.join(dir, 'quiz.md')), ...f });
  const checks = {
    factsFile: fs.existsSync(factsFile) ? display(factsFile) : null,
    facts: fs.existsSync(factsFile) ? fs.readFileSync(factsFile, 'utf8') : '',
    examples: examples.map((e, i) => ({
      file: display(path.join(dir, 'examples.py')), line: exampleLines[i] || 1, index: e.index, title: e.title, code: e.code,
    })),
    lesson: inLesson({ line: 1, ...(lesson.shape || { words: 0, sections: [] }) }),
    blocks: (lesson.blocks || []).map(inLesson),
    slots: [...(lesson.valueSlots || []).map(inLesson), ...quizFacts.slots.map(inQuiz)],
    checks: quizFacts.checks.map(inQuiz),
    curves: quizFacts.curves.map(inQuiz),
    outputs: quizFacts.outputs.map(inQuiz),
    exercises: exerciseChecks,
  };

  return {
    checks,
    id,
    number: id.slice(0, 2),
    title: lesson.title,
    summary: lesson.summary,
    lessonHtml: lesson.html,
    demos: lesson.demos,
    examples,
    exercises: exerciseJson,
    quiz,
  };
}

/* ---------------------------------------------------------------- course -- */

/*
** Builds the whole course from contentDir. demoIds: array/Set of known
** demo ids or null (not checked); classes: the growth classes in order
** (default: the core's). Returns {course, topics, checks, errors}
** (checks: what checks.json holds, see facts.mjs).
*/
export function buildCourse({ contentDir, demoIds = null, classes = null }) {
  const root = path.resolve(contentDir);
  const errors = [];
  const ids = fs.existsSync(root)
    ? fs.readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && /^\d\d_/.test(d.name)).map((d) => d.name).sort()
    : [];
  if (!fs.existsSync(root)) errors.push(new ContentError(display(root), 1, 'content folder is missing'));
  for (const id of ids) {
    if (!TOPIC_DIR.test(id)) errors.push(new ContentError(display(path.join(root, id)), 1, 'topic folder must be named NN_lower_case_name'));
  }
  const numbers = new Map();
  for (const id of ids) {
    const n = id.slice(0, 2);
    if (numbers.has(n)) errors.push(new ContentError(display(path.join(root, id)), 1, `duplicate topic number ${n} (also ${numbers.get(n)})`));
    numbers.set(n, id);
  }

  // Heading ids of every lesson first, so links between topics can be checked.
  const headings = new Map();
  for (const id of ids) {
    try {
      headings.set(id, headingSlugs(fs.readFileSync(path.join(root, id, 'README.md'), 'utf8'), { dropTitle: true }));
    } catch { /* reported by buildTopic */ }
  }
  const ctx = {
    contentDir: root, topicIds: new Set(ids), headings, demoIds: demoIds ? new Set(demoIds) : null,
    classes: classes || coreClasses(),
  };
  const checks = { topics: {} };
  const topics = ids.map((id) => {
    const { checks: c, ...topic } = buildTopic(path.join(root, id), id, ctx, errors);
    checks.topics[id] = c;
    return topic;
  });

  const overviewFile = path.join(root, 'README.md');
  const report = (line, message) => errors.push(new ContentError(display(overviewFile), line, message));
  const course = { title: '', overviewHtml: '', topics: [] };
  const overview = readFile(overviewFile, report);
  if (overview !== null) {
    const lines = scanLines(overview);
    const first = /^#\s+(.*\S)\s*$/.exec(lines[0] ? lines[0].text : '');
    if (!first) report(1, 'first line must be the title: "# Title"');
    else course.title = first[1];
    for (const l of lines) {
      if (l.fence && !l.fence.lang) report(l.number, 'fenced code block has no language');
    }
    course.overviewHtml = renderMarkdown(overview, {
      ...ctx, file: overviewFile, topicId: null, localSlugs: headingSlugs(overview, { dropTitle: true }),
      lines, report, dropTitle: true,
    }).html;
  }
  course.topics = topics.map((t) => ({ id: t.id, number: t.number, title: t.title, summary: t.summary }));
  errors.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return { course, topics, checks, errors };
}

/* Writes course.json, topics/<id>.json and checks.json under outDir. */
export function writeOutput(outDir, { course, topics, checks }) {
  const topicDir = path.join(outDir, 'topics');
  fs.mkdirSync(topicDir, { recursive: true });
  for (const f of fs.readdirSync(topicDir)) if (f.endsWith('.json')) fs.rmSync(path.join(topicDir, f));
  fs.writeFileSync(path.join(outDir, 'course.json'), JSON.stringify(course, null, 1) + '\n');
  for (const t of topics) fs.writeFileSync(path.join(topicDir, `${t.id}.json`), JSON.stringify(t, null, 1) + '\n');
  if (checks) fs.writeFileSync(path.join(outDir, 'checks.json'), JSON.stringify(checks, null, 1) + '\n');
}

/* ------------------------------------------------------------------- CLI -- */

export function parseArgs(argv) {
  const opts = { content: 'content', out: 'dist/data', demoIds: null, classes: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--content') opts.content = value();
    else if (flag === '--out') opts.out = value();
    else if (flag === '--demo-ids') opts.demoIds = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (flag === '--classes') opts.classes = value();
    else if (flag === '--help' || flag === '-h') opts.help = true;
    else throw new Error(`unknown argument ${argv[i]}`);
    if (opts.content === undefined || opts.out === undefined || opts.classes === undefined) throw new Error(`${flag} needs a value`);
  }
  return opts;
}

export function main(argv) {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`build.mjs: ${e.message}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write('usage: node tools/content/build.mjs [--content content] [--out dist/data] [--demo-ids id1,id2,...] [--classes FILE]\n');
    return 0;
  }
  let result;
  try {
    const classes = opts.classes ? parseClasses(fs.readFileSync(opts.classes, 'utf8'), opts.classes) : coreClasses();
    result = buildCourse({ contentDir: opts.content, demoIds: opts.demoIds, classes });
  } catch (e) {
    process.stderr.write(`build.mjs: ${e.message}\n`);
    return 1;
  }
  if (result.errors.length) {
    for (const e of result.errors) process.stderr.write(`${e}\n`);
    process.stderr.write(`build.mjs: ${result.errors.length} problem(s) in ${opts.content}; nothing written\n`);
    return 1;
  }
  writeOutput(opts.out, result);
  process.stdout.write(`build.mjs: ${result.topics.length} topics -> ${opts.out}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}

