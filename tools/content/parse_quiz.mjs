/*
** parse_quiz.mjs -- quiz.md to the quiz JSON the page plays.
**
** Layout (content/FORMAT.md): "# Quiz: title", then questions
** "## id: title", metadata "key: value" lines, a Markdown prompt, options
** or items, and "### Explanation". The parser works line by line and
** knows which lines sit inside fenced code, so a "## " or "- [x]" in a
** code block is never taken for structure.
*/
import { scanLines, renderMarkdown, renderInline } from './markdown.mjs';
import { classRank, coreClasses } from './parse_cells.mjs';
import { stripValueSlots } from './facts.mjs';

/*
** The question types: the one place the build knows them (the page's is
** the TYPES table in web/src/quiz.js, the author's content/FORMAT.md).
**   body     'options' ("- [x] text" lines), 'items' ("- O(n): text",
**            slowest-growing first) or 'output' (a ```python block, then
**            its ```output)
**   correct  with options: 'one' (exactly one [x]) or 'some' (at least one)
**   meta     the metadata lines the type may have besides "type:"
*/
const TYPES = {
  single: { body: 'options', correct: 'one', meta: ['check'] },
  multiple: { body: 'options', correct: 'some', meta: ['check'] },
  output: { body: 'output', meta: [] },
  order: { body: 'items', meta: [] },
  curve: { body: 'options', correct: 'one', meta: ['demo', 'series', 'class'] },
};
export const QUESTION_TYPES = Object.keys(TYPES);
const allows = (type, key) => TYPES[type].meta.includes(key);
const typesWith = (key) => QUESTION_TYPES.filter((t) => allows(t, key)).join(' and ');
const META_KEYS = { type: true, demo: true, series: true, check: true, class: true };
const MIN_QUESTIONS = 10;
const MAX_QUESTIONS = 15;
const MIN_TYPES = 3;

const TITLE = /^# Quiz:\s*(.*\S)\s*$/;
const QUESTION = /^##\s+(.*)$/;
const QUESTION_HEAD = /^##\s+([a-z0-9-]+):\s*(.*\S)\s*$/;
const META = /^([a-z][a-z-]*):\s*(.*?)\s*$/;
const EXPLANATION = /^###\s+Explanation\s*$/;
const OPTION = /^[-*]\s+\[([ xX])\]\s+(.*\S)\s*$/;
const ITEM = /^[-*]\s+(O\([^)]*\))\s*:\s*(.*\S)\s*$/;
const LIST_LINE = /^[-*]\s/;

/*
** Parses quiz source. opts: {file (display name), report(line, message),
** demoIds: Set | null, linkCtx (see markdown.resolveLink), classes (growth
** order; default: the core's, see parse_cells.coreClasses), facts:
** {slots, checks, curves, outputs} arrays that get the quiz's value slots,
** check: lines, curve classes and output questions (see facts.mjs), or null}.
** Returns {title, questions} (questions as in "What the build emits").
*/
export function parseQuiz(source, opts) {
  const report = opts.report;
  const stripped = stripValueSlots(source.replace(/\r\n?/g, '\n'), report);
  if (opts.facts) opts.facts.slots.push(...stripped.slots);
  const lines = scanLines(stripped.source);
  const quiz = { title: '', questions: [] };
  const first = lines[0] ? TITLE.exec(lines[0].text) : null;
  if (!first) report(1, 'first line must be "# Quiz: <title>"');
  else quiz.title = first[1];

  // Cut into question blocks at "## " lines outside code.
  const blocks = [];
  for (const l of lines.slice(first ? 1 : 0)) {
    if (!l.inFence && QUESTION.test(l.text)) blocks.push({ head: l, body: [] });
    else if (blocks.length) blocks[blocks.length - 1].body.push(l);
    else if (l.text.trim()) report(l.number, 'text before the first question ("## id: title")');
  }

  const ids = new Map();
  const slugs = new Set();
  for (const block of blocks) {
    const q = parseQuestion(block, { ...opts, slugs });
    if (!q) continue;
    if (ids.has(q.id)) report(block.head.number, `duplicate question id "${q.id}" (first used on line ${ids.get(q.id)})`);
    else ids.set(q.id, block.head.number);
    quiz.questions.push(q);
  }

  const n = blocks.length;
  if (n < MIN_QUESTIONS || n > MAX_QUESTIONS) {
    report(1, `quiz has ${n} questions, needs ${MIN_QUESTIONS}-${MAX_QUESTIONS}`);
  }
  const types = new Set(quiz.questions.map((q) => q.type));
  if (n && types.size < MIN_TYPES) {
    report(1, `quiz uses ${types.size} question type(s) (${[...types].join(', ')}), needs at least ${MIN_TYPES}`);
  }
  return quiz;
}

function trimBlank(lines) {
  let a = 0;
  let b = lines.length;
  while (a < b && !lines[a].text.trim()) a++;
  while (b > a && !lines[b - 1].text.trim()) b--;
  return lines.slice(a, b);
}

const joinText = (lines) => lines.map((l) => l.text).join('\n');

function parseQuestion(block, opts) {
  const report = opts.report;
  const headLine = block.head.number;
  const head = QUESTION_HEAD.exec(block.head.text);
  if (!head) {
    report(headLine, 'question heading must be "## <id>: <title>" with id made of a-z, 0-9 and -');
    return null;
  }
  const q = { id: head[1], type: '', title: head[2] };

  // Metadata: the "key: value" lines right after the heading.
  let i = 0;
  const body = block.body;
  while (i < body.length && !body[i].text.trim()) i++;
  const meta = {};
  for (; i < body.length; i++) {
    const m = !body[i].inFence && META.exec(body[i].text);
    if (!m) break;
    if (!META_KEYS[m[1]]) report(body[i].number, `unknown metadata key "${m[1]}" (known: ${Object.keys(META_KEYS).join(', ')})`);
    meta[m[1]] = { value: m[2], line: body[i].number };
  }
  if (!meta.type) {
    report(headLine, `question "${q.id}" has no "type:" line`);
    return null;
  }
  q.type = meta.type.value;
  if (!QUESTION_TYPES.includes(q.type)) {
    report(meta.type.line, `unknown question type "${q.type}" (use ${QUESTION_TYPES.join(', ')})`);
    return null;
  }
  for (const key of ['demo', 'series']) {
    if (meta[key] && !allows(q.type, key)) report(meta[key].line, `"${key}:" is only for ${typesWith(key)} questions`);
  }
  if (meta.series && !meta.demo) report(meta.series.line, '"series:" needs a "demo:" line');
  if (meta.check) {
    if (!allows(q.type, 'check')) report(meta.check.line, `"check:" is only for ${typesWith('check')} questions`);
    else if (!meta.check.value) report(meta.check.line, '"check:" needs a Python expression');
    else if (opts.facts) opts.facts.checks.push({ line: meta.check.line, question: q.id, expr: meta.check.value });
  }
  if (meta.class) {
    const classes = opts.classes || coreClasses();
    if (!allows(q.type, 'class') || !meta.demo) report(meta.class.line, `"class:" is only for ${typesWith('class')} questions with a "demo:" line`);
    else if (classRank(meta.class.value, classes) < 0) report(meta.class.line, `bad class spelling "${meta.class.value}" (use one of ${classes.join(', ')})`);
    else if (opts.facts) {
      opts.facts.curves.push({
        line: meta.class.line, question: q.id, demo: meta.demo.value, series: meta.series ? meta.series.value : null, cls: meta.class.value,
      });
    }
  }
  if (meta.demo) {
    if (!/^[a-z0-9_-]+$/.test(meta.demo.value)) report(meta.demo.line, `bad demo id "${meta.demo.value}"`);
    else if (opts.demoIds && !opts.demoIds.has(meta.demo.value)) report(meta.demo.line, `unknown demo id "${meta.demo.value}"`);
  }

  // Explanation: from "### Explanation" to the end of the block.
  const rest = body.slice(i);
  const ex = rest.findIndex((l) => !l.inFence && EXPLANATION.test(l.text));
  const main = ex < 0 ? rest : rest.slice(0, ex);
  const explanation = ex < 0 ? [] : trimBlank(rest.slice(ex + 1));
  if (ex < 0) report(headLine, `question "${q.id}" has no "### Explanation" section`);
  else if (!explanation.length) report(rest[ex].number, `question "${q.id}" has an empty explanation`);

  const md = (ls) => (ls.length
    ? renderMarkdown(joinText(ls), { ...opts.linkCtx, lines: ls, report, slugs: opts.slugs }).html
    : '');
  const inline = (text, line) => renderInline(text, {
    ...opts.linkCtx, lines: [{ text, number: line, inFence: false }], report,
  });

  let prompt;
  if (TYPES[q.type].body === 'output') {
    prompt = parseOutput(q, main, headLine, report);
    if (opts.facts && q.code !== undefined) {
      opts.facts.outputs.push({ line: headLine, question: q.id, code: q.code, expected: q.expectedOutput });
    }
  } else {
    // Options or items: the trailing run of list lines (blank lines and
    // indented continuation lines allowed inside the run).
    let start = main.length;
    while (start > 0) {
      const l = main[start - 1];
      if (l.inFence) break;
      if (!l.text.trim() || LIST_LINE.test(l.text) || /^\s{2,}\S/.test(l.text)) start--;
      else break;
    }
    while (start < main.length && !LIST_LINE.test(main[start].text)) start++;
    prompt = main.slice(0, start);
    const list = [];
    for (const l of main.slice(start)) {
      if (!l.text.trim()) continue;
      if (LIST_LINE.test(l.text)) list.push({ text: l.text, number: l.number });
      else list[list.length - 1].text += ' ' + l.text.trim();
    }
    if (TYPES[q.type].body === 'items') q.items = parseItems(list, q, headLine, report, inline, opts.classes || coreClasses());
    else q.options = parseOptions(list, q, headLine, report, inline);
  }
  prompt = trimBlank(prompt);
  if (!prompt.length) report(headLine, `question "${q.id}" has no prompt`);
  q.promptHtml = md(prompt);
  if (meta.demo) q.demo = meta.demo.value;
  if (meta.series) q.series = meta.series.value;
  q.explanationHtml = md(explanation);
  // Key order as documented.
  const ordered = { id: q.id, type: q.type, title: q.title, promptHtml: q.promptHtml };
  for (const k of ['code', 'expectedOutput', 'options', 'items', 'demo', 'series']) if (k in q) ordered[k] = q[k];
  ordered.explanationHtml = q.explanationHtml;
  return ordered;
}

/* Output questions: one ```python block in the prompt, then ```output. */
function parseOutput(q, main, headLine, report) {
  const fences = [];
  for (let k = 0; k < main.length; k++) {
    const l = main[k];
    if (l.fence) fences.push({ lang: l.fence.lang, start: k });
    else if (l.inFence && fences.length && fences[fences.length - 1].end === undefined && k > fences[fences.length - 1].start
      && /^ {0,3}(`{3,}|~{3,})\s*$/.test(l.text)) fences[fences.length - 1].end = k;
  }
  const py = fences.filter((f) => f.lang === 'python');
  const out = fences.filter((f) => f.lang === 'output');
  if (py.length !== 1) report(headLine, `output question "${q.id}" needs exactly one \`\`\`python block, found ${py.length}`);
  if (out.length !== 1) report(headLine, `output question "${q.id}" needs exactly one \`\`\`output block with the expected output, found ${out.length}`);
  if (py.length !== 1 || out.length !== 1) return main;
  const [p] = py;
  const [o] = out;
  if (o.start < p.start) report(main[o.start].number, 'the ```output block must come after the ```python block');
  const inner = (f) => main.slice(f.start + 1, f.end === undefined ? main.length : f.end).map((l) => l.text).join('\n');
  q.code = inner(p) + '\n';
  q.expectedOutput = inner(o) + '\n';
  const after = main.slice((o.end === undefined ? main.length : o.end) + 1).filter((l) => l.text.trim());
  if (after.length) report(after[0].number, 'text after the ```output block (put it in the prompt or the explanation)');
  if (main.some((l) => !l.inFence && OPTION.test(l.text))) report(headLine, `output question "${q.id}" must not have options`);
  return main.slice(0, o.start);
}

function parseOptions(list, q, headLine, report, inline) {
  const options = [];
  for (const l of list) {
    const m = OPTION.exec(l.text);
    if (!m) {
      report(l.number, 'option must look like "- [ ] text" or "- [x] text"');
      continue;
    }
    options.push({ html: inline(m[2], l.number), correct: m[1] !== ' ' });
  }
  const correct = options.filter((o) => o.correct).length;
  if (options.length < 2) report(headLine, `${q.type} question "${q.id}" needs at least two options, found ${options.length}`);
  const rule = TYPES[q.type].correct;
  if (rule === 'one' && correct !== 1) {
    report(headLine, `${q.type} question "${q.id}" needs exactly one [x] option, found ${correct}`);
  }
  if (rule === 'some' && correct < 1) report(headLine, `${q.type} question "${q.id}" needs at least one [x] option`);
  return options;
}

function parseItems(list, q, headLine, report, inline, classes) {
  const items = [];
  const seen = new Map();
  let last = -1;
  for (const l of list) {
    const m = ITEM.exec(l.text);
    if (!m) {
      report(l.number, 'order item must look like "- O(n): text"');
      continue;
    }
    const rank = classRank(m[1], classes);
    if (rank < 0) {
      report(l.number, `bad class spelling "${m[1]}" (use one of ${classes.join(', ')})`);
      continue;
    }
    if (seen.has(m[1])) {
      report(l.number, `two items share the class ${m[1]} (line ${seen.get(m[1])})`);
    } else if (rank < last) {
      report(l.number, `order items must be listed slowest-growing first: ${m[1]} comes after ${classes[last]}`);
    }
    seen.set(m[1], l.number);
    last = Math.max(last, rank);
    items.push({ html: inline(m[2], l.number), cls: m[1] });
  }
  if (list.length < 2) report(headLine, `order question "${q.id}" needs at least two items`);
  return items;
}
