// Light/dark theme: follows prefers-color-scheme until the learner picks one
// with the toggle; the choice is kept under a prefixed localStorage key.
const KEY = 'memperf.theme';

function stored() {
  try { return localStorage.getItem(KEY); } catch { return null; }
}

function apply(theme) {
  const root = document.documentElement;
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
  const dark = theme ? theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  const button = document.getElementById('theme-toggle');
  if (button) {
    button.setAttribute('aria-pressed', String(dark));
    button.textContent = dark ? 'Dark theme: on' : 'Dark theme: off';
  }
  document.dispatchEvent(new CustomEvent('course:theme'));
}

export function init() {
  apply(stored());
  document.getElementById('theme-toggle')?.addEventListener('click', () => {
    const dark = document.documentElement.dataset.theme
      ? document.documentElement.dataset.theme === 'dark'
      : matchMedia('(prefers-color-scheme: dark)').matches;
    const next = dark ? 'light' : 'dark';
    try { localStorage.setItem(KEY, next); } catch { /* storage may be off: the toggle still works */ }
    apply(next);
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => apply(stored()));
}
