// A live C demo on a topic page: parameter fields with validation, Run with
// progress and Cancel, a chart per metric with fitted classes, a data table,
// CSV download and the demo's C source. Results come from the core's worker.
import { coreClient } from './core_client.js';
import { CancelledError } from './worker_client.js';
import { LazyChartView } from './chart_loader.js';
import { formatValue } from './units.js';
import { prettyClass, verdictClass } from './complexity.js';
import { el, uniqueId, announce, downloadText } from './dom.js';

const METRIC_NAMES = { time: 'Time', ops: 'Operations', bytes: 'Memory' };

function metricName(metric) {
  return METRIC_NAMES[metric] || metric.charAt(0).toUpperCase() + metric.slice(1);
}

/** Parses and checks every field; returns {values} or {errors: Map(name -> message)}. */
export function validateParams(params, texts) {
  const errors = new Map();
  const values = params.map((p) => {
    const text = String(texts[p.name] ?? '').trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) errors.set(p.name, `${p.label} must be a number.`);
    else if (value < p.min || value > p.max) errors.set(p.name, `${p.label} must be between ${p.min} and ${p.max}.`);
    else if (p.integer && !Number.isInteger(value)) errors.set(p.name, `${p.label} must be a whole number.`);
    return value;
  });
  const lo = params.findIndex((p) => p.name === 'n_min');
  const hi = params.findIndex((p) => p.name === 'n_max');
  if (lo >= 0 && hi >= 0 && !errors.has('n_min') && !errors.has('n_max') && values[lo] >= values[hi]) {
    errors.set('n_min', 'smallest n must be less than largest n.');
  }
  return errors.size ? { errors } : { values };
}

function fitText(fit) {
  if (!fit) return 'not fitted';
  const confidence = Number.isFinite(fit.confidence) ? ` (confidence ${Math.round(fit.confidence * 100)}%)` : '';
  if (fit.best === 'inconclusive') {
    const between = fit.top && fit.runner_up ? `: ${prettyClass(fit.top)} or ${prettyClass(fit.runner_up)}` : '';
    return `inconclusive${between}`;
  }
  return `${verdictClass(fit)}${confidence}`;
}

// A lean or a draw says why, and what would settle it.
function unsureNote(fit) {
  if (!fit || !fit.reason || !(fit.tentative || fit.best === 'inconclusive')) return '';
  const why = fit.reason.charAt(0).toUpperCase() + fit.reason.slice(1);
  return el('span', { class: 'fit-reason' }, ` — ${why}. More repeats or a wider range of n would settle it.`);
}

function toCsv(result) {
  const rows = ['series,metric,unit,n,value,spread'];
  for (const s of result.series) {
    s.x.forEach((x, i) => rows.push([JSON.stringify(s.label), s.metric, JSON.stringify(s.unit), x, s.y[i], s.spread[i]].join(',')));
  }
  return `${rows.join('\n')}\n`;
}

export class DemoPanel {
  constructor(slot, info) {
    this.info = info;
    this.result = null;
    this.metric = null;
    this.logAxes = false;
    this.running = false;
    this.baseId = uniqueId(`demo-${info.id}`);
    this.root = this.render();
    slot.replaceChildren(this.root);
  }

  render() {
    const info = this.info;
    const titleId = `${this.baseId}-title`;
    this.fields = new Map();
    const fieldNodes = info.params.map((p) => {
      const inputId = `${this.baseId}-${p.name}`;
      const errorId = `${inputId}-error`;
      const input = el('input', {
        id: inputId, name: p.name, type: 'text', inputmode: p.integer ? 'numeric' : 'decimal',
        value: String(p.default), 'aria-describedby': `${errorId} ${inputId}-range`, autocomplete: 'off',
        class: 'param-input',
      });
      const error = el('p', { class: 'field-error', id: errorId });
      this.fields.set(p.name, { input, error });
      return el('div', { class: 'field' },
        el('label', { for: inputId }, p.label),
        input,
        el('span', { class: 'field-range', id: `${inputId}-range` }, `${p.min}–${p.max}`),
        error);
    });
    this.runButton = el('button', { type: 'submit', class: 'button primary run-button' }, 'Run');
    this.cancelButton = el('button', { type: 'button', class: 'button cancel-button', disabled: true, onclick: () => this.cancel() }, 'Cancel');
    this.form = el('form', { class: 'demo-params', novalidate: true, onsubmit: (e) => { e.preventDefault(); this.run(); } },
      el('div', { class: 'fields' }, fieldNodes),
      el('div', { class: 'actions' }, this.runButton, this.cancelButton));
    this.progress = el('progress', { max: '1', value: '0', hidden: true, 'aria-label': `${info.title} progress` });
    this.statusText = el('span', { class: 'status-text' }, 'Not run yet. Press Run to measure it in your browser.');
    this.status = el('div', { class: 'demo-status', role: 'status', 'aria-live': 'polite' }, this.progress, this.statusText);
    this.tabs = el('div', { class: 'metric-tabs', role: 'group', 'aria-label': 'What to plot' });
    this.logToggle = el('input', { type: 'checkbox', id: `${this.baseId}-log`, onchange: () => { this.logAxes = this.logToggle.checked; this.draw(); } });
    this.canvas = el('canvas', { role: 'img', 'aria-label': `${info.title}: chart (the data table below has the same numbers)` });
    this.chartWrap = el('div', { class: 'chart-wrap', hidden: true }, this.canvas);
    this.chart = new LazyChartView(this.canvas);
    this.fitList = el('ul', { class: 'fit-list' });
    this.notes = el('ul', { class: 'demo-notes' });
    this.tables = el('div', { class: 'demo-tables' });
    this.dataTable = el('div', { class: 'data-table-wrap' });
    this.csvButton = el('button', { type: 'button', class: 'button small', hidden: true, onclick: () => this.downloadCsv() }, 'Download CSV');
    this.results = el('div', { class: 'demo-results', hidden: true },
      el('div', { class: 'chart-controls' }, this.tabs,
        el('label', { class: 'toggle', for: `${this.baseId}-log` }, this.logToggle, ' Log axes')),
      this.chartWrap, this.fitList, this.notes, this.tables,
      el('details', { class: 'data-table' }, el('summary', {}, 'Data table'), this.dataTable),
      this.csvButton);
    this.sourceHost = el('div', { class: 'source-host' });
    const source = el('details', { class: 'demo-source', ontoggle: (e) => this.showSource(e.target) },
      el('summary', {}, 'C source of this demo'), this.sourceHost);
    return el('section', { class: 'demo', 'aria-labelledby': titleId, dataset: { demo: info.id } },
      el('header', { class: 'demo-header' },
        el('span', { class: 'badge' }, 'Live C demo'),
        el('h3', { id: titleId }, info.title)),
      el('p', { class: 'caption' }, el('strong', {}, 'What to notice: '), info.caption),
      this.form, this.status, this.results, source);
  }

  readValues() {
    const texts = {};
    for (const [name, { input }] of this.fields) texts[name] = input.value;
    const outcome = validateParams(this.info.params, texts);
    for (const [name, { input, error }] of this.fields) {
      const message = outcome.errors?.get(name) || '';
      error.textContent = message;
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    return outcome;
  }

  setRunning(running) {
    this.running = running;
    this.runButton.disabled = running;
    this.cancelButton.disabled = !running;
    this.progress.hidden = !running;
    this.root.classList.toggle('is-running', running);
  }

  async run() {
    if (this.running) return;
    const outcome = this.readValues();
    if (outcome.errors) {
      this.statusText.textContent = 'Fix the highlighted field before running.';
      const first = this.fields.get([...outcome.errors.keys()][0]);
      first?.input.focus();
      return;
    }
    this.setRunning(true);
    this.progress.value = 0;
    this.statusText.textContent = 'Starting the C core…';
    try {
      this.request = coreClient.request('run', { demo: this.info.id, values: outcome.values }, {
        onProgress: ({ fraction, message }) => {
          this.progress.value = fraction;
          this.statusText.textContent = `${Math.round(fraction * 100)}% · ${message}`;
        },
      });
      const result = await this.request;
      this.show(result);
      const state = result.cancelled ? 'Cancelled: showing the points measured so far.'
        : result.out_of_time ? 'Stopped at the time budget: showing the points measured so far.'
          : `Done in ${Math.round(result.elapsed_ms)} ms.`;
      this.statusText.textContent = state;
      announce(`${this.info.title}: ${state}`);
      document.dispatchEvent(new CustomEvent('course:demo-run', { detail: { demo: this.info.id, topic: this.info.topic } }));
    } catch (err) {
      const message = err instanceof CancelledError ? 'Cancelled.' : `The demo could not run: ${err.message}`;
      this.statusText.textContent = message;
      announce(message);
    } finally {
      this.request = null;
      this.setRunning(false);
    }
  }

  /** Cancel this panel's run only: other panels and checks carry on. */
  cancel() {
    if (!this.running || !this.request) return;
    this.statusText.textContent = 'Cancelling…';
    this.request.cancel();
  }

  show(result) {
    this.result = result;
    const metrics = [...new Set(result.series.map((s) => s.metric))];
    if (!metrics.includes(this.metric)) this.metric = metrics[0];   // demos list their headline series first
    this.tabs.replaceChildren(...metrics.map((metric) => el('button', {
      type: 'button', class: 'tab', 'aria-pressed': String(metric === this.metric),
      onclick: () => { this.metric = metric; this.show(this.result); },
    }, metricName(metric))));
    this.results.hidden = false;
    this.chartWrap.hidden = metrics.length === 0;
    this.csvButton.hidden = result.series.length === 0;
    this.draw();
    this.notes.replaceChildren(...(result.notes || []).map((n) => el('li', {}, n)));
    this.renderTables(result.tables || []);
    this.renderDataTable(result);
  }

  currentSeries() {
    return (this.result?.series || []).filter((s) => s.metric === this.metric);
  }

  draw() {
    const series = this.currentSeries();
    if (!series.length) return;
    this.root.dataset.fittedSeries = String(series.filter((s) => s.fit).length);
    this.chart.show(series, { xLabel: this.result.x_label, unit: series[0].unit, logAxes: this.logAxes });
    this.fitList.replaceChildren(...series.filter((s) => s.fit).map((s) => el('li', { class: 'fit' },
      el('span', { class: 'fit-series' }, s.label), ': ',
      el('span', { class: `fit-class${s.fit && s.fit.best === 'inconclusive' ? ' inconclusive' : ''}` }, fitText(s.fit)),
      unsureNote(s.fit))));
  }

  renderTables(tables) {
    this.tables.replaceChildren(...tables.map((t) => el('table', { class: 'object-table' },
      el('caption', {}, t.title),
      el('thead', {}, el('tr', {}, t.columns.map((c) => el('th', { scope: 'col' }, c)))),
      el('tbody', {}, t.rows.map((row) => el('tr', {}, row.map((cell) => el('td', {}, cell))))))));
  }

  renderDataTable(result) {
    const blocks = result.series.map((s) => el('table', { class: 'numbers' },
      el('caption', {}, `${s.label} · ${metricName(s.metric)} (${s.unit})`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, result.x_label), el('th', { scope: 'col' }, 'value'), el('th', { scope: 'col' }, '±'))),
      el('tbody', {}, s.x.slice(0, 400).map((x, i) => el('tr', {},
        el('td', {}, String(x)), el('td', { dataset: { value: String(s.y[i]) } }, formatValue(s.y[i], s.unit)), el('td', {}, s.spread[i] ? formatValue(s.spread[i], s.unit) : '')))),
    ));
    this.dataTable.replaceChildren(...blocks);
  }

  downloadCsv() {
    if (this.result) downloadText(`${this.info.id}.csv`, toCsv(this.result), 'text/csv');
  }

  showSource(details) {
    if (!details.open || this.sourceShown) return;
    this.sourceShown = true;
    const regions = this.info.source || [];
    if (!regions.length) {
      this.sourceHost.textContent = 'No source regions are marked for this demo.';
      return;
    }
    import('./code_view.js').then(({ showCode }) => {
      for (const region of regions) {
        const host = el('div', { class: 'code-block' });
        this.sourceHost.append(el('h4', {}, region.title), host);
        showCode(host, region.code, { label: `${region.title} (C source, read-only)` });
      }
    });
  }
}
