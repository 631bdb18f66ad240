#!/usr/bin/env python3
"""test_tracer.py -- web/py/tracer.py (the Visualize button) under desktop CPython.

    python3 tests/py/test_tracer.py [-v] [NAME ...]

Each test traces a snippet through worker_host.trace_code, as the page
does, and checks what a learner would see in the diagram: which names point
to which ids, what containers hold, reference counts, list capacity, the
step limit and the notices. tests/node/tracer_pyodide.test.mjs runs the same
kind of checks in Pyodide. Ends with "N passed, N failed".
"""

import json
import os
import struct
import sys
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "web", "py"))
sys.dont_write_bytecode = True

import tracer        # noqa: E402
import worker_host   # noqa: E402

VERBOSE = "-v" in sys.argv


def trace(code, **limits):
    request = {"code": code}
    request.update(limits)
    return json.loads(worker_host.trace_code(json.dumps(request)))


def step_view(result, index=-1):
    """(names {frame: {name: id}}, objects {id: record + refcount}) of one step."""
    step = result["steps"][index]
    names = {}
    for frame in step["frames"]:
        names.setdefault(frame["name"], {}).update({n: i for n, i in frame["locals"]})
    objects = {}
    for record_index, refcount in step["heap"]:
        record = dict(result["records"][record_index])
        record["refcount"] = refcount
        objects[record["id"]] = record
    return names, objects


def module_names(result, index=-1):
    return step_view(result, index)[0]["<module>"]


# ------------------------------------------------------------------ tests --

def test_alias_two_names_one_list():
    r = trace("a = [1, 2, 3]\nb = a\nb.append(4)\n")
    assert r["error"] is None and r["stopped"] is None
    names, objects = step_view(r)
    assert names["<module>"]["a"] == names["<module>"]["b"]
    lst = objects[names["<module>"]["a"]]
    assert lst["type"] == "list" and lst["len"] == 4
    assert [objects[i]["repr"] for i in lst["items"]] == ["1", "2", "3", "4"]
    assert lst["refcount"] == 2, lst["refcount"]       # a and b, nothing of the tracer's
    assert r["steps"][-1]["event"] == "end"
    assert [s["line"] for s in r["steps"]] == [1, 2, 3, None]


def test_before_the_alias_one_reference():
    r = trace("a = [1, 2, 3]\nb = a\n")
    names, objects = step_view(r, 1)                   # before line 2 runs
    assert list(names["<module>"]) == ["a"]
    assert objects[names["<module>"]["a"]]["refcount"] == 1


def test_copy_shares_inner_lists_deepcopy_does_not():
    r = trace("import copy\nx = [[1], [2]]\ns = copy.copy(x)\nd = copy.deepcopy(x)\n")
    names, objects = step_view(r)
    m = names["<module>"]
    x, s, d = (objects[m[k]] for k in "xsd")
    assert len({x["id"], s["id"], d["id"]}) == 3
    assert s["items"] == x["items"], "copy.copy shares the inner lists"
    assert not set(d["items"]) & set(x["items"]), "copy.deepcopy makes new inner lists"
    assert objects[m["copy"]]["type"] == "module"
    for inner in x["items"]:
        assert objects[inner]["refcount"] == 2        # x's slot and s's slot


def test_list_repeat_three_slots_one_inner_list():
    r = trace("x = [[0] * 3] * 3\nx[0][0] = 5\n")
    names, objects = step_view(r)
    outer = objects[names["<module>"]["x"]]
    assert len(outer["items"]) == 3 and len(set(outer["items"])) == 1
    inner = objects[outer["items"][0]]
    assert inner["type"] == "list" and inner["refcount"] == 3
    assert objects[inner["items"][0]]["repr"] == "5"


def test_while_true_stops_at_the_step_limit():
    r = trace("n = 0\nwhile True:\n    n += 1\n", max_steps=50)
    assert len(r["steps"]) == 50
    assert r["stopped"]["reason"] == "steps" and "50 steps" in r["stopped"]["message"]
    assert r["error"] is None
    last_n = objects_repr(r, -1, "n")
    assert int(last_n) > 10


def test_step_limit_is_not_swallowed_by_except_exception():
    r = trace("n = 0\nwhile True:\n    try:\n        n += 1\n    except Exception:\n        pass\n", max_steps=40)
    assert len(r["steps"]) == 40 and r["stopped"]["reason"] == "steps"


# Loops whose `except:` catches the step limit's exception. Each runs with
# four limits so the limit lands on every line of the loop, inside the try
# and in the handler.
CATCHING_LOOPS = {
    "bare except": "while True:\n    try:\n        x = 1\n    except:\n        pass\n",
    "except BaseException": "n = 0\nwhile True:\n    try:\n        n += 1\n    except BaseException:\n        pass\n",
    "keeps the exception": "kept = []\nwhile True:\n    try:\n        x = 1\n    except BaseException as e:\n        kept.append(e)\n",
    "nested loops": ("while True:\n    try:\n        while True:\n            try:\n                x = 1\n"
                     "            except:\n                pass\n    except:\n        pass\n"),
    "in a function": ("def f():\n    while True:\n        try:\n            x = 1\n        except:\n            continue\n\n"
                      "while True:\n    try:\n        f()\n    except:\n        pass\n"),
    "finally continue": "while True:\n    try:\n        x = 1\n    finally:\n        continue\n",
}


def test_step_limit_holds_through_bare_except():
    for label, code in CATCHING_LOOPS.items():
        for limit in (37, 38, 39, 40):
            r = trace(code, max_steps=limit)
            assert len(r["steps"]) == limit, (label, limit, len(r["steps"]))
            assert r["stopped"]["reason"] == "steps" and r["error"] is None, (label, limit)
    assert sys.gettrace() is None
    if hasattr(sys, "monitoring"):
        assert all(sys.monitoring.get_tool(t) != "visualize step limit" for t in range(6))


def test_caught_at_module_level_still_stops():
    r = trace("try:\n    while True:\n        pass\nexcept:\n    print('caught')\nprint('after')\n", max_steps=30)
    assert r["stopped"]["reason"] == "steps" and len(r["steps"]) == 30
    assert "after" not in r["stdout"]


def test_nothing_pending_after_a_stopped_trace():
    trace("while True:\n    try:\n        x = 1\n    except:\n        pass\n", max_steps=38)
    import time
    for _ in range(30):              # a late asynchronous _StepLimit would surface here
        time.sleep(0.002)
    r = trace("a = [1]\nb = a\n")
    assert [s["line"] for s in r["steps"]] == [1, 2, None] and r["stopped"] is None


def test_default_step_limit_is_1000():
    r = trace("while True:\n    pass\n")
    assert len(r["steps"]) == tracer.DEFAULT_MAX_STEPS == 1000
    assert r["limits"]["max_steps"] == 1000


def test_time_limit_stops_a_slow_loop_and_keeps_its_steps():
    r = trace("import time\nn = 0\nwhile True:\n    n += 1\n    time.sleep(0.05)\n", max_seconds=0.5)
    assert r["stopped"]["reason"] == "time" and r["error"] is None, r["stopped"]
    assert "0.5 s" in r["stopped"]["message"] and "steps so far are shown" in r["stopped"]["message"]
    assert 4 < len(r["steps"]) < tracer.DEFAULT_MAX_STEPS        # some, not the step limit
    assert int(objects_repr(r, -1, "n")) >= 2
    assert r["limits"]["max_seconds"] == 0.5
    assert sys.gettrace() is None


def test_time_limit_holds_through_bare_except():
    r = trace("import time\nwhile True:\n    try:\n        time.sleep(0.05)\n    except:\n        pass\n", max_seconds=0.3)
    assert r["stopped"]["reason"] == "time" and r["error"] is None


def test_deep_recursion_keeps_the_module_and_innermost_frames():
    r = trace("def f(n):\n    return f(n + 1)\n\nf(0)\n")
    assert r["error"]["kind"] == "RecursionError"
    deepest = max(r["steps"], key=lambda s: s["frames_hidden"])
    assert len(deepest["frames"]) == tracer.DEFAULT_MAX_FRAMES
    assert deepest["frames"][0]["name"] == "<module>" and all(f["name"] == "f" for f in deepest["frames"][1:])
    assert deepest["frames_hidden"] > 100                       # hundreds of calls left out
    names = [dict(f["locals"]) for f in deepest["frames"][1:]]
    _, objects = step_view(r, r["steps"].index(deepest))
    ns = [int(objects[n["n"]]["repr"]) for n in names if "n" in n]
    assert ns == sorted(ns) and ns[-1] - ns[0] == len(ns) - 1  # the innermost calls, in order
    shallow = r["steps"][5]
    assert shallow["frames_hidden"] == 0 and len(shallow["frames"]) < tracer.DEFAULT_MAX_FRAMES


def objects_repr(r, index, name):
    names, objects = step_view(r, index)
    return objects[names["<module>"][name]]["repr"]


def test_object_limit_cuts_a_step_and_says_so():
    r = trace("x = list(range(100))\n", max_objects=10)
    names, objects = step_view(r)
    assert len(objects) == 10 and r["steps"][-1]["truncated"]
    assert objects[names["<module>"]["x"]]["len"] == 100   # the list itself is whole


def test_large_ints_are_distinct_objects_small_ints_shared():
    r = trace("a = 1000\nb = int('1000')\nc = 256\nd = int('256')\n")
    m, objects = step_view(r)
    m = m["<module>"]
    assert m["a"] != m["b"], "int('1000') is a new object"
    assert m["c"] == m["d"], "256 is cached"
    assert objects[m["c"]]["shared"] == "small-int"
    assert objects[m["a"]]["shared"] is None


def test_strings_interned_or_not():
    r = trace("s = 'hello'\nt = ''.join(['he', 'llo'])\n")
    m, objects = step_view(r)
    m = m["<module>"]
    assert m["s"] != m["t"]
    assert objects[m["s"]]["shared"] == "interned"
    assert objects[m["t"]]["shared"] is None


def test_list_capacity_beyond_length():
    r = trace("a = []\nfor i in range(5):\n    a.append(i)\n")
    names, objects = step_view(r)
    lst = objects[names["<module>"]["a"]]
    assert lst["len"] == 5
    assert lst["cap"] == 8, lst["cap"]            # 0, 4, 8: CPython's growth pattern
    assert lst["size"] == sys.getsizeof([]) + 8 * tracer.POINTER_SIZE


def test_sizes_are_getsizeof():
    r = trace("t = (1, 2)\nf = 1.5\n")
    m, objects = step_view(r)
    m = m["<module>"]
    assert objects[m["t"]]["size"] == sys.getsizeof((1, 2))
    assert objects[m["f"]]["size"] == sys.getsizeof(1.5)
    assert r["platform"]["pointer_size"] == tracer.POINTER_SIZE


def test_platform_facts_are_measured_and_desktop_64_holds_here():
    facts = json.loads(worker_host.platform_json())
    assert facts["pointer_size"] == struct.calcsize("P")
    assert facts["empty_list_size"] == sys.getsizeof([])
    assert facts["desktop_64"] == tracer.DESKTOP_64
    r = trace("a = 1\n")
    assert {k: r["platform"][k] for k in facts} == facts, "a trace carries the same facts"
    if struct.calcsize("P") == 8 and sys.platform != "emscripten":
        # The one stated figure: this 64-bit desktop python3 must agree with it.
        assert tracer.DESKTOP_64 == {"pointer_size": 8, "empty_list_size": sys.getsizeof([])}


def test_default_mutable_argument_is_one_list_in_defaults():
    r = trace("def add(x, items=[]):\n    items.append(x)\n    return items\n\nadd(1)\nadd(2)\n")
    names, objects = step_view(r)
    func = objects[names["<module>"]["add"]]
    assert func["kind"] == "function"
    defaults = objects[dict(func["attrs"])["defaults"]]
    lst = objects[defaults["items"][0]]
    assert [objects[i]["repr"] for i in lst["items"]] == ["1", "2"]
    # Inside the second call, the local items is that same list.
    inside = [s for s in r["steps"] if len(s["frames"]) == 2]
    frame_names, _ = step_view(r, r["steps"].index(inside[-1]))
    assert frame_names["add"]["items"] == lst["id"]


def test_function_locals_refcount_has_no_tracer_share():
    r = trace("def f():\n    x = []\n    y = x\n    return 0\n\nf()\n")
    index = next(i for i, s in enumerate(r["steps"]) if s["line"] == 4)
    names, objects = step_view(r, index)
    assert names["f"]["x"] == names["f"]["y"]
    assert objects[names["f"]["x"]]["refcount"] == 2


def test_cycle_is_recorded_once_and_gc_collects_it():
    code = ("import gc\n\nclass Node:\n    pass\n\na = Node()\nb = Node()\na.other = b\nb.other = a\n"
            "del a, b\nfound = gc.collect()\n")
    r = trace(code)
    index = next(i for i, s in enumerate(r["steps"]) if s["line"] == 10)   # before del
    names, objects = step_view(r, index)
    a, b = objects[names["<module>"]["a"]], objects[names["<module>"]["b"]]
    assert a["kind"] == "instance" and dict(a["attrs"])["other"] == b["id"]
    assert dict(b["attrs"])["other"] == a["id"]
    assert a["refcount"] == 2 and b["refcount"] == 2     # a name and the other's attribute
    names, objects = step_view(r)
    assert "a" not in names["<module>"]
    assert int(objects[names["<module>"]["found"]]["repr"]) >= 2


def test_self_reference():
    r = trace("a = [1]\na.append(a)\n")
    names, objects = step_view(r)
    lst = objects[names["<module>"]["a"]]
    assert lst["items"][1] == lst["id"] and lst["refcount"] == 2


def test_learner_repr_does_not_run():
    code = "class Loud:\n    def __repr__(self):\n        print('ran')\n        return 'L'\n\nx = Loud()\nprint('done')\n"
    r = trace(code)
    assert r["stdout"] == "done\n", r["stdout"]
    _, objects = step_view(r)
    assert any(o["repr"] == "<Loud object>" for o in objects.values())


def test_output_offsets_per_step():
    r = trace("print('a')\nprint('b')\n")
    assert r["stdout"] == "a\nb\n"
    assert [s["out"] for s in r["steps"]] == [0, 2, 4]


def test_errors_keep_the_steps():
    r = trace("x = [1]\ny = x[5]\n")
    assert r["error"]["kind"] == "IndexError" and r["error"]["line"] == 2
    assert r["steps"][-1]["event"] == "error" and len(r["steps"]) == 3
    r = trace("x = (\n")
    assert r["error"]["kind"] == "SyntaxError" and r["steps"] == []


def test_dict_entries():
    r = trace("d = {'k': [1]}\n")
    names, objects = step_view(r)
    d = objects[names["<module>"]["d"]]
    (key, value, key_repr), = d["entries"]
    assert key_repr == "'k'" and objects[value]["type"] == "list" and objects[key]["type"] == "str"


def test_tracing_is_removed_and_stdout_restored():
    before = sys.stdout
    trace("x = 1\n")
    assert sys.gettrace() is None and sys.stdout is before


# ----------------------------------------------------------------- runner --

def main():
    wanted = [a for a in sys.argv[1:] if not a.startswith("-")]
    tests = [(n, f) for n, f in sorted(globals().items()) if n.startswith("test_") and callable(f)]
    passed = failed = 0
    for name, fn in tests:
        if wanted and not any(w in name for w in wanted):
            continue
        try:
            fn()
            passed += 1
            if VERBOSE:
                print(f"ok   {name}")
        except Exception:
            failed += 1
            print(f"FAIL {name}")
            traceback.print_exc()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
