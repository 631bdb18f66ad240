// pyodide_stdlib.mjs -- Pyodide's standard library with its bytecode
// compiled ahead, for the page (tools/build_site.mjs copies the result to
// dist/pyodide/python_stdlib.zip).
//
//   node tools/pyodide_stdlib.mjs [OUT.zip]      (default build/pyodide/python_stdlib.zip)
//
// npm pyodide's python_stdlib.zip holds only .py sources, so every module
// Python imports while it starts (Pyodide's own bootstrap imports about 190:
// asyncio, inspect, dataclasses, ...) is compiled from source in the
// learner's browser, on every visit: that was most of the 6-9 s from Run to
// the first output (bench_browser.mjs prints the breakdown). This writes the
// same zip with a .pyc beside the .py of each module that is imported in
// practice: those Pyodide's start imports, those web/py/*.py import (the
// worker's own Python, loaded the same way), and the ones the course's
// examples and learners reach for (EXTRA). The bytecode is compiled by the
// very Pyodide the page runs (CPython 3.14, so the magic number is its own;
// desktop python3 is 3.11). The .pyc files are unchecked-hash pycs: zipimport
// takes a .pyc before its .py and checks nothing, and every .py stays for
// tracebacks, linecache and inspect. Compiling all 559 modules would make
// the zip 7.1 MB instead of about 3.5 MB. The result is kept in
// build/pyodide/ with the hash of its input (Pyodide's files and the import
// lines of web/py/), so a build compiles again only when those change.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PYODIDE = path.join(root, 'node_modules/pyodide');

const PY_DIR = path.join(root, 'web/py');
const HOME = '/home/pyodide/memperf';
// Modules the lessons' examples and learners' code import (beyond web/py's own).
const EXTRA = ['random', 'timeit', 'tracemalloc', 'functools', 'collections', 'itertools', 'bisect', 'heapq',
  'weakref', 'struct', 'math', 'statistics', 'array', 'dis', 'pstats', 'cProfile', 'profile', 'string',
  'textwrap', 'pprint', 'dataclasses', 'typing', 'fractions', 'decimal', 'operator', 'inspect', 'enum',
  'numbers', 'contextlib', 'hashlib', 'copy', 'json', 'traceback', 'linecache', 'reprlib', 'abc'];

const COMPILE = `
import importlib
import importlib._bootstrap_external as bx
import importlib.util
import io
import sys
import zipfile

src = "/lib/python%d%d.zip" % sys.version_info[:2]
sys.path.insert(0, HOME)
for name in WANTED:
    try:
        importlib.import_module(name)
    except Exception:
        pass                    # desktop-only imports of check_cli.py and the like
used = set()
for module in list(sys.modules.values()):
    file = getattr(module, "__file__", None) or ""
    if file.startswith(src + "/"):
        used.add(file[len(src) + 1:].removesuffix("c"))
out = io.BytesIO()
compiled = 0
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
    names = set(zin.namelist())
    for info in zin.infolist():
        data = zin.read(info)
        zout.writestr(info, data)
        name = info.filename
        if name not in used or name + "c" in names:
            continue
        try:
            code = compile(data, src + "/" + name, "exec", dont_inherit=True, optimize=0)
        except SyntaxError:
            continue            # test data and the like: imported never
        pyc = bx._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
        entry = zipfile.ZipInfo(name + "c", date_time=info.date_time)
        entry.compress_type = zipfile.ZIP_DEFLATED
        zout.writestr(entry, bytes(pyc))
        compiled += 1
out.getvalue(), compiled
`;

const pyFiles = () => fs.readdirSync(PY_DIR).filter((f) => f.endsWith('.py')).sort();

/** The input's hash: the zip, the wasm that will run the bytecode, web/py's import lines, this tool. */
function inputHash() {
  const hash = crypto.createHash('sha256');
  for (const file of ['python_stdlib.zip', 'pyodide.asm.wasm', 'package.json']) hash.update(fs.readFileSync(path.join(PYODIDE, file)));
  const imports = pyFiles().flatMap((f) => fs.readFileSync(path.join(PY_DIR, f), 'utf8').split('\n').filter((l) => /^\s*(import|from)\s/.test(l)));
  hash.update([...new Set(imports)].sort().join('\n'));
  hash.update(COMPILE + EXTRA.join());
  return hash.digest('hex').slice(0, 16);
}

/** Writes OUT (if its recorded input hash differs) and returns its path. */
export async function buildStdlib(out = path.join(root, 'build/pyodide/python_stdlib.zip')) {
  const stamp = `${out}.input`;
  const hash = inputHash();
  if (fs.existsSync(out) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) return out;
  const { loadPyodide } = await import(path.join(PYODIDE, 'pyodide.mjs'));
  const py = await loadPyodide({ indexURL: `${PYODIDE}/` });
  py.FS.mkdirTree(HOME);
  for (const file of pyFiles()) py.FS.writeFile(`${HOME}/${file}`, fs.readFileSync(path.join(PY_DIR, file), 'utf8'));
  const wanted = [...pyFiles().map((f) => f.replace(/\.py$/, '')), ...EXTRA];
  const globals = py.toPy({ HOME, WANTED: wanted });
  const result = py.runPython(COMPILE, { globals });
  globals.destroy();
  const [bytes, compiled] = result.toJs();
  result.destroy();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(`${out}.tmp`, bytes);
  fs.renameSync(`${out}.tmp`, out);
  fs.writeFileSync(stamp, hash);
  console.log(`pyodide_stdlib: ${compiled} modules compiled -> ${path.relative(root, out)} (${(bytes.length / 1e6).toFixed(1)} MB)`);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildStdlib(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
}
