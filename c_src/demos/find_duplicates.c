/*
** find_duplicates.c -- demo "find-duplicates": three ways to ask "does this
** list hold a repeated value?", on the worst case (all values distinct).
**
**   nested loops   compare every pair            n*(n-1)/2 comparisons
**   sort + scan    sorted copy, compare neighbours  about n*log2(n)
**   hash set       `if x in seen` + `seen.add(x)`   about 2-4 probes per item
**
** Mirrors CPython 3.14: the nested loop is list_contains's comparison loop
** (Objects/listobject.c) run for every item; the sort is a merge sort like
** listsort's merges (Timsort, Objects/listobject.c; on random data Timsort
** also makes about n*log2(n) comparisons); the set is set_lookkey and
** set_add_entry of Objects/setobject.c via hashset.c.
*/
#include "find_duplicates.h"
#include "../demo.h"
#include "../mem.h"
#include "../ops.h"
#include "hashset.h"

#include <string.h>

/* @region Nested loops: every pair once */
int fdup_nested(const int64_t *items, size_t n) {
    size_t i, j;
    for (i = 0; i < n; i++) {
        for (j = i + 1; j < n; j++) {
            OPS_ADD(comparisons, 1);
            if (items[i] == items[j]) return 1;
        }
    }
    return 0;
}
/* @endregion */

/* Top-down merge sort of a[0..n): merges through tmp (n/2 slots). */
static void merge_sort(int64_t *a, int64_t *tmp, size_t n) {
    size_t mid = n / 2, i = 0, j = mid, k = 0;
    if (n < 2) return;
    merge_sort(a, tmp, mid);
    merge_sort(a + mid, tmp, n - mid);
    memcpy(tmp, a, mid * sizeof *a);
    while (i < mid && j < n) {
        OPS_ADD(comparisons, 1);
        if (a[j] < tmp[i]) a[k++] = a[j++];
        else a[k++] = tmp[i++];
    }
    while (i < mid) a[k++] = tmp[i++];
}

/* @region Sort a copy, then compare neighbours */
int fdup_sorted(const int64_t *items, size_t n) {
    int64_t *copy = mem_alloc(n * sizeof *copy);        /* sorted(items) copies */
    int64_t *tmp = mem_alloc((n / 2 + 1) * sizeof *tmp);
    size_t i;
    int found = 0;
    if (copy == NULL || tmp == NULL) { mem_free(copy); mem_free(tmp); return -1; }
    memcpy(copy, items, n * sizeof *copy);
    merge_sort(copy, tmp, n);                           /* ~ n log2 n comparisons */
    for (i = 1; i < n && !found; i++) {                 /* equal values are now adjacent */
        OPS_ADD(comparisons, 1);
        found = copy[i] == copy[i - 1];
    }
    mem_free(copy);
    mem_free(tmp);
    return found;
}
/* @endregion */

/* @region Hash set: have we seen it before? */
int fdup_hashset(const int64_t *items, size_t n) {
    hset *seen = hset_new();
    size_t i;
    int found = 0;
    if (seen == NULL) return -1;
    for (i = 0; i < n && !found; i++) {
        if (hset_contains(seen, items[i])) found = 1;   /* x in seen: ~1 probe */
        else if (hset_add(seen, items[i]) < 0) found = -1;  /* seen.add(x) */
    }
    hset_free(seen);
    return found;
}
/* @endregion */

void fdup_fill_distinct(int64_t *items, size_t n) {
    size_t i;
    /* i * odd constant is a bijection mod 2^62: distinct values whose order
    ** looks random to the sort, hashed as CPython hashes ints (hash(x) == x) */
    for (i = 0; i < n; i++)
        items[i] = (int64_t)(((uint64_t)i * UINT64_C(0x9E3779B97F4A7C15)) & ((UINT64_C(1) << 62) - 1));
}

/* ------------------------------------------------------------ measuring -- */

typedef struct fdup_data {
    int64_t *items;      /* 2n distinct values; each call checks a window of n */
    size_t n, call;
    int (*check)(const int64_t *, size_t);
    int result;          /* last check's answer: 0 expected, -1 = no memory */
} fdup_data;

/* Each call checks a different window of the values: sorting the very same
** array again and again lets the CPU's branch predictor learn it by heart
** (it does, at a few thousand items), which would flatter the sort. */
static void kernel(void *arg) {
    fdup_data *d = arg;
    size_t start = (d->call++ * 7919) % (d->n + 1);
    int r = d->check(d->items + start, d->n);
    if (r != 0) d->result = r;      /* sticky: one failure spoils the point */
}

typedef struct fdup_series {
    const char *id, *label;
    int (*check)(const int64_t *, size_t);
    int time, ops;
} fdup_series;

/* Times one check at size n and counts its operations exactly. */
static int measure(demo_ctx *ctx, fdup_data *d, fdup_series *s, double *ops_out) {
    tim_stats st;
    ops_counts ops;
    int status;
    d->check = s->check;
    d->result = 0;
    status = demo_time(ctx, kernel, d, &st);
    if (status != DEMO_OK) return status;
    ops_reset();
    d->call = 0;                    /* count on the first window */
    kernel(d);
    ops = ops_get();
    if (d->result < 0) return DEMO_ERR_NOMEM;
    if (d->result > 0) return demo_fail(ctx, "found a repeat in distinct values");
    *ops_out = (double)(ops.comparisons + ops.probes);
    demo_point(ctx, s->time, (double)d->n, st.per_call_ns * 1e-9, st.uncertainty_ns * 1e-9);
    demo_point(ctx, s->ops, (double)d->n, *ops_out, 0);
    return DEMO_OK;
}

static int run(demo_ctx *ctx) {
    fdup_series series[3] = {
        {"nested", "nested loops (every pair)", fdup_nested, 0, 0},
        {"sort", "sort, then compare neighbours", fdup_sorted, 0, 0},
        {"set", "hash set (seen before?)", fdup_hashset, 0, 0},
    };
    double sizes[40], ops[3] = {0, 0, 0}, last_n = 0;
    int count = demo_sizes(ctx, sizes, 40), i, k, status = DEMO_OK;
    for (k = 0; k < 3; k++) {
        series[k].time = demo_series(ctx, series[k].id, series[k].label, "time", "s per check", DEMO_FIT);
        series[k].ops = demo_series(ctx, series[k].id, series[k].label, "ops", "comparisons + probes", DEMO_FIT);
        if (series[k].time < 0 || series[k].ops < 0) return DEMO_ERR_NOMEM;
    }
    for (i = 0; i < count && status == DEMO_OK; i++) {
        fdup_data d = {0};
        if (demo_progress(ctx, (double)i / count, "checking for repeats")) return DEMO_STOPPED;
        d.n = (size_t)sizes[i];
        d.items = mem_alloc(2 * d.n * sizeof *d.items);
        if (d.items == NULL) return DEMO_ERR_NOMEM;
        fdup_fill_distinct(d.items, 2 * d.n);
        for (k = 0; k < 3 && status == DEMO_OK; k++) status = measure(ctx, &d, &series[k], &ops[k]);
        if (status == DEMO_OK) last_n = sizes[i];
        mem_free(d.items);
    }
    demo_progress(ctx, 1.0, "done");
    if (last_n > 0) {
        demo_note(ctx, "All values are distinct (the worst case): every check must look at everything.");
        demo_note(ctx, "At n = %.0f: nested loops %.0f comparisons (n(n-1)/2), sort + scan %.0f, hash set %.0f probes + comparisons.",
                  last_n, ops[0], ops[1], ops[2]);
    }
    return status;
}

static const demo_param params[] = {
    DEMO_SWEEP_PARAMS(10, 100, 20000, 10000, 10),
};

const demo_info demo_find_duplicates = {
    .id = "find-duplicates",
    .topic = "03_time_complexity",
    .title = "Finding duplicates: nested loops vs sort vs set",
    .caption = "The nested loops bend upwards (n doubles, time quadruples) while sort-then-scan and the hash set stay "
               "close to straight lines. The operations view gives the exact counts: n(n-1)/2 comparisons for the nested loops.",
    .x_label = "n (items, all distinct)",
    .source_file = "c_src/demos/find_duplicates.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
