// Learner progress per topic: lesson read, demos run, exercises passed, best
// quiz score. This module is the one owner of `memperf.progress`: it loads
// (and repairs) it, records events, and fills in every progress display:
// the topic cards and "Next suggested step" on the home page, the topic
// header, and the "Your progress" controls (export, import, reset).
import { loadOverview } from './data.js';
import { addTopicSection } from './topic_page.js';
import { el, announce, downloadText, uniqueId } from './dom.js';
import { KEY, emptyProgress, emptyTopic, parse } from './progress_store.js';

const PASS_PERCENT = 80;
let state = emptyProgress();
let notice = null;          // what was reset at load, until the learner dismisses it
let readObserver = null;

// ---------------------------------------------------------------- storage --

function load() {
  let text = null;
  try { text = localStorage.getItem(KEY); } catch { return; }   // storage off: progress lasts this visit
  if (text === null) return;
  try {
    state = parse(text);
    if (JSON.stringify(state) !== text) save();   // migrated from an older version
  } catch (err) {
    state = emptyProgress();
    notice = `Your saved progress could not be read (${err.message}), so it was reset. Lessons, demos and quizzes are not affected.`;
    save();
  }
}

function save() {
  try { localStorage.setItem(KEY, JSON.stringify(state)); } catch { /* storage full or off: keep it in memory */ }
}

function topicState(id) {
  return state.topics[id] || emptyTopic();
}

/** All changes go through here: update, store, redraw every display. */
function update(topicId, change) {
  const topic = state.topics[topicId] ?? emptyTopic();
  change(topic);
  state.topics[topicId] = topic;
  save();
  refresh().catch(() => {});
}

// ------------------------------------------------------------- public API --

export function getTopic(id) {
  return structuredClone(topicState(id));
}

/** The quiz's shuffle seed: the same attempt number gives the same order. */
export function quizAttempt(id) {
  return topicState(id).quiz.attempt;
}

export function nextQuizAttempt(id) {
  let attempt = 1;
  update(id, (t) => { t.quiz.attempt += 1; attempt = t.quiz.attempt; });
  return attempt;
}

/** Keeps the best of the learner's quiz scores. */
export function recordQuiz(id, score, total) {
  update(id, (t) => {
    const old = t.quiz.best === null ? -1 : t.quiz.best / t.quiz.total;
    if (score / total > old) Object.assign(t.quiz, { best: score, total });
  });
}

export function markRead(id, read = true) {
  if (topicState(id).read === read && state.topics[id]) return;
  update(id, (t) => { t.read = read; });
}

// ---------------------------------------------------------------- summary --

// Each topic's demo ids and exercise names come from the overview, so the
// home page never loads a topic's data to count them.
async function totals() {
  return (await loadOverview()).topics;
}

function percent(quiz) {
  return quiz.best === null ? null : Math.round((100 * quiz.best) / quiz.total);
}

function facts(info) {
  const t = topicState(info.id);
  const demosRun = info.demos.filter((d) => t.demos.includes(d)).length;
  const passed = info.exercises.filter((x) => t.exercises.includes(x)).length;
  const pct = percent(t.quiz);
  const done = t.read && passed === info.exercises.length && pct !== null && pct >= PASS_PERCENT;
  const started = t.read || t.demos.length || t.exercises.length || pct !== null;
  return { t, demosRun, passed, pct, done, started };
}

function summaryNode(info) {
  const f = facts(info);
  const status = f.done ? 'Done' : f.started ? 'In progress' : 'Not started';
  const item = (ok, text) => el('li', { class: ok ? 'is-done' : '' }, el('span', { class: 'mark', 'aria-hidden': 'true' }, ok ? '✓' : '○'), ' ', text);
  return [
    el('span', { class: `progress-status status-${status.toLowerCase().replace(' ', '-')}` }, status),
    el('ul', { class: 'progress-facts' },
      item(f.t.read, f.t.read ? 'Lesson read' : 'Lesson not read yet'),
      item(f.demosRun === info.demos.length && info.demos.length > 0, `Demos run: ${f.demosRun} of ${info.demos.length}`),
      item(f.passed === info.exercises.length && info.exercises.length > 0, `Exercises passed: ${f.passed} of ${info.exercises.length}`),
      item(f.pct !== null && f.pct >= PASS_PERCENT, f.pct === null ? 'Quiz not taken'
        : `Best quiz score: ${f.t.quiz.best} of ${f.t.quiz.total} (${f.pct}%)`)),
  ];
}

function nextStep(all) {
  for (const info of all) {
    const f = facts(info);
    if (f.done) continue;
    const name = `${info.number} ${info.title}`;
    if (!f.t.read) return { text: `Read the lesson of ${name}.`, href: `#/${info.id}`, link: `Start ${name}` };
    if (f.demosRun < info.demos.length) return { text: `Run the live demos in ${name}: ${f.demosRun} of ${info.demos.length} run so far.`, href: `#/${info.id}`, link: `Go to ${name}` };
    if (f.passed < info.exercises.length) return { text: `Solve the exercises of ${name}: ${f.passed} of ${info.exercises.length} passed.`, href: `#/${info.id}`, link: `Go to ${name}` };
    return { text: f.pct === null ? `Take the quiz of ${name}.` : `Retake the quiz of ${name} (best so far ${f.pct}%; aim for ${PASS_PERCENT}%).`, href: `#/${info.id}/quiz`, link: `Go to the quiz of ${name}` };
  }
  return { text: 'You have finished every topic. Revisit any demo with bigger inputs, or try the exercises again with a different approach.', href: null };
}

// --------------------------------------------------------------- displays --

let totalsCache = null;

async function refresh() {
  const main = document.getElementById('main');
  if (!main) return;
  showNotice(main);
  const slots = [...main.querySelectorAll('.topic-progress[data-progress-for]')];
  const box = main.querySelector('.next-step');
  if (!slots.length && !box) return;
  totalsCache ??= totals().catch((err) => { totalsCache = null; throw err; });
  const all = await totalsCache;
  for (const slot of slots) {
    const info = all.find((t) => t.id === slot.dataset.progressFor);
    if (info) slot.replaceChildren(...summaryNode(info));
  }
  if (box) {
    const step = nextStep(all);
    box.querySelector('.next-step-body').replaceChildren(
      el('p', {}, step.text),
      step.href ? el('p', {}, el('a', { class: 'button primary', href: step.href }, step.link)) : null);
  }
  syncReadButton();
}

function showNotice(main) {
  main.querySelector('.progress-notice')?.remove();
  if (!notice) return;
  const box = el('div', { class: 'progress-notice', role: 'alert' },
    el('p', {}, notice),
    el('button', {
      type: 'button', class: 'button small',
      onclick: () => { notice = null; box.remove(); main.focus(); },
    }, 'Dismiss'));
  main.prepend(box);
}

/** "Your progress": export, import and reset, on the home page. */
function controls() {
  const message = el('p', { class: 'progress-message', role: 'status' });
  const fileId = uniqueId('progress-file');
  const file = el('input', { type: 'file', id: fileId, accept: '.json,application/json', class: 'progress-file' });
  const say = (text, bad = false) => { message.textContent = text; message.classList.toggle('is-error', bad); };
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    try {
      if (chosen.size > 1_000_000) throw new Error('the file is larger than any progress file (over 1 MB)');
      const next = parse(await chosen.text());
      state = next;
      save();
      say(`Progress imported from ${chosen.name}: ${Object.keys(next.topics).length} topics.`);
      refresh().catch(() => {});
    } catch (err) {
      say(`Could not import ${chosen.name}: ${err.message}. Your progress is unchanged.`, true);
    } finally {
      file.value = '';
    }
  });
  const dialogTitle = uniqueId('reset-title');
  const dialog = el('dialog', { class: 'reset-dialog', 'aria-labelledby': dialogTitle },
    el('form', { method: 'dialog' },
      el('h2', { id: dialogTitle }, 'Reset all progress?'),
      el('p', {}, 'This clears lessons read, demos run, exercises passed and quiz scores for every topic. Export first if you may want them back.'),
      el('div', { class: 'dialog-actions' },
        el('button', { class: 'button', value: 'cancel', autofocus: true }, 'Cancel'),
        el('button', { class: 'button danger', value: 'reset' }, 'Reset progress'))));
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'reset') {
      state = emptyProgress();
      save();
      say('Your progress was reset.');
      refresh().catch(() => {});
    }
    resetButton.focus();
  });
  const resetButton = el('button', {
    type: 'button', class: 'button',
    onclick: () => { dialog.returnValue = ''; dialog.showModal(); },
  }, 'Reset progress…');
  return el('section', { class: 'progress-controls', 'aria-labelledby': 'your-progress-title' },
    el('h2', { id: 'your-progress-title' }, 'Your progress'),
    el('p', {}, 'Progress is kept in this browser only. Save it to a file to move it to another browser or keep a copy.'),
    el('div', { class: 'progress-actions' },
      el('button', {
        type: 'button', class: 'button',
        onclick: () => { downloadText('memperf-progress.json', `${JSON.stringify(state, null, 2)}\n`, 'application/json'); say('Progress exported to memperf-progress.json.'); },
      }, 'Export progress'),
      el('label', { class: 'button file-button', for: fileId }, 'Import progress…'),
      file,
      resetButton),
    message, dialog);
}

function decorateHome(main) {
  const hero = main.querySelector('.hero');
  const box = el('section', { class: 'next-step', 'aria-labelledby': 'next-step-title' },
    el('h2', { id: 'next-step-title' }, 'Next suggested step'),
    el('div', { class: 'next-step-body' }, el('p', {}, 'Working out where you are…')));
  if (hero) hero.after(box); else main.prepend(box);
  const topics = main.querySelector('.topic-grid')?.closest('section');
  const panel = controls();
  if (topics) topics.after(panel); else main.append(panel);
}

// ------------------------------------------------------------ lesson read --

function readSection(topic, { lesson }) {
  const button = el('button', { type: 'button', class: 'button small read-button', onclick: () => markRead(topic.id, !topicState(topic.id).read) });
  const box = el('div', { class: 'lesson-end', dataset: { topic: topic.id } }, el('p', { class: 'lesson-end-text' }), button);
  lesson.after(box);
  syncReadButton(box);
  return null;
}

function syncReadButton(box = document.querySelector('.lesson-end')) {
  if (!box) return;
  const read = topicState(box.dataset.topic).read;
  box.querySelector('.lesson-end-text').textContent = read ? '✓ You have read this lesson.' : 'End of the lesson.';
  box.querySelector('.read-button').textContent = read ? 'Mark as not read' : 'Mark as read';
  box.classList.toggle('is-read', read);
}

function watchLessonEnd() {
  readObserver?.disconnect();
  const box = document.querySelector('.lesson-end');
  if (!box || !('IntersectionObserver' in window)) return;
  readObserver = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    readObserver.disconnect();
    if (!topicState(box.dataset.topic).read) {
      markRead(box.dataset.topic);
      announce('Lesson marked as read.');
    }
  });
  readObserver.observe(box);
}

// ------------------------------------------------------------------- init --

export function init() {
  load();
  addTopicSection(readSection);
  document.addEventListener('course:page', (e) => {
    const page = e.detail || { page: 'home' };
    const main = document.getElementById('main');
    if (page.page === 'home' && main && !main.querySelector('.next-step')) decorateHome(main);
    if (page.page === 'topic') watchLessonEnd(); else readObserver?.disconnect();
    refresh().catch(() => {});
  });
  document.addEventListener('course:demo-run', (e) => {
    const { demo, topic } = e.detail || {};
    if (typeof demo === 'string' && typeof topic === 'string' && !topicState(topic).demos.includes(demo)) {
      update(topic, (t) => t.demos.push(demo));
    }
  });
  document.addEventListener('course:exercise-passed', (e) => {
    const { topic, exercise } = e.detail || {};
    if (typeof exercise === 'string' && typeof topic === 'string' && !topicState(topic).exercises.includes(exercise)) {
      update(topic, (t) => t.exercises.push(exercise));
    }
  });
}
