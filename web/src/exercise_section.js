// Exercises on a topic page: an editor per exercise with Run, Check, Stop,
// Reset and Show solution. Check runs the exercise's TESTS in Python, then
// measures the learner's function and the reference solution at growing n
// (web/py/checker.py), has the C core classify each series, and passes only
// when the tests pass and the measured classes meet the targets. A verdict
// the classifier is not sure of never fails the learner: it offers
// "Measure again". On a pass: course:exercise-passed {topic, exercise}.
import { addTopicSection } from './topic_page.js';
import { CodeRunner, createEditor, markLine } from './editor.js';
import { python, explainError } from './python_client.js';
import { coreClient } from './core_client.js';
import { ChartView, formatValue } from './chart_view.js';
import { CLASS_LABELS, classRank, prettyClass, verdictClass } from './complexity.js';
import { el, announce } from './dom.js';

const CHECK_BUDGET_S = 10;    // the whole check: tests, both measurements, fits
const MY_BUDGET_S = 4.5;       // measuring the learner's function
const REF_BUDGET_S = 2.5;     // measuring the reference solution
const MIN_SIZES = 3;          // fewer measured sizes cannot be classified
// Verdict policy: the same as tests/content/verify_content.py.
const LOW_CONFIDENCE = 0.99;
const SLOPE_MARGIN = 0.5;
const MEETS_SLOPE_MARGIN = 0.05;
const POLYNOMIAL = ['O(1)', 'O(n)', 'O(n^2)', 'O(n^3)'];
const EXPONENT = { 'O(1)': 0, 'O(log n)': 0.25, 'O(n)': 1, 'O(n log n)': 1.2, 'O(n^2)': 2, 'O(n^3)': 3, 'O(2^n)': Infinity };

const METRICS = {
  time: { field: 'time', title: 'Time per call', unit: 's', dim: 'time' },
  memory: { field: 'peak_bytes', title: 'Extra memory (peak)', unit: 'bytes', dim: 'extra memory' },
  steps: { field: 'steps', title: 'Python lines executed', unit: 'lines', dim: 'lines' },
};

/** 'pass' | 'fail' | 'inconclusive' for a fit against a target class. */
export function judge(fit, target) {
  if (!fit || fit.error) return 'inconclusive';
  const t = classRank(target);
  const { best, top, runner_up: runner, slope } = fit;
  const confidence = fit.confidence || 0;
  const known = CLASS_LABELS.includes(best);
  if (known && classRank(best) <= t) return 'pass';
  if (Number.isFinite(slope)) {
    // Theil-Sen log-log slope: robust to a noisy size or two.
    // ... but not against a classifier that still sees the target as possible.
    const contenders = known ? [best] : [top, runner];
    if (slope >= EXPONENT[target] + SLOPE_MARGIN && contenders.every((c) => classRank(c) > t)) return 'fail';
    if (POLYNOMIAL.includes(target) && slope <= EXPONENT[target] + MEETS_SLOPE_MARGIN) return 'pass';
  }
  if (!known) {
    // Unsure between two classes: pass if both meet the target, or if one is
    // the target and the growth is no steeper than it; else measure again.
    if (classRank(top) <= t && classRank(runner) >= 0 && classRank(runner) <= t) return 'pass';
    if ((top === target || runner === target) && Number.isFinite(slope) && slope < EXPONENT[target] + 0.25) return 'pass';
    return 'inconclusive';
  }
  if (confidence >= LOW_CONFIDENCE) return 'fail';
  return classRank(runner) >= 0 && classRank(runner) <= t ? 'inconclusive' : 'fail';
}

/**
 * The class exact line counts prove, or null. Counts are a lower bound on
 * the work, so a log-log slope (smallest to largest n) at least half a power
 * above the target's proves the function grows faster than the target.
 */
function stepsProof(series, target) {
  const { x, y } = series?.med || { x: [], y: [] };
  if (x.length < MIN_SIZES || !(y[0] > 0)) return null;
  const slope = Math.log(y.at(-1) / y[0]) / Math.log(x.at(-1) / x[0]);
  if (!(slope >= EXPONENT[target] + SLOPE_MARGIN)) return null;
  return slope < 2.5 ? 'O(n^2)' : slope < 3.5 ? 'O(n^3)' : 'O(2^n)';
}

function measuredLabel(fit) {
  if (!fit || fit.error) return 'not measured';
  if (CLASS_LABELS.includes(fit.best)) return verdictClass(fit);
  return `inconclusive (${prettyClass(fit.top)} or ${prettyClass(fit.runner_up)})`;
}

/**
 * n and y arrays for the classifier: every repeat, except times more than
 * 1.5x the best at their size (other work on the machine only ever adds
 * time, as timeit's docs say); the chart and table show the best.
 */
function seriesFor(result, metric) {
  const n = [], y = [], med = { x: [], y: [] };
  for (const row of result?.results || []) {
    const v = row[METRICS[metric].field];
    if (v === null || v === undefined) continue;
    const values = Array.isArray(v) ? v : [v];
    const best = Math.min(...values);
    for (const x of values) if (x <= best * 1.5 || best <= 0) { n.push(row.n); y.push(x); }
    med.x.push(row.n);
    med.y.push(best);
  }
  return { n, y, med };
}

async function fitSeries(result, metric) {
  const s = seriesFor(result, metric);
  if (s.med.x.length < MIN_SIZES) return { series: s, fit: { error: `only ${s.med.x.length} sizes measured` } };
  try {
    return { series: s, fit: await coreClient.request('fit', { n: s.n, y: s.y }) };
  } catch (err) {
    return { series: s, fit: { error: err.message } };
  }
}

class Exercise {
  constructor(topic, exercise) {
    this.topic = topic;
    this.ex = exercise;
    this.failedOnce = false;
    this.checking = false;
    this.metric = 'time';
    this.data = {};
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
    this.summary = el('p', { class: 'py-check-summary', role: 'status', 'aria-live': 'polite' });
    this.testList = el('ol', { class: 'py-tests' });
    this.verdicts = el('ul', { class: 'py-verdicts' });
    this.sizeNotes = el('ul', { class: 'py-size-notes' });
    this.againButton = el('button', { type: 'button', class: 'button small py-measure-again', hidden: true, onclick: () => this.check() }, 'Measure again');
    this.tabs = el('div', { class: 'metric-tabs', role: 'group', 'aria-label': 'What to plot' });
    this.canvas = el('canvas', { role: 'img', 'aria-label': `${ex.title}: your function's growth beside the reference solution's (the data table has the same numbers)` });
    this.chart = new ChartView(this.canvas);
    this.logToggle = el('input', { type: 'checkbox', id: `${id}-log`, onchange: () => this.draw() });
    this.tableHost = el('div', { class: 'data-table-wrap' });
    this.chartBlock = el('div', { class: 'py-chart-block', hidden: true },
      el('div', { class: 'chart-controls' }, this.tabs, el('label', { class: 'toggle', for: `${id}-log` }, this.logToggle, ' Log axes')),
      el('div', { class: 'chart-wrap' }, this.canvas),
      el('details', { class: 'data-table' }, el('summary', {}, 'Data table'), this.tableHost));
    this.results = el('div', { class: 'py-check-results' },
      el('div', { class: 'demo-status' }, this.progress, this.summary),
      this.testList, this.verdicts, this.againButton, this.sizeNotes, this.chartBlock);
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

  async check() {
    if (this.runner.running) return;
    const ex = this.ex;
    const code = this.runner.code();
    this.runner.view.flushSave();
    markLine(this.runner.view, 0);
    this.runner.output.clear();
    this.testList.replaceChildren();
    this.verdicts.replaceChildren();
    this.sizeNotes.replaceChildren();
    this.againButton.hidden = true;
    this.chartBlock.hidden = true;
    this.data = {};
    delete this.section.dataset.state;
    this.runner.setRunning(true, 'Checking…');
    this.started = null;
    const token = {};
    this.runner.token = token;
    this.setSummary('Running the tests…');
    let outcome = 'error';
    try {
      const { tests } = await python.test(code, ex.name, ex.check, { token, onStream: ({ kind, text }) => this.runner.output.write(kind, text) });
      this.renderTests(tests);
      const failed = tests.filter((t) => !t.passed).length;
      if (failed) {
        outcome = 'fail';
        this.setSummary(`${failed} of ${tests.length} tests failed. Fix them, then check again.`, 'fail');
        return;
      }
      this.setSummary(`All ${tests.length} tests pass. Measuring how your function grows…`);
      outcome = await this.measureAll(code, token);
    } catch (err) {
      this.runner.output.flush();
      if (err.kind === 'stopped' || err.kind === 'timeout') {
        outcome = 'stopped';
        const measured = this.data.ref || this.data.mine;
        if (measured) this.showMeasurements(['time', ...(ex.space ? ['memory'] : [])]);
        this.setSummary(measured ? `${explainError(err)} The sizes measured so far are shown.` : explainError(err), 'stopped');
      } else {
        outcome = 'fail';
        this.runner.showError(err);
        this.setSummary(`Your code raised an error before the tests could run: ${explainError(err)}`, 'fail');
      }
    } finally {
      this.progress.hidden = true;
      this.runner.setRunning(false);
      this.runner.status.textContent = '';
      if (outcome === 'fail') this.failedOnce = true;
      announce(this.summary.textContent);
    }
  }

  async measureAll(code, token) {
    const ex = this.ex;
    const metrics = ['time', ...(ex.space ? ['memory'] : [])];
    this.progress.hidden = false;
    this.progress.value = 0;
    const onProgress = (share, offset, who) => ({ fraction, message }) => {
      this.progress.value = offset + fraction * share;
      this.runner.status.textContent = `Measuring ${who}: ${message}`;
    };
    this.started = performance.now();
    // The reference goes first: the first measurement after Python starts
    // runs while the browser is still optimising the interpreter, and the
    // learner's verdict is the one that must be fair.
    const ref = await python.measure(ex.solution, ex.name, ex.check, { token, budget: REF_BUDGET_S, metrics, onProgress: onProgress(0.35, 0, 'the reference solution') });
    this.data.ref = { result: ref };
    for (const m of metrics) this.data.ref[m] = await fitSeries(ref, m);
    if (ref.reason === 'stopped') {
      this.showMeasurements(metrics);
      this.setSummary('Stopped while measuring: the sizes measured so far are shown.', 'stopped');
      return 'stopped';
    }
    // What is left of the check's ~10 s goes to the learner's function.
    const left = Math.min(MY_BUDGET_S, CHECK_BUDGET_S - (performance.now() - this.started) / 1000 - 1);
    const mine = await python.measure(code, ex.name, ex.check, { token, budget: Math.max(1, left), metrics: [...metrics, 'steps'], onProgress: onProgress(0.65, 0.35, 'your function') });
    this.data.mine = { result: mine };
    this.noteSizes(mine, 'your function');
    for (const m of metrics) this.data.mine[m] = await fitSeries(mine, m);
    this.data.mine.steps = { series: seriesFor({ results: mine.steps || [] }, 'steps') };
    this.showMeasurements(metrics);
    if (mine.reason === 'stopped') {
      this.setSummary('Stopped while measuring: the sizes measured so far are shown.', 'stopped');
      return 'stopped';
    }
    return this.verdict(metrics);
  }

  noteSizes(result, who) {
    const total = (this.sizes ||= (this.ex.check.match(/^SIZES\s*=\s*\[([^\]]*)\]/m)?.[1] || '').split(',').filter((x) => x.trim()).length);
    const done = result.results.length;
    if (result.complete || !total) return;
    const why = result.reason === 'budget' ? 'the next size would not fit in the time budget' : 'it was stopped';
    this.sizeNotes.append(el('li', {}, `Measured ${who} at ${done} of ${total} sizes: ${why}.`));
  }

  verdict(metrics) {
    const ex = this.ex;
    const targets = { time: ex.time, memory: ex.space };
    const steps = this.data.mine.steps?.series;
    const states = metrics.map((m) => {
      let { fit } = this.data.mine[m];
      let state = judge(fit, targets[m]);
      let proof = null;
      const proven = m === 'time' ? stepsProof(steps, targets[m]) : null;
      if (proven && !(state === 'fail' && CLASS_LABELS.includes(fit?.best))) {
        // Lines executed are a lower bound on time: their growth settles it.
        state = 'fail';
        fit = { best: proven, top: proven, exact: true };
        proof = ` Counted exactly: the Python lines your function executes grow as ${prettyClass(proven)} (n = ${steps.med.x.join(', ')}), and time grows at least as fast.`;
      }
      const mark = state === 'pass' ? '✓' : state === 'fail' ? '✗' : '?';
      const confidence = fit?.exact ? ' (counted exactly)' : fit && Number.isFinite(fit.confidence) && !fit.error ? ` (confidence ${Math.round(fit.confidence * 100)}%)` : '';
      const refFit = this.data.ref?.[m]?.fit;
      const text = `${METRICS[m].dim}: ${measuredLabel(fit)} — target ${prettyClass(targets[m])} ${mark}${confidence}`;
      let note = '';
      if (state === 'inconclusive') note = ` Inconclusive: ${fit?.error || fit?.reason || 'the measurements are too noisy to tell'}.`;
      else if (state === 'pass' && fit && !CLASS_LABELS.includes(fit.best)) {
        note = Number.isFinite(fit.slope)
          ? ` No single class fits clearly, but the growth (log-log slope ${fit.slope.toFixed(2)}) is within the target.`
          : ' No single class fits clearly, but the likely classes meet the target.';
      }
      this.verdicts.append(el('li', { class: `py-verdict ${state}`, dataset: { metric: m, state } },
        el('span', { class: 'py-verdict-text' }, text), note, proof,
        refFit && !refFit.error ? el('span', { class: 'py-verdict-ref' }, ` Reference solution: ${measuredLabel(refFit)}.`) : null));
      return state;
    });
    if (states.includes('fail')) {
      this.setSummary('The tests pass, but your function grows faster than the target. Compare your curve with the reference below.', 'fail');
      return 'fail';
    }
    if (states.includes('inconclusive')) {
      this.againButton.hidden = false;
      this.setSummary('The tests pass, but the measurement was inconclusive (noise, or too few sizes in the time budget). This is not a fail: press "Measure again".', 'inconclusive');
      return 'inconclusive';
    }
    this.setSummary('Passed: the tests pass and your function meets the target. Well done!', 'pass');
    this.section.querySelector('.py-passed-badge').hidden = false;
    this.section.classList.add('is-passed');
    document.dispatchEvent(new CustomEvent('course:exercise-passed', { detail: { topic: this.topic.id, exercise: this.ex.name } }));
    return 'pass';
  }

  renderTests(tests) {
    this.testList.replaceChildren(...tests.map((t) => el('li', { class: `py-test ${t.passed ? 'passed' : 'failed'}`, dataset: { passed: String(t.passed) } },
      el('span', { class: 'py-test-mark', 'aria-hidden': 'true' }, t.passed ? '✓' : '✗'),
      el('span', { class: 'visually-hidden' }, t.passed ? 'Passed: ' : 'Failed: '),
      el('code', {}, t.call),
      t.passed ? el('span', { class: 'py-test-detail' }, ` → ${t.actual}`)
        : el('span', { class: 'py-test-detail' }, ' expected ', el('code', {}, t.expected), ', got ', el('code', {}, t.actual)))));
  }

  // --------------------------------------------------------------- chart --

  showMeasurements(metrics) {
    this.metrics = metrics;
    if (!metrics.includes(this.metric)) this.metric = metrics[0];
    this.tabs.replaceChildren(...metrics.map((m) => el('button', {
      type: 'button', class: 'tab', 'aria-pressed': String(m === this.metric),
      onclick: () => { this.metric = m; this.showMeasurements(this.metrics); },
    }, METRICS[m].title)));
    this.chartBlock.hidden = false;
    this.draw();
    this.renderTable(metrics);
  }

  seriesList() {
    const list = [];
    for (const [who, label] of [['mine', 'your code'], ['ref', 'reference solution']]) {
      const entry = this.data[who]?.[this.metric];
      if (!entry || !entry.series.med.x.length) continue;
      list.push({ label, x: entry.series.med.x, y: entry.series.med.y, fit: entry.fit && !entry.fit.error ? entry.fit : null });
    }
    return list;
  }

  draw() {
    const list = this.seriesList();
    if (!list.length) return;
    this.chart.show(list, { xLabel: 'n', unit: METRICS[this.metric].unit, logAxes: this.logToggle.checked });
  }

  renderTable(metrics) {
    const tables = metrics.map((m) => {
      const mine = this.data.mine?.[m]?.series.med;
      const ref = this.data.ref?.[m]?.series.med;
      const ns = [...new Set([...(mine?.x || []), ...(ref?.x || [])])].sort((a, b) => a - b);
      const cell = (s, n) => {
        const i = s ? s.x.indexOf(n) : -1;
        return el('td', { dataset: { value: i >= 0 ? String(s.y[i]) : '' } }, i >= 0 ? formatValue(s.y[i], METRICS[m].unit) : '–');
      };
      return el('table', { class: 'numbers', dataset: { metric: m } },
        el('caption', {}, `${METRICS[m].title}${m === 'time' ? ' (best of 3 repeats)' : ''}`),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'n'), el('th', { scope: 'col' }, 'your code'), el('th', { scope: 'col' }, 'reference'))),
        el('tbody', {}, ns.map((n) => el('tr', {}, el('td', {}, String(n)), cell(mine, n), cell(ref, n)))));
    });
    const steps = this.data.mine?.result?.steps || [];
    if (steps.length) {
      tables.push(el('table', { class: 'numbers', dataset: { metric: 'steps' } },
        el('caption', {}, 'Python lines your function executed (counted with sys.monitoring, at small n)'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'n'), el('th', { scope: 'col' }, 'lines'))),
        el('tbody', {}, steps.map((r) => el('tr', {}, el('td', {}, String(r.n)), el('td', {}, r.steps.toLocaleString()))))));
    }
    this.tableHost.replaceChildren(...tables);
  }
}

export function renderExercises(topic) {
  const exercises = topic.exercises || [];
  if (!exercises.length) return null;
  return el('section', { class: 'py-exercises', id: 'exercises', 'aria-labelledby': 'exercises-title' },
    el('h2', { id: 'exercises-title' }, 'Exercises'),
    el('p', { class: 'caption' }, 'Write the function, then press Check: the tests run first, then your function is timed at growing n beside the reference solution, and its growth class must meet the target. Your code is kept on this device.'),
    exercises.map((ex) => new Exercise(topic, ex).node));
}

export function init() {
  addTopicSection(renderExercises);
}
