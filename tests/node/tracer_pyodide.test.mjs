// web/py/tracer.py in Pyodide (CPython 3.14, wasm32) under Node, through
// worker_host.trace_code as the page's worker calls it: aliasing, copies,
// [[0]*3]*3, the step limit on `while True` (also through a bare except), the
// time limit on slow lines, the frames of a runaway recursion, reference counts without the
// tracer's share, interned strings (sys._is_interned) and 32-bit sizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadPyodide } from 'pyodide';
import { ROOT, PYODIDE_DIR } from '../../tools/pyodide_node/pyodide_host.mjs';

let py;
let traceCode;
before(async () => {
  py = await loadPyodide({ indexURL: PYODIDE_DIR + '/' });
  const home = '/home/pyodide/memperf';
  py.FS.mkdirTree(home);
  const dir = path.join(ROOT, 'web', 'py');
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.py'))) py.FS.writeFile(`${home}/${f}`, fs.readFileSync(path.join(dir, f), 'utf8'));
  py.runPython(`import sys\nsys.path.insert(0, '${home}')`);
  traceCode = py.pyimport('worker_host').trace_code;
});
after(() => { py = null; });

const trace = (code, limits = {}) => JSON.parse(traceCode(JSON.stringify({ code, ...limits })));

function view(r, index = r.steps.length - 1) {
  const step = r.steps[index];
  const names = {};
  for (const f of step.frames) names[f.name] = Object.assign(names[f.name] || {}, Object.fromEntries(f.locals));
  const objects = new Map(step.heap.map(([i, refcount]) => [r.records[i].id, { ...r.records[i], refcount }]));
  return { names, objects, m: names['<module>'] };
}

test('two names, one list of 4 items, refcount 2', () => {
  const r = trace('a = [1, 2, 3]\nb = a\nb.append(4)\n');
  const { m, objects } = view(r);
  assert.equal(m.a, m.b);
  const list = objects.get(m.a);
  assert.equal(list.len, 4);
  assert.equal(list.refcount, 2);
  assert.deepEqual(list.items.map((i) => objects.get(i).repr), ['1', '2', '3', '4']);
  assert.ok(r.version.startsWith('3.1'));
});

test('copy.copy shares inner lists, copy.deepcopy does not', () => {
  const { m, objects } = view(trace('import copy\nx = [[1], [2]]\ns = copy.copy(x)\nd = copy.deepcopy(x)\n'));
  assert.deepEqual(objects.get(m.s).items, objects.get(m.x).items);
  assert.ok(objects.get(m.d).items.every((i) => !objects.get(m.x).items.includes(i)));
});

test('[[0] * 3] * 3: three slots, one inner list', () => {
  const { m, objects } = view(trace('x = [[0] * 3] * 3\n'));
  assert.equal(new Set(objects.get(m.x).items).size, 1);
  assert.equal(objects.get(objects.get(m.x).items[0]).refcount, 3);
});

test('while True stops at the step limit with the steps so far', () => {
  const r = trace('n = 0\nwhile True:\n    n += 1\n');
  assert.equal(r.steps.length, 1000);
  assert.equal(r.stopped.reason, 'steps');
  assert.equal(r.error, null);
});

test('slow lines stop at the time limit, through a bare except, with the steps so far', () => {
  const r = trace('while True:\n    try:\n        x = sum(range(300000))\n    except:\n        pass\n', { max_seconds: 0.5 });
  assert.equal(r.stopped.reason, 'time');
  assert.equal(r.error, null);
  assert.ok(r.steps.length >= 2 && r.steps.length < 1000, `${r.steps.length} steps`);
  assert.match(r.stopped.message, /0\.5 s, the time limit/);
});

test('a runaway recursion records the module frame and the innermost calls only', () => {
  const r = trace('def f(n):\n    return f(n + 1)\n\nf(0)\n');
  assert.equal(r.error.kind, 'RecursionError');
  const deepest = r.steps.reduce((a, s) => (s.frames_hidden > a.frames_hidden ? s : a));
  assert.equal(deepest.frames.length, 30);
  assert.equal(deepest.frames[0].name, '<module>');
  assert.ok(deepest.frames_hidden > 100, `${deepest.frames_hidden} calls left out`);
});

test('the step limit holds through a bare except (sys.monitoring guard)', () => {
  const loops = {
    bare: 'while True:\n    try:\n        x = 1\n    except:\n        pass\n',
    base: 'n = 0\nwhile True:\n    try:\n        n += 1\n    except BaseException:\n        pass\n',
    nested: 'while True:\n    try:\n        while True:\n            try:\n                x = 1\n            except:\n                pass\n    except:\n        pass\n',
    func: 'def f():\n    while True:\n        try:\n            x = 1\n        except:\n            continue\n\nwhile True:\n    try:\n        f()\n    except:\n        pass\n',
  };
  for (const [label, code] of Object.entries(loops)) {
    for (const limit of [37, 38, 39, 40]) {
      const r = trace(code, { max_steps: limit });
      assert.equal(r.steps.length, limit, `${label} at ${limit}`);
      assert.equal(r.stopped.reason, 'steps');
      assert.equal(r.error, null);
    }
  }
  assert.equal(py.runPython("import sys\nany(sys.monitoring.get_tool(t) for t in range(6))"), false, 'the guard tool is freed');
  const after = trace('a = [1]\nb = a\n');
  assert.deepEqual(after.steps.map((s) => s.line), [1, 2, null]);
});

test('32-bit facts: pointer size, list sizes and capacity, interned strings, immortal small ints', () => {
  const r = trace("a = []\nfor i in range(5):\n    a.append(i)\ns = 'hello'\nt = ''.join(['he', 'llo'])\nb = 1000\nc = int('1000')\n");
  assert.equal(r.platform.pointer_size, 4);
  assert.equal(r.platform.wasm, true);
  assert.equal(r.platform.interned_test, 'sys._is_interned');
  const { m, objects } = view(r);
  const a = objects.get(m.a);
  assert.equal(a.cap, 8);
  assert.equal(a.size, r.platform.empty_list_size + 8 * 4);
  assert.equal(objects.get(m.s).shared, 'interned');
  assert.equal(objects.get(m.t).shared, null);
  assert.notEqual(m.b, m.c);
  assert.equal(objects.get(a.items[0]).shared, 'small-int');
  assert.equal(objects.get(a.items[0]).immortal, true);
  const facts = JSON.parse(py.pyimport('worker_host').platform_json());
  assert.equal(facts.empty_list_size, py.runPython('import sys\nsys.getsizeof([])'), 'measured by this Python');
  assert.equal(facts.empty_list_size, r.platform.empty_list_size, 'the page\'s note and the trace agree');
  assert.deepEqual(facts.desktop_64, r.platform.desktop_64);
  assert.ok(facts.desktop_64.empty_list_size > facts.empty_list_size, 'the 64-bit desktop figure is the larger');
});

test('function locals: refcount without the tracer share; default list shared by calls', () => {
  const r = trace('def add(x, items=[]):\n    y = items\n    items.append(x)\n    return items\n\nadd(1)\nadd(2)\n');
  const index = r.steps.findLastIndex((s) => s.line === 4);
  const { names, objects } = view(r, index);
  assert.equal(names.add.items, names.add.y);
  assert.equal(objects.get(names.add.items).refcount, 3);   // defaults tuple, items, y
  assert.equal(objects.get(names.add.items).len, 2);
});
