// Builds the static site into dist/: bundles web/ with esbuild, copies the
// wasm core, Pyodide and web/py/*.py (listed in py/manifest.json for the
// Python worker), turns content/ into data/*.json, and asks the native CLI
// for the demos (with the C source regions the page shows) and for the
// growth classes (data/classes.json: the core owns that list). Pyodide's
// stdlib zip is the one tools/pyodide_stdlib.mjs writes, with bytecode for
// the modules Python imports at start (cached in build/pyodide/). Last,
// sw.js: the service worker with the build's file list (service_worker.mjs).
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { CONTENT_SECURITY_POLICY } from './serve.mjs';
import { writeServiceWorker } from './service_worker.mjs';
import { buildStdlib } from './pyodide_stdlib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const cli = path.join(root, 'build/native/coursecore');
const PYODIDE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'pyodide-lock.json'];

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
  for (const demo of demos) demo.source = sourceRegions(demo.source_file);
  fs.mkdirSync(path.join(dist, 'data'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'data/demos.json'), JSON.stringify(demos));
  return demos;
}

// The growth classes in order, from `coursecore classes --json`. No
// fallback list: without the core's answer the build stops.
function buildClasses() {
  let text;
  try {
    text = execFileSync(cli, ['classes', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`build_site: \`coursecore classes --json\` failed: ${String(e.stderr || e.message).trim().split('\n')[0]}.` +
      ' The class list comes from the core; rebuild it with `make native`.');
  }
  const classes = JSON.parse(text).classes;
  if (!Array.isArray(classes) || !classes.length || !classes.every((c) => typeof c === 'string')) {
    throw new Error(`build_site: \`coursecore classes --json\` gave no class list: ${text.slice(0, 200)}`);
  }
  const file = path.join(dist, 'data/classes.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ classes }));
  return file;
}

function buildContent(demos, classesFile) {
  execFileSync('node', [path.join(root, 'tools/content/build.mjs'), '--content', path.join(root, 'content'),
    '--out', path.join(dist, 'data'), '--demo-ids', demos.map((d) => d.id).join(','), '--classes', classesFile], { stdio: 'inherit' });
}

// data/overview.json: course.json plus each topic's demo ids and exercise
// names, which is all the home page and the progress summaries read. The
// home page then loads no topic's data (each is about 20 KiB gz).
function buildOverview(demos) {
  const data = path.join(dist, 'data');
  const course = JSON.parse(fs.readFileSync(path.join(data, 'course.json'), 'utf8'));
  const topics = course.topics.map((t) => {
    const topic = JSON.parse(fs.readFileSync(path.join(data, 'topics', `${t.id}.json`), 'utf8'));
    return { ...t, demos: demos.filter((d) => d.topic === t.id).map((d) => d.id), exercises: (topic.exercises || []).map((e) => e.name) };
  });
  fs.writeFileSync(path.join(data, 'overview.json'), JSON.stringify({ ...course, topics }));
}

// web/py/*.py -> dist/py/, with manifest.json listing them for python_worker.js.
function copyPython() {
  const py = path.join(root, 'web/py');
  const files = fs.readdirSync(py).filter((f) => f.endsWith('.py')).sort();
  for (const file of files) copy(path.join(py, file), path.join(dist, 'py', file));
  fs.writeFileSync(path.join(dist, 'py/manifest.json'), JSON.stringify({ files }));
}

// PYTHON_RUNTIME in python_worker.js: what its memory snapshot of a started
// Python depends on (Pyodide's files, the stdlib zip, web/py/, the worker itself).
function pythonRuntimeKey(stdlib) {
  const pyodide = path.join(root, 'node_modules/pyodide');
  const py = path.join(root, 'web/py');
  const pyFiles = fs.readdirSync(py).filter((f) => f.endsWith('.py')).sort().map((f) => path.join(py, f));
  const hash = crypto.createHash('sha256');
  for (const file of [...PYODIDE_FILES.map((f) => path.join(pyodide, f)), stdlib, ...pyFiles, path.join(root, 'web/src/python_worker.js')]) {
    hash.update(path.basename(file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

async function bundle(stdlib) {
  const common = { bundle: true, format: 'esm', target: 'es2022', minify: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };
  await esbuild.build({ ...common, entryPoints: { app: path.join(root, 'web/src/main.js') }, splitting: true, outdir: dist, chunkNames: 'chunks/[name]-[hash]' });
  await esbuild.build({ ...common, entryPoints: { core_worker: path.join(root, 'web/src/core_worker.js') }, outdir: dist, external: ['./core/coursecore.mjs'] });
  const pyWorker = path.join(root, 'web/src/python_worker.js');
  if (fs.existsSync(pyWorker)) {
    await esbuild.build({ ...common, entryPoints: { python_worker: pyWorker }, outdir: dist, external: ['./pyodide/pyodide.mjs', 'node:*', 'ws'],
      define: { PYTHON_RUNTIME: JSON.stringify(pythonRuntimeKey(stdlib)) } });
  }
}

function copyStatic(stdlib) {
  // The CSP meta tag for hosts that cannot send headers; serve.mjs owns its text.
  const html = fs.readFileSync(path.join(root, 'web/index.html'), 'utf8');
  if (!html.includes('__CSP__')) throw new Error('build_site: web/index.html has no __CSP__ meta tag to fill');
  fs.writeFileSync(path.join(dist, 'index.html'), html.replace('__CSP__', CONTENT_SECURITY_POLICY));
  copy(path.join(root, 'web/favicon.svg'), path.join(dist, 'favicon.svg'));
  // One stylesheet: the base plus one file per feature in web/styles/.
  const featureCss = fs.readdirSync(path.join(root, 'web/styles')).filter((f) => f.endsWith('.css')).sort();
  const css = [path.join(root, 'web/styles.css'), ...featureCss.map((f) => path.join(root, 'web/styles', f))]
    .map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  fs.writeFileSync(path.join(dist, 'styles.css'), css);
  for (const file of ['coursecore.mjs', 'coursecore.wasm']) copy(path.join(root, 'build/wasm', file), path.join(dist, 'core', file));
  copyPython();
  const pyodide = path.join(root, 'node_modules/pyodide');
  for (const file of PYODIDE_FILES) {
    copy(path.join(pyodide, file), path.join(dist, 'pyodide', file));
  }
  copy(stdlib, path.join(dist, 'pyodide/python_stdlib.zip'));
}

try {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  const demos = buildDemos();
  buildContent(demos, buildClasses());
  buildOverview(demos);
  const stdlib = await buildStdlib();
  await bundle(stdlib);
  copyStatic(stdlib);
  const sw = writeServiceWorker(dist);
  console.log(`build_site: ${demos.length} demos -> ${path.relative(process.cwd(), dist) || dist}/ (build ${sw.version}, ${sw.files} files offline)`);
} catch (e) {
  console.error(e.message.startsWith('build_site:') ? e.message : `build_site: ${e.stack || e}`);
  process.exitCode = 1;
}
