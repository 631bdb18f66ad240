// Learner progress: the stored shape, its validation and its migrations.
// No DOM here. One localStorage key, `memperf.progress`, holds
//   {version: 2, topics: {<topic id>: {read, demos: [ids], exercises: [names],
//                                      quiz: {best, total, attempt}}}}
// Version 1 (the first release) was flat:
//   {version: 1, read: [topic ids], demos: ["<topic>/<demo>"], quizBest: {<topic>: percent}}
export const KEY = 'memperf.progress';
export const VERSION = 2;

const ID = /^[A-Za-z0-9_.-]{1,80}$/;

export function emptyProgress() {
  return { version: VERSION, topics: {} };
}

export function emptyTopic() {
  return { read: false, demos: [], exercises: [], quiz: { best: null, total: null, attempt: 1 } };
}

class ProgressError extends Error {}

function fail(message) {
  throw new ProgressError(message);
}

function idList(value, what) {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(`${what} is not a list`);
  for (const item of value) if (typeof item !== 'string' || !ID.test(item)) fail(`${what} holds something that is not a name`);
  return [...new Set(value)];
}

function migrateV1(data) {
  const out = emptyProgress();
  const topic = (id) => {
    if (typeof id !== 'string' || !ID.test(id)) fail('a topic id is not a name');
    out.topics[id] ??= emptyTopic();
    return out.topics[id];
  };
  for (const id of idList(data.read, 'read')) topic(id).read = true;
  for (const entry of data.demos === undefined ? [] : Array.isArray(data.demos) ? data.demos : fail('demos is not a list')) {
    const [t, demo] = String(entry).split('/');
    if (!demo) fail('a demo entry is not "topic/demo"');
    topic(t).demos.push(...idList([demo], 'demos'));
  }
  if (data.quizBest !== undefined) {
    if (!data.quizBest || typeof data.quizBest !== 'object' || Array.isArray(data.quizBest)) fail('quizBest is not an object');
    for (const [t, pct] of Object.entries(data.quizBest)) {
      if (!Number.isFinite(pct) || pct < 0 || pct > 100) fail('a quiz score is not a percentage');
      // v1 kept only a percentage: keep it as a score out of 100.
      topic(t).quiz = { best: Math.round(pct), total: 100, attempt: 1 };
    }
  }
  return out;
}

/** Each entry upgrades version k to k + 1. */
const MIGRATIONS = { 1: migrateV1 };

function checkTopic(id, value) {
  if (!ID.test(id)) fail(`"${id.slice(0, 40)}" is not a topic id`);
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(`topic ${id} is not an object`);
  const topic = emptyTopic();
  if (value.read !== undefined && typeof value.read !== 'boolean') fail(`topic ${id}: read is not true/false`);
  topic.read = Boolean(value.read);
  topic.demos = idList(value.demos, `topic ${id}: demos`);
  topic.exercises = idList(value.exercises, `topic ${id}: exercises`);
  if (value.quiz !== undefined) {
    const q = value.quiz;
    if (!q || typeof q !== 'object') fail(`topic ${id}: quiz is not an object`);
    const { best = null, total = null, attempt = 1 } = q;
    const count = (n) => n === null || (Number.isInteger(n) && n >= 0 && n <= 10000);
    if (!count(best) || !count(total) || (best !== null && (total === null || best > total))) fail(`topic ${id}: the quiz score is not a valid score`);
    if (!Number.isInteger(attempt) || attempt < 1 || attempt > 1e6) fail(`topic ${id}: the quiz attempt is not a whole number`);
    topic.quiz = { best, total, attempt };
  }
  return topic;
}

/**
 * Checks and upgrades anything that claims to be progress data. Returns a
 * fresh v2 object, or throws an Error whose message says what is wrong.
 */
export function validate(data) {
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail('it is not a progress object');
  if (!Number.isInteger(data.version)) fail('it has no version number, so it is not this course\'s progress');
  if (data.version > VERSION) fail(`it was saved by a newer version of the course (version ${data.version})`);
  if (data.version < 1) fail(`version ${data.version} is unknown`);
  let current = data;
  for (let v = data.version; v < VERSION; v += 1) current = MIGRATIONS[v](current);
  if (!current.topics || typeof current.topics !== 'object' || Array.isArray(current.topics)) fail('it has no topics');
  const out = emptyProgress();
  for (const [id, value] of Object.entries(current.topics)) out.topics[id] = checkTopic(id, value);
  return out;
}

/** Parses text (stored or imported) into progress; throws with a readable message. */
export function parse(text) {
  let data;
  try { data = JSON.parse(text); } catch { fail('it is not valid JSON'); }
  return validate(data);
}

export { ProgressError };
