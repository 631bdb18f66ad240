// The service worker (dist/sw.js): an offline copy of the whole site, one
// cache per build, and cross-origin isolation on any static host.
//
// tools/service_worker.mjs writes dist/sw.js as `const MANIFEST = {...};`
// followed by this file. MANIFEST.version is a hash of the build and
// MANIFEST.files maps every file of the site (paths relative to the scope,
// Pyodide included, source maps not) to the SHA-256 of its bytes (first 128 bits).
//
// Versions never mix. The cache of a build is `memperf-<version>` and holds
// only bytes whose hash is that build's (a file that changed on the server
// while it was being copied fails the copy). A new build's worker copies the
// whole site into its own cache while it installs (a file whose bytes an
// older cache already holds is taken from there); until it has every file
// it is not installed, and the old worker keeps answering from the old
// cache. Once installed it waits, and the page offers "Reload to update"
// (message skip-waiting); when it takes over it deletes every other cache,
// and each open page reloads (offline.js), so no page runs on two builds.
// On the first visit there is no older build to protect: the worker takes
// the page at once and copies the site when the page asks ({type: 'fill'}),
// after the page is idle.
//
// Every response it gives carries COOP same-origin and COEP require-corp
// (and CORP same-origin), so a host that cannot send headers still gets a
// cross-origin isolated page once this worker controls it (offline.js does
// the one reload that needs).
/* global MANIFEST */
const PREFIX = 'memperf-';
const CACHE = `${PREFIX}${MANIFEST.version}`;
const FILES = MANIFEST.files;
const PATHS = Object.keys(FILES);
const PARALLEL = 4;

const scopeUrl = (file) => new URL(file, self.registration.scope).href;

class VersionError extends Error {}

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  // The manifest keeps the first 128 bits (tools/service_worker.mjs).
  return Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A file an older build's cache holds with the bytes this build wants (Pyodide, mostly). */
async function fromOlderCache(file) {
  for (const key of await caches.keys()) {
    if (!key.startsWith(PREFIX) || key === CACHE) continue;
    const response = await (await caches.open(key)).match(scopeUrl(file));
    if (!response) continue;
    const body = await response.arrayBuffer();
    if (await sha256(body) === FILES[file]) return new Response(body, { status: 200, headers: response.headers });
  }
  return null;
}

/** Copies one file into the cache if its bytes are this build's; false if it was there. */
async function copyFile(cache, file) {
  if (await cache.match(scopeUrl(file))) return false;
  const kept = await fromOlderCache(file);
  if (kept) {
    await cache.put(scopeUrl(file), kept);
    return true;
  }
  const response = await fetch(scopeUrl(file), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  if (await sha256(body) !== FILES[file]) {
    throw new VersionError(`${file} on the server is not the one of build ${MANIFEST.version}`);
  }
  await cache.put(scopeUrl(file), new Response(body, { status: 200, headers: response.headers }));
  return true;
}

async function broadcast(message) {
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(message);
}

async function countCached() {
  const cache = await caches.open(CACHE);
  const keys = new Set((await cache.keys()).map((r) => r.url));
  return PATHS.filter((file) => keys.has(scopeUrl(file))).length;
}

let filling = null;

/** Copies every file of this build not copied yet, PARALLEL at a time.
 * update: this is a new build installing beside the one the page runs. */
function fill({ update = false } = {}) {
  filling ??= (async () => {
    const cache = await caches.open(CACHE);
    const queue = [...PATHS];
    let done = await countCached();
    const copyNext = async () => {
      while (queue.length) {
        if (await copyFile(cache, queue.shift())) {
          done += 1;
          broadcast({ type: 'progress', done, total: PATHS.length, update });
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, copyNext));
  })().finally(() => { filling = null; });
  return filling;
}

async function status() {
  const done = await countCached();
  return { type: 'status', version: MANIFEST.version, done, total: PATHS.length, waiting: self.registration.waiting !== null };
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const older = (await caches.keys()).some((key) => key.startsWith(PREFIX) && key !== CACHE);
    if (older) await fill({ update: true });   // an update: complete before it can take over
    else await self.skipWaiting();    // the first visit: take the page now, copy later
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const type = event.data?.type;
  const reply = (message) => event.source?.postMessage(message);
  if (type === 'status') {
    event.waitUntil(status().then(reply));
  } else if (type === 'fill') {
    event.waitUntil(fill().then(async () => broadcast({ ...(await status()), type: 'offline-ready' }), (err) => {
      broadcast({ type: 'fill-failed', reason: err.message, stale: err instanceof VersionError });
      if (err instanceof VersionError) return self.registration.update();
      return undefined;
    }));
  } else if (type === 'skip-waiting') {
    self.skipWaiting();
  }
});

// ------------------------------------------------------------------ fetch --

const NULL_BODY = new Set([101, 204, 205, 304]);

/** The same response with the headers that make the page isolated. */
function isolate(response) {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  return new Response(NULL_BODY.has(response.status) ? null : response.body,
    { status: response.status, statusText: response.statusText, headers });
}

/** The scope-relative file a request names ('' and folders are index.html). */
function fileOf(url) {
  const scope = new URL(self.registration.scope).pathname;
  if (!url.pathname.startsWith(scope)) return null;
  const file = decodeURIComponent(url.pathname.slice(scope.length));
  return file === '' || file.endsWith('/') ? `${file}index.html` : file;
}

async function respond(request) {
  const file = fileOf(new URL(request.url));
  if (file && Object.hasOwn(FILES, file)) {
    const cached = await (await caches.open(CACHE)).match(scopeUrl(file));
    if (cached) return isolate(cached);
  }
  return isolate(await fetch(request));
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});
