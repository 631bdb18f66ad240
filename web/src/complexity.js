// Growth classes: the list comes from the C core (tools/build_site.mjs runs
// `coursecore classes --json` into data/classes.json), never from here.
// Below: how the page loads it, the basis functions f(n) so a fitted
// y = a + b*f(n) can be drawn, and the display form of a class.
import { loadJson } from './data.js';

/** The classes in growth order, as the core names them. */
export async function loadClasses() {
  const data = await loadJson('data/classes.json');
  if (!Array.isArray(data?.classes) || !data.classes.length) throw new Error('data/classes.json has no class list');
  return data.classes;
}

/** Index of label in classes (growth order), -1 if it is not a class. */
export function classRank(label, classes) {
  return classes.indexOf(label);
}

// The C core fits with natural logarithms, and O(2^n) stands for any
// exponential c^n, with its fitted base c reported as `base`. A class
// without a formula here is drawn without its fitted curve.
export function basis(label, n, base = 2) {
  switch (label) {
    case 'O(1)': return 1;
    case 'O(log n)': return Math.log(n);
    case 'O(n)': return n;
    case 'O(n log n)': return n * Math.log(n);
    case 'O(n^2)': return n * n;
    case 'O(n^3)': return n * n * n;
    case 'O(2^n)': return base ** n;
    default: return NaN;
  }
}

/** Pretty form for display: O(n^2) -> O(n²), in a class or any text naming classes. */
export function prettyClass(label) {
  return String(label).replace(/\^2/g, '²').replace(/\^3/g, '³').replace(/2\^n/g, '2ⁿ');
}

/** A fit's verdict as shown: "probably O(n)" when the classifier marks it
 * tentative (odds 2:1 to 9:1), else the class. */
export function verdictClass(fit) {
  return `${fit.tentative ? 'probably ' : ''}${prettyClass(fit.best)}`;
}
