/*
** facts.mjs -- the statements in a topic that only a real interpreter can
** check, collected by the one content parser for `make test`.
**
**   {{value TEXT | EXPR}}            prose that shows TEXT; the test requires
**   {{value TEXT | desktop: EXPR}}   str(eval(EXPR)) == TEXT in the topic's
**   {{value TEXT | pyodide: EXPR}}   facts.py namespace (both / only desktop
**                                    python3 / only Pyodide)
**   ```python                        a lesson block that must run alone
**   ```python fragment               a lesson block that is not meant to run
**
** stripValueSlots() turns a Markdown source into the text the page shows
** (each slot becomes its TEXT; line numbers are kept) and returns the
** slots; lessonBlocks() returns the runnable lesson blocks. build.mjs
** writes them, with the examples, quiz outputs, check: lines and curve
** classes, to dist/data/checks.json, which the page never loads.
** tools/content/run_facts.py runs them, under desktop python3
** (tests/content/verify_content.py) and in Pyodide
** (tests/node/content_pyodide.test.mjs).
*/
import { scanLines } from './markdown.mjs';

export const INTERPRETERS = ['both', 'desktop', 'pyodide'];

const OPEN = '{{value';
const SLOT = /^\{\{value[ \t]+([^|{}]*?)[ \t]*\|[ \t]*(?:(desktop|pyodide|[A-Za-z]+):[ \t]*(?!=))?([^{}]*?)[ \t]*\}\}/;

/* Drops inline code spans (same length), so slots inside `code` are left alone. */
function maskCodeSpans(text) {
  return text.replace(/(`+)[\s\S]*?\1/g, (m) => ' '.repeat(m.length));
}

/*
** Replaces every {{value TEXT | ...}} outside fenced code and code spans
** by TEXT. report(line, message) gets malformed slots. firstLine is the
** number of the source's first line. Returns {source, slots: [{line,
** text, expr, interpreter}]}.
*/
export function stripValueSlots(source, report, firstLine = 1) {
  const slots = [];
  const lines = scanLines(source, firstLine);
  const out = lines.map((l) => {
    if (l.inFence || !l.text.includes(OPEN)) return l.text;
    const masked = maskCodeSpans(l.text);
    let text = '';
    let i = 0;
    for (;;) {
      const at = masked.indexOf(OPEN, i);
      if (at < 0) break;
      text += l.text.slice(i, at);
      const m = SLOT.exec(l.text.slice(at));
      if (!m) {
        const end = l.text.indexOf('}}', at);
        const shown = end < 0 ? l.text.slice(at) : l.text.slice(at, end + 2);
        report(l.number, end < 0
          ? `${shown}: value slot is not closed with "}}" on the same line`
          : `${shown}: value slot must be {{value TEXT | EXPR}} (optionally "desktop: EXPR" or "pyodide: EXPR"; no braces inside)`);
        text += shown;
        i = end < 0 ? l.text.length : end + 2;
        continue;
      }
      const [whole, shownText, prefix, expr] = m;
      if (!shownText) report(l.number, `${whole}: value slot has no TEXT before "|"`);
      else if (prefix && !['desktop', 'pyodide'].includes(prefix)) report(l.number, `${whole}: unknown interpreter "${prefix}:" (use desktop: or pyodide:, or none for both)`);
      else if (!expr) report(l.number, `${whole}: value slot has no Python expression after "|"`);
      else slots.push({ line: l.number, text: shownText, expr, interpreter: prefix || 'both' });
      text += shownText;
      i = at + whole.length;
    }
    return text + l.text.slice(i);
  });
  return { source: out.join('\n'), slots };
}

const PY_FENCE = /^ {0,3}(`{3,}|~{3,})\s*(python|py)\b[ \t]*(.*?)\s*$/;

/*
** The lesson's ```python blocks that must run alone: [{line, code}].
** report gets an unknown info word (only "fragment" is known).
*/
export function lessonBlocks(source, report) {
  const lines = scanLines(source);
  const blocks = [];
  let cur = null;
  for (const l of lines) {
    if (l.fence) {
      cur = null;
      const m = PY_FENCE.exec(l.text);
      if (!m) continue;
      if (m[3] && m[3] !== 'fragment') {
        report(l.number, `unknown word "${m[3]}" after \`\`\`${m[2]} (only "fragment" marks a block that does not run alone)`);
        continue;
      }
      if (m[3] !== 'fragment') {
        cur = { line: l.number, body: [] };
        blocks.push(cur);
      }
    } else if (cur && l.inFence) {
      cur.body.push(l.text);
    } else {
      cur = null;
    }
  }
  // The closing fence line is the last fenced line of each block.
  return blocks.map((b) => ({ line: b.line, code: b.body.slice(0, -1).join('\n') + '\n' }));
}
