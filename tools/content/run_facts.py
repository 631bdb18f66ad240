"""run_facts.py -- runs what dist/data/checks.json asks of a real interpreter.

One owner for these rules, used by desktop python3
(tests/content/verify_content.py runs `python3 run_facts.py checks.json TOPIC`
in a fresh process per topic) and by Pyodide under Node
(tests/node/content_pyodide.test.mjs imports this module and calls
run_item() once per item, one interpreter per topic). The JSON comes from
tools/content/build.mjs (facts.mjs); content/FORMAT.md is the contract:

* example cells and runnable lesson blocks run alone (a fresh namespace
  as __main__) and must not raise; a one-line expression statement whose
  comment states a value (`print(xs)  # [1, 2]`, `f("a")  # ['a']`,
  `print(x == x)  # False: NaN ...`: the comment, or its part before a
  ":" or " --", reads as a Python literal) must give that value: what the
  print printed, or the repr of the expression, every time it runs;
* an output question's code must print its expected output (trailing
  spaces and final newlines ignored);
* a value slot {{value TEXT | EXPR}} needs str(eval(EXPR)) == TEXT and a
  check: line a truthy EXPR, both in the topic's facts.py namespace
  (executed once per interpreter, then copied for each expression).

Each result is {"kind", "file", "line", "what", "ok", "got"}; "got" says
what the interpreter printed or raised when ok is false.
"""

import ast
import builtins
import contextlib
import io
import json
import sys
import tokenize
import traceback

KINDS = ("example", "block", "output", "slot", "check")


def interpreter():
    """'pyodide' under Emscripten (wasm32), else 'desktop'."""
    return "pyodide" if sys.platform == "emscripten" else "desktop"


def normalise(text):
    return "\n".join(l.rstrip() for l in text.replace("\r\n", "\n").split("\n")).rstrip("\n")


# ------------------------------------------------- values stated in comments --

def _literal(text):
    try:
        ast.literal_eval(text)
        return True
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False


def stated_value(comment):
    """The value a comment states, or None: the whole comment, else its part
    before a ":" or " --" (the longest that reads as a Python literal)."""
    text = comment.lstrip("#").strip()
    cuts = sorted({i for i in range(len(text)) if text.startswith((":", " --"), i)} | {len(text)}, reverse=True)
    for i in cuts:
        head = text[:i].strip()
        if head and _literal(head):
            return head
    return None


def stated_lines(code):
    """{line: stated value} for one-line expression statements whose comment
    states one; {} when the code does not parse (running it will say why)."""
    try:
        tree = ast.parse(code)
        comments = {t.start[0]: t.string for t in tokenize.generate_tokens(io.StringIO(code).readline)
                    if t.type == tokenize.COMMENT}
    except (SyntaxError, tokenize.TokenError, IndentationError):
        return {}
    out = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and node.lineno == node.end_lineno and node.lineno in comments:
            value = stated_value(comments[node.lineno])
            if value is not None:
                out[node.lineno] = value
    return out


def _same(got, stated):
    if got.strip() == stated:
        return True
    try:
        return ast.literal_eval(got.strip()) == ast.literal_eval(stated)
    except Exception:  # noqa: BLE001 -- anything that is not a literal is simply not the same
        return False


class _Stated(ast.NodeTransformer):
    """Wraps each stated statement: a print between a mark and a compare of
    what it printed, any other expression in a compare of its repr."""

    def __init__(self, lines):
        self.lines = lines

    def visit_Expr(self, node):
        value = self.lines.get(node.lineno)
        if value is None:
            return node
        line = ast.Constant(node.lineno)
        stated = ast.Constant(value)
        probe = ast.Name("__stated_probe__", ast.Load())
        call = node.value
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "print":
            mark = ast.Expr(ast.Call(ast.Attribute(probe, "mark", ast.Load()), [], []))
            done = ast.Expr(ast.Call(ast.Attribute(probe, "printed", ast.Load()), [line, stated], []))
            return [ast.copy_location(n, node) for n in (mark, node, done)]
        return ast.copy_location(ast.Expr(ast.Call(ast.Attribute(probe, "value", ast.Load()),
                                                   [line, stated, call], [])), node)


class _Probe:
    def __init__(self, out, source):
        self.out, self.source, self.at = out, source.splitlines(), 0
        self.mismatches, self.checked = [], set()

    def mark(self):
        self.at = len(self.out.getvalue())

    def printed(self, line, stated):
        self._compare(line, stated, self.out.getvalue()[self.at:].rstrip("\n"), "prints")

    def value(self, line, stated, value):
        self._compare(line, stated, repr(value), "gives")

    def _compare(self, line, stated, got, verb):
        self.checked.add(line)
        if not _same(got, stated) and len(self.mismatches) < 5:
            code = self.source[line - 1].split("#")[0].strip() if line <= len(self.source) else "?"
            self.mismatches.append("line %d: `%s` %s %r, its comment says %r" % (line, code, verb, got, stated))


def _run_alone(code, filename, stated=False):
    """(printed text, error line or None, probe or None): code as __main__ in
    a fresh namespace; with stated, its stated values are compared too."""
    out = io.StringIO()
    error = None
    probe = None
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    compiled = code
    lines = stated_lines(code) if stated else {}
    if lines:
        probe = _Probe(out, code)
        tree = ast.fix_missing_locations(_Stated(lines).visit(ast.parse(code)))
        compiled = tree
        # the probe lives in a copy of the builtins: dir() and globals() in the code do not show it
        namespace["__builtins__"] = dict(vars(builtins), __stated_probe__=probe)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            exec(compile(compiled, filename, "exec"), namespace)
        except SystemExit as exc:
            if exc.code not in (None, 0):
                error = "SystemExit: %s" % exc.code
        except BaseException as exc:  # noqa: B036 -- a KeyboardInterrupt from the watchdog is a failure too
            traceback.print_exception(type(exc), exc, exc.__traceback__.tb_next)  # not this frame
            error = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    return out.getvalue(), error, probe


def _run_stated(item, filename, res):
    """An example cell or lesson block: runs, and gives what its comments state."""
    printed, error, probe = _run_alone(item["code"], filename, stated=True)
    res["stated"] = len(probe.checked) if probe else 0
    if error:
        res["ok"], res["got"] = False, normalise(printed)[-600:] or error
    elif probe and probe.mismatches:
        res["ok"], res["got"] = False, "\n".join(probe.mismatches)
    else:
        res["ok"] = True


class Facts:
    """The namespace of one topic's facts.py, executed once."""

    def __init__(self, source, filename="facts.py"):
        self.namespace = {"__name__": "facts"}
        self.error = None
        if source:
            try:
                exec(compile(source, filename, "exec"), self.namespace)
            except Exception as exc:
                self.error = "%s does not run: %s" % (filename, "".join(
                    traceback.format_exception_only(type(exc), exc)).strip())

    def eval(self, expr):
        """(value, None) or (None, error text)."""
        if self.error:
            return None, self.error
        try:
            return eval(expr, dict(self.namespace)), None
        except Exception as exc:
            return None, "".join(traceback.format_exception_only(type(exc), exc)).strip()


def items(topic):
    """The items of one topic's checks.json entry that this interpreter runs, in order."""
    here = interpreter()
    out = []
    for e in topic.get("examples", []):
        out.append(dict(e, kind="example", line=e.get("line", 1)))
    for b in topic.get("blocks", []):
        out.append(dict(b, kind="block"))
    for o in topic.get("outputs", []):
        out.append(dict(o, kind="output"))
    for s in topic.get("slots", []):
        if s["interpreter"] in ("both", here):
            out.append(dict(s, kind="slot"))
    for c in topic.get("checks", []):
        out.append(dict(c, kind="check"))
    return out


def run_item(item, facts):
    """Runs one item; returns its result dict."""
    kind = item["kind"]
    res = {"kind": kind, "file": item["file"], "line": item.get("line", 1), "ok": False, "got": ""}
    if kind == "example":
        res["what"] = "example cell %d %r runs alone, as its comments state" % (item["index"], item["title"])
        _run_stated(item, "<example %d>" % item["index"], res)
    elif kind == "block":
        res["what"] = ("lesson code block runs alone, as its comments state (mark it ```python fragment "
                       "if it is not meant to run)")
        _run_stated(item, "<lesson block>", res)
    elif kind == "output":
        res["what"] = "output question %s prints its expected output" % item["question"]
        printed, error, _ = _run_alone(item["code"], "<quiz>")
        res["ok"] = normalise(printed) == normalise(item["expected"])
        if not res["ok"]:
            res["got"] = normalise(printed)
            res["expected"] = normalise(item["expected"])
    elif kind == "slot":
        res["what"] = "{{value %s | %s}}" % (item["text"], item["expr"])
        value, error = facts.eval(item["expr"])
        res["ok"] = error is None and str(value) == item["text"]
        res["got"] = error if error else "str(%s) is %r, the prose says %r" % (item["expr"], str(value), item["text"])
    elif kind == "check":
        res["what"] = "question %s: check: %s" % (item["question"], item["expr"])
        value, error = facts.eval(item["expr"])
        res["ok"] = error is None and bool(value)
        res["got"] = error if error else "%s is %r" % (item["expr"], value)
    else:
        res["what"] = "unknown item kind %r" % kind
    if res["ok"]:
        res["got"] = ""
    return res


def run_topic(topic):
    """Every item of one topic in this interpreter: a list of result dicts."""
    facts = Facts(topic.get("facts", ""), topic.get("factsFile") or "facts.py")
    return [run_item(item, facts) for item in items(topic)]


def main(argv):
    if len(argv) not in (3, 4) or (len(argv) == 4 and argv[3] not in KINDS):
        print("usage: python3 run_facts.py dist/data/checks.json TOPIC_ID [%s]" % "|".join(KINDS), file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        topic = json.load(f)["topics"][argv[2]]
    if len(argv) == 4:    # one kind only
        topic = {k: (v if k in ("facts", "factsFile") or k == argv[3] + "s" else []) for k, v in topic.items()}
    json.dump(run_topic(topic), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
