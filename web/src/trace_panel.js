// Visualize: the memory-diagram panel under a Python editor. The button
// sends the editor's code to the Python worker ({type: 'trace'}, answered by
// web/py/tracer.py), then lets the learner step through the recorded lines:
// Back/Forward, a slider, the arrow keys, Home/End, "next change of a name"
// and "find an object by id". The line about to run is highlighted in the
// editor; the text alternative (a table of references) sits under the
// picture and is built from the same list as the arrows (memory_diagram.js).
import { EditorView } from '@codemirror/view';
import { StateEffect } from '@codemirror/state';
import { python, explainError, RUN_TIME_LIMIT_MS, sizeNote } from './python_client.js';
import { drawDiagram, references, stepObjects, COMPACT_BELOW } from './memory_diagram.js';
import { el, uniqueId, announce } from './dom.js';
import { lineMark } from './line_mark.js';

// ------------------------------------------------- current line in editor --

const { set: setTraceLine, field: traceLineField } = lineMark('cm-trace-line', 'The diagram shows the moment before this line runs');
const withField = new WeakSet();

function markTraceLine(view, line) {
  const effects = [setTraceLine.of(line || 0)];
  if (!withField.has(view)) { withField.add(view); effects.unshift(StateEffect.appendConfig.of(traceLineField)); }
  const scroll = line && line <= view.state.doc.lines ? EditorView.scrollIntoView(view.state.doc.line(line).from, { y: 'nearest' }) : null;
  view.dispatch({ effects: scroll ? [...effects, scroll] : effects });
}

// ------------------------------------------- the toggle, for the session --
// "Hide small ints and interned strings" is a way of reading diagrams, not a
// property of one run: the choice holds for every Visualize of every editor
// until the tab is closed (sessionStorage, so a reload keeps it too). The
// default, and the fallback when storage is off, is to show everything.

const HIDE_KEY = 'memperf.trace.hide_shared';
let hideSharedChoice = null;

function hideShared() {
  if (hideSharedChoice === null) {
    try { hideSharedChoice = sessionStorage.getItem(HIDE_KEY) === '1'; } catch { hideSharedChoice = false; }
  }
  return hideSharedChoice;
}

// Every panel on the page, by its node: a change of the toggle in one redraws
// the others at the step each one shows (the trace is data: no re-run).
// Found through the document, so a page left behind holds no panel here.
const panelOf = new WeakMap();

function rememberHideShared(on) {
  hideSharedChoice = on;
  try { sessionStorage.setItem(HIDE_KEY, on ? '1' : '0'); } catch { /* storage off: this visit only */ }
  for (const n of document.querySelectorAll('.trace-panel')) panelOf.get(n)?.setHideShared(on);
}

// ------------------------------------------------------------------ panel --

const LIMIT_NOTE = (n) => `This step reaches more objects than the limit of ${n}: the first ${n} found are drawn.`;
const FRAMES_NOTE = (hidden, drawn) => `This step is ${hidden + drawn - 1} calls deep: the global names and the innermost ${drawn - 1} calls are drawn, the ${hidden.toLocaleString('en')} between them are left out.`;

class TracePanel {
  constructor(runner) {
    this.runner = runner;
    this.trace = null;
    this.index = 0;
    this.hideShared = hideShared();
    this.nameColours = new Map();
    this.focusId = null;
    this.token = {};
    const id = uniqueId('trace');
    this.id = id;
    this.button = el('button', { type: 'button', class: 'button py-visualize', 'aria-expanded': 'false', 'aria-controls': id, onclick: () => this.visualize() }, 'Visualize');
    this.status = el('p', { class: 'trace-status', role: 'status', 'aria-live': 'polite' });
    this.notices = el('div', { class: 'trace-notices' });
    const b = (label, text, fn, cls = '') => el('button', { type: 'button', class: `button small ${cls}`, 'aria-label': label, onclick: fn }, text);
    this.firstButton = b('First step', '|◀ First', () => this.go(0));
    this.backButton = b('Step back', '◀ Back', () => this.go(this.index - 1));
    this.forwardButton = b('Step forward', 'Forward ▶', () => this.go(this.index + 1), 'trace-forward');
    this.lastButton = b('Last step', 'Last ▶|', () => this.go(this.trace.steps.length - 1));
    this.slider = el('input', { type: 'range', min: '0', max: '0', value: '0', class: 'trace-slider', 'aria-label': 'Step', oninput: () => this.go(Number(this.slider.value)) });
    this.position = el('span', { class: 'trace-position' });
    this.lineText = el('code', { class: 'trace-line-text' });
    this.nameSelect = el('select', { class: 'trace-name-select', 'aria-label': 'Name to follow' });
    this.findInput = el('input', { type: 'text', inputmode: 'numeric', class: 'trace-find-input', placeholder: 'id', 'aria-label': 'Object id to find', size: '14',
      onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); this.find(); } } });
    this.hideToggle = el('input', { type: 'checkbox', id: `${id}-hide`, onchange: () => rememberHideShared(this.hideToggle.checked) });
    this.hideToggle.checked = this.hideShared;
    this.figure = el('div', { class: 'trace-figure', tabindex: '0', role: 'group', 'aria-roledescription': 'memory diagram',
      'aria-label': 'Memory diagram. Left and Right arrow keys step; Home and End go to the first and last step; Shift with Left or Right scrolls a wide diagram.', onkeydown: (e) => this.onKey(e) });
    this.summary = el('p', { class: 'trace-summary', id: `${id}-summary` });
    this.tableBody = el('tbody');
    this.output = el('pre', { class: 'trace-output', hidden: true, tabindex: '0', 'aria-label': 'Output printed up to this step' });
    this.legend = el('p', { class: 'trace-legend caption' },
      'Frames (names) on the left, objects on the right, drawn once each: two arrows into one box are two references to one object. ',
      'Outlined boxes have more than one name; "changed" and "new" mark what the last line did. Dictionary keys are written inside their dictionary. ',
      'Sizes are sys.getsizeof, refcounts sys.getrefcount without the tracer\'s own references. ',
      '"small int", "interned" and "singleton" mark objects CPython shares: every 5 in the program is one object, while two equal large ints made at run time can be two objects (then "a is b" is False although a == b). A list\'s capacity is the slots it has allocated, often more than its length.');
    this.toolbar = el('div', { class: 'trace-toolbar', role: 'group', 'aria-label': 'Step through the program' },
      this.firstButton, this.backButton, this.slider, this.forwardButton, this.lastButton, this.position);
    this.lineRow = el('p', { class: 'trace-line' }, el('span', { class: 'trace-line-label' }, 'Next line: '), this.lineText);
    this.stepTools = [
      el('span', { class: 'trace-tool' }, this.nameSelect, b('Jump to the next step where this name changes', 'Next change', () => this.nextChange(), 'trace-next-change')),
      el('span', { class: 'trace-tool' }, this.findInput, b('Find the object with this id', 'Find id', () => this.find(), 'trace-find')),
      el('label', { class: 'toggle trace-hide', for: `${id}-hide` }, this.hideToggle, ' Hide small ints and interned strings (and None, True, False)')];
    const tools = el('div', { class: 'trace-tools' }, ...this.stepTools, b('Close the diagram', 'Close', () => this.close(), 'trace-close'));
    this.tableBox = el('details', { class: 'trace-table' }, el('summary', {}, 'References as a table (the same as the picture)'),
      el('div', { class: 'trace-table-scroll' }, el('table', { class: 'data' },
        el('caption', {}, 'Each row is one reference: a name or a container slot, and the id of the object it points to.'),
        el('thead', {}, el('tr', {}, ...['In', 'Name or slot', 'Object id', 'Type', 'Value', 'Drawn'].map((h) => el('th', { scope: 'col' }, h)))),
        this.tableBody)));
    this.node = el('section', { class: 'trace-panel', id, hidden: true, 'aria-label': 'Memory diagram' },
      this.toolbar, this.lineRow, tools, this.status, this.notices,
      this.figure, this.summary, this.tableBox, this.output, this.legend);
    this.figure.setAttribute('aria-describedby', `${id}-summary`);
    runner.toolbar.insertBefore(this.button, runner.stopButton);
    runner.node.append(this.node);
    panelOf.set(this.node, this);
    // A phone turned sideways (or a window resized) across the compact
    // width gets the other geometry; only that change redraws, so a
    // scrollbar coming or going cannot make redraws loop.
    this.compact = null;
    this.resize = typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => { if (this.trace && !this.node.hidden && this.isCompact() !== this.compact) this.draw(); }) : null;
    this.resize?.observe(this.figure);
  }

  /** The figure's inner width in px (0 while hidden). */
  room() {
    const style = getComputedStyle(this.figure);
    return Math.max(0, this.figure.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
  }

  isCompact() {
    const w = this.room();
    return w > 0 && w < COMPACT_BELOW;
  }

  /** The session's toggle changed (here or in another panel): redraw this step. */
  setHideShared(on) {
    this.hideToggle.checked = on;
    if (this.hideShared === on) return;
    this.hideShared = on;
    if (this.trace && !this.node.hidden) this.draw();
  }

  async visualize() {
    if (this.runner.running) return;
    this.runner.view.flushSave?.();
    const code = this.runner.code();
    this.node.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.status.textContent = python.status === 'ready' ? 'Tracing…' : 'Loading Python… (first run only)';
    this.notices.replaceChildren();
    this.runner.setRunning(true, 'Tracing…');
    this.runner.stopHandler = () => python.stop(this.token);
    this.token = {};
    try {
      // The tracer stops itself at half the page's limit, so that a slow or
      // sleeping program still sends the steps it has (tracer.py).
      const trace = await python.request('trace', { code, maxSeconds: RUN_TIME_LIMIT_MS / 2000 }, { token: this.token, timeoutMs: RUN_TIME_LIMIT_MS });
      this.show(trace);
    } catch (err) {
      this.trace = null;
      this.showSteps(false);
      // The tracer stops itself at half this limit between lines; past the
      // whole limit one line never came back to Python (a long call in C),
      // and the worker was restarted with the steps it had.
      const lost = err.kind === 'timeout' ? ' One line ran that long without coming back to Python, so no step could be sent: try it with smaller numbers.' : '';
      this.status.textContent = explainError(err) + lost;
    } finally {
      this.runner.stopHandler = null;
      this.runner.setRunning(false);
      this.runner.status.textContent = this.trace ? `Traced ${this.trace.steps.length} steps.` : 'No trace.';
      announce(this.status.textContent);
    }
  }

  show(trace) {
    this.trace = trace;
    this.nameColours = new Map();
    for (const step of trace.steps) for (const f of step.frames) for (const [name] of f.locals) {
      if (!this.nameColours.has(name)) this.nameColours.set(name, this.nameColours.size);
    }
    // A re-run keeps what still makes sense: the name followed if the new
    // trace has it, the id looked for if an object of the new trace has it
    // (small ints keep theirs), the toggle as chosen in this session.
    const followed = this.nameSelect.value;
    this.nameSelect.replaceChildren(...[...this.nameColours.keys()].map((n) => el('option', { value: n }, n)));
    if (this.nameColours.has(followed)) this.nameSelect.value = followed;
    const sought = Number(this.findInput.value.trim());
    if (this.findInput.value && !trace.steps.some((_, i) => stepObjects(trace, i).has(sought))) this.findInput.value = '';
    this.hideShared = this.hideToggle.checked = hideShared();
    const notices = [];
    if (trace.stopped) notices.push(['trace-limit', trace.stopped.message]);
    const shown = trace.steps.length ? ' The steps up to the error are shown.' : ' Nothing ran, so there is nothing to draw.';
    if (trace.error) notices.push(['trace-error', `The program raised ${trace.error.kind}${trace.error.line ? ` on line ${trace.error.line}` : ''}: ${trace.error.message}.${shown}`]);
    const note = sizeNote(trace.platform);
    if (note) notices.push(['trace-size-note', note]);
    this.notices.replaceChildren(...notices.map(([cls, text]) => el('p', { class: `trace-notice ${cls}`, role: 'note' }, text)));
    this.showSteps(trace.steps.length > 0);
    if (!trace.steps.length) {
      this.status.textContent = trace.error ? 'No steps: the program did not start.' : 'Nothing ran, so there is nothing to draw.';
      return;
    }
    this.slider.max = String(trace.steps.length - 1);
    this.status.textContent = `${trace.steps.length} step${trace.steps.length === 1 ? '' : 's'} recorded with CPython ${trace.version}.`;
    this.go(trace.steps.length - 1, { quiet: true });
  }

  /** With no steps to show, the controls, picture, words and table of the last trace go. */
  showSteps(on) {
    for (const n of [this.toolbar, this.lineRow, ...this.stepTools, this.figure, this.summary, this.tableBox, this.output]) n.hidden = !on;
    if (on) return;
    this.figure.replaceChildren();
    this.tableBody.replaceChildren();
    markTraceLine(this.runner.view, 0);
  }

  go(index, { quiet = false, focusId = null } = {}) {
    if (!this.trace) return;
    this.index = Math.max(0, Math.min(this.trace.steps.length - 1, index));
    this.focusId = focusId;
    this.draw();
    if (!quiet) announce(this.summary.textContent);
  }

  draw() {
    const trace = this.trace;
    if (!trace?.steps.length) return;
    const step = trace.steps[this.index];
    const n = trace.steps.length;
    this.slider.value = String(this.index);
    this.slider.setAttribute('aria-valuetext', `Step ${this.index + 1} of ${n}`);
    this.position.textContent = `Step ${this.index + 1} of ${n}`;
    this.backButton.disabled = this.firstButton.disabled = this.index === 0;
    this.forwardButton.disabled = this.lastButton.disabled = this.index === n - 1;
    const code = this.runner.code().split('\n');
    this.lineText.textContent = step.line ? `${step.line}: ${(code[step.line - 1] ?? '').trim()}`
      : step.event === 'error' ? 'none (the program stopped with an error)' : 'none (the program has finished)';
    markTraceLine(this.runner.view, step.line);
    const width = this.room();
    this.compact = width > 0 && width < COMPACT_BELOW;
    const svg = drawDiagram(trace, this.index, { hideShared: this.hideShared, previous: this.index - 1, nameColours: this.nameColours, idPrefix: this.id, focusId: this.focusId, width });
    const cut = step.truncated ? el('p', { class: 'trace-notice trace-object-limit', role: 'note' }, LIMIT_NOTE(trace.limits.max_objects)) : null;
    const deep = step.frames_hidden ? el('p', { class: 'trace-notice trace-frame-limit', role: 'note' }, FRAMES_NOTE(step.frames_hidden, step.frames.length)) : null;
    this.figure.replaceChildren(...[cut, deep, svg].filter(Boolean));
    const objects = stepObjects(trace, this.index);
    const names = step.frames.reduce((s, f) => s + f.locals.length, 0);
    // Counted from the picture, so the words and the boxes cannot disagree.
    const boxes = svg.querySelectorAll('g.object').length;
    const written = boxes < objects.size && this.hideShared ? `, ${boxes} drawn as boxes and ${objects.size - boxes} written inside their slots` : '';
    this.summary.textContent = `Step ${this.index + 1} of ${n}, ${step.line ? `before line ${step.line} runs` : 'after the last line'}: ${names} name${names === 1 ? '' : 's'}, ${objects.size} object${objects.size === 1 ? '' : 's'}${written}. The table below lists every reference.`;
    const refs = references(trace, this.index, { hideShared: this.hideShared });
    this.tableBody.replaceChildren(...refs.map((r) => el('tr', { dataset: { to: String(r.to), kind: r.fromKind } },
      el('td', {}, r.frame || r.from), el('td', {}, r.fromKind === 'name' ? r.from : r.slot), el('td', { class: 'num' }, String(r.to)),
      el('td', {}, r.type), el('td', {}, r.value), el('td', {}, r.inline ? 'inside the slot' : 'arrow'))));
    const out = trace.stdout.slice(0, step.out);
    this.output.hidden = !out;
    this.output.textContent = out;
    if (this.focusId !== null) svg.querySelector(`[data-id="${this.focusId}"]`)?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }

  onKey(event) {
    if (event.shiftKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      // The arrows step, so the keyboard's way across a wide diagram is Shift.
      event.preventDefault();
      this.figure.scrollBy({ left: (event.key === 'ArrowRight' ? 1 : -1) * Math.max(80, this.figure.clientWidth * 0.6) });
      return;
    }
    const keys = { ArrowRight: this.index + 1, ArrowLeft: this.index - 1, Home: 0, End: (this.trace?.steps.length ?? 1) - 1 };
    if (!(event.key in keys) || !this.trace || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    this.go(keys[event.key]);
  }

  /** The id a name points to at a step (the innermost frame that has it). */
  target(index, name) {
    let found;
    for (const f of this.trace.steps[index].frames) for (const [n, id] of f.locals) if (n === name) found = id;
    if (found === undefined) return undefined;
    return [found, stepObjects(this.trace, index).get(found)?.recordIndex];
  }

  nextChange() {
    const name = this.nameSelect.value;
    if (!this.trace || !name) return;
    const now = JSON.stringify(this.target(this.index, name));
    for (let i = this.index + 1; i < this.trace.steps.length; i += 1) {
      if (JSON.stringify(this.target(i, name)) !== now) {
        this.go(i, { quiet: true });
        this.status.textContent = `${name} changes before step ${i + 1}: it ${this.target(i, name) ? 'points to a different or changed object' : 'is gone'}.`;
        announce(this.status.textContent);
        return;
      }
    }
    this.status.textContent = `${name} does not change after step ${this.index + 1}.`;
    announce(this.status.textContent);
  }

  find() {
    const id = Number(this.findInput.value.trim());
    if (!this.trace || !Number.isFinite(id)) return;
    const n = this.trace.steps.length;
    for (let k = 0; k < n; k += 1) {
      const i = (this.index + k) % n;
      if (stepObjects(this.trace, i).has(id)) {
        this.go(i, { quiet: true, focusId: id });
        const o = stepObjects(this.trace, i).get(id);
        this.status.textContent = `Object ${id} (${o.type}) is at step ${i + 1}; it is outlined in the diagram.`;
        announce(this.status.textContent);
        return;
      }
    }
    this.status.textContent = `No step has an object with id ${id}.`;
    announce(this.status.textContent);
  }

  close() {
    this.node.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    markTraceLine(this.runner.view, 0);
    this.button.focus();
  }
}

/** Adds a Visualize button and its diagram panel to a CodeRunner. */
export function addVisualizer(runner) {
  runner.visualizer = new TracePanel(runner);
  return runner.visualizer;
}
