"""run_facts.py -- runs what dist/data/checks.json asks of a real interpreter.

One owner for these rules, used by desktop python3
(tests/content/verify_content.py runs `python3 run_facts.py checks.json TOPIC`
in a fresh process per topic) and by Pyodide under Node
(tests/node/content_pyodide.test.mjs imports this module and calls
run_item() once per item, one interpreter per topic). The JSON comes from
tools/content/build.mjs (facts.mjs); content/FORMAT.md is the contract:

* example cells and runnable lesson blocks run alone (a fresh namespace
  as __main__) and must not raise;
* an output question's code must print its expected output (trailing
  spaces and final newlines ignored);
* a value slot {{value TEXT | EXPR}} needs str(eval(EXPR)) == TEXT and a
  check: line a truthy EXPR, both in the topic's facts.py namespace
  (executed once per interpreter, then copied for each expression).

Each result is {"kind", "file", "line", "what", "ok", "got"}; "got" says
what the interpreter printed or raised when ok is false.
"""

import contextlib
import io
import json
import sys
import traceback

KINDS = ("example", "block", "output", "slot", "check")


def interpreter():
    """'pyodide' under Emscripten (wasm32), else 'desktop'."""
    return "pyodide" if sys.platform == "emscripten" else "desktop"


def normalise(text):
    return "\n".join(l.rstrip() for l in text.replace("\r\n", "\n").split("\n")).rstrip("\n")


def _run_alone(code, filename):
    """(printed text, error line or None): code as __main__ in a fresh namespace."""
    out = io.StringIO()
    error = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            exec(compile(code, filename, "exec"), {"__name__": "__main__", "__builtins__": __builtins__})
        except SystemExit as exc:
            if exc.code not in (None, 0):
                error = "SystemExit: %s" % exc.code
        except BaseException as exc:  # noqa: B036 -- a KeyboardInterrupt from the watchdog is a failure too
            traceback.print_exception(type(exc), exc, exc.__traceback__.tb_next)  # not this frame
            error = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    return out.getvalue(), error


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
        res["what"] = "example cell %d %r runs alone" % (item["index"], item["title"])
        printed, error = _run_alone(item["code"], "<example %d>" % item["index"])
        res["ok"], res["got"] = error is None, error or ""
        if error:
            res["got"] = normalise(printed)[-600:]
    elif kind == "block":
        res["what"] = "lesson code block runs alone (mark it ```python fragment if it is not meant to)"
        printed, error = _run_alone(item["code"], "<lesson block>")
        res["ok"] = error is None
        if error:
            res["got"] = normalise(printed)[-600:]
    elif kind == "output":
        res["what"] = "output question %s prints its expected output" % item["question"]
        printed, error = _run_alone(item["code"], "<quiz>")
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
