// bench_wasm_vs_native.mjs -- `make bench`: how much slower is the C core as
// WebAssembly (under Node's V8, the engine Chromium uses) than natively?
//
//   node tools/bench/bench_wasm_vs_native.mjs [--reps N] [--only id,...,fit] [--detail]
//        [--wasm build/wasm/coursecore.mjs] [--native build/native]
//
// Demo workloads: the same demo, same parameters, run by the native CLI
// (`coursecore run`) and by api_demo_run in wasm. What is compared is each
// point of each "time" series -- the harness's per-call median of the demo's
// kernel at that n -- not the run's elapsed_ms: the harness autoranges every
// batch to >= 1 ms, so a whole run lasts about as long on a fast engine as on
// a slow one (elapsed_ms is printed only to show that). Per point: median over
// the runs; per workload: the geometric mean of the per-point wasm/native
// ratios over the points both hosts completed in most runs.
//
// Classifier: api_fit on a fixed 200-point series (40 sizes x 5 repeats,
// the largest a demo produces), natively through tools/bench/bench_fit_speed.c
// (compiled here against build/native/libcoursecore.a if missing or stale)
// and in wasm in-process; median ms per call over the rounds.
//
// Native and wasm runs are interleaved so that load from other processes
// hits both alike; wasm is warmed up first (V8 tiers hot code up from Liftoff
// to TurboFan). The headline is the median of the rows' ratios. A host that
// crashes or errors on a workload is reported and left out, not fatal.
// Takes ~45 s on an idle 2-core machine, up to ~100 s under load.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET = 1.30;

// ------------------------------------------------------------- arguments --

const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}
const nativeDir = path.resolve(option('--native', path.join(root, 'build/native')));
const cli = path.join(nativeDir, 'coursecore');
const lib = path.join(nativeDir, 'libcoursecore.a');
const fitSrc = path.join(root, 'tools/bench/bench_fit_speed.c');
const fitBin = path.join(nativeDir, 'bench_fit_speed');
const REPS = Math.max(5, Number(option('--reps', 5)) | 0);
const wasmModule = path.resolve(option('--wasm', path.join(root, 'build/wasm/coursecore.mjs')));
const only = option('--only', '');
const detail = args.includes('--detail');

// Workloads: demo id and parameter values by name (unnamed = default).
// repeats=3 batches per point keeps a full pass short; we repeat whole runs.
const WORKLOADS = [
  ['membership', { repeats: 3 }],
  ['find-duplicates', { repeats: 3 }],
  ['front-insert', { repeats: 3 }],
  ['string-building', { repeats: 3 }],
  ['class-gallery', { repeats: 3 }],
  ['memoization', { repeats: 3 }],
  ['builtin-vs-loop', { repeats: 3 }],
  ['crossover', { repeats: 3 }],
  ['lru-cache', { repeats: 3 }],
  ['profile-a-pipeline', { repeats: 3 }],
].filter(([id]) => !only || only.split(',').includes(id));
const runFit = !only || only.split(',').includes('fit');

// ----------------------------------------------------------------- helpers --

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const geomean = (v) => Math.exp(v.reduce((a, x) => a + Math.log(x), 0) / v.length);
const now = () => performance.now();

// ------------------------------------------------------------------- wasm --

const { default: createCoursecore } = await import(pathToFileURL(wasmModule).href);
const core = await createCoursecore({ wasmBinary: fs.readFileSync(wasmModule.replace(/\.mjs$/, '.wasm')) });

function wasmJson(pointer) {
  try { return JSON.parse(core.UTF8ToString(pointer)); } finally { core._api_free(pointer); }
}

function wasmRun(id, values) {
  const idPtr = core._api_alloc(64);
  core.stringToUTF8(id, idPtr, 64);
  const valPtr = core._api_alloc(8 * Math.max(values.length, 1));
  core.HEAPF64.set(values, valPtr / 8);
  try { return wasmJson(core._api_demo_run(idPtr, valPtr, values.length)); } finally {
    core._api_free(idPtr);
    core._api_free(valPtr);
  }
}

// ----------------------------------------------------------------- native --

const demos = JSON.parse(execFileSync(cli, ['list', '--json'], { encoding: 'utf8' }));

function nativeRun(id, values, params) {
  const flags = params.flatMap((p, i) => [`--${p.name}`, String(values[i])]);
  return JSON.parse(execFileSync(cli, ['run', id, ...flags], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

// ------------------------------------------------------------ demo timing --

// Point key -> per-call seconds, for the "time" series of one result.
function timePoints(result) {
  const out = new Map();
  for (const s of result.series) {
    if (s.metric !== 'time') continue;
    s.x.forEach((x, i) => {
      const y = s.y[i];
      if (Number.isFinite(y) && y > 0) out.set(`${s.id}@${x}`, y);
    });
  }
  return out;
}

const plans = WORKLOADS.map(([id, named]) => {
  const demo = demos.find((d) => d.id === id);
  if (!demo) throw new Error(`unknown demo ${id}`);
  const values = demo.params.map((p) => (p.name in named ? named[p.name] : p.default));
  return { id, demo, values, native: [], wasm: [], nativeElapsed: [], wasmElapsed: [], failures: new Set() };
});

// One native run and one wasm run of a workload. A host that fails (crash,
// error JSON) is noted on the plan and that run is left out, not fatal.
function attempt(plan, host, fn) {
  try {
    const result = fn();
    if (result.error) throw new Error(result.error);
    return result;
  } catch (e) {
    const why = (e.signal ? `killed by ${e.signal}` : String(e.message).split('\n')[0]).slice(0, 60);
    plan.failures.add(`${host}: ${why}`);
    return null;
  }
}

function runOnce(plan, record) {
  // Warm-up: wasm only (V8 tiers hot functions up from Liftoff to TurboFan);
  // every native run is a fresh process anyway.
  const n = record ? attempt(plan, 'native', () => nativeRun(plan.id, plan.values, plan.demo.params)) : null;
  const t0 = now();
  const w = attempt(plan, 'wasm', () => wasmRun(plan.id, plan.values));
  const wallMs = now() - t0;
  if (!record) return;
  if (n) { plan.native.push(timePoints(n)); plan.nativeElapsed.push(n.elapsed_ms); }
  if (w) { plan.wasm.push(timePoints(w)); plan.wasmElapsed.push(Math.min(w.elapsed_ms, wallMs)); }
}

// ------------------------------------------------------- classifier timing --

// 40 sizes from 10 to 10^4, 5 repeats each, n log n with a fixed +-5% wobble.
const FIT_N = [], FIT_Y = [];
for (let i = 0; i < 40; i++) {
  const n = Math.round(10 * 1000 ** (i / 39));
  for (let r = 0; r < 5; r++) {
    FIT_N.push(n);
    FIT_Y.push(3e-9 * n * Math.log2(n) * (1 + 0.05 * Math.sin(i * 5 + r * 1.7)));
  }
}
const FIT_CSV = FIT_N.map((n, i) => `${n},${FIT_Y[i]}`).join('\n') + '\n';

function ensureFitDriver() {
  const stale = !fs.existsSync(fitBin) ||
    fs.statSync(fitBin).mtimeMs < Math.max(fs.statSync(fitSrc).mtimeMs, fs.statSync(lib).mtimeMs);
  if (!stale) return;
  const cc = process.env.CC || 'cc';
  const flags = ['-std=c99', '-Wall', '-Wextra', '-Werror', '-Wshadow', '-Wstrict-prototypes',
    `-I${path.join(root, 'c_src')}`, '-O2'];
  execFileSync(cc, [...flags, fitSrc, lib, '-lm', '-o', fitBin], { stdio: 'inherit' });
}

function nativeFit(calls, warmup) {
  const out = execFileSync(fitBin, [String(calls), '1', String(warmup)], { input: FIT_CSV, encoding: 'utf8' });
  return JSON.parse(out).msPerCall[0];
}

let fitN = 0, fitY = 0;
function wasmFitSetup() {
  fitN = core._api_alloc(8 * FIT_N.length);
  fitY = core._api_alloc(8 * FIT_Y.length);
  core.HEAPF64.set(FIT_N, fitN / 8);
  core.HEAPF64.set(FIT_Y, fitY / 8);
  return wasmJson(core._api_fit(fitN, fitY, FIT_N.length));
}

function wasmFit(calls, warmup) {
  for (let i = 0; i < warmup; i++) core._api_free(core._api_fit(fitN, fitY, FIT_N.length));
  const t0 = now();
  for (let i = 0; i < calls; i++) core._api_free(core._api_fit(fitN, fitY, FIT_N.length));
  return (now() - t0) / calls;
}

// -------------------------------------------------------------------- run --

const started = now();
const fitRounds = Math.max(REPS, 7);
console.log(`wasm vs native: ${plans.length} demo workloads x ${REPS} runs` +
  `${runFit ? ` + classifier (api_fit, ${FIT_N.length} points) x ${fitRounds} rounds` : ''}; ` +
  `wasm = ${path.relative(root, wasmModule)}, native = ${path.relative(root, nativeDir)}`);

let fitCalls = 0, fitError = '';
const fitNative = [], fitWasm = [];
if (runFit) {
  try {
    ensureFitDriver();
    const check = wasmFitSetup();
    if (check.error) throw new Error(`wasm api_fit: ${check.error}`);
    // Size a round to ~100 ms natively.
    const probe = nativeFit(3, 2);
    fitCalls = Math.max(3, Math.min(200, Math.round(100 / probe)));
    wasmFit(fitCalls, 2);                            // tier-up warm-up
  } catch (e) {
    fitError = (e.signal ? `native driver killed by ${e.signal}` : String(e.message).split('\n')[0]).slice(0, 70);
  }
}

for (const plan of plans) runOnce(plan, false);      // warm-up pass
for (let rep = 0; rep < REPS; rep++) {
  for (const plan of plans) runOnce(plan, true);
  process.stdout.write(`  pass ${rep + 1}/${REPS} done (${((now() - started) / 1000).toFixed(0)} s)\n`);
}
if (runFit && !fitError) {
  for (let r = 0; r < fitRounds; r++) {
    try { fitNative.push(nativeFit(fitCalls, 1)); } catch (e) { fitError = `native driver: ${e.signal ?? e.message}`; }
    fitWasm.push(wasmFit(fitCalls, 0));
  }
}

// ---------------------------------------------------------------- report --

const rows = [];
const notes = [];
for (const plan of plans) {
  const keys = new Set([...plan.native, ...plan.wasm].flatMap((m) => [...m.keys()]));
  const ratios = [];
  let nativeSum = 0, wasmSum = 0;
  for (const key of keys) {
    const nv = plan.native.map((m) => m.get(key)).filter((v) => v !== undefined);
    const wv = plan.wasm.map((m) => m.get(key)).filter((v) => v !== undefined);
    if (nv.length * 2 <= REPS || wv.length * 2 <= REPS) continue;   // not completed in most runs
    const nm = median(nv), wm = median(wv);
    ratios.push(wm / nm);
    if (detail) console.log(`  ${plan.id} ${key}: native ${(nm * 1e6).toPrecision(4)} us, wasm ${(wm * 1e6).toPrecision(4)} us, ratio ${(wm / nm).toFixed(2)}`);
    nativeSum += nm * 1e3;
    wasmSum += wm * 1e3;
  }
  for (const f of plan.failures) notes.push(`${plan.id}: ${f}`);
  if (!ratios.length) {
    rows.push({ name: plan.id, points: 0, native: NaN, wasm: NaN, ratio: NaN });
    continue;
  }
  rows.push({
    name: plan.id, points: ratios.length, native: nativeSum, wasm: wasmSum, ratio: geomean(ratios),
    lo: Math.min(...ratios), hi: Math.max(...ratios),
    elapsed: median(plan.wasmElapsed) / median(plan.nativeElapsed),
  });
}
if (fitError) notes.push(`api_fit: ${fitError}`);
if (runFit && fitNative.length && fitWasm.length) {
  const nm = median(fitNative), wm = median(fitWasm);
  rows.push({ name: `api_fit (${FIT_N.length} pts)`, points: fitRounds, native: nm, wasm: wm, ratio: wm / nm });
}

const fmt = (v, w, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a').padStart(w);
console.log('');
console.log(`${'workload'.padEnd(22)}${'pts'.padStart(5)}${'native ms'.padStart(12)}${'wasm ms'.padStart(12)}` +
  `${'wasm/native'.padStart(13)}${'point range'.padStart(15)}`);
console.log('-'.repeat(79));
for (const r of rows) {
  const range = r.lo !== undefined ? `${r.lo.toFixed(2)}-${r.hi.toFixed(2)}` : '';
  console.log(`${r.name.padEnd(22)}${String(r.points).padStart(5)}${fmt(r.native, 12)}${fmt(r.wasm, 12)}` +
    `${fmt(r.ratio, 13, 2)}${range.padStart(15)}`);
}
console.log('-'.repeat(79));
console.log('demo rows: ms = sum over the common points of the per-call median time; ratio = geometric');
console.log('mean of the per-point ratios. api_fit row: ms per call, median over rounds.');
const elapsed = rows.filter((r) => r.elapsed !== undefined).map((r) => r.elapsed);
if (elapsed.length) {
  console.log(`(whole-run elapsed_ms wasm/native, median ${median(elapsed).toFixed(2)}: ` +
    'autoranged batches make this ~1 whatever the speed, so it is not used)');
}
for (const n of notes) console.log(`note -- ${n}`);
const valid = rows.map((r) => r.ratio).filter(Number.isFinite);
const m = median(valid);
console.log(`bench took ${((now() - started) / 1000).toFixed(0)} s`);
console.log(`median wasm/native ratio: ${m.toFixed(2)} (target <= ${TARGET.toFixed(2)})` +
  `${m <= TARGET ? '' : ' -- above target'}`);
