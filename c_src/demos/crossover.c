/*
** crossover.c -- demo "crossover": insertion sort vs merge sort at small n,
** and the n where the O(n log n) sort starts to win.
**
** Big-O drops constant factors; this demo puts them back. Insertion sort's
** inner step is one comparison and one move. Merge sort does fewer steps
** but pays for a call per piece (about 2n calls), a temporary buffer, and
** copying the left run out before merging it back, as Timsort's merge_lo
** does (Objects/listsort.txt, CPython 3.14). CPython's list.sort() sorts runs
** shorter than minrun (32..64 items) with binary insertion sort for exactly
** this reason. In pure Python, where merge sort also slices and builds new
** lists, the crossover comes later still.
**
** Cost model of the "weighted operations" chart, in units of one comparison,
** roughly what each costs in compiled C (stated here and in a note):
**   comparison 1, move (one item copied) 1, call 5, allocation 25,
**   branch miss 20
** An allocation is a malloc plus its free; a call is entry, frame, return.
** A branch miss is counted when a comparison's outcome differs from that
** same comparison's previous outcome, which is what a simple predictor
** gets wrong; a miss flushes the pipeline, some 15-20 cycles. Merge sort's
** comparisons on random data are coin flips (about one miss in two);
** insertion sort's inner loop misses about twice per item.
*/
#include "../demo.h"
#include "rng.h"
#include "../mem.h"
#include "../ops.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define COST_COMPARISON 1.0
#define COST_MOVE 1.0
#define COST_CALL 5.0
#define COST_ALLOCATION 25.0
#define COST_BRANCH_MISS 20.0

/* Branch misses of a last-outcome predictor, one per comparison site. */
static uint64_t branch_misses;
static int last_insertion, last_merge;

#define PREDICT(last, outcome) \
    do { int o_ = (outcome); branch_misses += (uint64_t)(o_ != (last)); (last) = o_; } while (0)

/* @region Insertion sort: tiny steps, but about n^2/4 of them */
static void insertion_sort(int64_t *a, size_t n) {
    size_t i, j;
    for (i = 1; i < n; i++) {
        int64_t v = a[i];
        for (j = i; j > 0; j--) {
            OPS_ADD(comparisons, 1);
            PREDICT(last_insertion, a[j - 1] <= v);
            if (a[j - 1] <= v) break;
            a[j] = a[j - 1];                  /* shift one place right */
            OPS_ADD(moves, 1);
        }
        a[j] = v;
        OPS_ADD(moves, 1);
    }
}
/* @endregion */

/* @region Merge sort: fewer steps, but each one costs more */
static void merge_sort_rec(int64_t *a, int64_t *tmp, size_t n) {
    size_t mid = n / 2, i = 0, j = mid, k = 0;
    OPS_ADD(calls, 1);                                   /* about 2n calls */
    if (n < 2) return;
    merge_sort_rec(a, tmp, mid);
    merge_sort_rec(a + mid, tmp, n - mid);
    memcpy(tmp, a, mid * sizeof *a);                     /* copy the left run out */
    OPS_ADD(moves, mid);
    while (i < mid && j < n) {                           /* merge back into a */
        OPS_ADD(comparisons, 1);
        PREDICT(last_merge, a[j] < tmp[i]);
        a[k++] = a[j] < tmp[i] ? a[j++] : tmp[i++];
        OPS_ADD(moves, 1);
    }
    while (i < mid) { a[k++] = tmp[i++]; OPS_ADD(moves, 1); }
}

/* Sorts a in place with a temporary buffer of n/2 items. Returns 0, or -1
** when out of memory, with a unchanged. */
static int merge_sort(int64_t *a, size_t n) {
    int64_t *tmp = mem_alloc((n / 2 + 1) * sizeof *tmp);
    if (tmp == NULL) return -1;
    OPS_ADD(allocations, 1);
    merge_sort_rec(a, tmp, n);
    mem_free(tmp);
    return 0;
}
/* @endregion */

static double weighted(const ops_counts *c, uint64_t misses) {
    return COST_COMPARISON * (double)c->comparisons + COST_MOVE * (double)c->moves +
           COST_CALL * (double)c->calls + COST_ALLOCATION * (double)c->allocations +
           COST_BRANCH_MISS * (double)misses;
}

/* ------------------------------------------------------------ measuring */

typedef struct xo_data {
    int64_t *input;      /* shuffled 0..n-1 */
    int64_t *work;       /* the array being sorted */
    size_t n;
    uint64_t rng;        /* state of the shuffles between timed calls */
    int failed;          /* merge sort ran out of memory */
} xo_data;

static volatile int64_t sink;

/* A fresh random permutation before every timed sort: shuffling the array
** left sorted by the previous call (Fisher-Yates). Sorting one permutation
** over and over would let the branch predictor learn it at small n. The
** shuffle is timed on its own and subtracted. */
static void kernel_shuffle(void *arg) {
    xo_data *d = arg;
    size_t i;
    for (i = d->n; i > 1; i--) {
        size_t j = (size_t)(((rng_next(&d->rng) >> 32) * (uint64_t)i) >> 32);
        int64_t t = d->work[i - 1];
        d->work[i - 1] = d->work[j];
        d->work[j] = t;
    }
    sink = d->work[0];
}

static void kernel_insertion(void *arg) {
    xo_data *d = arg;
    kernel_shuffle(d);
    insertion_sort(d->work, d->n);
    sink = d->work[0];
}

static void kernel_merge(void *arg) {
    xo_data *d = arg;
    kernel_shuffle(d);
    if (merge_sort(d->work, d->n) != 0) d->failed = 1;
    sink = d->work[0];
}

typedef struct xo_series {
    const char *id, *label;
    tim_kernel kernel;
    int time, cost;                 /* series indices */
    double t[40], c[40];            /* per size, for the crossovers */
} xo_series;

static int measure(demo_ctx *ctx, xo_data *d, xo_series *s, double restore_ns, int i) {
    tim_stats st;
    ops_counts ops;
    uint64_t misses;
    int status;
    memcpy(d->work, d->input, d->n * sizeof *d->work);   /* exact counts: a fixed input */
    ops_reset();
    branch_misses = 0;
    last_insertion = last_merge = 0;
    if (s->kernel == kernel_insertion) insertion_sort(d->work, d->n);
    else if (merge_sort(d->work, d->n) != 0) return DEMO_ERR_NOMEM;
    ops = ops_get();
    misses = branch_misses;
    status = demo_time(ctx, s->kernel, d, &st);
    if (d->failed) return DEMO_ERR_NOMEM;
    if (status != DEMO_OK) return status;
    s->t[i] = st.per_call_ns - restore_ns > 0 ? (st.per_call_ns - restore_ns) * 1e-9 : 0;
    s->c[i] = weighted(&ops, misses);
    demo_point(ctx, s->time, (double)d->n, s->t[i], st.uncertainty_ns * 1e-9);
    demo_point(ctx, s->cost, (double)d->n, s->c[i], 0);
    return DEMO_OK;
}

static int build(xo_data *d, size_t n) {
    uint64_t seed = 99;
    size_t i;
    d->n = n;
    d->rng = 12345;
    d->failed = 0;
    d->input = mem_alloc(n * sizeof *d->input);
    d->work = mem_alloc(n * sizeof *d->work);
    if (d->input == NULL || d->work == NULL) return DEMO_ERR_NOMEM;
    for (i = 0; i < n; i++) d->input[i] = (int64_t)i;
    rng_shuffle(d->input, n, &seed);   /* a fixed random permutation */
    return DEMO_OK;
}

static int measure_size(demo_ctx *ctx, xo_series *series, size_t n, int i) {
    xo_data d = {0};
    tim_stats st;
    int k, status = build(&d, n);
    if (status == DEMO_OK) status = demo_time(ctx, kernel_shuffle, &d, &st);
    for (k = 0; k < 2 && status == DEMO_OK; k++) status = measure(ctx, &d, &series[k], st.per_call_ns, i);
    mem_free(d.input);
    mem_free(d.work);
    return status;
}

/* The first size from which merge sort stays ahead (lower value) at every
** larger size measured: 0 if it always was, count if it never got ahead. */
static int crossover_index(const double *insertion, const double *merge, int count) {
    int i = count;
    while (i > 0 && merge[i - 1] < insertion[i - 1]) i--;
    return i;
}

static void report(demo_ctx *ctx, const double *sizes, int count, const xo_series *s, int use_time) {
    const char *what = use_time ? "time" : "weighted operations";
    int i = crossover_index(use_time ? s[0].t : s[0].c, use_time ? s[1].t : s[1].c, count);
    char label[DEMO_CELL];
    if (i == count) {
        demo_note(ctx, "By %s, insertion sort is ahead at every n up to %.0f: try a larger n.", what, sizes[count - 1]);
    } else if (i == 0) {
        demo_note(ctx, "By %s, merge sort is ahead at every n from %.0f: try a smaller n.", what, sizes[0]);
    } else {
        snprintf(label, sizeof label, "crossover (%s): n = %.0f", use_time ? "time" : "ops", sizes[i]);
        demo_marker(ctx, sizes[i], label);
        demo_note(ctx, "By %s, merge sort is ahead from n = %.0f (insertion sort still wins at n = %.0f). "
                  "At n = %.0f insertion sort takes %.1fx as long.", what, sizes[i], sizes[i - 1], sizes[count - 1],
                  use_time ? s[0].t[count - 1] / s[1].t[count - 1] : s[0].c[count - 1] / s[1].c[count - 1]);
    }
}

static int run(demo_ctx *ctx) {
    xo_series series[2] = {
        {"insertion", "insertion sort", kernel_insertion, 0, 0, {0}, {0}},
        {"merge", "merge sort", kernel_merge, 0, 0, {0}, {0}},
    };
    double sizes[40];
    int count = demo_sizes(ctx, sizes, 40), i, k, status = DEMO_OK;
    for (k = 0; k < 2; k++) {
        /* no fit for the times: at n this small the lower-order terms (a
        ** mispredicted branch per item, per call) bend the curves */
        series[k].time = demo_series(ctx, series[k].id, series[k].label, "time", "s per sort", DEMO_NOFIT);
        series[k].cost = demo_series(ctx, series[k].id, series[k].label, "cost",
                                     "weighted operations per sort", DEMO_FIT);
        if (series[k].time < 0 || series[k].cost < 0) return DEMO_ERR_NOMEM;
    }
    for (i = 0; i < count && status == DEMO_OK; i++) {
        if (demo_progress(ctx, (double)i / count, "sorting")) return DEMO_STOPPED;
        status = measure_size(ctx, series, (size_t)sizes[i], i);
    }
    if (status != DEMO_OK) return status;
    demo_progress(ctx, 1.0, "done");
    report(ctx, sizes, count, series, 1);
    report(ctx, sizes, count, series, 0);
    demo_note(ctx, "Weights, in comparisons: comparison %.0f, move %.0f, call %.0f, allocation %.0f, branch miss %.0f.",
              COST_COMPARISON, COST_MOVE, COST_CALL, COST_ALLOCATION, COST_BRANCH_MISS);
    demo_note(ctx, "Merge sort's comparisons are coin flips the CPU often mispredicts; insertion sort's "
              "loop misses about twice per item.");
    demo_note(ctx, "A count is only a model: caches, the compiler and the CPU set the real constants. "
              "Measure when one particular n matters.");
    demo_note(ctx, "Every timed sort gets a fresh random permutation; shuffling is timed apart and subtracted.");
    return DEMO_OK;
}

static const demo_param params[] = {
    DEMO_SWEEP_PARAMS(2, 2, 1000, 500, 30),
};

const demo_info demo_crossover = {
    .id = "crossover",
    .topic = "05_big_o_notation",
    .title = "Where the curves cross: insertion sort vs merge sort",
    .caption = "For small n the O(n^2) insertion sort is faster: its steps are tiny, while merge sort pays for calls, "
               "a buffer and copies. Past the marked crossover the quadratic curve pulls away.",
    .x_label = "n (items sorted)",
    .source_file = "c_src/demos/crossover.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
