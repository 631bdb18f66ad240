/*
** memoization.c -- demo "memoization": naive recursive Fibonacci vs the same
** recursion behind a cache vs a loop.
**
** Mirrors CPython 3.14's functools.cache, which is lru_cache(maxsize=None):
** Modules/_functoolsmodule.c infinite_lru_cache_wrapper looks the key up in
** a dict (_PyDict_GetItemRef_KnownHash); on a hit it returns the stored
** result (`self->hits` += 1), on a miss it calls the function and stores the
** result (_PyDict_SetItem_KnownHash). Our keys are the ints 0..n, which a
** CPython dict hashes to themselves, so the cache here is a table indexed
** by n: the same lookups, without the hashing.
**
** Call counts are exact: the naive recursion makes C(n) = 1 + C(n-1) +
** C(n-2) calls, C(0) = C(1) = 1, which solves to C(n) = 2*F(n+1) - 1 and
** grows by phi = 1.618... per step; the cached one makes 2n - 1.
** Recursion depth is at most n <= FIB_MAX_N frames, so no stack guard is
** needed here.
*/
#include "memoization.h"
#include "../demo.h"
#include "../mem.h"
#include "../ops.h"

/* @region Naive recursion: the same questions asked again and again */
uint64_t fib_naive(int n) {
    OPS_ADD(calls, 1);
    if (n < 2) return (uint64_t)n;
    return fib_naive(n - 1) + fib_naive(n - 2);
}
/* @endregion */

typedef struct fib_cache {
    uint64_t *value;
    unsigned char *known;      /* known[k]: value[k] is cached */
    uint64_t hits, misses;     /* as fib.cache_info() */
} fib_cache;

/* @region The same recursion behind a cache (functools.cache) */
static uint64_t fib_cached(fib_cache *c, int n) {
    uint64_t result;
    if (c->known[n]) {                  /* hit: a dict lookup, no work */
        c->hits++;
        return c->value[n];
    }
    c->misses++;                        /* miss: run the body once ... */
    OPS_ADD(calls, 1);
    result = n < 2 ? (uint64_t)n : fib_cached(c, n - 1) + fib_cached(c, n - 2);
    c->value[n] = result;               /* ... and remember the answer */
    c->known[n] = 1;
    return result;
}
/* @endregion */

int fib_memoized(int n, uint64_t *out, fib_cache_info *info) {
    fib_cache c;
    int k;
    c.value = mem_alloc((size_t)(n + 1) * sizeof *c.value);
    c.known = mem_alloc((size_t)(n + 1));
    if (c.value == NULL || c.known == NULL) {
        mem_free(c.value);
        mem_free(c.known);
        return -1;
    }
    for (k = 0; k <= n; k++) c.known[k] = 0;
    c.hits = c.misses = 0;
    *out = fib_cached(&c, n);
    if (info != NULL) { info->hits = c.hits; info->misses = c.misses; }
    mem_free(c.value);
    mem_free(c.known);
    return 0;
}

/* @region Bottom-up: keep only the last two values */
uint64_t fib_iterative(int n) {
    uint64_t a = 0, b = 1, next;
    int i;
    for (i = 0; i < n; i++) {
        OPS_ADD(steps, 1);
        next = a + b;
        a = b;
        b = next;
    }
    return a;
}
/* @endregion */

/* ------------------------------------------------------------ measuring -- */

typedef struct fib_data {
    int n, kind;         /* 0 naive, 1 memoized, 2 iterative */
    int failed;
    uint64_t result;
    fib_cache_info info;
} fib_data;

static void kernel(void *arg) {
    fib_data *d = arg;
    if (d->kind == 0) d->result = fib_naive(d->n);
    else if (d->kind == 1) { if (fib_memoized(d->n, &d->result, &d->info) < 0) d->failed = 1; }
    else d->result = fib_iterative(d->n);
}

static int run(demo_ctx *ctx) {
    static const char *ids[3] = {"naive", "memoized", "iterative"};
    static const char *labels[3] = {"naive recursion", "memoized (functools.cache)", "iterative loop"};
    int n_min = (int)demo_get(ctx, "n_min"), n_max = (int)demo_get(ctx, "n_max");
    int n, k, status = DEMO_OK, time_s[3], calls_s[3];
    double calls[3] = {0, 0, 0}, prev_naive = 0, ratio = 0, hits = 0, last_n = -1;
    for (k = 0; k < 3; k++) {
        time_s[k] = demo_series(ctx, ids[k], labels[k], "time", "s per fib(n)", DEMO_FIT);
        calls_s[k] = demo_series(ctx, ids[k], labels[k], "calls", "function bodies run (loop: steps)", DEMO_FIT);
        if (time_s[k] < 0 || calls_s[k] < 0) return DEMO_ERR_NOMEM;
    }
    for (n = n_min; n <= n_max && status == DEMO_OK; n++) {
        fib_data d = {0};
        uint64_t expect;
        if (demo_progress(ctx, (double)(n - n_min) / (n_max - n_min + 1), "computing fib(n)")) return DEMO_STOPPED;
        d.n = n;
        expect = fib_iterative(n);
        for (k = 0; k < 3 && status == DEMO_OK; k++) {
            tim_stats st;
            ops_counts ops;
            d.kind = k;
            status = demo_time(ctx, kernel, &d, &st);
            if (status != DEMO_OK) break;
            ops_reset();
            kernel(&d);
            ops = ops_get();
            if (d.failed) return DEMO_ERR_NOMEM;
            if (d.result != expect) return demo_fail(ctx, "fib(%d) disagrees between methods", n);
            calls[k] = (double)(ops.calls + ops.steps);
            demo_point(ctx, time_s[k], n, st.per_call_ns * 1e-9, st.uncertainty_ns * 1e-9);
            demo_point(ctx, calls_s[k], n, calls[k], 0);
        }
        if (status == DEMO_OK) {
            if (prev_naive > 0) ratio = calls[0] / prev_naive;
            prev_naive = calls[0];
            hits = (double)d.info.hits;
            last_n = n;
        }
    }
    demo_progress(ctx, 1.0, "done");
    if (last_n >= 0) {
        demo_note(ctx, "fib(%.0f): the naive recursion made %.0f calls, exactly 2*F(%.0f) - 1.", last_n, calls[0], last_n + 1);
        demo_note(ctx, "Memoized: the body ran %.0f times (n + 1 misses) and %.0f calls were cache hits. The loop took %.0f steps.",
                  calls[1], hits, calls[2]);
        if (ratio > 0) demo_note(ctx, "From fib(%.0f) to fib(%.0f) the naive call count grew %.3f times "
                                 "(the golden ratio is 1.618...).", last_n - 1, last_n, ratio);
    }
    return status;
}

static const demo_param params[] = {
    {"n_min", "smallest n", 1, 34, 5, 1},
    {"n_max", "largest n", 2, 35, 30, 1},
    {"repeats", "repeats per point", 1, 15, 5, 1},
};

const demo_info demo_memoization = {
    .id = "memoization",
    .topic = "06_optimization_techniques",
    .title = "Memoization: naive vs cached vs iterative Fibonacci",
    .caption = "The naive recursion's calls and time multiply by about 1.6 with every +1 in n (a wall on a linear axis); "
               "the memoized and iterative versions grow by a couple of calls per step and hug the floor.",
    .x_label = "n (computing fib(n))",
    .source_file = "c_src/demos/memoization.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
