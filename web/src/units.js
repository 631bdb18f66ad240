// Numbers in the unit of their metric, for tables and chart labels. Kept
// apart from chart_view.js so a data table never has to load Chart.js.

/** Formats a value in the unit of its metric (seconds get ns/µs/ms). */
export function formatValue(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (unit === 's') {
    const abs = Math.abs(value);
    if (abs === 0) return '0 s';
    if (abs < 1e-6) return `${+(value * 1e9).toPrecision(3)} ns`;
    if (abs < 1e-3) return `${+(value * 1e6).toPrecision(3)} µs`;
    if (abs < 1) return `${+(value * 1e3).toPrecision(3)} ms`;
    return `${+value.toPrecision(3)} s`;
  }
  if (unit === 'bytes' && Math.abs(value) >= 1024) {
    if (Math.abs(value) >= 1048576) return `${+(value / 1048576).toPrecision(3)} MiB`;
    return `${+(value / 1024).toPrecision(3)} KiB`;
  }
  return Math.abs(value) >= 1e6 ? value.toExponential(2) : `${+value.toPrecision(4)}`;
}
