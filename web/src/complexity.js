// Growth classes as the C classifier names them, and their basis functions
// f(n) so a fitted y = a + b*f(n) can be drawn. Must match c_src/fit.c.

export const CLASS_LABELS = ['O(1)', 'O(log n)', 'O(n)', 'O(n log n)', 'O(n^2)', 'O(n^3)', 'O(2^n)'];

export function classRank(label) {
  return CLASS_LABELS.indexOf(label);
}

// The C core fits with natural logarithms, and O(2^n) stands for any
// exponential c^n, with its fitted base c reported as `base`.
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

/** Pretty form for display: O(n^2) -> O(n²). */
export function prettyClass(label) {
  return String(label).replace('^2', '²').replace('^3', '³').replace('2^n', '2ⁿ');
}

/** A fit's verdict as shown: "probably O(n)" when the classifier marks it
 * tentative (odds 2:1 to 9:1), else the class. */
export function verdictClass(fit) {
  return `${fit.tentative ? 'probably ' : ''}${prettyClass(fit.best)}`;
}
