// Writes dist/sw.js: the manifest of the built site (every file but source
// maps and sw.js itself, with the SHA-256 of its bytes (first 128 bits), and the build's
// version, a hash of that list) followed by web/sw.js. build_site.mjs calls
// it last, once every file is in dist/; tests call it to make a "new deploy".
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HASH_HEX = 32;   // web/sw.js compares this many leading hex digits

function listFiles(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) return listFiles(path.join(dir, entry.name), `${rel}/`);
    return rel.endsWith('.map') || rel === 'sw.js' ? [] : [rel];
  });
}

export function writeServiceWorker(distDir) {
  const files = {};
  for (const file of listFiles(distDir).sort()) {
    // 128 bits of SHA-256 tell builds apart as well as 256, in half the bytes of sw.js.
    files[file] = crypto.createHash('sha256').update(fs.readFileSync(path.join(distDir, file))).digest('hex').slice(0, HASH_HEX);
  }
  const version = crypto.createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
  const source = esbuild.transformSync(fs.readFileSync(path.join(root, 'web/sw.js'), 'utf8'), { minify: true, target: 'es2022' }).code;
  fs.writeFileSync(path.join(distDir, 'sw.js'), `const MANIFEST = ${JSON.stringify({ version, files })};\n${source}`);
  return { version, files: Object.keys(files).length };
}
