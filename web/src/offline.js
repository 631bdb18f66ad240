// The page's side of the service worker (web/sw.js): registers it, asks it
// to copy the site for offline use once the page is idle and Python has
// finished starting (the copy re-reads and hashes Pyodide's 14 MB, which
// would slow the learner's first Run), shows
// "Available offline" in the footer, offers "Reload to update" when a new
// build is installed, and does the one reload that makes the page
// cross-origin isolated on a host that cannot send COOP/COEP.
//
// Reload rules (a reload loop is the failure to avoid):
// - the worker takes a page it did not control, and the page is not
//   isolated: reload once, marked in sessionStorage; if the page is still not
//   isolated after it, say so and never reload again in this tab;
// - the worker is replaced by a new build's (controllerchange on a page that
//   was controlled): reload, so the page runs on the new build's files only.
// Without a service worker (private mode, file:, an old browser) the course
// still works, with the coarse timer; the footer says what is missing (at
// once, or after ISOLATION_WAIT_MS if the registration neither works nor fails).
import { el } from './dom.js';
import { whenPythonSettled } from './python_client.js';

const RELOAD_FLAG = 'memperf.isolation-reload';
const ISOLATION_WAIT_MS = 5000;
const PAGE_WAIT_MS = 10000;      // the offline copy waits at most this long for the first page   // no isolating reload by then: show the coarse-timer note

/** The footer's offline line (#offline-status) or isolation line (#isolation-note). */
function show(id, text, state = '') {
  const line = document.getElementById(id);
  if (!line) return;
  line.textContent = text;
  line.dataset.state = state;
  line.hidden = !text;
}
const say = (text, state) => show('offline-status', text, state);

function reloadedOnce() {
  try { return sessionStorage.getItem(RELOAD_FLAG) === '1'; } catch { return true; }   // no storage: never auto-reload
}

function markReload(on) {
  try {
    if (on) sessionStorage.setItem(RELOAD_FLAG, '1');
    else sessionStorage.removeItem(RELOAD_FLAG);
    return true;
  } catch { return false; }
}

const isolationNote = 'This page is not cross-origin isolated, so timings are coarse (about 100 µs) and Stop restarts Python.';

function slowConnection() {
  const connection = navigator.connection;
  return Boolean(connection?.saveData || /2g/.test(connection?.effectiveType || ''));
}

function whenIdle(callback) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 5000 });
  else setTimeout(callback, 1000);
}

let offlineReady = false;   // this page's build is all in its cache
// The first page is on screen (and so Python's background start, if the page
// has an editor, is scheduled): the offline copy waits for that.
const pageShown = new Promise((resolve) => {
  if (typeof document !== 'undefined') document.addEventListener('course:page', resolve, { once: true });
  setTimeout(resolve, PAGE_WAIT_MS);   // a page that failed to render still gets its copy
});

function showUpdate(registration) {
  if (offlineReady) say('Available offline.', 'ready');
  if (document.querySelector('.update-notice')) return;
  const notice = el('div', { class: 'update-notice', role: 'alert' },
    el('p', {}, 'A new version of the course is ready.'),
    el('button', {
      type: 'button', class: 'button small primary',
      onclick: () => { notice.querySelector('button').disabled = true; registration.waiting?.postMessage({ type: 'skip-waiting' }); },
    }, 'Reload to update'));
  document.querySelector('.site-header')?.after(notice);
}

function onWorkerMessage(event) {
  const message = event.data || {};
  if (message.type === 'progress') {
    // A new build's copy ends in "installed" (showUpdate), which may be seen before its last progress message.
    if (message.update && offlineReady && message.done === message.total) say('Available offline.', 'ready');
    else say(message.update ? `Downloading a new version of the course: ${message.done} of ${message.total} files.`
      : `Saving the course for offline use: ${message.done} of ${message.total} files.`, 'saving');
  } else if (message.type === 'status' || message.type === 'offline-ready') {
    offlineReady = message.done === message.total;
    if (offlineReady) say('Available offline.', 'ready');
    else if (slowConnection()) say('Not saved for offline use: the connection asks to save data.', 'off');
    else {
      say(`Saving the course for offline use: ${message.done} of ${message.total} files.`, 'saving');
      if (message.type === 'status') {
        pageShown.then(() => whenIdle(() => whenPythonSettled()
          .then(() => navigator.serviceWorker.controller?.postMessage({ type: 'fill' }))));
      }
    }
  } else if (message.type === 'fill-failed') {
    say(message.stale ? 'A new version of the course is on the server; it will be saved for offline use once it is installed.'
      : `The offline copy is not complete (${message.reason}); it will be retried on your next visit.`, 'off');
  }
}

function watchInstalls(registration) {
  if (registration.waiting && navigator.serviceWorker.controller) showUpdate(registration);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) showUpdate(registration);
    });
  });
}

export function init() {
  const isolated = globalThis.crossOriginIsolated === true;
  if (isolated) markReload(false);
  if (!('serviceWorker' in navigator) || !window.isSecureContext) {
    say('Offline use is not available here: this browser allows no service worker on this page.', 'off');
    if (!isolated) show('isolation-note', isolationNote);
    return;
  }
  const sw = navigator.serviceWorker;
  let controlled = Boolean(sw.controller);
  if (controlled && !isolated && !reloadedOnce() && markReload(true)) {
    location.reload();   // controlled, yet loaded without the worker's headers (e.g. after a hard reload)
    return;
  }
  sw.addEventListener('message', onWorkerMessage);
  sw.addEventListener('controllerchange', () => {
    if (controlled) { location.reload(); return; }   // a new build took over
    controlled = true;
    if (!isolated && !reloadedOnce() && markReload(true)) location.reload();
    else sw.controller?.postMessage({ type: 'status' });
  });
  if (!isolated && reloadedOnce()) show('isolation-note', isolationNote);
  // A registration that never settles (some browsers' private modes, test
  // harnesses that block workers) leaves the page as it is: say so.
  else if (!isolated) setTimeout(() => show('isolation-note', isolationNote), ISOLATION_WAIT_MS);
  sw.register('sw.js', { scope: './', updateViaCache: 'none' }).then((registration) => {
    if (!registration) throw new Error('the browser gave no registration');
    watchInstalls(registration);
    sw.controller?.postMessage({ type: 'status' });
  }).catch((err) => {
    say(`Offline use is not available here: the service worker could not start (${err.message}).`, 'off');
    if (!isolated) show('isolation-note', isolationNote);
  });
}
