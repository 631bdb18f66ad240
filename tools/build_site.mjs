// Builds the static site into dist/: bundles web/ with esbuild, copies the
// wasm core and Pyodide, turns content/ into data/*.json, and lists the
// demos (with the C source regions the page shows) from the native CLI.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const cli = path.join(root, 'build/native/coursecore');

function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

/** Regions marked in C source with @region Title ... @endregion comments. */
export function sourceRegions(file) {
  const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
  const regions = [];
  let current = null;
  lines.forEach((line, index) => {
    const start = line.match(/\/\*\s*@region\s+(.+?)\s*\*\//);
    if (start) { current = { title: start[1], line: index + 2, code: [] }; return; }
    if (/\/\*\s*@endregion\s*\*\//.test(line)) {
      if (current) regions.push({ title: current.title, file, line: current.line, code: current.code.join('\n') });
      current = null;
      return;
    }
    if (current) current.code.push(line);
  });
  if (current) throw new Error(`${file}: @region "${current.title}" has no @endregion`);
  return regions;
}

function buildDemos() {
  const demos = JSON.parse(execFileSync(cli, ['list', '--json'], { encoding: 'utf8' }));
  for (const demo of demos) demo.source = sourceRegions(demo.sourceFile);
  fs.mkdirSync(path.join(dist, 'data'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'data/demos.json'), JSON.stringify(demos));
  return demos;
}

function buildContent(demos) {
  execFileSync('node', [path.join(root, 'tools/content/build.mjs'), '--content', path.join(root, 'content'),
    '--out', path.join(dist, 'data'), '--demo-ids', demos.map((d) => d.id).join(',')], { stdio: 'inherit' });
}

async function bundle() {
  const common = { bundle: true, format: 'esm', target: 'es2022', minify: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };
  await esbuild.build({ ...common, entryPoints: { app: path.join(root, 'web/src/main.js') }, splitting: true, outdir: dist, chunkNames: 'chunks/[name]-[hash]' });
  await esbuild.build({ ...common, entryPoints: { core_worker: path.join(root, 'web/src/core_worker.js') }, outdir: dist, external: ['./core/coursecore.mjs'] });
  const pyWorker = path.join(root, 'web/src/python_worker.js');
  if (fs.existsSync(pyWorker)) {
    await esbuild.build({ ...common, entryPoints: { python_worker: pyWorker }, outdir: dist, external: ['./pyodide/pyodide.mjs', 'node:*', 'ws'] });
  }
}

function copyStatic() {
  copy(path.join(root, 'web/index.html'), path.join(dist, 'index.html'));
  // One stylesheet: the base plus one file per feature in web/styles/.
  const featureCss = fs.readdirSync(path.join(root, 'web/styles')).filter((f) => f.endsWith('.css')).sort();
  const css = [path.join(root, 'web/styles.css'), ...featureCss.map((f) => path.join(root, 'web/styles', f))]
    .map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  fs.writeFileSync(path.join(dist, 'styles.css'), css);
  for (const file of ['coursecore.mjs', 'coursecore.wasm']) copy(path.join(root, 'build/wasm', file), path.join(dist, 'core', file));
  const py = path.join(root, 'web/py');
  if (fs.existsSync(py)) for (const file of fs.readdirSync(py)) if (file.endsWith('.py')) copy(path.join(py, file), path.join(dist, 'py', file));
  const pyodide = path.join(root, 'node_modules/pyodide');
  for (const file of ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json']) {
    copy(path.join(pyodide, file), path.join(dist, 'pyodide', file));
  }
}

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });
const demos = buildDemos();
buildContent(demos);
await bundle();
copyStatic();
console.log(`build_site: ${demos.length} demos -> ${path.relative(process.cwd(), dist) || dist}/`);
