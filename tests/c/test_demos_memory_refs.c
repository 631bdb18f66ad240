/*
** test_demos_memory_refs.c -- the demos of topics 01 (memory basics) and 02
** (references vs values): boxed-ints, refcount-and-cycles, small-int-cache,
** slice-copy-vs-view, mutate-vs-rebind, shared-rows, shallow-vs-deep-copy.
**
** The object model (pyobj), the cycle collector (rcgc) and deepcopy's memo
** are checked directly with exact counts -- the shapes a learner sees --
** and under failure injection for every allocation they make. Then each
** demo runs end to end through demo_run with small parameters: its JSON is
** checked for exact byte and operation counts, and live blocks must be back
** where they were, also when an allocation fails. No time is asserted.
*/
#include "check.h"
#include "demo_json.h"
#include "demo.h"
#include "mem.h"
#include "ops.h"
#include "demos/pylist.h"
#include "demos/pyobj.h"
#include "demos/refcount_and_cycles.h"
#include "demos/shallow_vs_deep_copy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ JSON help -- */



/* ---------------------------------------------------------------- pyobj -- */

static void test_pyobj(void) {
    size_t before = mem_get_stats().live_blocks, nth;
    py_object *a, *b;
    int64_t v;
    int ok = 1;

    /* layouts: CPython's sizes on this platform */
    CHECK(PY_INT_GETSIZEOF == offsetof(py_int, ob_digit) + 4);
    CHECK(PY_LIST_OBJECT_BYTES == 7 * sizeof(void *));
    if (sizeof(void *) == 8) {
        CHECK_MSG(PY_INT_GETSIZEOF == 28, "sys.getsizeof(1) == 28 on 64-bit (got %u)", (unsigned)PY_INT_GETSIZEOF);
        CHECK(PY_INT_ALLOC_BYTES == 32);
        CHECK(PY_LIST_OBJECT_BYTES == 56);
    }

    /* values round-trip through lv_tag and the digit, cached or not */
    for (v = -1000; v <= 1000 && ok; v++) {
        a = py_int_from_long(v, 1);
        b = py_int_from_long(v, 0);
        if (a == NULL || b == NULL || py_int_value(a) != v || py_int_value(b) != v) ok = 0;
        if ((a == py_small_int(v)) != PY_IS_SMALL_INT(v)) ok = 0;
        py_decref(a);
        py_decref(b);
    }
    CHECK_MSG(ok, "int values round-trip; -5..256 come from the cache");
    a = py_int_from_long(PY_INT_MAX_ONE_DIGIT, 1);
    CHECK(a != NULL && py_int_value(a) == PY_INT_MAX_ONE_DIGIT);
    py_decref(a);
    a = py_int_from_long(-PY_INT_MAX_ONE_DIGIT, 1);
    CHECK(a != NULL && py_int_value(a) == -PY_INT_MAX_ONE_DIGIT);
    py_decref(a);
    CHECK(py_int_from_long(PY_INT_MAX_ONE_DIGIT + 1, 1) == NULL);
    CHECK(mem_get_stats().live_blocks == before);

    /* one allocation of sizeof(PyLongObject) per uncached int */
    {
        size_t bytes = mem_get_stats().current_bytes;
        ops_reset();
        a = py_int_from_long(257, 1);
        CHECK(ops_get().allocations == 1 && mem_get_stats().current_bytes - bytes == PY_INT_ALLOC_BYTES);
        b = py_int_from_long(256, 1);
        CHECK(ops_get().allocations == 1 && b == py_small_int(256));
        py_decref(a);
        py_decref(b);
        CHECK(mem_get_stats().current_bytes == bytes);
    }

    /* appends grow the slots as list_resize: 0, 4, 8, 16, 24, 32, 40, 52, 64, 76 */
    {
        static const ptrdiff_t pattern[] = {0, 4, 8, 16, 24, 32, 40, 52, 64, 76};
        py_heap h;
        py_list *l;
        int k = 0, i, good = 1;
        py_heap_init(&h);
        l = py_list_new(&h, 0);
        CHECK(l != NULL && l->allocated == 0 && l->ob_item == NULL);
        for (i = 0; l != NULL && i < 70; i++) {
            if (l->allocated != pattern[k]) {
                if (++k >= 10 || l->allocated != pattern[k]) good = 0;
            }
            if (py_list_append(l, py_small_int(i)) != 0) good = 0;
        }
        CHECK_MSG(good && k == 9, "list growth pattern (reached step %d)", k);
        CHECK(l != NULL && py_list_getsizeof(l) == PY_LIST_OBJECT_BYTES + 76 * sizeof(void *));
        /* repr, with a cycle: a = [0, 1]; a.append(a) */
        {
            py_list *c = py_list_new(&h, 2);
            char buf[64];
            CHECK(c != NULL);
            if (c != NULL) {
                c->ob_item[0] = py_small_int(0);
                c->ob_item[1] = py_small_int(1);
                CHECK(py_list_append(c, &c->ob_base) == 0);
                py_repr(&c->ob_base, buf, sizeof buf);
                CHECK_MSG(strcmp(buf, "[0, 1, [...]]") == 0, "repr of a self-containing list: %s", buf);
                py_repr(&l->ob_base, buf, 20);
                CHECK_MSG(strlen(buf) < 20 && strstr(buf, "...") != NULL, "truncated repr: %s", buf);
            }
        }
        CHECK(py_heap_count(&h) == 2);
        py_heap_clear(&h);
        CHECK(py_heap_count(&h) == 0);
    }
    CHECK(mem_get_stats().live_blocks == before);

    /* refcounting frees a list and its uncached ints when the count reaches 0 */
    {
        py_heap h;
        py_list *l;
        py_heap_init(&h);
        l = py_list_new(&h, 0);
        CHECK(l != NULL);
        for (v = 250; l != NULL && v < 270; v++) {
            a = py_int_from_long(v, 1);
            CHECK(a != NULL && py_list_append(l, a) == 0);
            py_decref(a);              /* the list holds the only reference */
        }
        if (l != NULL) py_decref(&l->ob_base);
        CHECK(py_heap_count(&h) == 0 && mem_get_stats().live_blocks == before);
    }

    /* failure injection: every allocation of building a list of boxed ints */
    ok = 1;
    for (nth = 1; nth <= 80; nth++) {
        py_heap h;
        py_list *l;
        int failed = 0;
        py_heap_init(&h);
        mem_fail_nth(nth);
        l = py_list_new(&h, 0);
        if (l == NULL) failed = 1;
        for (v = 0; !failed && v < 40; v++) {
            size_t size = (size_t)l->ob_size;
            a = py_int_from_long(1000 + v, 1);
            if (a == NULL) { failed = 1; break; }
            if (py_list_append(l, a) != 0) {
                if ((size_t)l->ob_size != size) ok = 0;     /* unchanged on failure */
                py_decref(a);
                failed = 1;
                break;
            }
            py_decref(a);
        }
        mem_fail_nth(0);
        if (!failed && (l->ob_size != 40 || py_int_value(l->ob_item[39]) != 1039)) ok = 0;
        if (failed != (mem_injected_failures() > 0)) ok = 0;
        py_heap_clear(&h);
        if (mem_get_stats().live_blocks != before) ok = 0;
    }
    CHECK_MSG(ok, "pyobj: clean failure or a complete list for every failing allocation");
}

/* ----------------------------------------------------------- boxed-ints -- */

static void test_boxed_ints(void) {
    double values[] = {100, 3000, 4, 1, NAN}, x[8], flat[8], boxed[8];
    char *json = NULL;
    int rc = run_demo("boxed-ints", values, 5, &json), n, i, ok = 1;
    CHECK(rc == DEMO_OK);
    n = series_values(json, "flat", "bytes", "x", x, 8);
    CHECK(n == 4 && series_values(json, "flat", "bytes", "y", flat, 8) == 4 &&
          series_values(json, "boxed", "bytes", "y", boxed, 8) == 4);
    for (i = 0; i < n; i++) {
        if (flat[i] != 8 * x[i]) ok = 0;
        if (boxed[i] != PY_LIST_OBJECT_BYTES + x[i] * (sizeof(void *) + PY_INT_ALLOC_BYTES)) ok = 0;
    }
    CHECK_MSG(ok, "bytes: 8n flat, list header + n * (pointer + int object) boxed");
    if (sizeof(void *) == 8) CHECK(boxed[n - 1] == 56 + 40 * x[n - 1]);
    CHECK(fit_is(json, "flat", "bytes", "O(n)"));
    CHECK(json != NULL && strstr(json, "Per element: 8 bytes flat") != NULL);
    mem_free(json);

    values[4] = 1;                                          /* shuffled */
    json = NULL;
    CHECK(run_demo("boxed-ints", values, 5, &json) == DEMO_OK);
    CHECK(json != NULL && strstr(json, "Shuffled") != NULL);
    mem_free(json);

    values[1] = 400;
    values[2] = 3;
    demo_run_under_failures("boxed-ints", values, 5);
}

/* -------------------------------------------------- slice-copy-vs-view -- */

static void test_slice_copy_vs_view(void) {
    double values[] = {10, 200, 4, 1, 4096, 2048}, x[8], copy[8], view[8];
    char *json = NULL;
    size_t view_bytes;
    int rc = run_demo("slice-copy-vs-view", values, 6, &json), n, i, ok = 1;
    CHECK(rc == DEMO_OK);
    n = series_values(json, "copy", "bytes", "x", x, 8);
    CHECK(n == 4 && series_values(json, "copy", "bytes", "y", copy, 8) == 4 &&
          series_values(json, "view", "bytes", "y", view, 8) == 4);
    view_bytes = (size_t)(view[0] / x[0]);
    for (i = 0; i < n; i++) {
        if (copy[i] != x[i] * (33 + 2048) && sizeof(void *) == 8) ok = 0;
        if (view[i] != x[i] * (double)view_bytes) ok = 0;
    }
    CHECK_MSG(ok, "copies: k * (33 + s) bytes; views: k * one fixed size");
    if (sizeof(void *) == 8) CHECK_MSG(view_bytes == 184, "a memoryview is 184 bytes on 64-bit (got %zu)", view_bytes);
    CHECK(copy[n - 1] > 10 * view[n - 1]);
    CHECK(fit_is(json, "copy", "bytes", "O(n)") && fit_is(json, "view", "bytes", "O(n)"));
    mem_free(json);

    values[5] = 8192;                                       /* slice longer than the buffer */
    json = NULL;
    rc = run_demo("slice-copy-vs-view", values, 6, &json);
    CHECK(rc == DEMO_ERR_FAILED && json != NULL && strstr(json, "at most the buffer size") != NULL);
    mem_free(json);

    values[5] = 2048;
    values[1] = 50;
    demo_run_under_failures("slice-copy-vs-view", values, 6);
}

/* -------------------------------------------------- refcount-and-cycles -- */

/* a -> b -> ... -> a, `size` objects; the caller's reference is dropped. */
static int make_cycle(rcgc_state *st, int size) {
    rcgc_obj *first = rcgc_new(st), *last;
    int j;
    if (first == NULL) return -1;
    last = first;
    for (j = 1; j < size; j++) {
        rcgc_obj *o = rcgc_new(st);
        if (o == NULL) { rcgc_decref(st, first); return -1; }
        last->ref[0] = o;
        last = o;
    }
    last->ref[0] = first;
    rcgc_incref(first);
    rcgc_decref(st, first);
    return 0;
}

static int collected_gens[200], collected_count;

static void log_collect(void *arg, int generation, size_t examined, size_t collected, double ns) {
    (void)arg; (void)examined; (void)collected; (void)ns;
    if (collected_count < 200) collected_gens[collected_count] = generation;
    collected_count++;
}

static void test_rcgc(void) {
    size_t before = mem_get_stats().live_blocks, bytes = mem_get_stats().current_bytes, nth;
    rcgc_state st;
    rcgc_obj *a, *b, *c1, *c2, *held[701];
    int i, ok;

    /* counting alone: an acyclic chain is freed at once, cycles never are */
    rcgc_init(&st, 700, 10, 10);
    st.enabled = 0;
    a = rcgc_new(&st);
    b = rcgc_new(&st);
    CHECK(a != NULL && b != NULL);
    if (a != NULL) a->ref[0] = b;       /* a -> b: our reference to b moves into a */
    rcgc_decref(&st, a);
    CHECK(rcgc_tracked(&st) == 0 && st.gen[0].count == 0);
    for (i = 0; i < 100; i++) CHECK(make_cycle(&st, 2) == 0);
    CHECK(rcgc_tracked(&st) == 200 && st.gen[0].count == 200);
    CHECK(mem_get_stats().current_bytes - bytes == 200 * sizeof(rcgc_obj));
    CHECK(rcgc_collect(&st, 2) == 200);            /* gc.collect(): all unreachable */
    CHECK(rcgc_tracked(&st) == 0 && mem_get_stats().live_blocks == before);
    CHECK(make_cycle(&st, 1) == 0);                /* a.self = a */
    CHECK(rcgc_collect(&st, 0) == 1 && rcgc_tracked(&st) == 0);

    /* referenced from outside: survives, with what it reaches, one generation up */
    a = rcgc_new(&st);
    c1 = rcgc_new(&st);
    c2 = rcgc_new(&st);
    CHECK(a != NULL && c1 != NULL && c2 != NULL);
    if (a && c1 && c2) {
        c1->ref[0] = c2;
        c2->ref[0] = c1;
        rcgc_incref(c1);
        a->ref[0] = c1;                 /* a -> c1 <-> c2, we hold a only */
        CHECK(rcgc_collect(&st, 0) == 0);
        CHECK(rcgc_gen_size(&st, 0) == 0 && rcgc_gen_size(&st, 1) == 3);
        CHECK(a->gc_refs == 1 && c1->ob_refcnt == 2 && c2->ob_refcnt == 1);
        rcgc_decref(&st, a);            /* a freed by counting; the cycle is now garbage */
        CHECK(rcgc_tracked(&st) == 2);
        CHECK(rcgc_collect(&st, 0) == 0);   /* it sits in generation 1 */
        CHECK(rcgc_collect(&st, 1) == 2 && rcgc_tracked(&st) == 0);
    }
    rcgc_teardown(&st);
    CHECK(mem_get_stats().live_blocks == before);

    /* the threshold: allocations minus deallocations must exceed 700 */
    rcgc_init(&st, 700, 10, 10);
    ok = 1;
    for (i = 0; i < 700; i++) if ((held[i] = rcgc_new(&st)) == NULL) ok = 0;
    CHECK(ok && st.collections[0] == 0 && st.gen[0].count == 700);
    rcgc_decref(&st, held[0]);          /* a deallocation: count 699 */
    held[0] = rcgc_new(&st);
    CHECK(held[0] != NULL && st.collections[0] == 0 && st.gen[0].count == 700);
    held[700] = rcgc_new(&st);          /* 701 > 700: generation 0 is collected */
    CHECK_MSG(st.collections[0] == 1 && st.last_examined == 701 && st.last_collected == 0,
              "701st allocation triggers a collection of 701 objects (%lu collections, %lu examined)",
              (unsigned long)st.collections[0], (unsigned long)st.last_examined);
    CHECK(rcgc_gen_size(&st, 1) == 701 && st.gen[0].count == 0 && st.gen[1].count == 1);
    for (i = 0; i <= 700; i++) rcgc_decref(&st, held[i]);
    CHECK(rcgc_tracked(&st) == 0 && mem_get_stats().live_blocks == before);
    rcgc_teardown(&st);

    /* the schedule: (11 x gen 0, gen 1) x 11, then gen 2 -- "more than 10" */
    rcgc_init(&st, 700, 10, 10);
    collected_count = 0;
    st.on_collect = log_collect;
    for (i = 0; i < 60000 && collected_count < 134; i++) make_cycle(&st, 2);
    ok = collected_count >= 134;
    for (i = 0; ok && i < 134; i++) {
        int want = i == 132 ? 2 : (i % 12 == 11 ? 1 : 0);
        if (collected_gens[i] != want) ok = 0;
    }
    CHECK_MSG(ok, "generations collected in CPython's order (%d collections)", collected_count);
    rcgc_teardown(&st);
    CHECK(mem_get_stats().live_blocks == before);

    /* failure injection: cycles made under a low threshold, every allocation failing in turn */
    ok = 1;
    for (nth = 1; nth <= 70; nth++) {
        int made = 0, failed = 0;
        rcgc_init(&st, 5, 2, 2);
        mem_fail_nth(nth);
        for (i = 0; i < 20 && !failed; i++) {
            if (make_cycle(&st, 3) == 0) made++;
            else failed = 1;
        }
        mem_fail_nth(0);
        if (failed != (mem_injected_failures() > 0)) ok = 0;
        rcgc_collect(&st, 2);
        if (rcgc_tracked(&st) != 0) ok = 0;        /* everything was garbage */
        rcgc_teardown(&st);
        if (mem_get_stats().live_blocks != before || made + failed == 0) ok = 0;
    }
    CHECK_MSG(ok, "rcgc: clean failure for every failing allocation");
}

static void test_refcount_demo(void) {
    double values[] = {2000, 2, 500, 700, 0}, x[1100], y[1100], g[1100], h[1100], ex[16];
    char *json = NULL;
    int rc = run_demo("refcount-and-cycles", values, 5, &json), n, i, ok = 1, drops = 0;
    CHECK(rc == DEMO_OK);
    n = series_values(json, "refcount", "bytes", "x", x, 1100);
    CHECK(n == 1000 && series_values(json, "refcount", "bytes", "y", y, 1100) == n &&
          series_values(json, "generational", "bytes", "y", g, 1100) == n &&
          series_values(json, "by-hand", "bytes", "y", h, 1100) == n);
    for (i = 0; i < n; i++) {
        if (y[i] != x[i] * 2 * sizeof(rcgc_obj)) ok = 0;       /* a straight line: every cycle leaks */
        if (i > 0 && g[i] < g[i - 1]) drops++;
        if ((long)x[i] % 500 == 0 && h[i] != 0) ok = 0;         /* gc.collect() frees it all */
        if (g[i] > 800 * sizeof(rcgc_obj)) ok = 0;
    }
    CHECK_MSG(ok, "refcount only: 2 objects more per iteration; collected: bounded, to 0 by hand");
    CHECK_MSG(drops >= 5, "the generational line is a sawtooth (%d drops)", drops);
    CHECK(series_values(json, "by-hand", "objects examined", "y", ex, 16) == 4);
    CHECK(ex[0] == 1000 && ex[3] == 1000);
    CHECK(json != NULL && strstr(json, "no collection ran, every cycle leaked") != NULL);
    mem_free(json);

    values[4] = 10;                                         /* keep every 10th cycle */
    json = NULL;
    CHECK(run_demo("refcount-and-cycles", values, 5, &json) == DEMO_OK);
    CHECK(series_values(json, "by-hand", "bytes", "y", h, 1100) == 1000);
    CHECK(h[999] >= 200 * 2 * sizeof(rcgc_obj));            /* the kept ones stay */
    mem_free(json);

    values[4] = 0;
    values[0] = 1000;
    demo_run_under_failures("refcount-and-cycles", values, 5);
}

/* ------------------------------------------------------ small-int-cache -- */

static void test_small_int_cache(void) {
    double values[] = {100, 2000, 8, 0, 511}, x[8], with[8], without[8], bw[8], bn[8];
    char *json = NULL;
    int rc = run_demo("small-int-cache", values, 5, &json), n, i, ok = 1;
    CHECK(rc == DEMO_OK);
    n = series_values(json, "cache", "ops", "x", x, 8);
    CHECK(n == 8 && series_values(json, "cache", "ops", "y", with, 8) == 8 &&
          series_values(json, "no-cache", "ops", "y", without, 8) == 8 &&
          series_values(json, "cache", "bytes", "y", bw, 8) == 8 &&
          series_values(json, "no-cache", "bytes", "y", bn, 8) == 8);
    for (i = 0; i < n; i++) {
        if (without[i] != x[i] || bn[i] != x[i] * PY_INT_ALLOC_BYTES) ok = 0;
        if (with[i] < 0.3 * x[i] || with[i] > 0.7 * x[i] || bw[i] != with[i] * PY_INT_ALLOC_BYTES) ok = 0;
    }
    CHECK_MSG(ok, "no cache: n allocations; cache: only the values outside -5..256");
    CHECK(fit_is(json, "no-cache", "ops", "O(n)") && fit_is(json, "cache", "ops", "O(n)"));
    CHECK(json != NULL && strstr(json, "same object: -5..256") != NULL);
    CHECK(json != NULL && strstr(json, "[\"256\",\"True\",\"False\",\"True\"]") != NULL);
    CHECK(json != NULL && strstr(json, "[\"257\",\"False\",\"False\",\"True\"]") != NULL);
    CHECK(json != NULL && strstr(json, "[\"-6\",\"False\",\"False\",\"True\"]") != NULL);
    mem_free(json);

    values[2] = 3;
    values[3] = -5;                                         /* all cached */
    values[4] = 256;
    json = NULL;
    CHECK(run_demo("small-int-cache", values, 5, &json) == DEMO_OK);
    CHECK(series_values(json, "cache", "ops", "y", with, 8) == 3 && with[0] == 0 && with[2] == 0);
    mem_free(json);

    values[3] = 300;                                        /* none cached */
    values[4] = 5000;
    json = NULL;
    CHECK(run_demo("small-int-cache", values, 5, &json) == DEMO_OK);
    CHECK(series_values(json, "cache", "ops", "y", with, 8) == 3 && with[2] == 2000);
    mem_free(json);

    values[3] = 10;                                         /* min > max */
    values[4] = 5;
    json = NULL;
    CHECK(run_demo("small-int-cache", values, 5, &json) == DEMO_ERR_FAILED);
    mem_free(json);

    values[3] = 0;
    values[4] = 511;
    demo_run_under_failures("small-int-cache", values, 5);
}

/* ---------------------------------------------------------- shared-rows -- */

/* Slots of a list grown by n appends (list_resize). */
static size_t appended_capacity(size_t n) {
    size_t allocated = 0, size;
    for (size = 1; size <= n; size++)
        if (!(allocated >= size && size >= (allocated >> 1))) allocated = pylist_grow_to(size - 1, size);
    return allocated;
}

static void test_shared_rows(void) {
    double values[] = {10, 1000, 8, 50}, x[8], bs[8], bi[8], cs[8], ci[8];
    const double L = PY_LIST_OBJECT_BYTES, P = sizeof(void *);
    char *json = NULL;
    int rc = run_demo("shared-rows", values, 4, &json), n, i, ok = 1;
    CHECK(rc == DEMO_OK);
    n = series_values(json, "shared", "bytes", "x", x, 8);
    CHECK(n == 8 && series_values(json, "shared", "bytes", "y", bs, 8) == 8 &&
          series_values(json, "independent", "bytes", "y", bi, 8) == 8 &&
          series_values(json, "shared", "cells", "y", cs, 8) == 8 &&
          series_values(json, "independent", "cells", "y", ci, 8) == 8);
    for (i = 0; i < n; i++) {
        double cap = (double)appended_capacity((size_t)x[i]);
        if (cs[i] != x[i] || ci[i] != 1) ok = 0;
        if (bs[i] != (L + P * x[i]) + (L + P * 50)) ok = 0;
        if (bi[i] != L + P * cap + x[i] * (L + P * 50)) ok = 0;
    }
    CHECK_MSG(ok, "one write reaches n cells vs 1; bytes: one row + n pointers vs n rows");
    CHECK(fit_is(json, "shared", "cells", "O(n)") && fit_is(json, "independent", "cells", "O(1)"));
    CHECK(fit_is(json, "independent", "bytes", "O(n)"));
    if (sizeof(void *) == 8) CHECK(bs[7] == 56 + 8000 + 56 + 400);
    CHECK(json != NULL && strstr(json, "[\"grid[2]\",\"#1\",\"[9, 0, 0]\",\"#4\",\"[0, 0, 0]\"]") != NULL);
    mem_free(json);

    values[2] = 3;
    values[1] = 100000;                                     /* n x m past the limit */
    values[3] = 1000;
    json = NULL;
    CHECK(run_demo("shared-rows", values, 4, &json) == DEMO_ERR_FAILED);
    mem_free(json);

    values[1] = 300;
    values[3] = 20;
    demo_run_under_failures("shared-rows", values, 4);
}

/* ------------------------------------------------- shallow-vs-deep-copy -- */

static void test_memo(void) {
    static int keys[1000];
    size_t before = mem_get_stats().live_blocks, nth;
    copy_memo m;
    int i, ok = 1;
    CHECK(copy_memo_init(&m) == 0 && m.mask == 7);
    for (i = 0; i < 5; i++) CHECK(copy_memo_set(&m, (py_object *)&keys[i], py_small_int(i)) == 0);
    CHECK(m.mask == 7);                                     /* 5 = 2/3 of 8 still fit */
    CHECK(copy_memo_set(&m, (py_object *)&keys[5], py_small_int(5)) == 0);
    CHECK_MSG(m.mask == 15, "6th key grows the table to 16 slots (got %lu)", (unsigned long)m.mask + 1);
    for (i = 6; i < 1000; i++) if (copy_memo_set(&m, (py_object *)&keys[i], py_small_int(i % 200)) != 0) ok = 0;
    for (i = 0; i < 1000; i++) if (copy_memo_get(&m, (py_object *)&keys[i]) != py_small_int(i % 200)) ok = 0;
    CHECK_MSG(ok, "memo: every key finds its value");
    CHECK(copy_memo_get(&m, (py_object *)&ok) == NULL && m.used == 1000);
    CHECK(m.used * 3 <= (m.mask + 1) * 2);
    copy_memo_free(&m);
    CHECK(mem_get_stats().live_blocks == before);

    ok = 1;
    for (nth = 1; nth <= 12; nth++) {
        size_t used;
        int failed = 0;
        if (copy_memo_init(&m) != 0) { ok = 0; break; }
        mem_fail_nth(nth);
        for (i = 0; i < 200 && !failed; i++) {
            used = m.used;
            if (copy_memo_set(&m, (py_object *)&keys[i], py_small_int(1)) != 0) {
                failed = 1;
                if (m.used != used || copy_memo_get(&m, (py_object *)&keys[0]) != py_small_int(1)) ok = 0;
            }
        }
        mem_fail_nth(0);
        if (failed != (mem_injected_failures() > 0)) ok = 0;
        copy_memo_free(&m);
        if (mem_get_stats().live_blocks != before) ok = 0;
    }
    CHECK_MSG(ok, "memo: a failed grow leaves it unchanged");
}

static void test_copies(void) {
    size_t before = mem_get_stats().live_blocks, nth;
    py_heap orig, copy;
    py_list *a, *s;
    py_object *d;
    copy_memo memo;
    char ra[512], rd[512];
    int shared, ok;

    for (shared = 0; shared <= 1; shared++) {
        py_heap_init(&orig);
        py_heap_init(&copy);
        a = copy_build(&orig, 5, 3, 4, shared);
        CHECK(a != NULL && py_heap_count(&orig) == (shared ? 4u : 16u));
        if (a == NULL) { py_heap_clear(&orig); continue; }
        /* shallow: one new list, the same rows */
        s = copy_shallow(&orig, a);
        CHECK(s != NULL && s->ob_size == 5 && s->ob_item[4] == a->ob_item[4] && s->allocated == 5);
        if (s != NULL) py_decref(&s->ob_base);
        CHECK(py_heap_count(&orig) == (shared ? 4u : 16u));
        /* deep: every list once, the cycle and the sharing kept */
        CHECK(copy_memo_init(&memo) == 0);
        ops_reset();
        d = copy_deep(&a->ob_base, &memo, &copy);
        CHECK(d != NULL && py_heap_count(&copy) == (shared ? 4u : 16u));
        CHECK_MSG(ops_get().allocations == (shared ? 4u : 16u), "objects copied %llu",
                  (unsigned long long)ops_get().allocations);
        CHECK_MSG(memo.hits == 5, "memo hits: %lu (5 = %s)", (unsigned long)memo.hits,
                  shared ? "4 later visits of the row + 1 cycle" : "5 back-references to the root");
        if (d != NULL) {
            const py_list *dl = (const py_list *)d, *row = (const py_list *)dl->ob_item[0];
            const py_list *mid = (const py_list *)row->ob_item[3], *in = (const py_list *)mid->ob_item[3];
            py_repr(&a->ob_base, ra, sizeof ra);
            py_repr(d, rd, sizeof rd);
            CHECK_MSG(strcmp(ra, rd) == 0, "same value: %s vs %s", ra, rd);
            CHECK(dl->ob_item[0] != a->ob_item[0] && in->ob_item[3] == d);
            CHECK((dl->ob_item[0] == dl->ob_item[1]) == shared);
        }
        copy_memo_free(&memo);
        py_heap_clear(&copy);
        py_heap_clear(&orig);
        CHECK(mem_get_stats().live_blocks == before);
    }

    /* failure injection over a deep copy */
    py_heap_init(&orig);
    a = copy_build(&orig, 6, 2, 3, 0);
    CHECK(a != NULL);
    py_repr(&a->ob_base, ra, sizeof ra);
    ok = 1;
    for (nth = 1; a != NULL && nth <= 80; nth++) {
        size_t base = mem_get_stats().live_blocks;
        py_heap_init(&copy);
        mem_fail_nth(nth);
        d = copy_memo_init(&memo) == 0 ? copy_deep(&a->ob_base, &memo, &copy) : NULL;
        mem_fail_nth(0);
        if ((d == NULL) != (mem_injected_failures() > 0)) ok = 0;
        if (d != NULL) {
            py_repr(d, rd, sizeof rd);
            if (strcmp(ra, rd) != 0) ok = 0;
        }
        if (memo.table != NULL) copy_memo_free(&memo);
        py_heap_clear(&copy);
        if (mem_get_stats().live_blocks != base) ok = 0;
    }
    CHECK_MSG(ok, "deepcopy: clean failure or an equal copy for every failing allocation");
    py_heap_clear(&orig);
    CHECK(mem_get_stats().live_blocks == before);

    /* failure injection over building the structure */
    ok = 1;
    for (nth = 1; nth <= 40; nth++) {
        py_heap_init(&orig);
        mem_fail_nth(nth);
        a = copy_build(&orig, 4, 3, 3, (int)(nth % 2));
        mem_fail_nth(0);
        if ((a == NULL) != (mem_injected_failures() > 0)) ok = 0;
        py_heap_clear(&orig);
        if (mem_get_stats().live_blocks != before) ok = 0;
    }
    CHECK_MSG(ok, "building: clean failure for every failing allocation");
}

static void test_copy_demo(void) {
    double values[] = {10, 1000, 8, 1, 2, 5}, x[8], deep[8], sh[8], sb[8];
    char *json = NULL;
    int rc = run_demo("shallow-vs-deep-copy", values, 6, &json), n, i, ok = 1;
    CHECK(rc == DEMO_OK);
    n = series_values(json, "deep", "ops", "x", x, 8);
    CHECK(n == 8 && series_values(json, "deep", "ops", "y", deep, 8) == 8 &&
          series_values(json, "deep-shared", "ops", "y", sh, 8) == 8 &&
          series_values(json, "shallow", "bytes", "y", sb, 8) == 8);
    for (i = 0; i < n; i++) {
        if (deep[i] != 1 + 2 * x[i] || sh[i] != 3) ok = 0;
        if (sb[i] != PY_LIST_OBJECT_BYTES + sizeof(void *) * x[i]) ok = 0;
    }
    CHECK_MSG(ok, "deepcopy copies 1 + n*depth objects, or 1 + depth with a shared row; shallow: n pointers");
    CHECK(fit_is(json, "deep", "ops", "O(n)") && fit_is(json, "deep-shared", "ops", "O(1)"));
    CHECK(json != NULL && strstr(json, "[\"b[0] is b[1] (sharing kept)\",\"True\",\"True\"]") != NULL);
    CHECK(json != NULL && strstr(json, "[\"b[0] is a[0] (same row object)\",\"True\",\"False\"]") != NULL);
    CHECK(json != NULL && strstr(json, "(cycle leads back to the copy)\",\"False\",\"True\"]") != NULL);
    mem_free(json);

    values[2] = 3;
    values[1] = 100000;                                     /* past the slot limit */
    values[4] = 8;
    values[5] = 1000;
    json = NULL;
    CHECK(run_demo("shallow-vs-deep-copy", values, 6, &json) == DEMO_ERR_FAILED);
    mem_free(json);

    values[1] = 200;
    values[4] = 2;
    values[5] = 4;
    demo_run_under_failures("shallow-vs-deep-copy", values, 6);
}

/* ------------------------------------------------------ mutate-vs-rebind -- */

static void test_mutate_vs_rebind(void) {
    double values[] = {2};
    char *json = NULL;
    int rc = run_demo("mutate-vs-rebind", values, 1, &json);
    CHECK(rc == DEMO_OK && json != NULL);
    if (json != NULL) {
        CHECK(strstr(json, "[\"data (caller)\",\"#1\",\"[1, 2]\",\"#1\",\"[1, 2, 3]\"]") != NULL);
        CHECK(strstr(json, "[\"items (inside add_item)\",\"#1\",\"[1, 2]\",\"#1\",\"[1, 2, 3]\"]") != NULL);
        CHECK(strstr(json, "[\"data (caller)\",\"#1\",\"[1, 2]\",\"#1\",\"[1, 2]\"]") != NULL);
        CHECK(strstr(json, "[\"items (inside replace_items)\",\"#1\",\"[1, 2]\",\"#2\",\"[9]\"]") != NULL);
        CHECK(strstr(json, "[\"items = items + [20]\",\"#1\",\"[1, 2, 10]\",\"#2\",\"[1, 2, 10, 20]\"]") != NULL);
        CHECK(strstr(json, "[\"return (items dropped)\",\"#1\",\"[1, 2, 10]\",\"-\",\"(freed)\"]") != NULL);
        CHECK(strstr(json, "\"series\":[]") != NULL);
    }
    mem_free(json);
    values[0] = 0;
    json = NULL;
    CHECK(run_demo("mutate-vs-rebind", values, 1, &json) == DEMO_OK);
    CHECK(json != NULL && strstr(json, "\"#1\",\"[]\",\"#1\",\"[3]\"") != NULL);
    mem_free(json);
    values[0] = 2;
    demo_run_under_failures("mutate-vs-rebind", values, 1);
}

/* ------------------------------------------------------------- registry -- */

static void test_registry(void) {
    static const char *const ids[] = {"boxed-ints", "refcount-and-cycles", "small-int-cache",
                                      "slice-copy-vs-view", "mutate-vs-rebind", "shared-rows",
                                      "shallow-vs-deep-copy"};
    size_t k;
    int last = -1;
    for (k = 0; k < sizeof ids / sizeof ids[0]; k++) {
        const demo_info *d = demo_find(ids[k]);
        int i, at = -1;
        CHECK_MSG(d != NULL, "%s is registered", ids[k]);
        if (d == NULL) continue;
        CHECK(strcmp(d->topic, k < 4 ? "01_memory_basics" : "02_references_vs_values") == 0);
        CHECK(d->caption != NULL && strlen(d->caption) > 40 && d->source_file != NULL);
        for (i = 0; i < demo_count(); i++) if (demo_at(i) == d) at = i;
        CHECK_MSG(at > last, "%s in course order", ids[k]);
        last = at;
    }
}

int main(void) {
    size_t before = mem_get_stats().live_blocks;
    test_pyobj();
    test_boxed_ints();
    test_slice_copy_vs_view();
    test_rcgc();
    test_refcount_demo();
    test_small_int_cache();
    test_shared_rows();
    test_memo();
    test_copies();
    test_copy_demo();
    test_mutate_vs_rebind();
    test_registry();
    CHECK_MSG(mem_get_stats().live_blocks == before, "%zu blocks leaked overall", mem_get_stats().live_blocks - before);
    return check_report("test_demos_memory_refs");
}
