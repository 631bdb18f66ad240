// check_desktop.mjs -- one Check under desktop CPython, as the page runs it.
//
//   node tools/check_desktop.mjs TOPIC NAME (--kind solution|naive|stub | --code FILE)
//        [--seed N] [--coursecore PATH] [--verbose]
//
// TOPIC is a topic folder of content/ (its exercises.py and solutions.py are
// split by tools/content/parse_cells.mjs, the one cell parser) or a built
// dist/data/topics/<id>.json. The Check is web/src/check_flow.js, the loop the
// page runs, with a fresh `python3` process as its worker
// (tools/pyodide_node/cpython_host.mjs) and the native core as its judge
// (`coursecore fit --target ... --json`). Prints the outcome as one JSON
// line (the last line of stdout); exit status 0 whatever the verdict, 2 on
// bad arguments.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCheck } from '../web/src/check_flow.js';
import { splitCells } from './content/parse_cells.mjs';
import { cliJudge } from './pyodide_node/pyodide_host.mjs';
import { cpythonTransports } from './pyodide_node/cpython_host.mjs';

function parseArgs(argv) {
  const o = { topic: null, name: null, kind: null, code: null, seed: 0, coursecore: undefined, verbose: false };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--verbose' || a === '-v') o.verbose = true;
    else if (['--kind', '--code', '--seed', '--coursecore'].includes(a)) o[a.slice(2)] = argv[++i];
    else rest.push(a);
  }
  [o.topic, o.name] = rest;
  o.seed = Number(o.seed);
  if (!o.topic || !o.name || (!o.kind && !o.code) || !Number.isInteger(o.seed)) {
    throw new Error('usage: check_desktop.mjs TOPIC NAME (--kind solution|naive|stub | --code FILE) [--seed N] [--coursecore PATH]');
  }
  if (o.kind && !['solution', 'naive', 'stub'].includes(o.kind)) throw new Error(`unknown --kind ${o.kind}`);
  return o;
}

/** {name, check, solution, time, space, stub, naive} of one exercise, from a topic folder or its built JSON. */
export function loadExercise(topic, name) {
  if (topic.endsWith('.json')) {
    const ex = (JSON.parse(fs.readFileSync(topic, 'utf8')).exercises || []).find((e) => e.name === name);
    if (!ex) throw new Error(`no exercise ${name} in ${topic}`);
    return ex;
  }
  const cells = (file) => splitCells(fs.readFileSync(path.join(topic, file), 'utf8'));
  const exercises = cells('exercises.py');
  const solutions = cells('solutions.py');
  const find = (list, kind) => list.find((c) => c.kind === kind && c.name === name);
  const stub = find(exercises, 'exercise');
  const check = find(exercises, 'check');
  const solution = find(solutions, 'solution');
  if (!stub || !check || !solution) throw new Error(`exercise ${name} needs exercise, check and solution cells in ${topic}`);
  const naive = find(solutions, 'naive');
  return {
    name, time: stub.headers.time, space: stub.headers.space || undefined,
    stub: stub.code, check: check.code, solution: solution.code, naive: naive?.code,
  };
}

async function main(argv) {
  let o;
  let ex;
  try {
    o = parseArgs(argv);
    ex = loadExercise(o.topic, o.name);
  } catch (err) {
    console.error(err.message);
    return 2;
  }
  const code = o.code ? fs.readFileSync(o.code, 'utf8') : { solution: ex.solution, naive: ex.naive, stub: ex.stub }[o.kind];
  if (typeof code !== 'string') { console.error(`exercise ${o.name} has no ${o.kind}`); return 2; }
  const transports = cpythonTransports({ judge: cliJudge(o.coursecore), echo: o.verbose });
  try {
    const outcome = await runCheck(ex, code, transports, {
      seed: o.seed,
      onUpdate: o.verbose ? (v) => v.message && console.error(`  ${v.phase} ${Math.round(100 * v.fraction)}% ${v.message}`) : undefined,
    });
    process.stdout.write(JSON.stringify(outcome) + '\n');
  } finally {
    transports.close();
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) process.exitCode = await main(process.argv.slice(2));
