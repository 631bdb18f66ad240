// Editable Python: a CodeMirror 6 editor with Run (button and Mod-Enter),
// Stop and Reset, an output panel that streams stdout/stderr as text, the
// traceback's line highlighted in the editor, and the code saved in
// localStorage (memperf.code.<topic>.<name>) as the learner types.
// Tab indents; Escape then Tab leaves the editor (CodeMirror's tab-focus mode).
import { basicSetup } from 'codemirror';
import { EditorView, keymap } from '@codemirror/view';
import { EditorState, Prec } from '@codemirror/state';
import { indentWithTab } from '@codemirror/commands';
import { syntaxHighlighting } from '@codemirror/language';
import { classHighlighter } from '@lezer/highlight';
import { python as pythonLanguage } from '@codemirror/lang-python';
import { python, explainError, wantsSizeNote, sizeNote } from './python_client.js';
import { el, uniqueId, announce } from './dom.js';
import { lineMark } from './line_mark.js';
import { addVisualizer } from './trace_panel.js';

const SAVE_DELAY_MS = 400;
const PANEL_CAP = 1 << 20;   // characters kept in one output panel

// -------------------------------------------------------------- storage --

export function loadCode(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

function saveCode(key, code) {
  try { localStorage.setItem(key, code); } catch { /* private mode or full: keep typing */ }
}

function forgetCode(key) {
  try { localStorage.removeItem(key); } catch { /* ignore */ }
}

export function codeKey(topic, name) {
  return `memperf.code.${topic}.${name}`;
}

// ------------------------------------------------------ error line mark --

const { set: setErrorLine, field: errorLineField } = lineMark('cm-error-line', 'The error happened on this line');

// ---------------------------------------------------------------- editor --

/**
 * A Python editor in parent. options: {doc, storageKey, label, onRun, readOnly}.
 * Returns the EditorView; its state changes only through view.dispatch.
 */
export function createEditor(parent, { doc, storageKey, label, onRun, readOnly = false }) {
  let saveTimer = null;
  const extensions = [
    basicSetup,
    pythonLanguage(),
    syntaxHighlighting(classHighlighter),
    errorLineField,
    EditorState.readOnly.of(readOnly),
    EditorView.editable.of(!readOnly),
    EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
  ];
  if (!readOnly) {
    extensions.push(
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { onRun?.(); return true; } }])),
      keymap.of([indentWithTab]),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged || !storageKey) return;
        clearTimeout(saveTimer);
        saveTimer = setTimeout(() => saveCode(storageKey, update.state.doc.toString()), SAVE_DELAY_MS);
      }),
    );
  }
  const view = new EditorView({ parent, state: EditorState.create({ doc, extensions }) });
  view.flushSave = () => {
    if (saveTimer === null || !storageKey) return;
    clearTimeout(saveTimer);
    saveCode(storageKey, view.state.doc.toString());
  };
  return view;
}

export function setDoc(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

export function markLine(view, line) {
  view.dispatch({ effects: setErrorLine.of(line || 0) });
}

// ---------------------------------------------------------- output panel --

/** A <pre> fed text as it streams; appends in one batch per frame. */
export class OutputPanel {
  constructor(label) {
    this.pre = el('pre', { class: 'py-output', tabindex: '0', 'aria-label': label, hidden: true });
    this.notice = el('p', { class: 'py-output-notice', hidden: true });
    this.node = el('div', { class: 'py-output-wrap' }, this.pre, this.notice);
    this.queue = [];
    this.size = 0;
    this.frame = 0;
  }

  clear() {
    for (const node of [...this.node.children]) if (node !== this.pre && node !== this.notice) node.remove();
    this.pre.replaceChildren();
    this.pre.hidden = true;
    this.notice.hidden = true;
    this.notice.textContent = '';
    this.queue = [];
    this.size = 0;
    this.capped = false;
  }

  write(kind, text) {
    if (!text) return;
    this.queue.push([kind, text]);
    if (!this.frame) this.frame = requestAnimationFrame(() => this.drain());
  }

  drain() {
    this.frame = 0;
    const queue = this.queue;
    this.queue = [];
    for (const [kind, raw] of queue) {
      if (this.capped) break;
      let text = raw;
      if (this.size + text.length > PANEL_CAP) {
        text = text.slice(0, PANEL_CAP - this.size);
        this.capped = true;
        this.setNotice('Output cut at about 1 MB: the rest was not shown.');
      }
      this.size += text.length;
      const last = this.pre.lastChild;
      if (last && last.dataset.kind === kind) last.append(text);   // append() keeps it text
      else this.pre.append(el('span', { class: `py-${kind}`, dataset: { kind } }, text));
    }
    this.pre.hidden = this.pre.childNodes.length === 0;
    this.pre.scrollTop = this.pre.scrollHeight;
  }

  /** Flush what is queued now (before an error is added after the output). */
  flush() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.drain();
  }

  setNotice(text) {
    this.notice.textContent = this.notice.textContent ? `${this.notice.textContent} ${text}` : text;
    this.notice.hidden = false;
  }

  text() {
    return this.pre.textContent;
  }
}

// --------------------------------------------------------------- runner --

/**
 * Editor + Run/Stop/Reset + output: one example, or the code part of an
 * exercise. options: {topic, name, code, title, extraButtons}.
 */
export class CodeRunner {
  constructor({ topic, name, code, label, extraButtons = [] }) {
    this.original = code;
    this.storageKey = codeKey(topic, name);
    this.running = false;
    this.token = {};
    const id = uniqueId('py');
    this.runButton = el('button', { type: 'button', class: 'button primary py-run', onclick: () => this.run() }, 'Run');
    this.stopButton = el('button', { type: 'button', class: 'button py-stop', disabled: true, onclick: () => this.stop() }, 'Stop');
    this.resetButton = el('button', { type: 'button', class: 'button py-reset', onclick: () => this.reset() }, 'Reset');
    this.status = el('span', { class: 'py-status', role: 'status', 'aria-live': 'polite' });
    this.hint = el('p', { class: 'py-hint', id: `${id}-hint` },
      'Ctrl+Enter (⌘+Enter) runs. Tab indents; press Escape, then Tab, to move on from the editor.');
    this.host = el('div', { class: 'py-editor' });
    this.output = new OutputPanel(`${label}: output`);
    this.toolbar = el('div', { class: 'py-toolbar' }, this.runButton, ...extraButtons, this.stopButton, this.resetButton, this.status);
    this.node = el('div', { class: 'py-runner' }, this.host, this.toolbar, this.hint, this.output.node);
    const saved = loadCode(this.storageKey);
    this.view = createEditor(this.host, { doc: saved ?? code, storageKey: this.storageKey, label: `${label} (Python editor)`, onRun: () => this.run() });
    this.view.contentDOM.setAttribute('aria-describedby', `${id}-hint`);
    this.unsubscribe = null;           // the status listener, held only while running
    addVisualizer(this);   // every Python editor gets Visualize (trace_panel.js)
  }

  code() {
    return this.view.state.doc.toString();
  }

  showLoading(status) {
    if (!this.running) return;
    if (status === 'loading') this.status.textContent = 'Loading Python… (first run only)';
    else if (status === 'ready' && /Loading Python/.test(this.status.textContent)) this.status.textContent = 'Running…';
  }

  // The "Loading Python" line listens to Python's status only while this
  // runner runs, so a page that is left holds no listener.
  setRunning(running, what = 'Running…') {
    this.running = running;
    if (running && !this.unsubscribe) this.unsubscribe = python.onStatus((s) => this.showLoading(s));
    if (!running && this.unsubscribe) { this.unsubscribe(); this.unsubscribe = null; }
    this.node.classList.toggle('is-running', running);
    for (const b of this.toolbar.querySelectorAll('button')) {
      if (b !== this.stopButton) b.disabled = running;
    }
    this.stopButton.disabled = !running;
    if (running) this.status.textContent = python.status === 'ready' ? what : 'Loading Python… (first run only)';
  }

  async run() {
    if (this.running) return;
    this.view.flushSave();
    const code = this.code();
    markLine(this.view, 0);
    this.output.clear();
    this.setRunning(true);
    let started = performance.now();
    const unsubscribe = python.onStatus((s) => { if (s === 'ready') started = performance.now(); });
    this.token = {};
    try {
      const result = await python.run(code, { token: this.token, onStream: ({ kind, text }) => this.output.write(kind, text) });
      this.output.flush();
      if (result.droppedChars) this.output.setNotice(`Output cut at about 1 MB: ${result.droppedChars.toLocaleString()} more characters were not shown.`);
      if (!this.output.text()) this.output.setNotice('(no output)');
      this.status.textContent = `Done in ${Math.max(1, Math.round(performance.now() - started))} ms.`;
    } catch (err) {
      this.showError(err);
    } finally {
      unsubscribe();
      const note = sizeNote(python.platform);
      if (note && wantsSizeNote(code)) this.output.node.append(el('p', { class: 'py-size-note', role: 'note' }, note));
      this.setRunning(false);
      if (this.status.textContent) announce(this.status.textContent);
    }
  }

  showError(err) {
    this.output.flush();
    if (err.traceback) this.output.write('stderr', err.traceback.endsWith('\n') ? err.traceback : `${err.traceback}\n`);
    this.output.flush();
    // A crash has no traceback, but Python's fault handler printed the stack.
    const line = err.line || (err.kind === 'fatal' ? Number(this.output.text().match(/File "<editor>", line (\d+)/)?.[1]) : 0);
    if (line) markLine(this.view, line);
    const message = explainError(err);
    this.output.node.append(el('p', { class: `py-error-message kind-${err.kind || 'error'}` }, message));
    this.status.textContent = err.kind === 'stopped' || err.kind === 'KeyboardInterrupt' ? 'Stopped.'
      : err.kind === 'timeout' ? 'Stopped at the time limit.'
        : line ? `Error on line ${line}.` : 'Error.';
  }

  /** Stop what runs: a Run, or whatever set stopHandler (an exercise's Check). */
  stop() {
    if (!this.running) return;
    this.status.textContent = 'Stopping…';
    if (this.stopHandler) this.stopHandler();
    else python.stop(this.token);
  }

  reset() {
    setDoc(this.view, this.original);
    this.view.flushSave?.();
    forgetCode(this.storageKey);
    markLine(this.view, 0);
    this.status.textContent = 'Reset to the original code.';
  }
}
