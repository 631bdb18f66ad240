/*
** small_int_cache.c -- demo "small-int-cache": creating n ints drawn from a
** range of values, with and without CPython's cache of small ints, and what
** the cache does to identity (`is`).
**
** Mirrors CPython 3.14, Objects/longobject.c:
**     #define IS_SMALL_INT(ival) (-_PY_NSMALLNEGINTS <= (ival) && (ival) < _PY_NSMALLPOSINTS)
**     PyLong_FromLong: if (IS_SMALL_INT(ival)) return get_small_int(ival);
**                      ... else _PyLong_FromMedium allocates a new object.
** with, in Include/internal/pycore_runtime_structs.h (3.14; before 3.14 in
** pycore_global_objects.h / pycore_interp.h):
**     #define _PY_NSMALLPOSINTS           257
**     #define _PY_NSMALLNEGINTS           5
** so -5..256 are preallocated once, at startup, and immortal since 3.12
** (PEP 683): handing one out allocates nothing and changes no count.
** CPython 3.15 widens the cache to -5..1024 (_PY_NSMALLPOSINTS 1025,
** gh-133059); this demo follows 3.14.
*/
#include "pyobj.h"
#include "rng.h"
#include "../demo.h"
#include "../mem.h"
#include "../ops.h"

#include <stdint.h>
#include <stdio.h>

typedef struct sic_data {
    int64_t *values;        /* the n values to turn into ints */
    py_object **ints;       /* the n int objects (a list's slots) */
    size_t n;
    int use_cache;
} sic_data;

/* @region Creating ints with and without the small-int cache */
/* [int(v) for v in values]: PyLong_FromLong for each value. With the cache,
** a value in -5..256 is the one preallocated object; anything else is a new
** allocation. Returns 0, or -1 if an allocation fails (all freed again). */
static int make_ints(sic_data *d) {
    size_t i;
    for (i = 0; i < d->n; i++) {
        d->ints[i] = py_int_from_long(d->values[i], d->use_cache);
        if (d->ints[i] == NULL) {
            while (i > 0) py_decref(d->ints[--i]);
            return -1;
        }
    }
    return 0;
}

/* del the list: every non-cached int's count drops to 0 and it is freed;
** the cached ones are immortal and stay. */
static void drop_ints(sic_data *d) {
    size_t i;
    for (i = 0; i < d->n; i++) py_decref(d->ints[i]);
}
/* @endregion */

/* a = int(str(v)); b = int(str(v)); a is b ? -- 1, 0, or -1 (no memory). */
static int same_object(int64_t v, int use_cache) {
    py_object *a = py_int_from_long(v, use_cache), *b;
    int same;
    if (a == NULL) return -1;
    b = py_int_from_long(v, use_cache);
    if (b == NULL) { py_decref(a); return -1; }
    same = a == b;
    py_decref(a);
    py_decref(b);
    return same;
}

/* The range of values for which two separately made ints are one object. */
static int cached_range(int64_t *lo, int64_t *hi) {
    int64_t v;
    int found = 0;
    for (v = -1000; v <= 1000; v++) {
        int same = same_object(v, 1);
        if (same < 0) return -1;
        if (same && !found) { *lo = v; found = 1; }
        if (same) *hi = v;
    }
    return found ? 0 : -1;
}

static int identity_table(demo_ctx *ctx) {
    static const int64_t values[] = {-6, -5, 0, 1, 100, 255, 256, 257, 1000};
    static const char *const headers[] = {"v", "a is b (with cache)", "a is b (no cache)", "a == b"};
    int t = demo_table(ctx, "a = int(str(v)); b = int(str(v))", 4, headers);
    size_t i;
    for (i = 0; t >= 0 && i < sizeof values / sizeof values[0]; i++) {
        char v[24];
        const char *cells[4];
        int with = same_object(values[i], 1), without = same_object(values[i], 0);
        if (with < 0 || without < 0) return DEMO_ERR_NOMEM;
        snprintf(v, sizeof v, "%lld", (long long)values[i]);
        cells[0] = v;
        cells[1] = with ? "True" : "False";
        cells[2] = without ? "True" : "False";
        cells[3] = "True";
        demo_table_row(ctx, t, cells);
    }
    return DEMO_OK;
}

typedef struct sic_series { int allocs, bytes; } sic_series;

static int add_series(demo_ctx *ctx, sic_series *s, const char *id, const char *label) {
    s->allocs = demo_series(ctx, id, label, "ops", "int objects allocated", DEMO_FIT);
    s->bytes = demo_series(ctx, id, label, "bytes", "bytes of int objects", DEMO_FIT);
    return (s->allocs < 0 || s->bytes < 0) ? DEMO_ERR_NOMEM : DEMO_OK;
}

/* One point of one series set: allocations and bytes, both exact. */
static int measure(demo_ctx *ctx, sic_data *d, const sic_series *s, double *allocs) {
    size_t before = mem_get_stats().current_bytes;
    double bytes;
    ops_reset();
    if (make_ints(d) != 0) return DEMO_ERR_NOMEM;
    *allocs = (double)ops_get().allocations;
    bytes = (double)(mem_get_stats().current_bytes - before);
    drop_ints(d);
    demo_point(ctx, s->allocs, (double)d->n, *allocs, 0);
    demo_point(ctx, s->bytes, (double)d->n, bytes, 0);
    return DEMO_OK;
}

/* values[i]: lo..hi, the same draws in every run. */
static int prepare(sic_data *d, size_t n, int64_t lo, int64_t hi) {
    uint64_t seed = 2024, span = (uint64_t)(hi - lo) + 1;
    size_t i;
    d->values = mem_alloc(n * sizeof *d->values);
    d->ints = mem_alloc(n * sizeof *d->ints);
    d->n = n;
    if (d->values == NULL || d->ints == NULL) return DEMO_ERR_NOMEM;
    for (i = 0; i < n; i++) d->values[i] = lo + (int64_t)(rng_next(&seed) % span);
    return DEMO_OK;
}

static void release(sic_data *d) {
    mem_free(d->values);
    mem_free(d->ints);
    d->values = NULL;
    d->ints = NULL;
}

static int sweep(demo_ctx *ctx, sic_series *with, sic_series *without, int64_t lo, int64_t hi) {
    double sizes[40], a_with = 0, a_without = 0;
    int count = demo_sizes(ctx, sizes, 40), i, status = DEMO_OK;
    for (i = 0; i < count && status == DEMO_OK; i++) {
        sic_data d;
        if (demo_progress(ctx, (double)i / count, "creating ints")) return DEMO_STOPPED;
        status = prepare(&d, (size_t)sizes[i], lo, hi);
        d.use_cache = 1;
        if (status == DEMO_OK) status = measure(ctx, &d, with, &a_with);
        d.use_cache = 0;
        if (status == DEMO_OK) status = measure(ctx, &d, without, &a_without);
        release(&d);
        if (status == DEMO_OK && i == count - 1)
            demo_note(ctx, "At n = %.0f: %.0f allocations with the cache, %.0f without (%.0f%% avoided).",
                      sizes[i], a_with, a_without, a_without > 0 ? 100.0 * (a_without - a_with) / a_without : 0);
    }
    return status;
}

static int run(demo_ctx *ctx) {
    sic_series with, without;
    int64_t lo = (int64_t)demo_get(ctx, "value_min"), hi = (int64_t)demo_get(ctx, "value_max");
    int64_t c_lo = 0, c_hi = 0, in_cache;
    int status;
    if (lo > hi) return demo_fail(ctx, "smallest value (%lld) must not exceed largest value (%lld)",
                                  (long long)lo, (long long)hi);
    if (add_series(ctx, &with, "cache", "with the small-int cache") != DEMO_OK ||
        add_series(ctx, &without, "no-cache", "without a cache") != DEMO_OK) return DEMO_ERR_NOMEM;
    if (identity_table(ctx) != DEMO_OK || cached_range(&c_lo, &c_hi) != 0) return DEMO_ERR_NOMEM;
    demo_note(ctx, "Values that come back as the same object: %lld..%lld (%lld objects, made once at startup).",
              (long long)c_lo, (long long)c_hi, (long long)(c_hi - c_lo + 1));
    in_cache = (hi < c_lo || lo > c_hi) ? 0 : (hi < c_hi ? hi : c_hi) - (lo > c_lo ? lo : c_lo) + 1;
    demo_note(ctx, "Values drawn from %lld..%lld: %.0f%% of them are in the cache; every other one costs a %u-byte object.",
              (long long)lo, (long long)hi, 100.0 * (double)in_cache / (double)(hi - lo + 1),
              (unsigned)PY_INT_ALLOC_BYTES);
    status = sweep(ctx, &with, &without, lo, hi);
    demo_progress(ctx, 1.0, "done");
    return status;
}

static const demo_param params[] = {
    {"n_min", "smallest n", 100, 1000000, 1000, 1},
    {"n_max", "largest n", 100, 1000000, 100000, 1},
    {"points", "points", 2, 40, 8, 1},
    {"value_min", "smallest value", -1000000, 1000000, 0, 1},
    {"value_max", "largest value", -1000000, 1000000, 511, 1},
};

const demo_info demo_small_int_cache = {
    .id = "small-int-cache",
    .topic = "01_memory_basics",
    .title = "The small-int cache: -5..256 are made once",
    .caption = "Without the cache every int is a new allocation; with it, values from -5 to 256 cost nothing, so the line "
               "is as much flatter as the share of cached values. The table shows the other effect: equal ints outside "
               "the cache are different objects.",
    .x_label = "n (ints created)",
    .source_file = "c_src/demos/small_int_cache.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
