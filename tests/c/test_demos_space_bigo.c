/*
** test_demos_space_bigo.c -- the demos of topics 04 (space complexity) and
** 05 (Big-O notation): list-growth, in-place-vs-copy, recursion-stack,
** stream-vs-materialize, class-gallery, crossover, amortized-append.
**
** pylist (the CPython-style list all of them share) is checked directly:
** its growth pattern, its bulk and shrink rules, its move counts, and that
** a failed allocation leaves it unchanged. Then every demo runs end to end
** through demo_run with small parameters: its JSON is checked for what a
** learner should see (staircases, flat vs linear lines, the fitted classes of
** exact counts, a clean RecursionError, crossover markers), that the same
** parameters give the same counts, and that live blocks come back, also
** when any one allocation fails. No absolute time is asserted.
*/
#include "check.h"
#include "demo_json.h"
#include "demo.h"
#include "mem.h"
#include "ops.h"
#include "demos/hashset.h"
#include "demos/pylist.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ JSON help -- */


/* 1 if the series has no fit (DEMO_NOFIT or too few points). */
static int fit_is_null(const char *json, const char *id, const char *metric) {
    const char *s = series_at(json, id, metric), *f;
    if (s == NULL) return 0;
    f = strstr(s, "\"fit\":");
    return f != NULL && strncmp(f, "\"fit\":null", 10) == 0;
}


/* Every single allocation of a run fails in turn: the run either succeeds or
** says "out of memory", and never leaks. nth goes 1..limit, then by stride
** up to the allocation count of a clean run. */
static void failure_loop(const char *id, const double *values, int count, size_t limit, size_t stride) {
    char *json = NULL;
    size_t before = mem_get_stats().live_blocks, total, nth, failures = 0;
    mem_reset_window();
    demo_run(id, values, count, &json);
    total = mem_get_stats().alloc_count;
    mem_free(json);
    for (nth = 1; nth <= total + 1; nth = nth < limit ? nth + 1 : nth + stride) {
        int rc;
        json = NULL;
        mem_fail_nth(nth);
        rc = demo_run(id, values, count, &json);
        mem_fail_nth(0);
        failures += mem_injected_failures();
        CHECK_MSG(rc == DEMO_OK || rc == DEMO_STOPPED || rc == DEMO_ERR_NOMEM, "%s: nth %lu gave %d",
                  id, (unsigned long)nth, rc);
        if (rc == DEMO_ERR_NOMEM && json != NULL)
            CHECK_MSG(strstr(json, "\"error\"") != NULL, "%s: nth %lu: error JSON", id, (unsigned long)nth);
        mem_free(json);
        CHECK_MSG(mem_get_stats().live_blocks == before, "%s: nth %lu leaked %ld blocks", id,
                  (unsigned long)nth, (long)(mem_get_stats().live_blocks - before));
    }
    CHECK_MSG(failures > 0, "%s: failure injection fired", id);
}

static int has_text(const char *json, const char *text) {
    return json != NULL && strstr(json, text) != NULL;
}

/* ------------------------------------------------------------- pylist -- */

static void test_pylist_growth(void) {
    static const size_t pattern[] = {0, 4, 8, 16, 24, 32, 40, 52, 64, 76, 92, 108, 128};
    pylist l;
    size_t seen[13], count = 0, i, moved = 0, reallocs_at[64], r = 0;
    uint64_t moves;
    pylist_init(&l);
    seen[count++] = 0;
    ops_reset();
    for (i = 0; i < 120; i++) {
        size_t before = l.allocated, size = l.size;
        if (pylist_append(&l, (int64_t)i) != 0) break;
        if (l.allocated != before) {
            if (count < 13) seen[count++] = l.allocated;
            moved += size;
            if (r < 64) reallocs_at[r++] = size + 1;
        }
    }
    CHECK(i == 120 && l.size == 120 && l.allocated >= l.size);
    moves = ops_get().moves;
    CHECK(count == 13);
    for (i = 0; i < count; i++) CHECK_MSG(seen[i] == pattern[i], "capacity %lu: %lu, want %lu",
                                          (unsigned long)i, (unsigned long)seen[i], (unsigned long)pattern[i]);
    CHECK(l.reallocs == r);
    CHECK(reallocs_at[0] == 1 && reallocs_at[1] == 5 && reallocs_at[2] == 9 && reallocs_at[3] == 17);
    /* one store per append plus every item a realloc carried over */
    CHECK_MSG(moves == 120 + moved, "moves %lu, want %lu", (unsigned long)moves, (unsigned long)(120 + moved));
    CHECK(pylist_getsizeof(&l) == 56 + 8 * l.allocated);
    for (i = 0; i < l.size && l.items[i] == (int64_t)i; i++) continue;
    CHECK(i == l.size);
    pylist_clear(&l);
    CHECK(l.items == NULL && l.size == 0 && l.allocated == 0);
}

static void test_pylist_rules(void) {
    pylist l;
    /* the formula, and its "closer to the old size" exception for bulk growth */
    CHECK(pylist_grow_to(0, 1) == 4);
    CHECK(pylist_grow_to(16, 17) == 24);
    CHECK(pylist_grow_to(1000, 1001) == ((1001 + (1001 >> 3) + 6) & ~(size_t)3));
    CHECK(pylist_grow_to(0, 10) == 12);       /* 10 - 0 > 16 - 10: (10 + 3) & ~3 */
    CHECK(pylist_grow_to(5, 0) == 0);
    pylist_init(&l);
    CHECK(pylist_resize(&l, 10) == 0 && l.allocated == 12 && l.size == 10);
    CHECK(pylist_resize(&l, 12) == 0 && l.allocated == 12 && l.reallocs == 1);
    CHECK(pylist_resize(&l, 6) == 0 && l.allocated == 12 && l.reallocs == 1);   /* 6 >= 12 >> 1 */
    CHECK(pylist_resize(&l, 5) == 0 && l.allocated == ((5 + 0 + 6) & ~(size_t)3) && l.reallocs == 2);
    CHECK(pylist_resize(&l, 0) == 0 && l.size == 0);
    pylist_clear(&l);
}

/* A failed append leaves the list exactly as it was; nothing leaks. */
static void test_pylist_failures(void) {
    size_t nth, before = mem_get_stats().live_blocks, failures = 0;
    for (nth = 1; nth <= 40; nth++) {
        pylist l;
        size_t i, size = 0, allocated = 0;
        int64_t *items = NULL;
        int failed = 0;
        pylist_init(&l);
        mem_fail_nth(nth);
        for (i = 0; i < 500 && !failed; i++) {
            size = l.size;
            allocated = l.allocated;
            items = l.items;
            failed = pylist_append(&l, (int64_t)i) != 0;
        }
        mem_fail_nth(0);
        failures += mem_injected_failures();
        if (failed) CHECK(l.size == size && l.allocated == allocated && l.items == items);
        for (i = 0; i < l.size && l.items[i] == (int64_t)i; i++) continue;
        CHECK(i == l.size);
        pylist_clear(&l);
        CHECK(mem_get_stats().live_blocks == before);
    }
    CHECK(failures > 0);
}

/* The set's resize points, which tests/cpython/test_list_growth.py also
** checks against sys.getsizeof on real CPython. */
static void test_hashset_resize_points(void) {
    hset *s = hset_new();
    size_t i, slots, points[8], count = 0;
    CHECK(s != NULL && hset_slots(s) == 8);
    if (s == NULL) return;
    slots = hset_slots(s);
    for (i = 0; i < 5000; i++) {
        if (hset_add(s, (int64_t)i) != 1) break;
        if (hset_slots(s) != slots && count < 8) points[count++] = i + 1;
        slots = hset_slots(s);
    }
    CHECK(i == 5000 && count == 6);
    CHECK(points[0] == 5 && points[1] == 19 && points[2] == 77 && points[3] == 307 &&
          points[4] == 1229 && points[5] == 4915);
    CHECK(hset_slots(s) == 32768);
    hset_free(s);
}

/* -------------------------------------------------------- list-growth -- */

static void test_list_growth(void) {
    double v[2] = {300, 1}, x[64], y[64], y2[64];
    char *json = NULL, *again = NULL;
    int n, m, i;
    CHECK(run_demo("list-growth", v, 2, &json) == DEMO_OK);
    n = series_values(json, "list-capacity", "capacity", "x", x, 64);
    m = series_values(json, "list-capacity", "capacity", "y", y, 64);
    CHECK(n == m && n >= 10);
    if (n >= 10) {
        /* a staircase: 0, 4, 8, 16, ... changing at lengths 0, 1, 5, 9, 17, ... */
        CHECK(x[0] == 0 && y[0] == 0 && x[1] == 1 && y[1] == 4 && x[2] == 5 && y[2] == 8);
        CHECK(x[3] == 9 && y[3] == 16 && y[4] == 24 && y[7] == 52 && y[9] == 76);
        CHECK(x[n - 1] == 300 && y[n - 1] == 308);
        for (i = 1; i < n; i++) CHECK(y[i] >= x[i] && y[i] >= y[i - 1]);
    }
    CHECK(series_values(json, "list-bytes", "bytes", "y", y2, 64) == n);
    for (i = 0; i < n && i < 64; i++) CHECK(y2[i] == 56 + 8 * y[i]);
    n = series_values(json, "set-slots", "capacity", "y", y, 64);
    CHECK(n == 5 && y[0] == 8 && y[1] == 32 && y[2] == 128 && y[3] == 512 && y[4] == 512);
    CHECK(series_values(json, "set-slots", "capacity", "x", x, 64) == 5 && x[1] == 5 && x[2] == 19 && x[3] == 77);
    CHECK(series_values(json, "set-bytes", "bytes", "y", y, 64) == 5 && y[0] == 216 && y[1] == 216 + 32 * 16 &&
          y[3] == 216 + 512 * 16);
    CHECK(series_values(json, "list-reallocs", "resizes", "y", y, 64) > 0);
    CHECK(has_text(json, "\"stepped\":true"));
    CHECK(fit_is_null(json, "list-capacity", "capacity"));
    CHECK(has_text(json, "set grows to 32 slots"));
    CHECK(has_text(json, "Capacities as the list grew: 0, 4, 8, 16, 24, 32, 40, 52, 64, 76"));
    CHECK(has_text(json, "capacity 308, so 8 slots"));
    /* same parameters, same numbers */
    CHECK(run_demo("list-growth", v, 2, &again) == DEMO_OK);
    CHECK(json && again && strcmp(strstr(json, "\"series\""), strstr(again, "\"series\"")) == 0);
    mem_free(again);
    mem_free(json);
    /* without the set: three series only */
    v[1] = 0;
    json = NULL;
    CHECK(run_demo("list-growth", v, 2, &json) == DEMO_OK);
    CHECK(series_at(json, "set-slots", "capacity") == NULL && series_at(json, "list-capacity", "capacity"));
    mem_free(json);
    v[0] = 300;
    v[1] = 1;
    failure_loop("list-growth", v, 2, 1000, 1);
}

/* --------------------------------------------------- in-place-vs-copy -- */

static void test_in_place_vs_copy(void) {
    double v[4] = {1000, 20000, 4, 1}, x[8], y[8], t_rev[8], t_sort[8];
    char *json = NULL;
    int n, i;
    CHECK(run_demo("in-place-vs-copy", v, 4, &json) == DEMO_OK);
    n = series_values(json, "reverse-copy", "bytes", "x", x, 8);
    CHECK(n == 4);
    CHECK(series_values(json, "reverse-copy", "bytes", "y", y, 8) == n);
    for (i = 0; i < n; i++) CHECK_MSG(y[i] == 8 * x[i], "reversed copy at n=%g: %g bytes", x[i], y[i]);
    CHECK(series_values(json, "sorted-copy", "bytes", "y", y, 8) == n);
    for (i = 0; i < n; i++) CHECK(y[i] == 8 * x[i]);
    CHECK(series_values(json, "reverse-in-place", "bytes", "y", y, 8) == n);
    for (i = 0; i < n; i++) CHECK(y[i] == 0);
    CHECK(series_values(json, "sort-in-place", "bytes", "y", y, 8) == n);
    for (i = 0; i < n; i++) CHECK(y[i] == 0);
    CHECK(fit_is(json, "reverse-copy", "bytes", "O(n)"));
    CHECK(fit_is(json, "sorted-copy", "bytes", "O(n)"));
    CHECK(fit_is_null(json, "reverse-in-place", "bytes"));
    /* sorting does far more work than reversing at the largest n (~15 log n) */
    CHECK(series_values(json, "reverse-in-place", "time", "y", t_rev, 8) == n);
    CHECK(series_values(json, "sort-in-place", "time", "y", t_sort, 8) == n);
    /* Summed over the sizes: one size's sort time is a difference of two
    ** timings (the data's making is subtracted), which a busy machine can
    ** push to 0; the true ratio is about 100x. */
    for (i = 1; i < n; i++) {
        t_sort[0] += t_sort[i];
        t_rev[0] += t_rev[i];
    }
    CHECK_MSG(t_sort[0] > 3 * t_rev[0], "sort %g s vs reverse %g s in all", t_sort[0], t_rev[0]);
    CHECK(has_text(json, "The copies allocate 8 bytes per item"));
    mem_free(json);
    v[0] = 10;
    v[1] = 100;
    v[2] = 2;
    failure_loop("in-place-vs-copy", v, 4, 40, 97);
}

/* ---------------------------------------------------- recursion-stack -- */

static void test_recursion_stack(void) {
    /* a 512 KiB budget leaves room for 1000 frames even under ASan */
    double v[6] = {10, 3000, 12, 1, 1000, 512}, x[16], y[16], xi[16], yi[16];
    char *json = NULL;
    int n, ni, i;
    CHECK(run_demo("recursion-stack", v, 6, &json) == DEMO_OK);
    n = series_values(json, "recursive", "stack", "x", x, 16);
    CHECK(series_values(json, "recursive", "stack", "y", y, 16) == n);
    ni = series_values(json, "iterative", "stack", "x", xi, 16);
    CHECK(series_values(json, "iterative", "stack", "y", yi, 16) == ni);
    /* the loop carries on to the end; the recursion stops at the limit */
    CHECK(ni == 12 && xi[ni - 1] == 3000);
    CHECK(n >= 8 && n < ni && x[n - 1] <= 1000);
    /* one frame per call: bytes = frame * depth + constant, exactly */
    if (n >= 3) {
        double frame = (y[1] - y[0]) / (x[1] - x[0]);
        CHECK(frame >= 16 && frame < 1024);
        for (i = 2; i < n; i++) CHECK_MSG(fabs(y[i] - y[0] - frame * (x[i] - x[0])) < 1e-6,
                                          "stack at depth %g: %g", x[i], y[i]);
        for (i = 0; i < ni; i++) CHECK(yi[i] == yi[0] && yi[i] > 0 && yi[i] < y[0]);
    }
    CHECK(fit_is(json, "recursive", "stack", "O(n)"));
    CHECK(fit_is(json, "iterative", "stack", "O(1)"));
    CHECK(has_text(json, "\"label\":\"RecursionError at depth 1001\""));
    CHECK(has_text(json, "RecursionError at depth 1001: maximum recursion depth exceeded (limit 1000)"));
    CHECK(has_text(json, "\"complete\":true"));
    mem_free(json);

    /* a huge limit: the 16 KiB stack budget stops it first, cleanly */
    v[4] = 1000000;
    v[5] = 16;
    json = NULL;
    CHECK(run_demo("recursion-stack", v, 6, &json) == DEMO_OK);
    CHECK(has_text(json, "the stack budget of 16 KiB ran out"));
    CHECK(has_text(json, "\"label\":\"RecursionError at depth "));
    n = series_values(json, "recursive", "stack", "y", y, 16);
    for (i = 0; i < n; i++) CHECK(y[i] <= 16 * 1024);
    mem_free(json);

    /* a limit below every n: no recursive point at all, still a clean result */
    v[0] = 100;
    v[4] = 10;
    v[5] = 256;
    json = NULL;
    CHECK(run_demo("recursion-stack", v, 6, &json) == DEMO_OK);
    CHECK(series_values(json, "recursive", "stack", "y", y, 16) == 0);
    CHECK(has_text(json, "RecursionError at depth 11"));
    mem_free(json);

    v[1] = 500;
    v[2] = 3;
    v[4] = 300;
    failure_loop("recursion-stack", v, 6, 1000, 1);
}

/* ---------------------------------------------- stream-vs-materialize -- */

static void test_stream_vs_materialize(void) {
    double v[4] = {1000, 200000, 8, 1}, x[8], y[8], ys[8];
    char *json = NULL;
    int n, i;
    CHECK(run_demo("stream-vs-materialize", v, 4, &json) == DEMO_OK);
    n = series_values(json, "materialize", "bytes", "x", x, 8);
    CHECK(n == 8);
    CHECK(series_values(json, "materialize", "bytes", "y", y, 8) == n);
    CHECK(series_values(json, "stream", "bytes", "y", ys, 8) == n);
    for (i = 0; i < n; i++) {
        /* the list's slots plus the generator object, as pylist grows them */
        pylist l;
        size_t k;
        pylist_init(&l);
        for (k = 0; k < (size_t)x[i] && pylist_append(&l, 0) == 0; k++) continue;
        CHECK(l.size == (size_t)x[i]);
        CHECK_MSG(y[i] == 8.0 * (double)l.allocated + ys[0], "materialized at n=%g: %g bytes", x[i], y[i]);
        pylist_clear(&l);
        CHECK(ys[i] == ys[0] && ys[i] > 0 && ys[i] < 128);
    }
    CHECK(fit_is(json, "stream", "bytes", "O(1)"));
    CHECK(fit_is(json, "materialize", "bytes", "O(n)"));
    mem_free(json);
    v[0] = 10;
    v[1] = 100;
    v[2] = 2;
    failure_loop("stream-vs-materialize", v, 4, 40, 97);
}

/* ------------------------------------------------------ class-gallery -- */

static void test_class_gallery(void) {
    double v[6] = {1000, 100000, 8, 1, 1000, 18}, x[8], y[8];
    char *json = NULL;
    int n, i;
    CHECK(run_demo("class-gallery", v, 6, &json) == DEMO_OK);
    CHECK(fit_is(json, "index", "ops", "O(1)"));
    CHECK(fit_is(json, "bisect", "ops", "O(log n)"));
    CHECK(fit_is(json, "sum", "ops", "O(n)"));
    CHECK(fit_is(json, "merge-sort", "ops", "O(n log n)"));
    CHECK(fit_is(json, "insertion-sort", "ops", "O(n^2)"));
    CHECK(fit_is(json, "subset-sum", "ops", "O(2^n)"));
    /* exact counts */
    n = series_values(json, "index", "ops", "y", y, 8);
    CHECK(n == 8);
    for (i = 0; i < n; i++) CHECK(y[i] == 1);
    n = series_values(json, "sum", "ops", "x", x, 8);
    CHECK(series_values(json, "sum", "ops", "y", y, 8) == n);
    for (i = 0; i < n; i++) CHECK(y[i] == x[i]);
    n = series_values(json, "insertion-sort", "ops", "x", x, 8);
    CHECK(n == 8 && x[0] == 50 && x[n - 1] == 1000);   /* its own range: n_quad/20 .. n_quad */
    CHECK(series_values(json, "insertion-sort", "ops", "y", y, 8) == n);
    for (i = 0; i < n; i++) CHECK(y[i] == x[i] * (x[i] - 1) / 2);    /* reversed: the worst case */
    n = series_values(json, "subset-sum", "ops", "x", x, 8);
    CHECK(n == 8 && x[0] == 6 && x[n - 1] == 18);
    CHECK(series_values(json, "subset-sum", "ops", "y", y, 8) == n);
    for (i = 0; i < n; i++) CHECK(y[i] == ldexp(1.0, (int)x[i] + 1) - 1);   /* every subset: 2^(n+1)-1 calls */
    n = series_values(json, "bisect", "ops", "y", y, 8);
    for (i = 1; i < n; i++) CHECK(y[i] > y[i - 1] && y[i] < 20);
    /* times: sum and insertion sort at least, as the lesson compares their slopes */
    CHECK(series_at(json, "sum", "time") != NULL && series_at(json, "insertion-sort", "time") != NULL);
    CHECK(series_values(json, "insertion-sort", "time", "y", y, 8) == 8);
    CHECK_MSG(y[7] > 20 * y[0], "insertion sort at n=1000 vs 50: %g vs %g s", y[7], y[0]);
    mem_free(json);
    {
        double small[6] = {100, 1000, 3, 1, 40, 13};
        failure_loop("class-gallery", small, 6, 1000, 1);
    }
}

/* ---------------------------------------------------------- crossover -- */

static void test_crossover(void) {
    double v[4] = {2, 500, 16, 1}, x[20], ci[20], cm[20], again[20];
    char *json = NULL, *json2 = NULL;
    int n, i;
    CHECK(run_demo("crossover", v, 4, &json) == DEMO_OK);
    n = series_values(json, "insertion", "cost", "x", x, 20);
    CHECK(n >= 12 && x[0] == 2 && x[n - 1] == 500);
    CHECK(series_values(json, "insertion", "cost", "y", ci, 20) == n);
    CHECK(series_values(json, "merge", "cost", "y", cm, 20) == n);
    /* insertion sort is cheaper for tiny n, merge sort far cheaper at 500 */
    CHECK(ci[0] < cm[0] && ci[2] < cm[2]);
    CHECK_MSG(ci[n - 1] > 2 * cm[n - 1], "at 500: %g vs %g", ci[n - 1], cm[n - 1]);
    CHECK(fit_is(json, "insertion", "cost", "O(n^2)"));
    CHECK(fit_is(json, "merge", "cost", "O(n log n)"));
    CHECK(fit_is_null(json, "insertion", "time"));
    CHECK(has_text(json, "\"label\":\"crossover (ops): n = "));
    CHECK(has_text(json, "Weights, in comparisons: comparison 1, move 1, call 5, allocation 25, branch miss 20."));
    /* the time crossover (or its absence) is always reported */
    CHECK(has_text(json, "By time, "));
    /* exact counts: the same every run */
    CHECK(run_demo("crossover", v, 4, &json2) == DEMO_OK);
    CHECK(series_values(json2, "merge", "cost", "y", again, 20) == n);
    for (i = 0; i < n; i++) CHECK(again[i] == cm[i]);
    mem_free(json2);
    mem_free(json);
    v[1] = 40;
    v[2] = 4;
    failure_loop("crossover", v, 4, 40, 97);
}

/* --------------------------------------------------- amortized-append -- */

static void test_amortized_append(void) {
    static double x[4096], cost[4096], avg[4096];
    double v[1] = {2000};
    char *json = NULL;
    int n, i, spikes = 0;
    pylist l;
    CHECK(run_demo("amortized-append", v, 1, &json) == DEMO_OK);
    n = series_values(json, "cost", "cost", "x", x, 4096);
    CHECK(n == 2000 && x[0] == 1 && x[n - 1] == 2000);
    CHECK(series_values(json, "cost", "cost", "y", cost, 4096) == n);
    CHECK(series_values(json, "average", "cost", "y", avg, 4096) == n);
    /* each cost is 1, or 1 + the items a full list carried over */
    pylist_init(&l);
    for (i = 0; i < n; i++) {
        size_t size = l.size, allocated = l.allocated;
        if (pylist_append(&l, i) != 0) break;
        if (l.allocated != allocated && size > 0) spikes++;
        if (cost[i] != ((l.allocated != allocated && size > 0) ? 1.0 + (double)size : 1.0)) break;
    }
    CHECK_MSG(i == n, "append %d costs %g", i + 1, i < n ? cost[i] : 0.0);
    pylist_clear(&l);
    CHECK(spikes == 32);
    CHECK(cost[4] == 5 && cost[8] == 9 && cost[16] == 17);
    /* the spikes grow, the running average levels off near 8-9 */
    CHECK(avg[n - 1] > 6 && avg[n - 1] < 10);
    for (i = n / 2; i < n && avg[i] > 6 && avg[i] < 10; i++) continue;
    CHECK(i == n);
    CHECK(fit_is_null(json, "cost", "cost") && fit_is_null(json, "average", "cost"));
    mem_free(json);
    v[0] = 100;
    failure_loop("amortized-append", v, 1, 1000, 1);
}

/* -------------------------------------------------------- bad params -- */

static void test_bad_params(void) {
    double v[6] = {100, 3000, 8, 1, 1000, 1024};
    char *json = NULL;
    CHECK(run_demo("recursion-stack", v, 6, &json) == DEMO_ERR_ARG);   /* budget above 512 KiB */
    CHECK(has_text(json, "stack budget in KiB must be between"));
    mem_free(json);
    v[0] = 5000;
    json = NULL;
    CHECK(run_demo("amortized-append", v, 1, &json) == DEMO_ERR_ARG);  /* over 4000 points */
    mem_free(json);
}

int main(void) {
    test_pylist_growth();
    test_pylist_rules();
    test_pylist_failures();
    test_hashset_resize_points();
    test_list_growth();
    test_in_place_vs_copy();
    test_recursion_stack();
    test_stream_vs_materialize();
    test_class_gallery();
    test_crossover();
    test_amortized_append();
    test_bad_params();
    return check_report("test_demos_space_bigo");
}
