// Counts of what must not pile up as a learner moves between pages (status
// listeners, open workers, live charts, watched exercises). Each module adds
// its own reader; window.__course.counts() reads them all, for the e2e test
// that walks every topic twice (tests/e2e/page_leaks.test.mjs). Reading a
// count changes nothing.
const readers = new Map();

/** Register read() under name; counts() reports {name: read(), ...}. */
export function addCount(name, read) {
  readers.set(name, read);
}

function counts() {
  return Object.fromEntries([...readers].map(([name, read]) => [name, read()]));
}

const course = { counts };
if (typeof globalThis.window !== 'undefined') globalThis.window.__course = course;

/** window.__course[name] = read: a reading for the tests and benchmarks (e.g. Python's start-up marks). */
export function addProbe(name, read) {
  course[name] = read;
}
