/*
** builtin_vs_loop.c -- demo "builtin-vs-loop": the same work done by a C
** library routine and by a plain hand-written loop.
**
**   copy  memcpy vs a byte-by-byte loop: both O(n), different slopes.
**   sort  qsort vs a hand-written merge sort: both O(n log n), different
**         constants; and vs a hand-written insertion sort: O(n^2), a
**         different class (measured only up to `insertion_max` items).
**
** The lesson's contrast is Python bytecode per item vs a built-in's C loop
** (CPython 3.14 Python/bltinmodule.c builtin_sum_impl adds C longs in a
** tight loop; list.sort is listsort in Objects/listobject.c). Here both
** sides are C, so what separates them is how the work is done: memcpy moves
** 16-64 bytes per instruction with code tuned per CPU, while the loop below
** moves one byte per step. The loop writes through a `volatile` pointer so
** the compiler cannot recognise it and turn it back into a memcpy call (it
** would at -O2), nor widen it; that is what a naive loop costs.
** qsort calls a comparison function through a pointer for every
** comparison, which a hand-written sort of int64 does not need -- so the
** "built-in" is not automatically the faster one here. (glibc's qsort may
** allocate a merge buffer with malloc, outside our counting allocator;
** every buffer this file allocates goes through mem_alloc. qsort's
** comparison count depends on the C library: glibc and musl differ.)
*/
#include "builtin_vs_loop.h"
#include "../demo.h"
#include "../mem.h"
#include "../ops.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* @region Copying: a byte at a time vs memcpy */
void bvl_byte_copy(void *dst, const void *src, size_t len) {
    volatile unsigned char *d = dst;            /* volatile: one real store per byte */
    const unsigned char *s = src;
    size_t i;
    for (i = 0; i < len; i++) d[i] = s[i];
}
/* The library version is one call: memcpy(dst, src, len). */
/* @endregion */

/* @region Sorting by hand: merge sort (n log n) and insertion sort (n^2) */
void bvl_merge_sort(int64_t *a, int64_t *tmp, size_t n) {
    size_t mid = n / 2, i = 0, j = mid, k = 0;
    if (n < 2) return;
    bvl_merge_sort(a, tmp, mid);                /* sort each half ... */
    bvl_merge_sort(a + mid, tmp, n - mid);
    memcpy(tmp, a, mid * sizeof *a);            /* ... then merge them */
    while (i < mid && j < n) {
        OPS_ADD(comparisons, 1);
        if (a[j] < tmp[i]) a[k++] = a[j++];
        else a[k++] = tmp[i++];
    }
    while (i < mid) a[k++] = tmp[i++];
}

void bvl_insertion_sort(int64_t *a, size_t n) {
    size_t i, j;
    for (i = 1; i < n; i++) {
        int64_t x = a[i];
        for (j = i; j > 0; j--) {               /* shift bigger items right */
            OPS_ADD(comparisons, 1);
            if (a[j - 1] <= x) break;
            a[j] = a[j - 1];
        }
        a[j] = x;
    }
}
/* @endregion */

/* @region The library sort: qsort and its comparison callback */
static int compare_int64(const void *pa, const void *pb) {
    int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
    OPS_ADD(comparisons, 1);
    return (a > b) - (a < b);
}

void bvl_qsort(int64_t *a, size_t n) {
    qsort(a, n, sizeof *a, compare_int64);      /* a call per comparison */
}
/* @endregion */

/* ------------------------------------------------------------ measuring -- */

typedef struct bvl_data {
    int64_t *input;      /* 2n random values: each sort takes a different window */
    int64_t *work, *tmp, *copy;
    size_t n, call;      /* call picks the window */
} bvl_data;

static void k_memcpy(void *arg) {
    bvl_data *d = arg;
    memcpy(d->copy, d->input, d->n * sizeof *d->input);
}

static void k_byte_loop(void *arg) {
    bvl_data *d = arg;
    bvl_byte_copy(d->copy, d->input, d->n * sizeof *d->input);
}

/* Sort kernels sort a fresh copy of n input values each call; the copy's
** cost, measured by k_memcpy at the same n, is subtracted. Each call copies
** a different window of the input: sorting the very same array again and
** again lets the CPU's branch predictor learn its comparisons by heart (at
** a few thousand items it does), which would make small sorts look faster
** than they are. */
static void load_work(bvl_data *d) {
    size_t start = (d->call++ * 7919) % (d->n + 1);
    memcpy(d->work, d->input + start, d->n * sizeof *d->input);
}

static void k_qsort(void *arg) {
    bvl_data *d = arg;
    load_work(d);
    bvl_qsort(d->work, d->n);
}

static void k_merge(void *arg) {
    bvl_data *d = arg;
    load_work(d);
    bvl_merge_sort(d->work, d->tmp, d->n);
}

static void k_insertion(void *arg) {
    bvl_data *d = arg;
    load_work(d);
    bvl_insertion_sort(d->work, d->n);
}

static void release(bvl_data *d) {
    mem_free(d->input);
    mem_free(d->work);
    mem_free(d->tmp);
    mem_free(d->copy);
    d->input = d->work = d->tmp = d->copy = NULL;
}

static int prepare(bvl_data *d, size_t n) {
    uint64_t x = 42;
    size_t i;
    d->n = n;
    d->call = 0;
    d->input = mem_alloc(2 * n * sizeof *d->input);
    d->work = mem_alloc(n * sizeof *d->work);
    d->tmp = mem_alloc((n / 2 + 1) * sizeof *d->tmp);
    d->copy = mem_alloc(n * sizeof *d->copy);
    if (!d->input || !d->work || !d->tmp || !d->copy) { release(d); return DEMO_ERR_NOMEM; }
    for (i = 0; i < 2 * n; i++) {               /* splitmix64: random, fixed seed */
        uint64_t z = (x += UINT64_C(0x9E3779B97F4A7C15));
        z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
        d->input[i] = (int64_t)((z ^ (z >> 31)) >> 1);
    }
    return DEMO_OK;
}

static int sorted_ok(const bvl_data *d) {
    size_t i;
    for (i = 1; i < d->n; i++) if (d->work[i - 1] > d->work[i]) return 0;
    return 1;
}

typedef struct bvl_kind {
    const char *id, *label;
    tim_kernel kernel;
    int time, ops;       /* series; ops < 0 for the copies */
} bvl_kind;

/* Times one kernel (and counts a sort's comparisons); *raw_ns: time per call. */
static int measure(demo_ctx *ctx, bvl_data *d, bvl_kind *k, double copy_ns, double *ops_out, double *raw_ns) {
    tim_stats st;
    double t;
    int status = demo_time(ctx, k->kernel, d, &st);
    if (status != DEMO_OK) return status;
    t = *raw_ns = st.per_call_ns;
    if (k->ops >= 0) {
        t = t - copy_ns > 0.01 * t ? t - copy_ns : 0.01 * t;   /* minus the input copy */
        ops_reset();
        d->call = 0;                            /* count on the first window */
        k->kernel(d);
        *ops_out = (double)ops_get().comparisons;
        if (!sorted_ok(d)) return demo_fail(ctx, "%s left the data unsorted", k->label);
        demo_point(ctx, k->ops, (double)d->n, *ops_out, 0);
    }
    demo_point(ctx, k->time, (double)d->n, t * 1e-9, st.uncertainty_ns * 1e-9);
    return DEMO_OK;
}

static int run(demo_ctx *ctx) {
    bvl_kind kinds[5] = {
        {"memcpy", "memcpy (library)", k_memcpy, 0, -1},
        {"byte-loop", "byte-by-byte loop", k_byte_loop, 0, -1},
        {"qsort", "qsort (library)", k_qsort, 0, 0},
        {"merge", "merge sort (by hand)", k_merge, 0, 0},
        {"insertion", "insertion sort (by hand)", k_insertion, 0, 0},
    };
    double sizes[40], ops[5] = {0, 0, 0, 0, 0}, times[5] = {0, 0, 0, 0, 0};
    double ins_max = demo_get(ctx, "insertion_max"), last_n = 0, last_ins = 0, top;
    int count = demo_sizes(ctx, sizes, 40), i, k, status = DEMO_OK;
    for (k = 0; k < 5; k++) {
        int copy = k < 2;
        kinds[k].time = demo_series(ctx, kinds[k].id, kinds[k].label, copy ? "time" : "sort time",
                                    copy ? "s per copy of n int64" : "s per sort", DEMO_FIT);
        kinds[k].ops = copy ? -1 : demo_series(ctx, kinds[k].id, kinds[k].label, "ops", "comparisons", DEMO_FIT);
        if (kinds[k].time < 0 || (!copy && kinds[k].ops < 0)) return DEMO_ERR_NOMEM;
    }
    /* Insertion sort is quadratic: it gets its own sweep from n_min to
    ** insertion_max, interleaved with the main one so both share the time
    ** budget. Its input copy (under 0.1% of its time) is not subtracted. */
    top = ins_max < demo_get(ctx, "n_max") ? ins_max : demo_get(ctx, "n_max");
    for (i = 0; i < count && status == DEMO_OK; i++) {
        double t = count > 1 ? (double)i / (count - 1) : 0, n = floor(sizes[0] * pow(top / sizes[0], t) + 0.5);
        bvl_data d = {0};
        if (demo_progress(ctx, (double)i / count, "copying and sorting")) return DEMO_STOPPED;
        status = prepare(&d, (size_t)sizes[i]);
        for (k = 0; k < 4 && status == DEMO_OK; k++)
            status = measure(ctx, &d, &kinds[k], times[0], &ops[k], &times[k]);
        release(&d);
        if (status == DEMO_OK) last_n = sizes[i];
        if (status != DEMO_OK || sizes[0] >= top || n <= last_ins) continue;
        status = prepare(&d, (size_t)n);
        if (status == DEMO_OK) status = measure(ctx, &d, &kinds[4], 0, &ops[4], &times[4]);
        release(&d);
        if (status == DEMO_OK) last_ins = n;
    }
    demo_progress(ctx, 1.0, "done");
    if (last_n > 0) {
        demo_note(ctx, "At n = %.0f: qsort made %.0f comparisons (each a call through a pointer), the merge sort %.0f.",
                  last_n, ops[2], ops[3]);
        demo_note(ctx, "Copying %.0f bytes: memcpy took %.3g µs, the byte loop %.3g µs (%.0fx slower).",
                  last_n * 8, times[0] / 1e3, times[1] / 1e3, times[0] > 0 ? times[1] / times[0] : 0.0);
        demo_note(ctx, "The byte loop writes through a volatile pointer, so the compiler can't turn it back into memcpy.");
        if (last_ins < last_n) demo_note(ctx, "Insertion sort (O(n^2)) is measured only up to n = %.0f (insertion_max).", last_ins);
    }
    return status;
}

static const demo_param params[] = {
    DEMO_SWEEP_PARAMS(10, 500, 500000, 50000, 10),
    {"insertion_max", "largest n for insertion sort", 10, 20000, 10000, 1},
};

const demo_info demo_builtin_vs_loop = {
    .id = "builtin-vs-loop",
    .topic = "06_optimization_techniques",
    .title = "Library routine vs hand-written loop: memcpy, qsort",
    .caption = "memcpy and the byte loop are both straight lines (O(n)) with very different slopes. In the sort view, qsort "
               "and the merge sort are both n log n; the insertion sort bends upward: that is a different class, not a constant.",
    .x_label = "n (int64 items)",
    .source_file = "c_src/demos/builtin_vs_loop.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
