// ChartView on demand: Chart.js is the site's largest library after
// CodeMirror, and only a finished measurement draws a chart. This stand-in
// takes the same show()/destroy() calls and loads chart_view.js (with
// Chart.js) on the first show(); a show() made while it loads draws the
// latest series once it is there.
import { el } from './dom.js';

let loading = null;

function loadChartView() {
  loading ??= import('./chart_view.js').catch((err) => { loading = null; throw err; });
  return loading;
}

export class LazyChartView {
  constructor(canvas) {
    this.canvas = canvas;
    this.view = null;
    this.pending = null;
  }

  show(seriesList, options) {
    this.pending = [seriesList, options];
    return loadChartView().then(({ ChartView }) => {
      this.canvas.parentElement?.querySelector('.chart-error')?.remove();
      this.view ??= new ChartView(this.canvas);
      if (!this.pending) return;
      const [series, opts] = this.pending;
      this.pending = null;
      this.view.show(series, opts);
    }, (err) => {
      this.pending = null;
      if (this.canvas.parentElement?.querySelector('.chart-error')) return;
      this.canvas.after(el('p', { class: 'chart-error error' },
        `The chart could not be loaded (${err.message}); the data table has the same numbers.`));
    });
  }

  destroy() {
    this.pending = null;
    this.view?.destroy();
    this.view = null;
  }
}
