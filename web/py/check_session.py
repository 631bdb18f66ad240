"""check_session.py -- one Check of one exercise: the reference first, then the learner.

The one measurement procedure of the course. The page runs it under Pyodide
(through worker_host.py, a fresh worker per Check) and `make test` runs it
under desktop CPython (through check_cli.py, a fresh process per Check) and
under Pyodide in Node (tools/pyodide_node/). Two calls:

    start(request, hooks) -> dict     warm-up, reference, learner's tests
    round_(request, hooks) -> dict    measures the learner (cumulative)

hooks: clock() -> seconds, progress(fraction, message, row_json or None),
should_stop() -> bool, watchdog(seconds) (arm > 0, disarm 0; on expiry the
host raises KeyboardInterrupt in Python, or kills the interpreter).

What start() does, in order:

1. warm-up: varied Python until its speed settles (checker.warm_up);
2. the check cell runs in a namespace of its own (TESTS, SIZES,
   make_input(n, seed=0), optional CHECK_SHARING: see canonical.py);
3. the REFERENCE solution runs in a namespace of its own, on TESTS and on
   a fresh input make_input(n, seed + r) for every planned size n and every
   repeat r that any round may use, and is measured exactly as the learner
   will be. Its canonical results ("expected") are turned into JSON text,
   and then every reference object is deleted (and the TESTS' expected
   values with them) before any learner code runs;
4. the learner's code runs in a fresh namespace (with a copy of the
   builtins), its function is run on deep copies of the TESTS' arguments,
   and the results are turned into canonical keys. Nothing is compared
   here: the page compares expected_key with actual_key.

Sizes: PLAN_SIZES geometric sizes from SIZES[-1]/100 (but not below
min(SIZES[0], MIN_N)) up to SIZES[-1]: two decades where the sizes allow.
When that spans less than 100x and the reference is fast, sizes are added
above SIZES[-1] (up to EXTEND_MAX x). A size the reference cannot finish
within its budget is left out of the plan (a note says so).

Time at one size, per repeat r: a batch of `loops` calls, each on its own
input -- the repeat's own input make_input(n, seed + r) at a random place,
the others fresh inputs from distinct seeds -- all built before the clock
starts, gc off while timing. The batch lasts at least MIN_BATCH_S (or is
one call). Fresh inputs are bounded by memory (MAX_ELEMENTS items in all)
and by the time to build them (GEN_BUDGET_S per repeat); beyond that the
pool is reused through copies (new objects, same values) and a note says so.
The first call at a size runs alone: it gives the result for repeat 0, the
loop count, whether the function changes its input, and the cache test (a
second call on an unchanged copy of the same input; if that is CACHED_RATIO
x faster and a third call on a new input is slow again, the function keeps
results between calls: "cached": true, and a note in words).

Steps: Python lines executed in the learner's code (checker.count_steps),
one count per size from the smallest while STEPS_BUDGET_S allows. Memory
(when asked): tracemalloc peak of one call per size, within MEMORY_BUDGET_S,
rounded to MEMORY_QUANTUM (64) bytes: a difference smaller than one small
object (an int that needs one more digit as sums grow) is not growth.

Too slow: every learner call (or batch) runs under hooks.watchdog(LIMIT_S).
A KeyboardInterrupt that the user did not ask for (should_stop() false), or
a call that returns after LIMIT_S, ends the measurement with
too_slow = {n, seconds, ref_seconds}. Before a size, its cost is predicted
from the sizes before it; a size predicted to take longer per call than
LIMIT_S gets one watched call (a fail if it is too slow); a size predicted
not to fit in the round's budget is skipped, and the round is not complete.

Rounds: round k brings every size to ROUND_REPEATS[k] repeats within
ROUND_BUDGETS_S[k]; later rounds are for the host to ask for when the
verdict is inconclusive ("more_possible"). Series in the result are ready
for the core's api_judge: the repeat filter of checker.series() applied.
"""

import copy
import gc
import json
import math
import random

import canonical
import checker
from guard import Guard

LIMIT_S = 2.0            # one call (or one batch) may take this long
LOAD_LIMIT_S = 5.0       # running the learner's module code
EXACT_SEED_OFFSET = 500_000   # steps/memory inputs: below the pool seeds, above the repeats
REF_BUDGET_S = 4.0       # measuring the reference, all sizes
ROUND_BUDGETS_S = (5.0, 3.5, 3.5)
ROUND_REPEATS = (3, 5, 7)  # repeats per size after each round (cumulative)
PLAN_SIZES = 9
MIN_N = 16
EXTEND_MAX = 4           # sizes may grow to 4x the check cell's largest
EXTEND_FAST_S = 0.02     # ... while the reference takes less than this per call
MIN_BATCH_S = 0.01
MAX_ELEMENTS = 2_000_000
GEN_BUDGET_S = 0.03
STEPS_BUDGET_S = 1.0
MEMORY_BUDGET_S = 2.0
MEMORY_QUANTUM = 64      # peak bytes are rounded to this: less is not growth
CACHED_RATIO = 5.0
MAX_LOOPS = 100_000
REPEAT_WALL_S = 0.1      # one repeat stops adding calls after this long
FORCE_SIZE_S = 8.0       # one new size may overrun a round's budget by this, while the judge lacks sizes

_check = None            # the Check of this interpreter (one per worker)


class TooSlow(Exception):
    def __init__(self, n, seconds):
        Exception.__init__(self, n, seconds)
        self.n, self.seconds = n, seconds


class Stopped(Exception):
    pass


class OutOfBudget(Exception):
    pass


class CallFailed(Exception):
    """The measured function raised; .exc is what it raised, .n the size."""

    def __init__(self, exc, n):
        Exception.__init__(self, exc, n)
        self.exc, self.n = exc, n


def _finite(x):
    return x if isinstance(x, (int, float)) and math.isfinite(x) else None


class Check:
    def __init__(self, request, hooks):
        self.hooks = hooks
        self.clock = hooks.clock               # captured before any learner code
        self.name = str(request["name"])
        self.check_code = str(request["check"])
        self.solution = str(request["solution"])
        self.code = str(request["code"])
        self.seed = int(request.get("seed") or 0)
        self.metrics = [m for m in (request.get("metrics") or ["time"]) if m in ("time", "memory")]
        self.ref_budget = float(request.get("ref_budget_s") or REF_BUDGET_S)
        # The judge's minimum (check_flow asks the core): the reference is
        # measured at that many sizes even past its budget, or every verdict
        # would be "only 1 size measured".
        self.min_sizes = max(1, int(request.get("min_sizes") or 0))
        self.limit = float(request.get("limit_s") or LIMIT_S)
        self.notes = []
        self.tampered = []
        self.guard = Guard()
        self.rng = random.Random()             # places the repeat's own input in a batch
        self.pool_seed = self.seed + 1_000_000
        self.rows_text = "{}"                  # learner rows of past rounds, frozen as JSON
        self.flags = {name: {"cached": False, "mutates": False, "reused": False, "loops": 1}
                      for name in ("<reference>", checker.LEARNER_FILE)}
        self.func = None
        self.round_no = -1
        self.finished = None                   # why no more rounds make sense
        self.guarding = False                  # True once learner code may have run

    # ----------------------------------------------------------- helpers --

    def note(self, text):
        if text not in self.notes:
            self.notes.append(text)

    def progress(self, fraction, message, row=None):
        self.hooks.progress(float(fraction), str(message), json.dumps(row) if row is not None else None)

    def stop_requested(self):
        return bool(self.hooks.should_stop())

    def next_seed(self):
        self.pool_seed += 1
        return self.pool_seed

    def call(self, fn, args, limit):
        """One call under the watchdog: (result, seconds)."""
        self.hooks.watchdog(limit)
        t0 = self.clock()
        try:
            result = fn(*args)
        finally:
            t1 = self.clock()
            self.hooks.watchdog(0)    # the hosts' watchdogs use no builtins
            self.recheck()
        return result, t1 - t0

    def recheck(self):
        """After every learner call (or batch): put back whatever it patched,
        so the checker's next lines run with the real builtins and functions."""
        if self.guarding:
            for line in self.guard.verify():
                if line not in self.tampered:
                    self.tampered.append(line)

    def canon(self, value, imap=None):
        return {"key": canonical.key(value, self.sharing, imap), "repr": canonical.short_repr(value)}

    # ------------------------------------------------------------- start --

    def start(self):
        out = {"plan": None, "reference": None, "load_error": None,
               "error": None, "tampered": [], "notes": self.notes}
        self.resolution = checker.clock_resolution(self.clock)
        self.min_batch = max(MIN_BATCH_S, 200 * self.resolution)
        self.progress(0.0, "warming up Python")
        checker.warm_up(self.clock)
        try:
            check_ns = checker.run_module(self.check_code, "<check>", "check")
            tests = list(check_ns["TESTS"])
            sizes = sorted(int(n) for n in check_ns["SIZES"])
            self.make, takes_seed = checker.input_maker(check_ns["make_input"])
            self.sharing = check_ns.get("CHECK_SHARING", "result")
            canonical.key(None, self.sharing)      # validates it
        except Exception as exc:
            out["error"] = dict(checker.describe_error(exc, ("<check>",)), where="check cell")
            return out
        if not takes_seed:
            self.note("make_input takes no seed, so every repeat gets the same input at a size "
                      "and a cache kept between calls could hide work.")

        # -- the reference: measured, then deleted before the learner's code runs
        try:
            ref_ns = checker.run_module(self.solution, "<reference>", "reference")
            ref = ref_ns[self.name]
        except Exception as exc:
            out["error"] = dict(checker.describe_error(exc, ("<reference>",)), where="reference solution")
            return out
        self.test_args = [copy.deepcopy(args) for args, _ in tests]
        try:
            test_expected = self.reference_tests(ref, tests)
            plan, expected, ref_rows = self.measure_reference(ref, sizes)
        except CallFailed as failed:
            out["error"] = dict(checker.describe_error(failed.exc, ("<reference>",)),
                                where="reference solution at n = %s" % failed.n)
            return out
        except Stopped:
            out["error"] = {"kind": "stopped", "message": "Stopped.", "line": None, "traceback": "",
                            "where": "reference solution"}
            return out
        # JSON text: immutable, so nothing the learner runs can change it.
        # It also leaves now, before any learner code runs, as a progress row
        # {"expected": ..., "expected_tests": [keys]}: a host can keep that
        # copy and compare it with the one in check_start's answer.
        expected_text = json.dumps(expected)
        tests_text = json.dumps(test_expected)
        self.hooks.progress(0.35, "reference solution measured",
                            '{"expected": %s, "expected_tests": %s}'
                            % (expected_text, json.dumps([t["expected_key"] for t in test_expected])))
        self.ref_rows = ref_rows
        self.ref_time = {row["n"]: min(row["time"]) for row in ref_rows if row.get("time")}
        reference = {"rows": ref_rows, "series": self.series_of(ref_rows)}
        self.plan = plan
        del ref, expected, test_expected, tests
        ref_ns.clear()
        check_ns["TESTS"] = None
        del ref_ns
        gc.collect()

        # -- the learner
        self.guard.watch("check", self, ("clock", "hooks", "make", "guard", "plan"))
        self.guard.snapshot()
        self.guarding = True
        load_error, func = self.load_learner()
        if load_error is None:
            self.func = func
            learner_tests = self.learner_tests(func)
        else:
            learner_tests = None
            self.finished = "load_error"
        self.tampered += [t for t in self.guard.verify() if t not in self.tampered]
        self.guard.snapshot()

        out.update(plan=plan, reference=reference, load_error=load_error, tampered=self.tampered)
        text = json.dumps(out)
        # splice in the parts made before the learner's code ran
        text = text[:-1] + ', "expected": %s, "tests": %s}' % (expected_text, self.merge_tests(tests_text, learner_tests))
        return text

    def reference_tests(self, ref, tests):
        rows = []
        for index, (args, declared) in enumerate(tests, 1):
            a = copy.deepcopy(args)
            call = "%s(%s)" % (self.name, ", ".join(canonical.short_repr(x, 80) for x in a))
            imap = canonical.input_map(a) if self.sharing == "input" else None
            try:
                result, _ = self.guarded(ref, a, "test %d" % index)
            except TooSlow:
                raise CallFailed(TimeoutError("the reference solution took longer than %.0f s on test %d"
                                              % (self.limit, index)), "test %d" % index)
            key = canonical.key(result, self.sharing, imap)
            plain = canonical.key(result, "none")
            if plain != canonical.key(declared, "none"):
                self.note("The reference solution's result for test %d differs from the expected "
                          "value written in TESTS (a content error): %s" % (index, canonical.short_repr(result)))
            rows.append({"index": index, "call": call[:200], "expected": canonical.short_repr(result),
                         "expected_key": key, "plain": plain})
        return rows

    def merge_tests(self, tests_text, learner):
        rows = json.loads(tests_text)
        for i, row in enumerate(rows):
            mine = learner[i] if learner else {"actual": "not run", "actual_key": "<not run>", "plain": None}
            row["message"] = canonical.differences(row["expected_key"], mine["actual_key"], row.pop("plain"), mine.get("plain"))
            row["actual"], row["actual_key"] = mine["actual"], mine["actual_key"]
        return json.dumps(rows)

    # --------------------------------------------------- reference sizes --

    def planned_sizes(self, sizes):
        top = sizes[-1]
        low = max(top / 100.0, min(sizes[0], MIN_N), 1)
        if top <= low:
            return [top]
        ratio = (top / low) ** (1.0 / (PLAN_SIZES - 1))
        planned = sorted({max(1, int(round(low * ratio ** i))) for i in range(PLAN_SIZES)} | {top})
        return planned

    def measure_reference(self, ref, sizes):
        planned = self.planned_sizes(sizes)
        top = sizes[-1]
        repeats_max = ROUND_REPEATS[-1]
        deadline = self.clock() + self.ref_budget
        rows = []
        expected = {}
        steps_state = {"on": True, "spent": 0.0, "last": None}
        mem_state = {"on": "memory" in self.metrics, "spent": 0.0, "last": None}
        # Pass 1: each size once, plus the results of the repeats only later
        # rounds time; stops where the next size would not fit.
        first_deadline = self.clock() + 0.75 * self.ref_budget
        i = 0
        while i < len(planned):
            n = planned[i]
            self.progress(0.05 + 0.25 * i / len(planned), "reference solution: n = %d" % n)
            if len(rows) >= self.min_sizes and not self.affordable(rows, n, first_deadline, 1):
                self.note("The reference solution was measured up to n = %d: larger sizes did not fit "
                          "in its time budget, so yours is measured up to there too." % rows[-1]["n"])
                break
            row = _fresh_row(n)
            try:
                self.measure_size(ref, row, 0, 1, "<reference>", steps_state, mem_state, deadline=None)
                extra = [self.result_of(ref, n, r) for r in range(3, repeats_max)]
            except TooSlow:
                self.note("The reference solution took longer than %.0f s per call at n = %d, so the "
                          "sizes stop below it." % (self.limit, n))
                break
            except CallFailed:
                if n > top:      # an added size (e.g. recursion too deep): just stop adding
                    break
                raise
            if len(rows) >= self.min_sizes and self.clock() > deadline:
                self.note("The reference solution was measured up to n = %d: n = %d took longer than its "
                          "time budget, so yours is measured up to there too." % (rows[-1]["n"], n))
                break
            rows.append(row)
            row["extra"] = extra
            i += 1
            if i == len(planned) and planned[-1] < EXTEND_MAX * top and planned[-1] < 100 * planned[0] \
                    and min(row["time"]) < EXTEND_FAST_S:
                planned.append(min(EXTEND_MAX * top, int(planned[-1] * 1.5) + 1))
        # Pass 2: repeats 1 and 2, one per size per pass (see round()).
        try:
            for r in (1, 2):
                for row in rows:
                    self.measure_size(ref, row, r, r + 1, "<reference>", steps_state, mem_state, deadline=None)
        except TooSlow:
            pass         # fewer timed repeats; every result was taken in pass 1
        for row in rows:
            results = row.pop("results")
            for r in range(len(results), 3):          # pass 2 was cut short
                results.append(self.result_of(ref, row["n"], r))
            expected[str(row["n"])] = results[:3] + row.pop("extra")
        for row in rows:
            for name in ("cost", "want_loops", "repeat_cost"):
                row.pop(name, None)
        sizes_done = [row["n"] for row in rows]
        # declared_top: the check cell's largest size, beyond which sizes are
        # only added to reach a decision (EXTEND_MAX)
        plan = {"sizes": sizes_done, "declared_top": top, "repeats": ROUND_REPEATS[0], "max_repeats": repeats_max,
                "rounds": len(ROUND_REPEATS), "limit_s": self.limit, "budget_s": ROUND_BUDGETS_S[0],
                "round_budgets_s": list(ROUND_BUDGETS_S), "round_repeats": list(ROUND_REPEATS),
                "sharing": self.sharing, "seed": self.seed}
        return plan, expected, rows

    def result_of(self, ref, n, r):
        """The reference's canonical result on repeat r's input at size n (untimed)."""
        args = self.make(n, self.seed + r)
        imap = canonical.input_map(args) if self.sharing == "input" else None
        return self.canon(self.guarded(ref, args, n)[0], imap)

    # ------------------------------------------------------- one size --

    def affordable(self, rows, n, deadline, repeats):
        """Whether size n (with `repeats` repeats) is predicted to fit before
        deadline: the last size's cost scaled by the growth seen between the
        last two sizes (at least linear in n), with a 20% margin."""
        last = rows[-1]
        growth = n / last["n"]
        factor = growth
        if len(rows) > 1 and rows[-2]["cost"] > 0 and last["n"] > rows[-2]["n"]:
            k = math.log(max(last["cost"], 1e-9) / rows[-2]["cost"]) / math.log(last["n"] / rows[-2]["n"])
            factor = max(factor, growth ** k)
        more = max(0, repeats - len(last["time"])) * last.get("repeat_cost", last["cost"])
        predicted = 1.2 * (last["cost"] + more) * factor
        return self.clock() + predicted <= deadline

    def measure_size(self, fn, row, first, last, filename, steps_state, mem_state, deadline):
        """Add repeats first..last-1 to row (time and results), then steps and
        memory if this is the size's first measurement. Raises TooSlow,
        Stopped, OutOfBudget, CallFailed or KeyboardInterrupt."""
        n = row["n"]
        started = self.clock()
        learner = filename == checker.LEARNER_FILE
        flags = self.flags[filename]
        weight = None
        for r in range(first, last):
            if self.stop_requested():
                raise Stopped()
            t_gen = self.clock()
            args = self.make(n, self.seed + r)
            gen = self.clock() - t_gen
            if weight is None:
                weight = checker.weight(args)
            imap = canonical.input_map(args) if self.sharing == "input" else None
            if r == 0:
                per_call, result = self.first_call(fn, args, n, learner, flags)
            else:
                per_call, result = self.timed_repeat(fn, n, args, row["want_loops"], gen, weight, flags)
            row["results"].append(self.canon(result, imap))
            del result, args, imap
            if r == 0:
                row["want_loops"] = max(1, min(MAX_LOOPS, int(math.ceil(self.min_batch / max(per_call, 1e-9)))))
                # repeat 0's time: a batch like the others (the first call was cold)
                per_call, _ = self.timed_repeat(fn, n, None, row["want_loops"], gen, weight, flags)
            row["loops"] = flags["loops"]
            row["time"].append(per_call)
            row["repeat_cost"] = self.clock() - t_gen
        if first == 0:
            self.count_steps(fn, row, filename, steps_state)
            self.measure_memory(fn, row, mem_state)
        row["cost"] = row.get("cost", 0.0) + (self.clock() - started)

    def first_call(self, fn, args, n, learner, flags):
        """The size's first call, alone: result, mutation and cache tests."""
        before = canonical.key(args, "result")
        copy_args = checker.copier(args) if learner else None
        pristine = [copy_args(), copy_args()] if learner else None
        result, seconds = self.guarded(fn, args, n)
        if canonical.key(args, "result") != before:
            flags["mutates"] = True
        if learner and 30 * self.resolution <= seconds <= 0.25 and not flags["cached"]:
            # the same input twice more (a cache may fill on the 2nd sight)
            same = min(self.guarded(fn, pristine[0], n)[1], self.guarded(fn, pristine[1], n)[1])
            if same * CACHED_RATIO < seconds:
                # Two new inputs, the faster counting: one slow call on a busy
                # machine must not accuse correct code of caching.
                fresh = min(self.guarded(fn, self.make(n, self.next_seed()), n)[1] for _ in range(2))
                if fresh > 2.5 * same:
                    flags["cached"] = True
                    self.note("Your function answers an input it has seen before much faster than a new "
                              "one (n = %d: %s on a new input, %s on the same input again, %s on another "
                              "new input): it keeps results between calls. Every timed call gets its own "
                              "new input, so the cache cannot hide the work."
                              % (n, _ms(seconds), _ms(same), _ms(fresh)))
        return seconds, result

    def guarded(self, fn, args, n):
        """call() that turns a slow or failing learner call into TooSlow / CallFailed."""
        try:
            result, seconds = self.call(fn, args, self.limit)
        except KeyboardInterrupt:
            if self.stop_requested():
                raise Stopped()
            raise TooSlow(n, self.limit)
        except Exception as exc:
            raise CallFailed(exc, n)
        except SystemExit as exc:
            raise CallFailed(exc, n)
        if seconds >= self.limit:
            raise TooSlow(n, seconds)
        return result, seconds

    def timed_repeat(self, fn, n, own, loops, gen, weight, flags):
        """Per-call seconds over about `loops` calls, each on its own input,
        and the result of the call on `own` (the repeat's own input) if given.

        The other inputs are fresh ones from new seeds while memory (room)
        and generation time (fresh_max) allow. Beyond that a pool of them is
        reused: through copies when the function changes its input, as they
        are otherwise -- unless the function was seen caching results, then
        the batch is cut to the fresh inputs. The batch stops growing after
        REPEAT_WALL_S of wall-clock time (copying a big input for a fast
        function), with at least one call.
        """
        room = max(1, MAX_ELEMENTS // weight)
        fresh_max = max(1, int(GEN_BUDGET_S / max(gen, 1e-7)))
        others = loops - (1 if own is not None else 0)
        pool = [self.make(n, self.next_seed()) for _ in range(max(0, min(others, fresh_max, room)))]
        reuse = None
        chunk_max = others
        if others > len(pool) and pool and not flags["cached"]:
            flags["reused"] = True
            if flags["mutates"]:      # copies: at most `room` inputs alive at once
                pool = pool[: max(1, room // 2)]
                chunk_max = max(1, room // 2)
                copiers = [checker.copier(a) for a in pool]
                reuse = lambda i: copiers[i % len(copiers)]()   # noqa: E731
            else:                     # the same objects again: no memory cost
                reuse = lambda i: pool[i % len(pool)]           # noqa: E731
        else:
            others = len(pool)
        wall_end = self.clock() + max(REPEAT_WALL_S, 10 * self.min_batch)
        total, done, result = 0.0, 0, None
        first = True
        queued = list(pool) if reuse is None else []
        while first or done < others + (1 if own is not None else 0):
            if self.stop_requested():
                raise Stopped()
            if reuse is None:
                chunk, queued = queued, []
            else:
                size = min(chunk_max, others - done + (1 if own is not None and not first else 0))
                chunk = [reuse(done + i) for i in range(max(0, size))]
            k = -1
            if first and own is not None:
                k = self.rng.randrange(len(chunk) + 1)
                chunk.insert(k, own)
            first = False
            if not chunk:
                break
            seconds, kept = self.run_timed(fn, chunk, k, n)
            if k >= 0:
                result = kept
            total += seconds
            done += len(chunk)
            del chunk
            if self.clock() > wall_end:
                break
        flags["loops"] = done
        return total / max(1, done), result

    def run_timed(self, fn, inputs, k, n):
        clock = self.clock
        kept = None
        enabled = gc.isenabled()
        gc.disable()
        self.hooks.watchdog(self.limit)
        try:
            if k < 0:
                t0 = clock()
                for a in inputs:
                    fn(*a)
                t1 = clock()
            else:
                before, own, after = inputs[:k], inputs[k], inputs[k + 1:]
                t0 = clock()
                for a in before:
                    fn(*a)
                kept = fn(*own)
                for a in after:
                    fn(*a)
                t1 = clock()
        except KeyboardInterrupt:
            if self.stop_requested():
                raise Stopped()
            raise TooSlow(n, self.limit)
        except (Exception, SystemExit) as exc:
            raise CallFailed(exc, n)
        finally:
            self.hooks.watchdog(0)
            self.recheck()
            if enabled:
                gc.enable()
        if t1 - t0 >= self.limit and len(inputs) == 1:
            raise TooSlow(n, t1 - t0)
        return t1 - t0, kept

    def count_steps(self, fn, row, filename, state):
        """Python lines of one call at this size (while STEPS_BUDGET_S allows)."""
        self.once(row, "steps", state, STEPS_BUDGET_S, self.limit,
                  lambda args: checker.count_steps(fn, args, filename))

    def measure_memory(self, fn, row, state):
        """tracemalloc peak of one call at this size (while MEMORY_BUDGET_S allows)."""
        def peak(args):
            value = checker.peak_bytes(fn, args)
            return None if value is None else int(round(value / MEMORY_QUANTUM)) * MEMORY_QUANTUM
        self.once(row, "peak_bytes", state, MEMORY_BUDGET_S, 2 * self.limit, peak)

    def once(self, row, field, state, budget, limit, measure):
        """One slow, exact measurement at row's size, on an input of its own.

        Stops for good (state["on"] = False) once the next size is predicted
        (quadratic growth of the last cost) to pass budget, or when one call
        passes limit: instrumented code is slow, and that is not a verdict."""
        if not state["on"]:
            return
        n = row["n"]
        if state["last"] is not None:
            cost, last_n = state["last"]
            if state["spent"] + cost * max(n / last_n, 1.0) ** 2 > budget:
                state["on"] = False
                return
        # An input never timed (a cache kept across calls would answer the
        # repeat-0 input at once, and the lines or bytes would read O(1)),
        # from one seed for every size, so the exact series stays smooth.
        args = self.make(n, self.seed + EXACT_SEED_OFFSET)
        t0 = self.clock()
        self.hooks.watchdog(limit)
        try:
            row[field] = measure(args)
        except KeyboardInterrupt:
            if self.stop_requested():
                raise Stopped()
            state["on"] = False
            return
        except (Exception, SystemExit) as exc:
            raise CallFailed(exc, n)
        finally:
            self.hooks.watchdog(0)
            self.recheck()
        cost = self.clock() - t0
        state["spent"] += cost
        state["last"] = (cost, n)

    # ----------------------------------------------------------- learner --

    def load_learner(self):
        """(load_error or None, func)."""
        import builtins
        self.guard.hide()
        try:
            self.hooks.watchdog(LOAD_LIMIT_S)
            try:
                ns = checker.run_module(self.code, checker.LEARNER_FILE, "exercise", dict(builtins.__dict__))
            finally:
                self.hooks.watchdog(0)
                self.recheck()
        except KeyboardInterrupt:
            if self.stop_requested():
                return {"kind": "stopped", "message": "Stopped.", "line": None, "traceback": ""}, None
            return {"kind": "TooSlow", "line": None, "traceback": "",
                    "message": "your code took longer than %.0f s to run before any test "
                               "(is there an endless loop at the top level?)" % LOAD_LIMIT_S}, None
        except SystemExit:
            return {"kind": "SystemExit", "line": None, "traceback": "",
                    "message": "your code called exit() (or raised SystemExit) while it was loading; "
                               "remove that call: the checker calls your function itself"}, None
        except BaseException as exc:
            return checker.describe_error(exc, (checker.LEARNER_FILE,)), None
        finally:
            self.guard.unhide()
        func = ns.get(self.name)
        if not callable(func):
            return {"kind": "LookupError", "line": None, "traceback": "",
                    "message": "your code must define a function called %s()" % self.name}, None
        return None, func

    def learner_tests(self, func):
        rows = []
        self.guard.hide()
        try:
            stop = None
            for args in self.test_args:
                if stop:
                    rows.append({"actual": stop, "actual_key": "<not run>", "plain": None})
                    continue
                a = copy.deepcopy(args)
                imap = canonical.input_map(a) if self.sharing == "input" else None
                try:
                    result, seconds = self.call(func, a, self.limit)
                except KeyboardInterrupt:
                    if self.stop_requested():
                        stop = "not run (stopped)"
                        rows.append({"actual": "stopped", "actual_key": "<stopped>", "plain": None})
                    else:
                        stop = "not run (an earlier test was too slow)"
                        rows.append({"actual": "took longer than %.0f s, so it was stopped" % self.limit,
                                     "actual_key": "<too slow>", "plain": None})
                    continue
                except SystemExit:
                    rows.append({"actual": "SystemExit: your function called exit(); return a value instead",
                                 "actual_key": "<raised SystemExit>", "plain": None})
                    continue
                except Exception as exc:
                    rows.append({"actual": checker.one_line(exc), "actual_key": "<raised %s>" % type(exc).__name__,
                                 "plain": None})
                    continue
                if seconds >= self.limit:
                    stop = "not run (an earlier test was too slow)"
                rows.append({"actual": canonical.short_repr(result),
                             "actual_key": canonical.key(result, self.sharing, imap),
                             "plain": canonical.key(result, "none")})
                del result
        finally:
            self.guard.unhide()
        return rows

    # ------------------------------------------------------------- round --

    def round(self, k, budget=None):
        """Measure round k. While fewer sizes are measured than the judge
        needs (self.min_sizes, from the start request), one new size per
        round is measured even if it overruns the round's budget, by up to
        FORCE_SIZE_S, rather than ending inconclusive for want of sizes;
        every call is still capped at the limit, and a call past it is the
        too-slow verdict."""
        k = max(0, min(int(k), len(ROUND_REPEATS) - 1))
        target = ROUND_REPEATS[k]
        budget = float(budget or ROUND_BUDGETS_S[k])
        deadline = self.clock() + budget
        rows = {int(n): row for n, row in json.loads(self.rows_text).items()}
        out = {"round": k, "rows": [], "series": None, "too_slow": None, "error": None,
               "cached": False, "mutates": False, "more_possible": False, "complete": False,
               "reason": None, "tampered": [], "notes": self.notes}
        if self.func is None or self.finished:
            out["reason"] = self.finished or "load_error"
            out["rows"] = [rows[n] for n in sorted(rows)]
            return json.dumps(out)
        steps_state = {"on": True, "spent": 0.0, "last": None}
        mem_state = {"on": "memory" in self.metrics, "spent": 0.0, "last": None}
        sizes = self.plan["sizes"]
        reason = None
        forced = False
        self.guard.hide()
        try:
            # Pass 1: each new size once (first call, one timed repeat,
            # steps, memory), smallest first, while the budget allows.
            for i, n in enumerate(sizes):
                if n in rows:
                    continue
                self.progress(i / len(sizes), "your function: n = %d" % n)
                measured = [rows[m] for m in sorted(rows) if m < n and rows[m].get("cost")]
                if measured:
                    until = deadline
                    if len(rows) < self.min_sizes and not forced:   # one per round: the page's round timeout
                        until = max(deadline, self.clock() + FORCE_SIZE_S)
                        forced = until > deadline
                    if self.predicted_call(measured, n) > self.limit:
                        if self.clock() + self.limit + 0.5 > until:
                            reason = "budget"
                            break
                        self.probe_too_slow(n)        # raises TooSlow, or was fast after all
                    if not self.affordable(measured, n, until, 1 if until > deadline else target):
                        reason = "budget"
                        break
                row = rows[n] = _fresh_row(n)
                try:
                    self.measure_size(self.func, row, 0, 1, checker.LEARNER_FILE, steps_state, mem_state, deadline)
                finally:
                    if not row["time"]:
                        rows.pop(n, None)
                self.progress((i + 1) / len(sizes), "your function: n = %d" % n, _public(row))
            # Pass 2 and on: one more repeat at every size per pass, so a
            # burst of other work on the machine slows one repeat at several
            # sizes (which the repeat filter drops), not every repeat at one.
            for r in range(1, target):
                for n in sorted(rows):
                    row = rows[n]
                    if len(row["time"]) != r:
                        continue
                    if self.clock() + row.get("repeat_cost", 0.0) > deadline:
                        reason = reason or "budget"
                        raise OutOfBudget()
                    self.measure_size(self.func, row, r, r + 1, checker.LEARNER_FILE, steps_state, mem_state, deadline)
                    self.progress(1.0, "your function: n = %d, repeat %d" % (n, r + 1), _public(row))
        except OutOfBudget:
            reason = "budget"
        except TooSlow as slow:
            out["too_slow"] = {"n": slow.n, "seconds": max(self.limit, slow.seconds),
                               "ref_seconds": self.ref_time.get(slow.n)}
            reason = "too_slow"
            self.finished = "too_slow"
        except Stopped:
            reason = "stopped"
            self.finished = "stopped"
        except KeyboardInterrupt:
            reason = "stopped"
            self.finished = "stopped"
        except CallFailed as failed:
            error = checker.describe_error(failed.exc, (checker.LEARNER_FILE,))
            if isinstance(failed.exc, SystemExit):
                error["message"] = "your function called exit() (or raised SystemExit) at n = %s; " \
                                   "return a value instead" % failed.n
            error["n"] = failed.n
            out["error"] = error
            reason = "error"
            self.finished = "error"
        except Exception as exc:          # the checker's own code failed
            out["error"] = {"kind": "CheckerError", "line": None, "traceback": "", "n": None,
                            "message": "the checker failed while measuring your function (%s); was "
                                       "something it relies on changed?" % checker.one_line(exc)}
            reason = "error"
            self.finished = "error"
        finally:
            self.guard.unhide()
        self.tampered += [t for t in self.guard.verify() if t not in self.tampered]
        self.guard.snapshot()
        ordered = [rows[n] for n in sorted(rows)]
        self.rows_text = json.dumps({str(r["n"]): r for r in ordered})
        public = [_public(r) for r in ordered]
        complete = reason is None and all(len(r["time"]) >= target for r in ordered) \
            and len(ordered) == len(sizes)
        flags = self.flags[checker.LEARNER_FILE]
        out.update(rows=public, series=self.series_of(public), cached=flags["cached"],
                   mutates=flags["mutates"], complete=complete, reason=reason,
                   tampered=self.tampered,
                   more_possible=reason in (None, "budget") and k + 1 < len(ROUND_REPEATS) and not self.tampered)
        if flags["reused"]:
            self.note("At the smallest sizes your function is fast enough that the checker ran out of "
                      "new inputs for one batch, so some timed calls got copies of an input used before.")
        self.round_no = k
        self.progress(1.0, "measured")
        return json.dumps(out)

    def predicted_call(self, measured, n):
        """Per-call seconds predicted at n from the sizes measured below it."""
        last = measured[-1]
        growth = n / last["n"]
        t_last = min(last["time"])
        factor = growth * growth
        if len(measured) > 1:
            prev = measured[-2]
            t_prev = min(prev["time"])
            if t_prev > 0 and last["n"] > prev["n"]:
                k = math.log(max(t_last, 1e-12) / t_prev) / math.log(last["n"] / prev["n"])
                factor = max(factor, growth ** k)
        return t_last * factor

    def probe_too_slow(self, n):
        """One watched call at n, predicted to pass the limit: TooSlow if it does."""
        args = self.make(n, self.seed)
        result, _ = self.guarded(self.func, args, n)
        del result, args

    def series_of(self, rows):
        out = {"time": checker.series(rows, "time"), "steps": checker.series(rows, "steps"), "memory": None}
        if "memory" in self.metrics:
            out["memory"] = checker.series(rows, "peak_bytes")
        return out


def _public(row):
    return {k: row[k] for k in ("n", "time", "loops", "steps", "peak_bytes", "results") if k in row}


def _fresh_row(n):
    return {"n": n, "time": [], "loops": None, "want_loops": 1, "steps": None, "peak_bytes": None,
            "results": [], "cost": 0.0}


def _ms(seconds):
    return "%.3g ms" % (seconds * 1000)


# ------------------------------------------------------------------- API --

def start(request, hooks):
    """Begin a Check in this interpreter (one Check per interpreter). JSON text."""
    global _check
    _check = Check(request, hooks)
    result = _check.start()
    if isinstance(result, dict):          # stopped before the learner's code ran
        result.setdefault("expected", {})
        result.setdefault("tests", [])
        _check.finished = "error"
        result = json.dumps(result)
    return result


def round_(request, hooks=None):
    """Measure the learner once more (round request["round"]). JSON text."""
    if _check is None:
        raise RuntimeError("check_round before check_start")
    if request.get("min_sizes"):   # the judge asked for more sizes (too few, or too short a range)
        _check.min_sizes = max(_check.min_sizes, int(request["min_sizes"]))
    return _check.round(request.get("round", 0), request.get("budget_s"))
