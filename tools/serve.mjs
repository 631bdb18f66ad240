// A small static file server for dist/. It sends the right MIME types
// (application/wasm, text/javascript for .mjs) and the COOP/COEP headers
// that make the page cross-origin isolated, which gives a 5 us timer and
// SharedArrayBuffer (cancel flags, Pyodide interrupts). With
// { isolation: false } (--no-isolation) it sends no COOP/COEP, like a static
// host that cannot set headers: the service worker (web/sw.js) must then
// add them itself.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

// The site's Content-Security-Policy. dist/index.html carries the same text
// as a meta tag (tools/build_site.mjs writes it from here) for hosts that
// cannot send headers. 'wasm-unsafe-eval' lets WebAssembly compile (the
// core and Pyodide); nothing else may evaluate strings or come from another
// origin. Inline style is allowed (not inline script): CodeMirror writes its
// theme into <style> elements, and moving it to constructable stylesheets
// puts it after styles.css in the cascade (the dark editor lost contrast).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self' 'unsafe-inline'", "object-src 'none'", "base-uri 'none'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.zip': 'application/zip', '.map': 'application/json', '.py': 'text/x-python; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv',
};

export function createServer(rootDir, { isolation = true } = {}) {
  const root = path.resolve(rootDir);
  const isolationHeaders = isolation
    ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } : {};
  return http.createServer((req, res) => {
    const headers = {
      ...isolationHeaders,
      'Cross-Origin-Resource-Policy': 'same-origin',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-cache',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    let pathname;
    try { pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400, headers).end(); return; }
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) { res.writeHead(403, headers).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
        return;
      }
      // Validators let a returning learner's browser revalidate Pyodide's
      // 15 MB instead of downloading it again.
      const lastModified = stat.mtime.toUTCString();
      if (req.headers['if-modified-since'] === lastModified) {
        res.writeHead(304, { ...headers, 'Last-Modified': lastModified }).end();
        return;
      }
      res.writeHead(200, { ...headers, 'Last-Modified': lastModified,
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Content-Length': stat.size });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
  const rootDir = option('--root', 'dist');
  const port = Number(option('--port', '8000'));
  const host = option('--host', '127.0.0.1');
  const isolation = !args.includes('--no-isolation');
  createServer(rootDir, { isolation }).listen(port, host, () => {
    console.log(`Serving ${rootDir}/ on http://${host}:${port}/ (${isolation ? 'cross-origin isolated'
      : 'no COOP/COEP: isolated once the service worker controls the page'}). Press Ctrl+C to stop.`);
  });
}
