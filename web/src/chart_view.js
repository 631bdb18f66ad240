// One Chart.js chart per demo panel: the series of one metric against n,
// each with its fitted growth curve dashed beside it, and a log-axes toggle.
// Updates change chart.data in place and call chart.update(). Colours come
// from the theme's CSS variables; when the theme changes (theme.js sends
// course:theme) every live chart is drawn again in the new colours.
import {
  Chart, LineController, LineElement, PointElement, LinearScale, LogarithmicScale,
  Tooltip, Legend,
} from 'chart.js';
import { basis, prettyClass } from './complexity.js';
import { addCount } from './debug_counts.js';
import { formatValue } from './units.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip, Legend);

const FIT_SAMPLES = 48;

function cssVar(name, fallback) {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export function seriesColor(index) {
  return cssVar(`--series-${(index % 6) + 1}`, ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#db2777'][index % 6]);
}

function fittedClass(fit) {
  if (!fit) return null;
  return fit.best && fit.best !== 'inconclusive' ? fit.best : null;
}

// The dashed curve y = a + b*f(n) of the series' fitted class.
function fitCurve(series) {
  const label = fittedClass(series.fit);
  const cls = label && (series.fit.classes || []).find((c) => c.label === label);
  if (!cls || series.x.length < 2) return null;
  const lo = Math.min(...series.x), hi = Math.max(...series.x);
  const points = [];
  for (let i = 0; i < FIT_SAMPLES; i++) {
    const x = lo * (hi / lo) ** (i / (FIT_SAMPLES - 1));
    const y = cls.a + cls.b * basis(label, x, cls.base);
    if (Number.isFinite(y) && y > 0) points.push({ x, y });
  }
  return points;
}

function datasetsFor(seriesList) {
  const datasets = [];
  seriesList.forEach((series, index) => {
    const color = seriesColor(index);
    const fitLabel = fittedClass(series.fit);
    datasets.push({
      label: fitLabel ? `${series.label} — ${prettyClass(fitLabel)}` : series.label,
      data: series.x.map((x, i) => ({ x, y: series.y[i] })),
      borderColor: color,
      backgroundColor: color,
      pointRadius: series.x.length > 200 ? 0 : 3,
      borderWidth: 2,
      showLine: !series.points_only,
      stepped: series.stepped ? 'before' : false,
    });
    const curve = fitCurve(series);
    if (curve) {
      datasets.push({
        label: `fit: ${prettyClass(fitLabel)}`,
        data: curve,
        borderColor: color,
        borderDash: [5, 4],
        borderWidth: 1.5,
        pointRadius: 0,
        isFit: true,
      });
    }
  });
  return datasets;
}

// On log axes Chart.js labels every minor tick; keep 1, 2 and 5 per decade
// so the labels stay readable.
function logTickFilter(logAxes, format) {
  return (value) => {
    const v = Number(value);
    if (!logAxes || !(v > 0)) return format(v);
    const mantissa = v / 10 ** Math.floor(Math.log10(v) + 1e-9);
    return [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6) ? format(v) : '';
  };
}

// The charts drawn and not destroyed. A chart whose canvas has left the
// page (the learner moved to another topic) is destroyed at the next page
// or theme change, so nothing keeps it alive.
const live = new Set();

function releaseDetached() {
  for (const view of live) if (!view.canvas.isConnected) view.destroy();
}

function restyleAll() {
  releaseDetached();
  for (const view of live) view.restyle();
}

if (typeof document !== 'undefined') {
  document.addEventListener('course:theme', restyleAll);
  document.addEventListener('course:page', releaseDetached);
}

addCount('charts', () => live.size);

export class ChartView {
  constructor(canvas) {
    this.canvas = canvas;
    this.chart = null;
    this.logAxes = false;
    this.shown = null;                  // the last show() arguments, for restyle()
  }

  /** Draw the series of one metric. */
  show(seriesList, options) {
    const { xLabel, unit, logAxes } = options;
    this.shown = [seriesList, options];
    this.logAxes = logAxes;
    const text = cssVar('--text', '#1f2937');
    const grid = cssVar('--grid', 'rgba(0,0,0,0.1)');
    const type = logAxes ? 'logarithmic' : 'linear';
    const config = {
      type: 'line',
      data: { datasets: datasetsFor(seriesList) },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', intersect: false },
        scales: {
          x: {
            type,
            title: { display: true, text: xLabel, color: text },
            ticks: { color: text, callback: logTickFilter(logAxes, (v) => v.toLocaleString('en')) },
            grid: { color: grid },
          },
          y: {
            type,
            title: { display: true, text: unit, color: text },
            ticks: { color: text, callback: logTickFilter(logAxes, (v) => formatValue(v, unit)) },
            grid: { color: grid },
          },
        },
        plugins: {
          legend: { labels: { color: text, filter: (item, data) => !data.datasets[item.datasetIndex].isFit } },
          tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${formatValue(ctx.parsed.y, unit)} at n = ${ctx.parsed.x}` } },
        },
      },
    };
    if (this.chart) {
      this.chart.data.datasets = config.data.datasets;
      this.chart.options = config.options;
      this.chart.update();
    } else {
      this.chart = new Chart(this.canvas, config);
      live.add(this);
    }
  }

  /** Draw the same series again in the theme's current colours. */
  restyle() {
    if (this.chart && this.shown) this.show(...this.shown);
  }

  destroy() {
    this.chart?.destroy();
    this.chart = null;
    live.delete(this);
  }
}
