// Exercises on a topic page: an editor per exercise with Run, Check, Stop,
// Reset and Show solution. Check runs check_flow.js in a fresh Python
// worker of its own (python_client.openCheck): the reference is measured,
// the tests run and every result is compared with the reference's by its
// canonical key, and the C core's judge (api_judge, in the core's worker)
// decides time (with the Python lines executed) against the time target
// and memory against the space target. The page shows the outcome as it
// is; it decides nothing itself. course:exercise-passed {topic, exercise}
// is sent only for check_flow's pass.
import { CodeRunner, createEditor, markLine } from './editor.js';
import { openCheck, wantCheckWorker } from './python_client.js';
import { coreClient } from './core_client.js';
import { LazyChartView } from './chart_loader.js';
import { formatValue } from './units.js';
import { classRank, loadClasses, prettyClass, verdictClass } from './complexity.js';
import { runCheck } from './check_flow.js';
import { el, announce } from './dom.js';
import { addCount } from './debug_counts.js';

const START_TIMEOUT_MS = 90000;    // check_start: load, warm-up, reference, tests
const ROUND_SLACK_MS = 20000;      // check_round: the plan's budget plus this
const LIVE_DRAW_MS = 300;          // redraw the chart at most this often while measuring

const METRICS = {
  time: { title: 'Time per call', unit: 's', dim: 'time', caption: 'Time per call (best of the repeats)' },
  steps: { title: 'Python lines executed', unit: 'lines', dim: 'Python lines', caption: 'Python lines executed in one call (counted with sys.monitoring)' },
  memory: { title: 'Extra memory (peak)', unit: 'bytes', dim: 'extra memory', caption: 'Extra memory at the peak of one call' },
};
const MARK = { pass: '✓', fail: '✗', inconclusive: '?' };
// How the judge's decided_by reads for each metric (memory goes to the
// judge as its one series, which the judge calls "time").
const DECIDED = {
  time: { time: 'decided by time', steps: 'decided by the Python lines executed', 'time+steps': 'time and Python lines agree', too_slow: 'decided by the time limit' },
  memory: { time: 'decided by the measured memory' },
};

function best(values) {
  const v = (Array.isArray(values) ? values : [values]).filter((x) => typeof x === 'number' && Number.isFinite(x));
  return v.length ? Math.min(...v) : null;
}

/** One point per n for a metric: {x, y} from measured rows. */
function pointsOf(rows, metric) {
  const x = [], y = [];
  for (const row of rows || []) {
    const v = metric === 'time' ? best(row.time) : metric === 'steps' ? row.steps : row.peak_bytes;
    if (typeof v === 'number' && Number.isFinite(v)) { x.push(row.n); y.push(v); }
  }
  return { x, y };
}

function sentence(text) {
  const t = prettyClass(String(text || '').trim());
  return t ? `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}` : '';
}

class Exercise {
  constructor(topic, exercise) {
    this.topic = topic;
    this.ex = exercise;
    this.failedOnce = false;
    this.metric = 'time';
    this.data = null;
    this.outcome = null;
    this.checkButton = el('button', { type: 'button', class: 'button primary py-check', onclick: () => this.check() }, 'Check');
    this.solutionButton = el('button', { type: 'button', class: 'button py-show-solution', 'aria-expanded': 'false', onclick: () => this.toggleSolution() }, 'Show solution');
    this.runner = new CodeRunner({
      topic: topic.id, name: exercise.name, code: exercise.stub, label: `Exercise: ${exercise.title}`,
      extraButtons: [this.checkButton],
    });
    this.runner.toolbar.append(this.solutionButton);
    this.runner.runButton.classList.remove('primary');
    this.node = this.render();
  }

  render() {
    const ex = this.ex;
    const id = `exercise-${ex.name}`;
    const targets = [`${prettyClass(ex.time)} time`];
    if (ex.space) targets.push(`${prettyClass(ex.space)} extra space`);
    const description = el('div', { class: 'py-exercise-description prose' });
    description.innerHTML = ex.descriptionHtml || '';   // trusted build output
    this.confirmBox = el('div', { class: 'py-confirm', hidden: true, role: 'group', 'aria-label': 'Show the solution?' },
      el('span', {}, 'Show the reference solution? Trying a little longer usually teaches more.'),
      el('button', { type: 'button', class: 'button small py-confirm-yes', onclick: () => this.showSolution(true) }, 'Yes, show it'),
      el('button', { type: 'button', class: 'button small', onclick: () => { this.confirmBox.hidden = true; this.solutionButton.focus(); } }, 'Not yet'));
    this.solutionHost = el('div', { class: 'py-solution', hidden: true });
    this.compare = el('div', { class: 'py-compare' }, el('div', { class: 'py-mine' }, this.runner.node), this.solutionHost);
    this.progress = el('progress', { max: '1', value: '0', hidden: true, 'aria-label': `${ex.title}: check progress` });
    this.progressText = el('span', { class: 'py-check-progress' });
    this.summary = el('p', { class: 'py-check-summary', role: 'status', 'aria-live': 'polite' });
    this.testHost = el('div', { class: 'py-test-host' });
    this.verdicts = el('ul', { class: 'py-verdicts' });
    this.notes = el('ul', { class: 'py-check-notes' });
    this.againButton = el('button', { type: 'button', class: 'button small py-measure-again', hidden: true, onclick: () => this.check() }, 'Measure again');
    this.tabs = el('div', { class: 'metric-tabs', role: 'group', 'aria-label': 'What to plot' });
    this.canvas = el('canvas', { role: 'img', 'aria-label': `${ex.title}: your function's growth beside the reference solution's (the data table has the same numbers)` });
    this.chart = new LazyChartView(this.canvas);
    this.logToggle = el('input', { type: 'checkbox', id: `${id}-log`, onchange: () => this.draw() });
    this.tableHost = el('div', { class: 'data-table-wrap' });
    this.chartBlock = el('div', { class: 'py-chart-block', hidden: true },
      el('div', { class: 'chart-controls' }, this.tabs, el('label', { class: 'toggle', for: `${id}-log` }, this.logToggle, ' Log axes')),
      el('div', { class: 'chart-wrap' }, this.canvas),
      el('details', { class: 'data-table' }, el('summary', {}, 'Data table'), this.tableHost));
    this.results = el('div', { class: 'py-check-results' },
      el('div', { class: 'demo-status py-check-status' }, this.progress, this.progressText),
      this.summary, this.testHost, this.verdicts, this.againButton, this.notes, this.chartBlock);
    this.section = el('section', { class: 'py-exercise', id, dataset: { exercise: ex.name }, 'aria-labelledby': `${id}-title` },
      el('header', { class: 'py-example-header' },
        el('span', { class: 'badge' }, 'Exercise'),
        el('h3', { id: `${id}-title` }, ex.title),
        el('span', { class: 'py-passed-badge', hidden: true }, 'Passed ✓')),
      el('p', { class: 'py-targets' }, el('strong', {}, 'Target: '), targets.join(' · ')),
      description, this.compare, this.confirmBox, this.results);
    return this.section;
  }

  // ------------------------------------------------------------ solution --

  toggleSolution() {
    if (!this.solutionHost.hidden) {
      this.solutionHost.hidden = true;
      this.compare.classList.remove('has-solution');
      this.solutionButton.textContent = 'Show solution';
      this.solutionButton.setAttribute('aria-expanded', 'false');
      return;
    }
    if (this.failedOnce) this.showSolution(true);
    else { this.confirmBox.hidden = false; this.confirmBox.querySelector('.py-confirm-yes').focus(); }
  }

  showSolution() {
    this.confirmBox.hidden = true;
    if (!this.solutionView) {
      const host = el('div', { class: 'py-editor' });
      this.solutionHost.append(el('h4', {}, 'Reference solution (read-only)'), host);
      this.solutionView = createEditor(host, { doc: this.ex.solution, label: `${this.ex.title}: reference solution (read-only)`, readOnly: true });
    }
    this.solutionHost.hidden = false;
    this.compare.classList.add('has-solution');
    this.solutionButton.textContent = 'Hide solution';
    this.solutionButton.setAttribute('aria-expanded', 'true');
  }

  // --------------------------------------------------------------- check --

  setSummary(text, state) {
    this.summary.textContent = text;
    if (state) this.section.dataset.state = state;
  }

  clearResults() {
    this.testHost.replaceChildren();
    this.verdicts.replaceChildren();
    this.notes.replaceChildren();
    this.againButton.hidden = true;
    this.chartBlock.hidden = true;
    this.outcome = null;
    this.live = null;
    delete this.section.dataset.state;
  }

  async check() {
    if (this.runner.running) return;
    const ex = this.ex;
    const code = this.runner.code();
    this.runner.view.flushSave();
    markLine(this.runner.view, 0);
    this.runner.output.clear();
    this.clearResults();
    this.runner.setRunning(true, 'Checking…');
    const session = openCheck();
    this.runner.stopHandler = () => session.stop();
    this.progress.hidden = false;
    this.progress.value = 0;
    this.setSummary('Checking…');
    this.showProgress({ phase: 'start', message: '' }, session);
    const onStream = ({ kind, text }) => this.runner.output.write(kind, text);
    const roundTimeout = () => ((this.live?.plan?.budget_s || 20) * 1000) + ROUND_SLACK_MS;
    const transports = {
      start: (request, hooks) => session.request('check-start', { request }, { onProgress: hooks.progress, onStream, timeoutMs: START_TIMEOUT_MS }),
      round: (request, hooks) => session.request('check-round', { request }, { onProgress: hooks.progress, onStream, timeoutMs: roundTimeout() }),
      judge: (args) => coreClient.request('judge', args),
    };
    let outcome;
    try {
      outcome = await runCheck(ex, code, transports, {
        shouldStop: () => session.stopped,
        onUpdate: (view) => this.showProgress(view, session),
      });
    } catch (err) {
      outcome = { state: 'error', summary: `The check could not run: ${err.message}`, tests: [], verdicts: [], rows: [], reference: { rows: [] }, notes: [] };
    } finally {
      session.close();
      this.runner.stopHandler = null;
      this.progress.hidden = true;
      this.progressText.textContent = '';
      this.runner.setRunning(false);
      this.runner.status.textContent = '';
    }
    this.runner.output.flush();
    await this.show(outcome);
    if (outcome.state === 'fail') this.failedOnce = true;
    if (outcome.state === 'pass') {
      this.section.querySelector('.py-passed-badge').hidden = false;
      this.section.classList.add('is-passed');
      document.dispatchEvent(new CustomEvent('course:exercise-passed', { detail: { topic: this.topic.id, exercise: ex.name } }));
    }
    announce(this.summary.textContent);
  }

  // What the learner sees while a check runs: the bar, a line of text, and
  // the curve so far.
  showProgress(view, session) {
    this.live = { ...(this.live || {}), ...view };
    if (view.plan) this.live.plan = view.plan;
    const fraction = Math.max(0, Math.min(1, Number(view.fraction) || 0));
    const loading = session.status !== 'ready';
    let text;
    if (view.phase === 'start') {
      this.progress.value = 0.35 * fraction;
      text = loading ? 'Starting a fresh Python for this check (a few seconds)…'
        : `Measuring the reference solution, then running the tests${view.message ? ` · ${view.message}` : ''}`;
    } else {
      this.progress.value = 0.35 + 0.65 * fraction;
      text = `${view.round ? `Measuring again (round ${view.round + 1})` : 'Measuring your function'}${view.message ? ` · ${view.message}` : ''}`;
    }
    this.progressText.textContent = text;
    this.runner.status.textContent = session.stopped ? 'Stopping…' : text;
    if (view.phase === 'round' && view.rows?.length) this.drawLive(view);
  }

  drawLive(view) {
    const nowMs = performance.now();
    if (this.lastLiveDraw && nowMs - this.lastLiveDraw < LIVE_DRAW_MS) return;
    this.lastLiveDraw = nowMs;
    this.data = { rows: view.rows, reference: view.reference, fits: {} };
    this.showChart(['time']);
  }

  async show(outcome) {
    this.outcome = outcome;
    const classes = await loadClasses().catch(() => null);
    this.setSummary(outcome.summary, outcome.state);
    this.renderTests(outcome.tests || []);
    this.renderVerdicts(outcome, classes);
    const notes = [...(outcome.notes || [])];
    if (outcome.error?.traceback && outcome.state === 'fail') this.runner.showError(outcome.error);
    const slow = outcome.tooSlow;
    if (slow && (outcome.rows || []).length) {
      notes.push(`Your function was stopped at n = ${slow.n} after ${slow.seconds} s; the chart shows the sizes it finished`);
    }
    this.notes.replaceChildren(...notes.map((n) => el('li', {}, sentence(n))));
    this.againButton.hidden = !['inconclusive', 'stopped', 'error'].includes(outcome.state);
    const rows = outcome.rows || [];
    const refRows = outcome.reference?.rows || [];
    // The chart compares: without a measurement of the learner's code there is nothing to show.
    if (rows.length) {
      const fits = {};
      const time = (outcome.verdicts || []).find((v) => v.metric === 'time');
      const memory = (outcome.verdicts || []).find((v) => v.metric === 'memory');
      if (time?.fit) fits.time = time.fit;
      if (time?.steps) fits.steps = time.steps;
      if (memory?.fit) fits.memory = memory.fit;
      this.data = { rows, reference: refRows, fits };
      const metrics = ['time', 'steps', ...(this.ex.space ? ['memory'] : [])]
        .filter((m) => pointsOf(rows, m).x.length || pointsOf(refRows, m).x.length);
      this.showChart(metrics);
    }
  }

  renderVerdicts(outcome, classes) {
    this.verdicts.replaceChildren(...(outcome.verdicts || []).map((v) => {
      const dim = METRICS[v.metric]?.dim || v.metric;
      const target = prettyClass(v.target);
      let measured;
      if (v.verdict === 'pass') {
        // A pass names a class only if it is within the target: the ✓ never sits beside a slower class.
        const cls = v.fit?.best;
        const within = classes && cls && classRank(cls, classes) >= 0 && classRank(cls, classes) <= classRank(v.target, classes);
        measured = within ? `${verdictClass(v.fit)}, meets the target ${target}` : `meets the target ${target}`;
      } else if (v.verdict === 'fail') {
        measured = v.decided_by === 'too_slow' ? `too slow — target ${target}` : `${v.cls ? prettyClass(v.cls) : 'grows too fast'} — target ${target}`;
      } else {
        measured = `inconclusive — target ${target}`;
      }
      const decided = DECIDED[v.metric]?.[v.decided_by] ? ` (${DECIDED[v.metric][v.decided_by]})` : '';
      return el('li', { class: `py-verdict ${v.verdict}`, dataset: { metric: v.metric, state: v.verdict, decidedBy: v.decided_by } },
        el('span', { class: 'py-verdict-text' }, `${dim}: ${measured} ${MARK[v.verdict] || ''}`),
        el('span', { class: 'py-verdict-reason' }, ` ${sentence(v.reason)}${decided}`));
    }));
  }

  // Failing tests first and in full; when all pass, they fold away.
  renderTests(tests) {
    const items = [...tests].sort((a, b) => Number(a.passed) - Number(b.passed)).map((t) => el('li', { class: `py-test ${t.passed ? 'passed' : 'failed'}`, dataset: { passed: String(t.passed) } },
      el('span', { class: 'py-test-mark', 'aria-hidden': 'true' }, t.passed ? '✓' : '✗'),
      el('span', { class: 'visually-hidden' }, t.passed ? 'Passed: ' : 'Failed: '),
      el('code', {}, t.call),
      t.passed ? el('span', { class: 'py-test-detail' }, ` → ${t.actual}`)
        : el('span', { class: 'py-test-detail' }, ' expected ', el('code', {}, t.expected), ', got ', el('code', {}, t.actual),
          t.message ? el('span', { class: 'py-test-why' }, ` — ${sentence(t.message)}`) : null)));
    const failed = tests.filter((t) => !t.passed).length;
    if (!tests.length) this.testHost.replaceChildren();
    else if (failed) this.testHost.replaceChildren(el('ol', { class: 'py-tests' }, items));
    else {
      this.testHost.replaceChildren(el('details', { class: 'py-tests-passed' },
        el('summary', {}, `${tests.length} of ${tests.length} tests passed`), el('ol', { class: 'py-tests' }, items)));
    }
  }

  // --------------------------------------------------------------- chart --

  showChart(metrics) {
    this.metrics = metrics;
    if (!metrics.length) return;
    if (!metrics.includes(this.metric)) this.metric = metrics[0];
    this.tabs.replaceChildren(...metrics.map((m) => el('button', {
      type: 'button', class: 'tab', 'aria-pressed': String(m === this.metric), dataset: { metric: m },
      onclick: () => { this.metric = m; this.showChart(this.metrics); },
    }, METRICS[m].title)));
    this.chartBlock.hidden = false;
    this.draw();
    this.renderTable(metrics);
  }

  // Yours with the judge's fit (its dashed curve and class); the reference
  // as measured, without a class of its own: only yours is judged.
  seriesList() {
    const { rows, reference, fits = {} } = this.data || {};
    const list = [];
    for (const [who, label, fit] of [[rows, 'your code', fits[this.metric]], [reference, 'reference solution', null]]) {
      const { x, y } = pointsOf(who, this.metric);
      if (x.length) list.push({ label, x, y, fit: fit && !fit.error ? fit : null });
    }
    return list;
  }

  draw() {
    const list = this.seriesList();
    if (!list.length) return;
    this.chart.show(list, { xLabel: 'n', unit: METRICS[this.metric].unit, logAxes: this.logToggle.checked });
  }

  renderTable(metrics) {
    const { rows, reference } = this.data || {};
    this.tableHost.replaceChildren(...metrics.map((m) => {
      const mine = pointsOf(rows, m);
      const ref = pointsOf(reference, m);
      const ns = [...new Set([...mine.x, ...ref.x])].sort((a, b) => a - b);
      const cell = (s, n) => {
        const i = s.x.indexOf(n);
        return el('td', { dataset: { value: i >= 0 ? String(s.y[i]) : '' } }, i >= 0 ? formatValue(s.y[i], METRICS[m].unit) : '–');
      };
      return el('table', { class: 'numbers', dataset: { metric: m } },
        el('caption', {}, METRICS[m].caption),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'n'), el('th', { scope: 'col' }, 'your code'), el('th', { scope: 'col' }, 'reference'))),
        el('tbody', {}, ns.map((n) => el('tr', {}, el('td', {}, String(n)), cell(mine, n), cell(ref, n)))));
    }));
  }
}

export function renderExercises(topic) {
  const exercises = topic.exercises || [];
  if (!exercises.length) return null;
  const nodes = exercises.map((ex) => new Exercise(topic, ex).node);
  watchExercises(nodes);
  return el('section', { class: 'py-exercises', id: 'exercises', 'aria-labelledby': 'exercises-title' },
    el('h2', { id: 'exercises-title' }, 'Exercises'),
    el('p', { class: 'caption' }, 'Write the function, then press Check. Each Check runs in a fresh Python: the tests run first, then your function is measured at growing n beside the reference solution, its results are compared with the reference\'s at every size, and both its time and the Python lines it executes must meet the target. Your code is kept on this device.'),
    nodes);
}

// Keep a fresh Python ready for the next Check while an exercise is on screen.
// Exercises of a page that was left are no longer watched.
const visible = new Set();
const watched = new Set();
let observer = null;
addCount('watchedExercises', () => watched.size);
function watchExercises(nodes) {
  if (typeof IntersectionObserver !== 'function') { wantCheckWorker(true); return; }
  observer ||= new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting && e.target.isConnected) visible.add(e.target);
      else visible.delete(e.target);
    }
    for (const node of visible) if (!node.isConnected) visible.delete(node);
    wantCheckWorker(visible.size > 0);
  });
  for (const node of watched) {
    if (!node.isConnected) { observer.unobserve(node); watched.delete(node); visible.delete(node); }
  }
  for (const node of nodes) { observer.observe(node); watched.add(node); }
}
