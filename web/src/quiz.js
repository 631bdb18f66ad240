// The quiz at the end of a topic page. Each question is a form with a
// fieldset: single, multiple, output (predict what Python prints), order
// (slowest-growing first, by buttons, Alt+Arrow keys or drag) and curve
// (predict a plot, then see the real one). Checking marks it right or wrong
// at once with the explanation; when all are answered the score is shown and
// the best is kept by progress.js. Options are shuffled per attempt from a
// seed (topic id + attempt number + question id), so a reload keeps the order.
import { loadDemos } from './data.js';
import { DemoPanel } from './demo_panel.js';
import { el, announce, uniqueId } from './dom.js';
import * as progress from './progress.js';
import { shuffledIndices, normaliseOutput, titleParts } from './quiz_util.js';
import { prettyClass } from './complexity.js';

function html(tag, attrs, trusted) {
  const node = el(tag, attrs);
  node.innerHTML = trusted;   // trusted build output (tools/content/build.mjs escapes text)
  return node;
}

function plainText(trusted) {
  return html('div', {}, trusted).textContent.trim();
}

function titleNode(title) {
  return titleParts(title).map((p) => (p.code ? el('code', {}, p.text) : p.text));
}

// ------------------------------------------------------------ question bodies --
// Each returns {node, answered(), missing, correct(), reveal(), focusTarget()}
// and, if a wrong answer should show the right one, correctOrder().

function choiceBody(q, ctx, { multiple = false } = {}) {
  const name = uniqueId(`q-${q.id}`);
  const order = shuffledIndices(q.options.length, ctx.seed);
  const inputs = [];
  const list = el('ul', { class: 'q-options' }, order.map((index) => {
    const input = el('input', { type: multiple ? 'checkbox' : 'radio', name, value: String(index), dataset: { index: String(index) } });
    inputs.push(input);
    return el('li', {}, el('label', { class: 'q-option' }, input, html('span', { class: 'q-option-text' }, q.options[index].html)));
  }));
  return {
    node: list,
    answered: () => inputs.some((i) => i.checked),
    missing: multiple ? 'Select at least one option first.' : 'Choose an answer first.',
    correct: () => inputs.every((i) => i.checked === Boolean(q.options[Number(i.value)].correct)),
    reveal() {
      for (const input of inputs) {
        const right = Boolean(q.options[Number(input.value)].correct);
        const label = input.closest('.q-option');
        label.classList.toggle('is-answer', right);
        label.classList.toggle('is-wrong-pick', input.checked && !right);
        const tags = [];
        if (input.checked) tags.push('your answer');
        if (right) tags.push(multiple ? 'correct' : 'correct answer');
        if (tags.length) label.append(el('span', { class: 'q-tag' }, ` (${tags.join(', ')})`));
      }
    },
    focusTarget: () => inputs[0],
  };
}

function outputBody(q) {
  const id = uniqueId(`q-${q.id}-answer`);
  const lines = String(q.expectedOutput || '').split('\n').length;
  const area = el('textarea', {
    id, class: 'q-answer', rows: String(Math.min(Math.max(lines, 2), 12)), spellcheck: 'false',
    autocapitalize: 'off', autocomplete: 'off', 'aria-describedby': `${id}-help`,
  });
  return {
    node: el('div', { class: 'q-output' },
      el('label', { for: id }, 'What does it print?'),
      el('p', { class: 'q-help', id: `${id}-help` }, 'Type the output line by line. Extra spaces and blank lines at the end do not matter.'),
      area),
    answered: () => area.value.trim() !== '',
    missing: 'Type your prediction of the output first.',
    correct: () => normaliseOutput(area.value) === normaliseOutput(q.expectedOutput),
    reveal() {},
    focusTarget: () => area,
  };
}

function orderBody(q, ctx) {
  const helpId = uniqueId(`q-${q.id}-help`);
  const order = shuffledIndices(q.items.length, ctx.seed, { avoidIdentity: true });
  let dragging = null;
  const list = el('ol', { class: 'order-list', 'aria-describedby': helpId });
  const items = order.map((index) => {
    const text = plainText(q.items[index].html);
    const li = el('li', { class: 'order-item', tabindex: '0', draggable: 'true', dataset: { index: String(index) } },
      el('span', { class: 'order-grip', 'aria-hidden': 'true' }, '⠿'),
      html('span', { class: 'order-text' }, q.items[index].html),
      el('span', { class: 'order-buttons' },
        el('button', { type: 'button', class: 'button small move-up', 'aria-label': `Move up: ${text}`, onclick: () => move(li, -1, li.querySelector('.move-up')) }, '↑ Up'),
        el('button', { type: 'button', class: 'button small move-down', 'aria-label': `Move down: ${text}`, onclick: () => move(li, 1, li.querySelector('.move-down')) }, '↓ Down')));
    li.addEventListener('keydown', (e) => {
      if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') || ctx.locked()) return;
      e.preventDefault();
      move(li, e.key === 'ArrowUp' ? -1 : 1, li);
    });
    li.addEventListener('dragstart', (e) => {
      if (ctx.locked()) { e.preventDefault(); return; }
      dragging = li;
      li.classList.add('is-dragging');
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', text);
    });
    li.addEventListener('dragend', () => {
      li.classList.remove('is-dragging');
      if (dragging) announceMove(li);
      dragging = null;
    });
    return li;
  });
  list.append(...items);
  list.addEventListener('dragover', (e) => {
    if (!dragging) return;
    e.preventDefault();
    const target = e.target.closest?.('.order-item');
    if (!target || target === dragging) return;
    const box = target.getBoundingClientRect();
    target[e.clientY < box.top + box.height / 2 ? 'before' : 'after'](dragging);
  });
  list.addEventListener('drop', (e) => { if (dragging) e.preventDefault(); });

  function position(li) {
    return [...list.children].indexOf(li) + 1;
  }
  function announceMove(li) {
    announce(`${plainText(q.items[Number(li.dataset.index)].html)}: now ${position(li)} of ${list.children.length}.`);
  }
  function move(li, delta, focus) {
    if (ctx.locked()) return;
    const sibling = delta < 0 ? li.previousElementSibling : li.nextElementSibling;
    if (!sibling) {
      announce(delta < 0 ? 'Already at the top.' : 'Already at the bottom.');
      return;
    }
    if (delta < 0) sibling.before(li); else sibling.after(li);
    focus.focus();
    announceMove(li);
  }
  const current = () => [...list.children].map((li) => Number(li.dataset.index));
  return {
    node: el('div', { class: 'q-order' },
      el('p', { class: 'q-help', id: helpId }, 'Slowest-growing at the top. Move an item with its Up and Down buttons, with Alt+↑ and Alt+↓ while it has focus, or by dragging it.'),
      list),
    answered: () => true,
    correct: () => current().every((v, i) => v === i),
    reveal() {
      [...list.children].forEach((li, i) => {
        li.draggable = false;
        const right = Number(li.dataset.index) === i;
        li.classList.add(right ? 'is-answer' : 'is-wrong-pick');
        li.querySelector('.order-buttons').replaceChildren(
          el('span', { class: 'q-tag' }, `${prettyClass(q.items[Number(li.dataset.index)].cls)}${right ? '' : ' (wrong place)'}`));
      });
    },
    correctOrder: () => el('ol', { class: 'order-solution' }, q.items.map((item) => el('li', {},
      html('span', {}, item.html), ' — ', el('strong', {}, prettyClass(item.cls))))),
    focusTarget: () => list.firstElementChild,
  };
}

// -------------------------------------------------------------- after-answer extras --

function runItBox(q) {
  const status = el('p', { class: 'q-run-status', role: 'status' });
  const out = el('pre', { class: 'q-run-output', hidden: true });
  const button = el('button', { type: 'button', class: 'button small', onclick: () => runIt() }, 'Run it');
  async function runIt() {
    button.disabled = true;
    let mod;
    try {
      mod = await import('./python_client.js');
    } catch {
      status.textContent = 'Python is not available in this build; the expected output above is what python3 prints.';
      button.disabled = false;
      return;
    }
    const { python, explainError } = mod;
    status.textContent = python.status !== 'ready'
      ? 'Loading Python in your browser (the first run takes a few seconds)…' : 'Running…';
    let text = '';
    out.textContent = '';
    try {
      await python.run(q.code, { onStream: (s) => { text += s.text; out.textContent = text; out.hidden = false; } });
      out.hidden = false;
      if (!text) out.textContent = '(no output)';
      const same = normaliseOutput(text) === normaliseOutput(q.expectedOutput);
      status.textContent = same ? 'Real output from Python running in your browser (it matches the expected output):'
        : 'Real output from Python running in your browser:';
      announce(status.textContent);
    } catch (err) {
      status.textContent = `Python could not run it: ${explainError(err)}`;
      announce(status.textContent);
    } finally {
      button.disabled = false;
    }
  }
  return el('div', { class: 'q-run' },
    el('p', {}, el('strong', {}, 'Expected output:')),
    el('pre', { class: 'q-expected' }, q.expectedOutput),
    el('p', {}, button, ' ', 'See it in real Python, in your browser.'),
    status, out);
}

function chartBox(q) {
  const slot = el('div', { class: 'q-demo-slot' });
  const button = el('button', { type: 'button', class: 'button small', onclick: () => show() }, 'Show the real chart');
  async function show() {
    button.disabled = true;
    try {
      const info = (await loadDemos()).find((d) => d.id === q.demo);
      if (!info) throw new Error(`demo "${q.demo}" is not in this build`);
      button.remove();
      const panel = new DemoPanel(slot, info);
      panel.run();
      panel.root.querySelector('.run-button')?.focus();
    } catch (err) {
      slot.textContent = `The chart could not be shown: ${err.message}`;
      button.disabled = false;
    }
  }
  return el('div', { class: 'q-chart' },
    el('p', {}, button, q.series ? ` Look at the “${q.series}” series.` : ' Measured live in your browser.'),
    slot);
}

// ------------------------------------------------------------ question types --
// The one place the page knows the question types (the build's is
// tools/content/parse_quiz.mjs, the author's content/FORMAT.md). Per type:
// body(q, ctx), its form; kind, the line under the prompt; extra(q), what
// is shown with the explanation once it is checked (or null).

const TYPES = {
  single: { body: choiceBody },
  multiple: { body: (q, ctx) => choiceBody(q, ctx, { multiple: true }), kind: 'Select all that apply.' },
  output: { body: outputBody, kind: 'Predict the output.', extra: runItBox },
  order: { body: orderBody, kind: 'Put in order.' },
  curve: { body: choiceBody, kind: 'Predict the curve.', extra: (q) => (q.demo ? chartBox(q) : null) },
};

// ----------------------------------------------------------------- the quiz --

class Quiz {
  constructor(topic) {
    this.topic = topic;
    this.questions = topic.quiz.questions;
    this.results = new Map();          // question id -> true | false, this round
    this.attempt = progress.quizAttempt(topic.id);
    this.items = new Map();            // question id -> <li>
    this.root = this.render();
  }

  render() {
    this.best = el('p', { class: 'quiz-best' });
    this.tally = el('p', { class: 'quiz-tally' });
    this.list = el('ol', { class: 'quiz-questions' }, this.questions.map((q, i) => {
      const li = el('li', { class: 'quiz-item' });
      this.items.set(q.id, li);
      this.renderQuestion(q, i);
      return li;
    }));
    this.score = el('div', { class: 'quiz-score', tabindex: '-1', hidden: true });
    this.updateHeader();
    return el('section', { class: 'quiz', id: 'quiz', 'aria-labelledby': 'quiz-title' },
      el('h2', { id: 'quiz-title' }, this.topic.quiz.title || 'Quiz'),
      el('p', { class: 'quiz-intro' }, `${this.questions.length} questions. Check each answer to see at once whether it is right, and why. Options are shuffled on each attempt.`),
      this.best, this.tally, this.list, this.score);
  }

  renderQuestion(q, index) {
    const seed = `${this.topic.id}:${this.attempt}:${q.id}`;
    let locked = false;
    const ctx = { seed, locked: () => locked };
    const type = TYPES[q.type] || TYPES.single;
    const body = type.body(q, ctx);
    const kind = type.kind;
    const hint = el('p', { class: 'q-hint', role: 'alert' });
    const feedback = el('div', { class: 'q-feedback', tabindex: '-1', hidden: true });
    const check = el('button', { type: 'submit', class: 'button primary q-check' }, 'Check answer');
    const fieldset = el('fieldset', {},
      el('legend', {}, el('span', { class: 'q-number' }, `Question ${index + 1} of ${this.questions.length}`), ' ', titleNode(q.title)),
      html('div', { class: 'q-prompt' }, q.promptHtml),
      kind ? el('p', { class: 'q-kind' }, kind) : null,
      body.node);
    const form = el('form', {
      class: 'quiz-question', novalidate: true, dataset: { qid: q.id, type: q.type },
      onsubmit: (e) => {
        e.preventDefault();
        if (locked) return;
        if (!body.answered()) { hint.textContent = body.missing; body.focusTarget()?.focus(); return; }
        hint.textContent = '';
        locked = true;
        const right = body.correct();
        fieldset.disabled = true;
        check.hidden = true;
        body.reveal();
        form.classList.add(right ? 'is-right' : 'is-wrong');
        feedback.replaceChildren(...[
          el('p', { class: `q-verdict ${right ? 'right' : 'wrong'}` },
            el('span', { 'aria-hidden': 'true' }, right ? '✓ ' : '✗ '), right ? 'Right.' : 'Not quite.'),
          html('div', { class: 'q-explanation' }, q.explanationHtml),
          !right && body.correctOrder ? el('div', {}, el('p', {}, el('strong', {}, 'The order, slowest-growing first:')), body.correctOrder()) : null,
          type.extra ? type.extra(q) : null].filter(Boolean));
        feedback.hidden = false;
        feedback.focus();
        this.results.set(q.id, right);
        this.answered(`Question ${index + 1}: ${right ? 'right' : 'not quite'}. ${plainText(q.explanationHtml)}`);
      },
    }, fieldset, hint, el('div', { class: 'q-actions' }, check), feedback);
    this.items.get(q.id).replaceChildren(form);
  }

  answered(message) {
    this.updateHeader();
    if (this.results.size < this.questions.length) { announce(message); return; }
    const right = [...this.results.values()].filter(Boolean).length;
    const total = this.questions.length;
    progress.recordQuiz(this.topic.id, right, total);
    this.updateHeader();
    this.showScore(right, total);
    announce(`${message} Quiz finished: ${right} of ${total} right (${Math.round((100 * right) / total)}%).`);
  }

  showScore(right, total) {
    const missed = total - right;
    const pct = Math.round((100 * right) / total);
    this.score.replaceChildren(
      el('h3', {}, 'Your score'),
      el('p', { class: 'quiz-result' }, `${right} of ${total} right (${pct}%).`),
      el('p', {}, missed === 0 ? 'Every answer is right.' : `You missed ${missed}. Read ${missed === 1 ? 'its explanation, then try it' : 'their explanations, then try them'} again with the options in a new order.`),
      el('div', { class: 'quiz-actions' },
        missed ? el('button', { type: 'button', class: 'button primary', onclick: () => this.retry(false) }, 'Retry the ones I missed') : null,
        el('button', { type: 'button', class: 'button', onclick: () => this.retry(true) }, 'Start the quiz again')));
    this.score.hidden = false;
  }

  retry(all) {
    this.attempt = progress.nextQuizAttempt(this.topic.id);
    const again = this.questions.filter((q) => all || this.results.get(q.id) === false);
    for (const q of again) {
      this.results.delete(q.id);
      this.renderQuestion(q, this.questions.indexOf(q));
    }
    this.score.hidden = true;
    this.updateHeader();
    announce(`${again.length} question${again.length === 1 ? '' : 's'} to answer again, options shuffled.`);
    const first = this.items.get(again[0]?.id);
    first?.querySelector('input, textarea, .order-item')?.focus();
    first?.scrollIntoView({ block: 'start' });
  }

  updateHeader() {
    const { quiz } = progress.getTopic(this.topic.id);
    this.best.textContent = quiz.best === null ? 'No score yet for this quiz.'
      : `Your best score: ${quiz.best} of ${quiz.total} (${Math.round((100 * quiz.best) / quiz.total)}%).`;
    const right = [...this.results.values()].filter(Boolean).length;
    this.tally.textContent = `Answered ${this.results.size} of ${this.questions.length}, ${right} right.`;
  }
}

/** The quiz section of a topic page (main.js loads this module for it). */
export function quizSection(topic) {
  if (!topic.quiz?.questions?.length) return null;
  return new Quiz(topic).root;
}
