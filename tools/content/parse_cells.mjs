/*
** parse_cells.mjs -- split examples.py / exercises.py / solutions.py into
** cells and check them against content/FORMAT.md.
**
** The build is the one parser of content files: the page, tests/content/
** verify_content.py and tests/node/content_pyodide.test.mjs use what it
** writes (dist/data; verify_content.py reads each exercise's cells, with
** their headers, file and line, from checks.json). There is no copy of
** these rules in Python.
**
**   - A cell starts at a line beginning with "# %%": "# %% kind: name".
**     Text before the first marker belongs to no cell.
**   - In exercise, solution and naive cells, the "# key: value" lines
**     directly after the marker are headers; they are not part of the code.
**   - A cell's code is the rest up to the next marker, without leading and
**     trailing blank lines, ending in one newline.
*/

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HEADER_KINDS = new Set(['exercise', 'solution', 'naive']);
const MARKER = /^# %%(.*)$/;
const MARKER_BODY = /^\s+([A-Za-z]+)\s*:\s*(.*?)\s*$/;
const HEADER = /^#\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/;

/* ---------------------------------------------------------- classes -- */

/*
** The growth classes, in growth order, have one owner: the C core. The
** site build passes the list it got from `coursecore classes --json`
** (build.mjs --classes FILE); without one, coreClasses() asks the native
** CLI itself, and fails loudly if it cannot.
*/
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../build/native/coursecore');
let fromCore = null;

export function coreClasses() {
  if (!fromCore) {
    let text;
    try {
      text = execFileSync(CLI, ['classes', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      throw new Error(`the class list comes from the core, but \`${path.relative(process.cwd(), CLI)} classes --json\` failed` +
        ` (${String(e.stderr || e.message).trim().split('\n')[0]}); run \`make native\``);
    }
    fromCore = parseClasses(text, 'coursecore classes --json');
  }
  return fromCore;
}

/* The list in {"classes": [...]} JSON text; throws if it is not one. */
export function parseClasses(text, source) {
  let classes;
  try {
    classes = JSON.parse(text).classes;
  } catch {
    classes = null;
  }
  if (!Array.isArray(classes) || !classes.length || !classes.every((c) => typeof c === 'string' && c)) {
    throw new Error(`${source}: expected {"classes": ["O(1)", ...]}`);
  }
  return classes;
}

/* Index of a class in classes (growth order), -1 if misspelt. */
export function classRank(cls, classes = coreClasses()) {
  return classes.indexOf(cls);
}

/*
** Splits Python source into cells:
** [{kind, name, headers: {key: value}, headerLines: {key: line}, code, line, codeLine}].
** A marker that is not "# %% kind: name" gives kind '' and name ''.
*/
export function splitCells(source) {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const cells = [];
  let cur = null;
  const finish = () => {
    if (!cur) return;
    let body = cur.body;
    let start = cur.bodyLine;
    while (body.length && body[0].trim() === '') { body = body.slice(1); start++; }
    while (body.length && body[body.length - 1].trim() === '') body = body.slice(0, -1);
    cells.push({
      kind: cur.kind, name: cur.name, headers: cur.headers, headerLines: cur.headerLines,
      code: body.length ? body.join('\n') + '\n' : '', line: cur.line, codeLine: start,
    });
  };
  lines.forEach((text, i) => {
    const m = MARKER.exec(text);
    if (m) {
      finish();
      const b = MARKER_BODY.exec(m[1]);
      cur = {
        kind: b ? b[1] : '', name: b ? b[2] : '', headers: {}, headerLines: {},
        line: i + 1, body: [], bodyLine: i + 2, inHeaders: Boolean(b) && HEADER_KINDS.has(b[1]),
      };
      return;
    }
    if (!cur) return;
    if (cur.inHeaders) {
      const h = HEADER.exec(text);
      if (h) {
        cur.headers[h[1]] = h[2];
        cur.headerLines[h[1]] = i + 1;
        cur.bodyLine = i + 2;
        return;
      }
      cur.inHeaders = false;
    }
    cur.body.push(text);
  });
  finish();
  return cells;
}

/* ------------------------------------------------------------- checks -- */

const ALLOWED_HEADERS = {
  exercise: ['title', 'time', 'space'],
  solution: ['time', 'space'],
  naive: ['time', 'space'],
};
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkMarker(cell, allowedKinds, report) {
  if (!cell.kind) {
    report(cell.line, 'cell marker must look like "# %% kind: name"');
    return false;
  }
  if (!allowedKinds.includes(cell.kind)) {
    report(cell.line, `unknown cell kind "${cell.kind}" (expected ${allowedKinds.join(' or ')})`);
    return false;
  }
  return true;
}

function checkHeaders(cell, report, classes) {
  const allowed = ALLOWED_HEADERS[cell.kind] || [];
  for (const [key, value] of Object.entries(cell.headers)) {
    const line = cell.headerLines[key];
    if (!allowed.includes(key)) {
      report(line, `unknown header "${key}" in ${cell.kind} cell (allowed: ${allowed.join(', ')}; ` +
        'leave a blank line after the headers if this is a comment)');
    } else if ((key === 'time' || key === 'space') && classRank(value, classes) < 0) {
      report(line, `bad class spelling "${value}" for ${key} (use one of ${classes.join(', ')})`);
    }
  }
}

/* Names of the top-level functions defined in code. */
export function topLevelFunctions(code) {
  return [...code.matchAll(/^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/gm)].map((m) => m[1]);
}

/*
** The docstring of top-level function `name` in code, cleaned like
** inspect.cleandoc, or null if there is none.
*/
export function functionDocstring(code, name) {
  const lines = code.split('\n');
  const defAt = lines.findIndex((l) => new RegExp(`^(?:async\\s+)?def\\s+${name}\\s*\\(`).test(l));
  if (defAt < 0) return null;
  let i = defAt;
  while (i < lines.length && !/:\s*(#.*)?$/.test(lines[i])) i++;
  i++;
  while (i < lines.length && lines[i].trim() === '') i++;
  if (i >= lines.length) return null;
  const open = /^\s+[rRuU]?("""|''')/.exec(lines[i]);
  if (!open) {
    const single = /^\s+[rRuU]?("|')((?:\\.|(?!\1).)*)\1\s*$/.exec(lines[i]);
    return single ? single[2] : null;
  }
  const quote = open[1];
  const rest = lines.slice(i).join('\n').slice(open[0].length);
  const end = rest.indexOf(quote);
  if (end < 0) return null;
  return cleandoc(rest.slice(0, end).replace(/\\\n/g, ''));
}

/* inspect.cleandoc: strip the first line, dedent the rest, trim blank edges. */
export function cleandoc(doc) {
  const lines = doc.replace(/\t/g, '        ').split('\n');
  let margin = Infinity;
  for (const l of lines.slice(1)) {
    const stripped = l.trimStart();
    if (stripped) margin = Math.min(margin, l.length - stripped.length);
  }
  const out = [lines[0].trimStart()];
  for (const l of lines.slice(1)) out.push(margin === Infinity ? l : l.slice(margin));
  while (out.length && !out[out.length - 1].trim()) out.pop();
  while (out.length && !out[0].trim()) out.shift();
  return out.join('\n');
}

/* Checks examples.py cells. Returns [{index, title, code}]. */
export function checkExamples(cells, report) {
  const examples = [];
  for (const cell of cells) {
    if (!checkMarker(cell, ['example'], report)) continue;
    if (!cell.name) report(cell.line, 'example cell needs a title: "# %% example: Title"');
    if (!cell.code.trim()) report(cell.line, 'example cell has no code');
    examples.push({ index: examples.length + 1, title: cell.name, code: cell.code });
  }
  return examples;
}

/*
** Checks exercises.py cells (exercise + check pairs) against the growth
** classes (default: the core's). Returns
** [{name, title, time, space, stub, check, doc, line}].
*/
export function checkExercises(cells, report, classes = coreClasses()) {
  const exercises = [];
  const byName = new Map();
  const checks = new Map();
  for (const cell of cells) {
    if (!checkMarker(cell, ['exercise', 'check'], report)) continue;
    if (!IDENT.test(cell.name)) {
      report(cell.line, `"${cell.name}" is not a Python function name`);
      continue;
    }
    if (cell.kind === 'check') {
      if (checks.has(cell.name)) report(cell.line, `duplicate check cell for "${cell.name}"`);
      checks.set(cell.name, cell);
      if (!byName.has(cell.name)) report(cell.line, `check cell "${cell.name}" does not follow an exercise cell of that name`);
      if (!/^TESTS\s*=/m.test(cell.code)) report(cell.line, `check cell "${cell.name}" does not define TESTS`);
      if (!/^SIZES\s*=/m.test(cell.code)) report(cell.line, `check cell "${cell.name}" does not define SIZES`);
      if (!/^def\s+make_input\s*\(/m.test(cell.code)) report(cell.line, `check cell "${cell.name}" does not define make_input(n)`);
      continue;
    }
    checkHeaders(cell, report, classes);
    if (byName.has(cell.name)) report(cell.line, `duplicate exercise "${cell.name}"`);
    if (!cell.headers.title) report(cell.line, `exercise "${cell.name}" has no "# title:" header`);
    if (!cell.headers.time) report(cell.line, `exercise "${cell.name}" has no "# time:" header`);
    const defs = topLevelFunctions(cell.code);
    if (!defs.includes(cell.name)) {
      report(cell.codeLine, `exercise stub does not define a top-level function ${cell.name}()`);
    } else if (defs.length !== 1) {
      report(cell.codeLine, `exercise stub must define exactly one top-level function, found ${defs.join(', ')}`);
    }
    const doc = functionDocstring(cell.code, cell.name);
    if (defs.includes(cell.name) && !doc) report(cell.codeLine, `${cell.name}() has no docstring stating the task`);
    const ex = {
      name: cell.name, title: cell.headers.title || '', time: cell.headers.time || '',
      space: cell.headers.space, stub: cell.code, check: '', doc: doc || '', line: cell.line,
    };
    byName.set(cell.name, ex);
    exercises.push(ex);
  }
  for (const ex of exercises) {
    const check = checks.get(ex.name);
    if (!check) report(ex.line, `exercise "${ex.name}" has no "# %% check: ${ex.name}" cell`);
    else ex.check = check.code;
  }
  return exercises;
}

/*
** Checks solutions.py cells against the exercises and attaches solution,
** naive and naiveTime to them. reportExercise(line, message) reports in
** exercises.py (for a missing solution).
*/
export function checkSolutions(cells, exercises, report, reportExercise, classes = coreClasses()) {
  const byName = new Map(exercises.map((e) => [e.name, e]));
  const seen = new Set();
  for (const cell of cells) {
    if (!checkMarker(cell, ['solution', 'naive'], report)) continue;
    checkHeaders(cell, report, classes);
    const ex = byName.get(cell.name);
    if (!ex) {
      report(cell.line, `${cell.kind} cell "${cell.name}" matches no exercise in exercises.py`);
      continue;
    }
    const key = `${cell.kind}:${cell.name}`;
    if (seen.has(key)) report(cell.line, `duplicate ${cell.kind} cell for "${cell.name}"`);
    seen.add(key);
    if (!topLevelFunctions(cell.code).includes(cell.name)) {
      report(cell.codeLine, `${cell.kind} cell does not define a top-level function ${cell.name}()`);
    }
    if (cell.kind === 'solution') {
      ex.solution = cell.code;
    } else {
      if (!cell.headers.time) report(cell.line, `naive cell "${cell.name}" has no "# time:" header naming its class`);
      ex.naive = cell.code;
      ex.naiveTime = cell.headers.time;
    }
  }
  for (const ex of exercises) {
    if (ex.solution === undefined) reportExercise(ex.line, `exercise "${ex.name}" has no "# %% solution: ${ex.name}" cell in solutions.py`);
  }
}
