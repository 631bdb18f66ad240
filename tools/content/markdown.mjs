/*
** markdown.mjs -- Markdown to trusted HTML for the course pages.
**
** Everything the site shows comes out of here, so this module is where
** escaping happens:
**   - raw HTML in Markdown is shown as text, never passed through;
**   - code blocks are highlighted at build time (@lezer/highlight's
**     classHighlighter: spans with tok-* classes), every piece escaped;
**   - links are checked: http(s)/mailto stay external (rel="noopener"),
**     links to other topics become "#/<topic id>", anything else
**     (javascript:, data:, a file that is not a topic) is an error;
**   - `{{demo ID}}` and `{{example N}}` lines become empty slot divs the
**     page fills in.
** Headings get GitHub-style ids so the page can build a table of contents.
*/
import path from 'node:path';
import { Marked } from 'marked';
import { highlightCode, classHighlighter } from '@lezer/highlight';
import { parser as pythonParser } from '@lezer/python';
import { parser as cppParser } from '@lezer/cpp';

/* ------------------------------------------------------------ escaping -- */

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/* Escapes text for use in HTML content and in double-quoted attributes. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/* --------------------------------------------------------- highlighting -- */

const PARSERS = { python: pythonParser, py: pythonParser, c: cppParser, cpp: cppParser };

/*
** Returns the HTML for one code block's content (no <pre>): tok-* spans
** for languages we can parse, plain escaped text for the rest.
*/
export function highlight(code, lang) {
  const parser = PARSERS[lang];
  if (!parser) return escapeHtml(code);
  let html = '';
  highlightCode(
    code,
    parser.parse(code),
    classHighlighter,
    (text, classes) => {
      html += classes ? `<span class="${escapeHtml(classes)}">${escapeHtml(text)}</span>` : escapeHtml(text);
    },
    () => { html += '\n'; },
  );
  return html;
}

/* Renders a whole code block. */
export function codeBlockHtml(code, lang) {
  const l = lang ? escapeHtml(lang) : 'text';
  return `<pre class="code" data-lang="${l}"><code class="language-${l}">${highlight(code, lang)}</code></pre>\n`;
}

/* --------------------------------------------------------------- slugs -- */

/*
** GitHub's heading anchors: lower case, drop everything but letters,
** digits, spaces, '-' and '_', spaces become '-'. Duplicates get -1, -2.
*/
export function slugify(text) {
  return String(text)
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export function uniqueSlug(text, used) {
  const base = slugify(text) || 'section';
  let slug = base;
  for (let i = 1; used.has(slug); i++) slug = `${base}-${i}`;
  used.add(slug);
  return slug;
}

/* Plain text of inline tokens (for ids, summaries, word counts). */
export function plainText(tokens) {
  let out = '';
  for (const t of tokens || []) {
    if (t.tokens && t.tokens.length) out += plainText(t.tokens);
    else if (t.type === 'html') out += t.text;
    else if (t.type === 'br') out += ' ';
    else if (t.text !== undefined) out += decodeEntities(t.text);
  }
  return out;
}

function decodeEntities(text) {
  return String(text).replace(/&(amp|lt|gt|quot|#39);/g, (m, e) =>
    ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]);
}

/* ---------------------------------------------------------- line scans -- */

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;

/*
** Splits Markdown source into lines and marks which are inside fenced
** code. Returns [{text, number, inFence, fence: {lang} | null}].
*/
export function scanLines(source, firstLine = 1) {
  const out = [];
  let open = null;
  source.split('\n').forEach((text, i) => {
    const m = FENCE.exec(text);
    const number = firstLine + i;
    if (open) {
      const closes = m && m[1][0] === open[0] && m[1].length >= open.length && !m[2];
      out.push({ text, number, inFence: true, fence: null });
      if (closes) open = null;
      return;
    }
    if (m) {
      open = m[1];
      out.push({ text, number, inFence: true, fence: { lang: m[2] } });
      return;
    }
    out.push({ text, number, inFence: false, fence: null });
  });
  return out;
}

/* Drops inline code spans so scans don't look inside them. */
function withoutCodeSpans(text) {
  return text.replace(/(`+)[\s\S]*?\1/g, (m) => ' '.repeat(m.length));
}

export const SLOT_LINE = /^[ \t]*\{\{[ \t]*(demo|example)[ \t]+([^\s{}]+)[ \t]*\}\}[ \t]*$/;
const ANY_SLOT = /\{\{\s*([A-Za-z]+)\b[^}]*\}\}/g;

/*
** Finds `{{demo ID}}` / `{{example N}}` lines and misplaced or unknown
** placeholders. Returns {slots: [{kind, arg, line}], problems: [{line, message}]}.
*/
export function scanSlots(lines) {
  const slots = [];
  const problems = [];
  for (const l of lines) {
    if (l.inFence) continue;
    const m = SLOT_LINE.exec(l.text);
    if (m) {
      slots.push({ kind: m[1], arg: m[2], line: l.number });
      continue;
    }
    for (const p of withoutCodeSpans(l.text).matchAll(ANY_SLOT)) {
      if (p[1] === 'demo' || p[1] === 'example') {
        problems.push({ line: l.number, message: `${p[0]} must be on a line of its own` });
      } else if (p[1] !== 'value') {   // value slots: facts.mjs (stripped before this runs)
        problems.push({ line: l.number, message: `unknown placeholder ${p[0]} (use {{demo ID}}, {{example N}} or {{value TEXT | EXPR}})` });
      }
    }
  }
  return { slots, problems };
}

/* Line of the first non-code line containing needle, or fallback. */
export function findLine(lines, needle, fallback) {
  for (const l of lines) if (!l.inFence && l.text.includes(needle)) return l.number;
  return fallback;
}

/* ------------------------------------------------------------- linking -- */

const TOPIC_ID = /^\d\d_[A-Za-z0-9_]+$/;

/*
** Resolves one link target. ctx: {file, contentDir, topicIds: Set,
** headings: Map(topicId -> Set(slug)), topicId (current topic or null),
** localSlugs: Set}. Returns {href, external} or {error}.
*/
export function resolveLink(href, ctx) {
  const raw = href.trim();
  if (/^https?:\/\//i.test(raw)) return { href: raw, external: true };
  if (/^mailto:/i.test(raw)) return { href: raw, external: true };
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) {
    return { error: `link to ${raw} is not allowed (use http(s), mailto, or a relative link to a topic)` };
  }
  if (raw.startsWith('#/')) {
    const [id, ...rest] = raw.slice(2).split('/');
    return topicTarget(id, rest.join('/'), ctx, raw);
  }
  if (raw.startsWith('#')) {
    const slug = decodeURIComponent(raw.slice(1));
    if (!ctx.localSlugs || !ctx.localSlugs.has(slug)) {
      return { error: `link ${raw} does not match any heading in this file` };
    }
    return { href: ctx.topicId ? `#/${ctx.topicId}/${slug}` : raw, external: false };
  }
  const hashAt = raw.indexOf('#');
  const filePart = hashAt >= 0 ? raw.slice(0, hashAt) : raw;
  const anchor = hashAt >= 0 ? decodeURIComponent(raw.slice(hashAt + 1)) : '';
  let target = path.relative(ctx.contentDir, path.resolve(path.dirname(ctx.file), decodeURIComponent(filePart)));
  target = target.split(path.sep).join('/').replace(/\/$/, '');
  const m = /^([^/]+)(?:\/README\.md)?$/.exec(target);
  if (!m || !TOPIC_ID.test(m[1])) {
    return { error: `link ${raw} does not point at a topic (use ../NN_name/README.md or #/NN_name)` };
  }
  return topicTarget(m[1], anchor, ctx, raw);
}

function topicTarget(id, anchor, ctx, raw) {
  if (!ctx.topicIds.has(id)) return { error: `link ${raw} points at unknown topic ${id}` };
  if (anchor) {
    const slugs = ctx.headings && ctx.headings.get(id);
    if (slugs && !slugs.has(anchor)) return { error: `link ${raw}: topic ${id} has no heading #${anchor}` };
    return { href: `#/${id}/${anchor}`, external: false };
  }
  return { href: `#/${id}`, external: false };
}

/* ------------------------------------------------------------ renderer -- */

const slotExtension = {
  name: 'slot',
  level: 'block',
  start(src) {
    const i = src.search(/^[ \t]*\{\{/m);
    return i < 0 ? undefined : i;
  },
  tokenizer(src) {
    const m = /^[ \t]*\{\{[ \t]*(demo|example)[ \t]+([^\s{}]+)[ \t]*\}\}[ \t]*(?:\n+|$)/.exec(src);
    if (m) return { type: 'slot', raw: m[0], kind: m[1], arg: m[2] };
    return undefined;
  },
  renderer(token) {
    if (token.kind === 'demo') return `<div class="demo-slot" data-demo="${escapeHtml(token.arg)}"></div>\n`;
    return `<div class="example-slot" data-example="${escapeHtml(token.arg)}"></div>\n`;
  },
};

/*
** Renders Markdown to HTML. ctx (see resolveLink) plus:
**   lines      scanLines() of the source, for error line numbers
**   report     function(line, message) for problems found
**   dropTitle  skip the first level-1 heading (the page shows the title)
**   slugs      Set of heading ids already used on the page (shared
**              between a quiz's questions)
** Returns {html, headings: [{depth, text, id}]}.
*/
export function renderMarkdown(source, ctx) {
  const headings = [];
  const used = ctx.slugs || new Set();
  const report = ctx.report || (() => {});
  const lines = ctx.lines || scanLines(source);
  const where = (needle) => findLine(lines, needle, lines.length ? lines[0].number : 1);
  let titleDropped = !ctx.dropTitle;

  const renderer = {
    html({ text, block }) {
      const escaped = escapeHtml(text);
      return block ? `<p>${escaped.trim()}</p>\n` : escaped;
    },
    heading({ tokens, depth }) {
      if (depth === 1 && !titleDropped) {
        titleDropped = true;
        return '';
      }
      const text = plainText(tokens);
      const id = uniqueSlug(text, used);
      headings.push({ depth, text, id });
      return `<h${depth} id="${escapeHtml(id)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
    },
    code({ text, lang }) {
      return codeBlockHtml(text, (lang || '').trim().split(/\s+/)[0].toLowerCase());
    },
    link({ href, title, tokens }) {
      const inner = this.parser.parseInline(tokens);
      const r = resolveLink(href, ctx);
      if (r.error) {
        report(where(href), r.error);
        return inner;
      }
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      const rel = r.external ? ' rel="noopener" target="_blank"' : '';
      return `<a href="${escapeHtml(r.href)}"${t}${rel}>${inner}</a>`;
    },
    image({ href, title, text }) {
      if (!/^https:\/\//i.test(href)) {
        report(where(href), `image ${href}: only https:// images are allowed (the build does not copy files)`);
        return escapeHtml(text);
      }
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}"${t} loading="lazy">`;
    },
  };

  const marked = new Marked({ gfm: true, async: false });
  marked.use({ renderer, extensions: [slotExtension] });
  const html = marked.parse(source);
  return { html, headings };
}

/* Renders a single line of Markdown without the <p> wrapper. */
export function renderInline(source, ctx) {
  const marked = new Marked({ gfm: true, async: false });
  const report = ctx.report || (() => {});
  const lines = ctx.lines || scanLines(source);
  marked.use({
    renderer: {
      html({ text }) { return escapeHtml(text); },
      link({ href, title, tokens }) {
        const inner = this.parser.parseInline(tokens);
        const r = resolveLink(href, ctx);
        if (r.error) {
          report(findLine(lines, href, lines.length ? lines[0].number : 1), r.error);
          return inner;
        }
        const t = title ? ` title="${escapeHtml(title)}"` : '';
        const rel = r.external ? ' rel="noopener" target="_blank"' : '';
        return `<a href="${escapeHtml(r.href)}"${t}${rel}>${inner}</a>`;
      },
      image({ text }) { return escapeHtml(text); },
    },
  });
  return marked.parseInline(source);
}

/* Heading ids a document will get, without rendering it. */
export function headingSlugs(source, { dropTitle = false } = {}) {
  const marked = new Marked({ gfm: true });
  marked.use({ extensions: [slotExtension] });
  const used = new Set();
  let dropped = !dropTitle;
  marked.walkTokens(marked.lexer(source), (t) => {
    if (t.type !== 'heading') return;
    if (t.depth === 1 && !dropped) { dropped = true; return; }
    uniqueSlug(plainText(t.tokens), used);
  });
  return used;
}
