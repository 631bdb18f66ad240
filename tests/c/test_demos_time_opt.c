/*
** test_demos_time_opt.c -- the demos of topics 03 (time complexity) and 06
** (optimization techniques): find-duplicates, string-building, front-insert,
** memoization, lru-cache, profile-a-pipeline, builtin-vs-loop.
**
** Each demo's data structures are checked directly with exact operation
** counts (the shapes a learner sees), under failure injection for every
** allocation they make; then each demo runs end to end through demo_run
** with small parameters: its JSON is checked for the curves' shapes, and
** live blocks must be back where they were -- also when an allocation fails.
** No absolute time is asserted; the few time ratios have wide margins.
*/
#include "check.h"
#include "demo_json.h"
#include "demo.h"
#include "mem.h"
#include "ops.h"
#include "demos/builtin_vs_loop.h"
#include "demos/find_duplicates.h"
#include "demos/front_insert.h"
#include "demos/lru_cache.h"
#include "demos/memoization.h"
#include "demos/profile_a_pipeline.h"
#include "demos/string_building.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ JSON help -- */



/* --------------------------------------------------------- find-duplicates */

static void test_find_duplicates(void) {
    int64_t items[600];
    size_t n;
    int ok = 1;
    for (n = 0; n <= 200; n += 7) {
        fdup_fill_distinct(items, n);
        ops_reset();
        if (fdup_nested(items, n) != 0 || ops_get().comparisons != n * (n - (n > 0)) / 2) ok = 0;
    }
    CHECK_MSG(ok, "nested loops: n(n-1)/2 comparisons on distinct values");

    fdup_fill_distinct(items, 600);
    ops_reset();
    CHECK(fdup_sorted(items, 600) == 0);
    {   /* merge sort: between (n/2) log2 n and n log2 n comparisons, plus n-1 */
        uint64_t c = ops_get().comparisons;
        CHECK_MSG(c >= 300.0 * log2(600.0) + 599 && c <= 600.0 * log2(600.0) + 599, "sort comparisons %llu",
                  (unsigned long long)c);
    }
    ops_reset();
    CHECK(fdup_hashset(items, 600) == 0);
    {
        ops_counts o = ops_get();
        CHECK_MSG(o.probes + o.comparisons >= 1200 && o.probes + o.comparisons <= 6 * 600,
                  "set work %llu", (unsigned long long)(o.probes + o.comparisons));
    }
    items[599] = items[17];                           /* one repeat, at the far end */
    CHECK(fdup_nested(items, 600) == 1);
    CHECK(fdup_sorted(items, 600) == 1);
    CHECK(fdup_hashset(items, 600) == 1);

    {   /* failure injection: -1 and nothing left, or the right answer */
        size_t nth, before = mem_get_stats().live_blocks;
        int clean = 1, r = -1;
        fdup_fill_distinct(items, 600);
        for (nth = 1; r < 0 && nth < 100; nth++) {
            mem_fail_nth(nth);
            r = fdup_hashset(items, 600);
            mem_fail_nth(0);
            if (r == 1 || mem_get_stats().live_blocks != before) clean = 0;
        }
        CHECK_MSG(clean && r == 0 && nth > 3, "hash set under failures (nth %zu)", nth);
        for (nth = 1, r = -1; r < 0 && nth < 100; nth++) {
            mem_fail_nth(nth);
            r = fdup_sorted(items, 600);
            mem_fail_nth(0);
            if (r == 1 || mem_get_stats().live_blocks != before) clean = 0;
        }
        CHECK_MSG(clean && r == 0, "sort under failures");
    }
}

static void test_find_duplicates_demo(void) {
    const double v[] = {100, 3000, 8, 3};
    double x[40], y[40], ys[40];
    char *json = NULL;
    int i, nx, ok = 1;
    CHECK(run_demo("find-duplicates", v, 4, &json) == DEMO_OK);
    nx = series_values(json, "nested", "ops", "x", x, 40);
    CHECK(nx == 8 && series_values(json, "nested", "ops", "y", y, 40) == 8);
    for (i = 0; i < nx; i++) if (y[i] != x[i] * (x[i] - 1) / 2) ok = 0;
    CHECK_MSG(ok, "nested ops are n(n-1)/2");
    CHECK(fit_is(json, "nested", "ops", "O(n^2)"));
    CHECK(fit_is(json, "sort", "ops", "O(n log n)"));
    CHECK(fit_is(json, "set", "ops", "O(n)"));
    CHECK(series_values(json, "set", "ops", "y", ys, 40) == 8 && ys[7] * 100 < y[7]);
    CHECK(series_values(json, "nested", "time", "y", y, 40) == 8 &&
          series_values(json, "set", "time", "y", ys, 40) == 8 && y[7] > 5 * ys[7]);
    mem_free(json);
    demo_run_under_failures("find-duplicates", (const double[]){10, 40, 2, 1}, 4);
}

/* --------------------------------------------------------- string-building */

static void test_string_building(void) {
    char pieces[300 * 5];
    size_t i, n = 300, len = 5;
    char *s;
    uint64_t expect = 0, used = 0, cap = 0;
    for (i = 0; i < sizeof pieces; i++) pieces[i] = (char)('A' + i % 23);

    ops_reset();
    s = sbuild_concat(pieces, n, len);
    CHECK(s != NULL && memcmp(s, pieces, n * len) == 0);
    CHECK_MSG(ops_get().bytes_copied == len * n * (n + 1) / 2, "concat copies len*n(n+1)/2");
    CHECK(ops_get().allocations == n);
    mem_free(s);

    ops_reset();
    s = sbuild_join(pieces, n, len);
    CHECK(s != NULL && memcmp(s, pieces, n * len) == 0);
    CHECK(ops_get().bytes_copied == n * len && ops_get().allocations == 1);
    mem_free(s);

    for (i = 0; i < n; i++) {             /* doubling: copy `used` at each growth */
        if (used + len > cap) { expect += used; cap = 2 * (used + len); }
        used += len;
    }
    ops_reset();
    s = sbuild_buffer(pieces, n, len, 100);
    CHECK(s != NULL && memcmp(s, pieces, n * len) == 0);
    CHECK_MSG(ops_get().bytes_copied == expect + n * len, "buffer copied %llu, expected %llu",
              (unsigned long long)ops_get().bytes_copied, (unsigned long long)(expect + n * len));
    CHECK(ops_get().bytes_copied < 3 * n * len);
    mem_free(s);
    ops_reset();
    s = sbuild_buffer(pieces, n, len, 12.5);    /* bytearray-like growth: more copying, still linear */
    CHECK(s != NULL && ops_get().bytes_copied > expect + n * len && ops_get().bytes_copied < 12 * n * len);
    mem_free(s);

    {
        size_t nth, before = mem_get_stats().live_blocks;
        int k, clean = 1;
        for (k = 0; k < 3; k++) {
            s = NULL;
            for (nth = 1; s == NULL && nth < 1000; nth++) {
                mem_fail_nth(nth);
                s = k == 0 ? sbuild_concat(pieces, 40, len) : k == 1 ? sbuild_join(pieces, 40, len)
                                                            : sbuild_buffer(pieces, 40, len, 100);
                mem_fail_nth(0);
                if (s == NULL && mem_get_stats().live_blocks != before) clean = 0;
            }
            if (s == NULL || memcmp(s, pieces, 40 * len) != 0) clean = 0;
            mem_free(s);
        }
        CHECK_MSG(clean && mem_get_stats().live_blocks == before, "string builders under failures");
    }
}

static void test_string_building_demo(void) {
    const double v[] = {50, 2000, 8, 1, 4, 100};
    double x[40], y[40], yj[40], yb[40];
    char *json = NULL;
    int i, nx, ok = 1;
    CHECK(run_demo("string-building", v, 6, &json) == DEMO_OK);
    nx = series_values(json, "concat", "copied", "x", x, 40);
    CHECK(nx == 8 && series_values(json, "concat", "copied", "y", y, 40) == 8 &&
          series_values(json, "join", "copied", "y", yj, 40) == 8 &&
          series_values(json, "buffer", "copied", "y", yb, 40) == 8);
    for (i = 0; i < nx; i++) {
        if (y[i] != 4 * x[i] * (x[i] + 1) / 2 || yj[i] != 4 * x[i]) ok = 0;
        if (yb[i] < yj[i] || yb[i] > 3 * yj[i]) ok = 0;
    }
    CHECK_MSG(ok, "string-building bytes copied");
    CHECK(fit_is(json, "concat", "copied", "O(n^2)"));
    CHECK(fit_is(json, "join", "copied", "O(n)"));
    mem_free(json);
    demo_run_under_failures("string-building", (const double[]){10, 40, 2, 1, 8, 100}, 6);
}

/* ------------------------------------------------------------ front-insert */

static void test_front_insert(void) {
    static const size_t growth[] = {4, 8, 16, 24, 32, 40, 52, 64, 76, 92, 108};
    finsert_list l;
    finsert_deque d;
    finsert_ring r;
    size_t i, seen = 0, last = 0, n = 100;
    int ok = 1;

    finsert_list_init(&l);
    ops_reset();
    for (i = 0; i < n; i++) {
        CHECK(finsert_list_insert0(&l, (int64_t)i) == 0);
        if (l.allocated != last) {
            if (seen >= sizeof growth / sizeof growth[0] || l.allocated != growth[seen]) ok = 0;
            seen++;
            last = l.allocated;
        }
    }
    CHECK_MSG(ok && seen == 11, "list growth 4, 8, 16, 24, 32, 40, 52, 64, 76, 92, 108");
    CHECK_MSG(ops_get().moves == n * (n + 1) / 2, "list moves n(n-1)/2 shifts + n writes");
    for (i = 0; i < n; i++) if (l.items[i] != (int64_t)(n - 1 - i)) ok = 0;
    CHECK_MSG(ok, "list order after insert(0, x)");
    finsert_list_free(&l);

    CHECK(finsert_deque_init(&d) == 0);
    ops_reset();
    for (i = 0; i < 1000; i++) CHECK(finsert_deque_appendleft(&d, (int64_t)i) == 0);
    CHECK(ops_get().moves == 1000);
    CHECK_MSG(d.blocks == 1 + (1000 - 32 + 63) / 64, "deque blocks %zu", d.blocks);
    {   /* walk from the left: 999, 998, ..., 0 */
        finsert_block *b = d.leftblock;
        size_t at = d.leftindex, k;
        for (k = 0; k < 1000; k++) {
            if (b->data[at] != (int64_t)(999 - k)) ok = 0;
            if (++at == FINSERT_BLOCKLEN) { b = b->rightlink; at = 0; }
        }
        CHECK_MSG(ok && b != NULL && at == FINSERT_CENTER + 1, "deque order");
    }
    finsert_deque_free(&d);

    finsert_ring_init(&r);
    ops_reset();
    for (i = 0; i < n; i++) CHECK(finsert_ring_appendleft(&r, (int64_t)i) == 0);
    CHECK_MSG(ops_get().moves == n + 8 + 16 + 32 + 64, "ring moves: writes + growth copies");
    for (i = 0; i < n; i++) if (finsert_ring_get(&r, i) != (int64_t)(n - 1 - i)) ok = 0;
    CHECK_MSG(ok, "ring order");
    finsert_ring_free(&r);

    {   /* a failed insert leaves each container as it was */
        size_t nth, before = mem_get_stats().live_blocks;
        int clean = 1;
        for (nth = 1; nth < 12; nth++) {
            size_t done = 0;
            finsert_list_init(&l);
            finsert_ring_init(&r);
            mem_fail_nth(nth);
            for (i = 0; i < 200 && finsert_list_insert0(&l, (int64_t)i) == 0; i++) done++;
            mem_fail_nth(0);
            if (done < 200 && (l.size != done || (done > 0 && l.items[0] != (int64_t)done - 1))) clean = 0;
            mem_fail_nth(nth);
            for (i = 0, done = 0; i < 200 && finsert_ring_appendleft(&r, (int64_t)i) == 0; i++) done++;
            mem_fail_nth(0);
            if (done < 200 && (r.size != done || (done > 0 && finsert_ring_get(&r, 0) != (int64_t)done - 1))) clean = 0;
            finsert_list_free(&l);
            finsert_ring_free(&r);
            if (finsert_deque_init(&d) == 0) {
                mem_fail_nth(nth);
                for (i = 0, done = 0; i < 500 && finsert_deque_appendleft(&d, (int64_t)i) == 0; i++) done++;
                mem_fail_nth(0);
                if (d.size != done) clean = 0;
                finsert_deque_free(&d);
            }
            if (mem_get_stats().live_blocks != before) clean = 0;
        }
        CHECK_MSG(clean, "front-insert containers under failures");
    }
}

static void test_front_insert_demo(void) {
    const double v[] = {100, 4000, 8, 3};
    double x[40], y[40], yd[40];
    char *json = NULL;
    int i, nx, ok = 1;
    CHECK(run_demo("front-insert", v, 4, &json) == DEMO_OK);
    nx = series_values(json, "list", "ops", "x", x, 40);
    CHECK(nx == 8 && series_values(json, "list", "ops", "y", y, 40) == 8 &&
          series_values(json, "deque", "ops", "y", yd, 40) == 8);
    for (i = 0; i < nx; i++) if (y[i] != x[i] * (x[i] + 1) / 2 || yd[i] != x[i]) ok = 0;
    CHECK_MSG(ok, "front-insert moves");
    CHECK(fit_is(json, "list", "ops", "O(n^2)"));
    CHECK(fit_is(json, "deque", "ops", "O(n)"));
    CHECK(series_values(json, "list", "time", "y", y, 40) == 8 &&
          series_values(json, "deque", "time", "y", yd, 40) == 8 && y[7] > 3 * yd[7]);
    mem_free(json);
    demo_run_under_failures("front-insert", (const double[]){10, 100, 2, 1}, 4);
}

/* ------------------------------------------------------------- memoization */

static void test_memoization(void) {
    uint64_t f[40], r;
    fib_cache_info info;
    int n, ok = 1;
    f[0] = 0;
    f[1] = 1;
    for (n = 2; n < 40; n++) f[n] = f[n - 1] + f[n - 2];
    for (n = 0; n <= 25; n++) {
        ops_reset();
        if (fib_naive(n) != f[n] || ops_get().calls != 2 * f[n + 1] - 1) ok = 0;
    }
    CHECK_MSG(ok, "naive fib(n) makes exactly 2*F(n+1) - 1 calls");
    ops_reset();
    fib_naive(30);
    CHECK(ops_get().calls == 2692537);              /* the figure in the lesson */
    for (n = 2; n <= 35; n++) {
        ops_reset();
        if (fib_memoized(n, &r, &info) != 0 || r != f[n]) ok = 0;
        if (ops_get().calls != (uint64_t)n + 1 || info.misses != (uint64_t)n + 1 || info.hits != (uint64_t)n - 2) ok = 0;
        ops_reset();
        if (fib_iterative(n) != f[n] || ops_get().steps != (uint64_t)n) ok = 0;
    }
    CHECK_MSG(ok, "memoized: n + 1 bodies, n - 2 hits; iterative: n steps");
    {
        size_t nth, before = mem_get_stats().live_blocks;
        int rc = -1, clean = 1;
        for (nth = 1; rc != 0 && nth < 10; nth++) {
            mem_fail_nth(nth);
            rc = fib_memoized(20, &r, NULL);
            mem_fail_nth(0);
            if (mem_get_stats().live_blocks != before) clean = 0;
        }
        CHECK_MSG(clean && rc == 0 && r == f[20] && nth == 4, "memoized fib under failures (nth %zu)", nth);
    }
}

static void test_memoization_demo(void) {
    const double v[] = {5, 24, 1};
    double x[40], y[40], ym[40];
    char *json = NULL;
    int i, nx, ok = 1;
    CHECK(run_demo("memoization", v, 3, &json) == DEMO_OK);
    nx = series_values(json, "naive", "calls", "x", x, 40);
    CHECK(nx == 20 && series_values(json, "naive", "calls", "y", y, 40) == 20 &&
          series_values(json, "memoized", "calls", "y", ym, 40) == 20);
    for (i = 1; i < nx; i++) if (fabs(y[i] / y[i - 1] - 1.618) > 0.05 || ym[i] != x[i] + 1) ok = 0;
    CHECK_MSG(ok, "naive calls grow by phi per step; memoized bodies n + 1");
    CHECK(fit_is(json, "naive", "calls", "O(2^n)"));
    CHECK(fit_is(json, "memoized", "calls", "O(n)"));
    CHECK(fit_is(json, "iterative", "calls", "O(n)"));
    CHECK(strstr(json, "exactly 2*F(25) - 1") != NULL);
    mem_free(json);
    demo_run_under_failures("memoization", (const double[]){3, 6, 1}, 3);
}

/* --------------------------------------------------------------- lru-cache */

static int64_t square(int64_t key, void *arg) {
    (void)arg;
    return key * key;
}

/* The obvious O(capacity) LRU: keys ordered oldest first. Returns 1 on a hit. */
static int reference_lru(int64_t *keys, size_t *size, size_t cap, int64_t key) {
    size_t i;
    for (i = 0; i < *size; i++) {
        if (keys[i] == key) {
            memmove(keys + i, keys + i + 1, (*size - i - 1) * sizeof *keys);
            keys[*size - 1] = key;
            return 1;
        }
    }
    if (*size == cap) { memmove(keys, keys + 1, (cap - 1) * sizeof *keys); (*size)--; }
    keys[(*size)++] = key;
    return 0;
}

static void test_lru_cache(void) {
    lru_cache *c = lru_new(2);
    int64_t keys[64];
    uint64_t x = 7;
    size_t cap, size, r, ref_hits;
    int ok = 1;
    CHECK(c != NULL);
    CHECK(lru_call(c, 1, square, NULL) == 1 && lru_call(c, 2, square, NULL) == 4);
    CHECK(lru_call(c, 1, square, NULL) == 1);       /* hit: 1 becomes the newest */
    CHECK(lru_call(c, 3, square, NULL) == 9);       /* full: evicts 2, the oldest */
    CHECK(c->hits == 1 && c->misses == 3);
    CHECK(lru_contains(c, 1) && !lru_contains(c, 2) && lru_contains(c, 3));
    lru_clear(c);
    CHECK(c->hits == 0 && c->misses == 0 && !lru_contains(c, 1));
    lru_free(c);

    for (cap = 1; cap <= 40; cap += 3) {            /* same hits as the obvious LRU */
        c = lru_new(cap);
        size = ref_hits = 0;
        for (r = 0; r < 3000; r++) {
            int64_t key;
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            key = (int64_t)((x >> 33) % 60) * ((x >> 40) % 2 ? 1 : 64);   /* collisions in the table too */
            if (lru_call(c, key, square, NULL) != key * key) ok = 0;
            ref_hits += (size_t)reference_lru(keys, &size, cap, key);
        }
        if (c->hits != ref_hits || c->hits + c->misses != 3000 || c->size != size) ok = 0;
        if (cap >= 10 && c->rebuilds == 0) ok = 0;    /* evictions leave DUMMYs: rebuilt in place */
        lru_free(c);
    }
    CHECK_MSG(ok, "lru_call agrees with a reference LRU");

    {
        size_t nth, before = mem_get_stats().live_blocks;
        int clean = 1;
        c = NULL;
        for (nth = 1; c == NULL && nth < 10; nth++) {
            mem_fail_nth(nth);
            c = lru_new(100);
            mem_fail_nth(0);
            if (c == NULL && mem_get_stats().live_blocks != before) clean = 0;
        }
        CHECK_MSG(clean && c != NULL && nth == 5, "lru_new under failures (nth %zu)", nth);
        lru_free(c);
        CHECK(mem_get_stats().live_blocks == before);
        CHECK(lru_new(0) == NULL);
    }
}

static void test_lru_cache_demo(void) {
    const double v[] = {1, 500, 8, 1, 500, 5000, 1, 20};
    double x[40], hit[40], miss[40];
    char *json = NULL;
    int i, nx, ok = 1;
    CHECK(run_demo("lru-cache", v, 8, &json) == DEMO_OK);
    nx = series_values(json, "hit-rate", "hit rate", "x", x, 40);
    CHECK(nx == 8 && series_values(json, "hit-rate", "hit rate", "y", hit, 40) == 8 &&
          series_values(json, "misses", "calls", "y", miss, 40) == 8);
    for (i = 1; i < nx; i++) {        /* LRU is a stack algorithm: more slots never hurt */
        if (hit[i] < hit[i - 1] || miss[i] > miss[i - 1]) ok = 0;
        if (fabs(hit[i] / 100 * 5000 + miss[i] - 5000) > 1e-6) ok = 0;
    }
    CHECK_MSG(ok, "hit rate rises and misses fall with capacity");
    CHECK_MSG((hit[3] - hit[0]) / (x[3] - x[0]) > 5 * (hit[7] - hit[4]) / (x[7] - x[4]),
              "diminishing returns per slot: %g %g %g %g", hit[0], hit[3], hit[4], hit[7]);
    CHECK_MSG(hit[5] > 0.5 * hit[7], "a small cache already catches most of what a big one does");
    CHECK(strstr(json, "\"fit\":null") != NULL && strstr(json, "\"fit\":{") == NULL);
    CHECK(strstr(json, "lru_cache default maxsize=128") != NULL);
    mem_free(json);
    {
        double bad[] = {50, 10, 8, 1, 500, 5000, 1, 20};
        CHECK(run_demo("lru-cache", bad, 8, &json) == DEMO_ERR_FAILED && strstr(json, "smallest capacity") != NULL);
        mem_free(json);
    }
    demo_run_under_failures("lru-cache", (const double[]){1, 10, 2, 1, 20, 1000, 1, 0}, 8);
}

/* ------------------------------------------------------- profile-a-pipeline */

static void test_pipeline(void) {
    char *lines = pipe_make_input(1000);
    pipe_result a, b;
    pipe_profiler prof;
    uint64_t cmp;
    int k;
    CHECK(lines != NULL);
    ops_reset();
    CHECK(pipe_run(lines, 1000, 0, NULL, &a) == 0);
    cmp = ops_get().comparisons;
    CHECK_MSG(a.dropped == 20 && a.kept == 980, "every 50th id repeats: %zu dropped", a.dropped);
    CHECK_MSG(cmp >= 980 * 979 / 2 && cmp <= 1000 * 999 / 2, "list scan comparisons %llu", (unsigned long long)cmp);
    ops_reset();
    CHECK(pipe_run(lines, 1000, 1, NULL, &b) == 0);
    CHECK(ops_get().comparisons + ops_get().probes < 10 * 1000);
    CHECK(a.kept == b.kept && a.out_bytes == b.out_bytes && a.out_hash == b.out_hash &&
          memcmp(a.cents, b.cents, sizeof a.cents) == 0);
    CHECK(a.out_bytes > 980 * 20);

    pipe_profiler_reset(&prof);
    CHECK(pipe_run(lines, 1000, 0, &prof, &a) == 0);
    CHECK(prof.current == NULL);
    {
        double stages = 0;
        int ok = 1;
        for (k = 0; k < PIPE_ENTRIES; k++) {
            if (prof.entries[k].calls != 1 || prof.entries[k].tottime_ns < 0) ok = 0;
            if (prof.entries[k].tottime_ns > prof.entries[k].cumtime_ns + 1e-6) ok = 0;
            if (k > PIPE_RUN) stages += prof.entries[k].cumtime_ns;
        }
        CHECK_MSG(ok, "each entry called once, tottime <= cumtime");
        CHECK(fabs(prof.entries[PIPE_RUN].cumtime_ns - stages - prof.entries[PIPE_RUN].tottime_ns) < 1.0);
    }
    {
        size_t nth, before = mem_get_stats().live_blocks;
        int rc = -1, clean = 1, v;
        for (v = 0; v < 2; v++) {
            for (nth = 1, rc = -1; rc != 0 && nth < 100; nth++) {
                mem_fail_nth(nth);
                rc = pipe_run(lines, 300, v, NULL, &a);
                mem_fail_nth(0);
                if (mem_get_stats().live_blocks != before) clean = 0;
            }
            if (rc != 0 || nth < 4) clean = 0;
        }
        CHECK_MSG(clean, "pipeline under failures");
    }
    mem_free(lines);
}

static void test_pipeline_demo(void) {
    const double v[] = {100, 6000, 5, 1, 0};
    double before_pct = -1, after_pct = -1, speedup = 0, compared = 0, probed = 0;
    char *json = NULL;
    const char *note;
    CHECK(run_demo("profile-a-pipeline", v, 5, &json) == DEMO_OK);
    note = json ? strstr(json, "validate took ") : NULL;
    CHECK(note != NULL && sscanf(note, "validate took %lf%% of the run before the fix and %lf%% after; "
                                       "the whole run got %lfx", &before_pct, &after_pct, &speedup) == 3);
    CHECK_MSG(before_pct > 50 && speedup > 1.5, "validate %g%% of the run before (%g%% after), %gx faster",
              before_pct, after_pct, speedup);
    note = json ? strstr(json, "Validate compared ids ") : NULL;
    CHECK(note != NULL && sscanf(note, "Validate compared ids %lf times before (about n^2/2) and made %lf",
                                 &compared, &probed) == 2);
    CHECK_MSG(compared > 100 * probed && compared <= 6000.0 * 5999 / 2, "list scan %g vs set %g", compared, probed);
    CHECK(strstr(json, "Profile at n = 6000, before") != NULL && strstr(json, "Profile at n = 6000, after") != NULL);
    CHECK(strstr(json, "[\"validate\",\"1\",") != NULL);
    mem_free(json);
    demo_run_under_failures("profile-a-pipeline", (const double[]){20, 60, 2, 1, 1}, 5);
}

/* --------------------------------------------------------- builtin-vs-loop */

static int cmp64(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static void test_builtin_vs_loop(void) {
    int64_t a[500], b[500], c[500], tmp[251];
    unsigned char src[1000], dst[1000];
    size_t i, n = 500;
    uint64_t x = 3;
    for (i = 0; i < sizeof src; i++) src[i] = (unsigned char)(i * 7);
    memset(dst, 0, sizeof dst);
    bvl_byte_copy(dst, src, sizeof src);
    CHECK(memcmp(dst, src, sizeof src) == 0);
    for (i = 0; i < n; i++) { x = x * 6364136223846793005ULL + 1; a[i] = b[i] = c[i] = (int64_t)(x >> 20) - (1LL << 42); }
    qsort(a, n, sizeof *a, cmp64);
    ops_reset();
    bvl_merge_sort(b, tmp, n);
    CHECK(memcmp(a, b, sizeof a) == 0);
    CHECK(ops_get().comparisons <= n * 9 && ops_get().comparisons >= n * 4);   /* log2(500) ~ 9 */
    ops_reset();
    bvl_qsort(c, n);
    CHECK(memcmp(a, c, sizeof a) == 0 && ops_get().comparisons > 0);
    for (i = 0; i < n; i++) b[i] = (int64_t)(n - i);   /* reversed: the worst case */
    ops_reset();
    bvl_insertion_sort(b, n);
    CHECK(ops_get().comparisons == n * (n - 1) / 2);
    ops_reset();
    bvl_insertion_sort(b, n);                          /* sorted: the best case */
    CHECK(ops_get().comparisons == n - 1);
    for (i = 1; i < n; i++) if (b[i - 1] > b[i]) break;
    CHECK(i == n);
}

static void test_builtin_vs_loop_demo(void) {
    const double v[] = {300, 30000, 10, 3, 3000};
    double mc[40], bl[40], x[40];
    char *json = NULL;
    int n;
    CHECK(run_demo("builtin-vs-loop", v, 5, &json) == DEMO_OK);
    CHECK(fit_is(json, "merge", "ops", "O(n log n)"));
    CHECK(fit_is(json, "insertion", "ops", "O(n^2)"));
    n = series_values(json, "insertion", "ops", "x", x, 40);
    CHECK(n == 10 && x[n - 1] == 3000);
    CHECK(series_values(json, "memcpy", "time", "y", mc, 40) == 10 &&
          series_values(json, "byte-loop", "time", "y", bl, 40) == 10 && bl[9] > 2 * mc[9]);
    CHECK(strstr(json, "\"metric\":\"sort time\"") != NULL);
    mem_free(json);
    demo_run_under_failures("builtin-vs-loop", (const double[]){20, 80, 2, 1, 40}, 5);
}

/* --------------------------------------------------------------- registry */

static void test_registry(void) {
    static const char *const ids[] = {"find-duplicates", "front-insert", "string-building", "profile-a-pipeline",
                                      "memoization", "lru-cache", "builtin-vs-loop"};
    size_t i;
    for (i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        const demo_info *d = demo_find(ids[i]);
        CHECK_MSG(d != NULL, "%s registered", ids[i]);
        if (d == NULL) continue;
        CHECK(strncmp(d->source_file, "c_src/demos/", 12) == 0);
        CHECK(strcmp(d->topic, i < 3 ? "03_time_complexity" : "06_optimization_techniques") == 0);
    }
}

int main(void) {
    size_t start = mem_get_stats().live_blocks;
    test_registry();
    test_find_duplicates();
    test_find_duplicates_demo();
    test_string_building();
    test_string_building_demo();
    test_front_insert();
    test_front_insert_demo();
    test_memoization();
    test_memoization_demo();
    test_lru_cache();
    test_lru_cache_demo();
    test_pipeline();
    test_pipeline_demo();
    test_builtin_vs_loop();
    test_builtin_vs_loop_demo();
    CHECK_MSG(mem_get_stats().live_blocks == start, "%zu blocks leaked", mem_get_stats().live_blocks - start);
    return check_report("test_demos_time_opt");
}
