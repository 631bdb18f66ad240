/*
** class_gallery.c -- demo "class-gallery": one real algorithm per
** complexity class, measured on growing inputs and fitted.
**
**   O(1)       lst[i]                 (listobject.c list_subscript, 3.14)
**   O(log n)   bisect.bisect_left     (Modules/_bisectmodule.c, 3.14)
**   O(n)       sum(lst)               (Python/bltinmodule.c builtin_sum_impl)
**   O(n log n) merge sort             (the merging half of Timsort, listsort.txt)
**   O(n^2)     insertion sort on reversed input (its worst case)
**   O(2^n)     naive subset sum: try with and without each item
**
** Operations are counted exactly (one lookup, one comparison, one addition,
** one call), so the fitted class of each "ops" series is unambiguous. The
** classes need very different n to show their shape, so each has its own
** range: 2^n becomes hopeless past n = 30, n^2 past a few thousand.
*/
#include "../demo.h"
#include "rng.h"
#include "../mem.h"
#include "../ops.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#define LOOKUPS 64      /* lookups per timed call for O(1) and O(log n) */

/* @region The constant, logarithmic and linear ones */
static int64_t index_at(const int64_t *a, size_t i) {        /* lst[i] */
    OPS_ADD(steps, 1);
    return a[i];
}

static size_t bisect_left(const int64_t *a, size_t n, int64_t x) {
    size_t lo = 0, hi = n;
    while (lo < hi) {                                          /* halve the range */
        size_t mid = lo + (hi - lo) / 2;
        OPS_ADD(comparisons, 1);
        if (a[mid] < x) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static int64_t sum(const int64_t *a, size_t n) {
    int64_t total = 0;
    size_t i;
    for (i = 0; i < n; i++) total += a[i];                    /* one addition per item */
    OPS_ADD(steps, n);
    return total;
}
/* @endregion */

/* @region The sorts: n log n and n^2 */
static void merge_sort(int64_t *a, int64_t *aux, size_t n) {
    size_t mid = n / 2, i = 0, j = mid, k = 0;
    if (n < 2) return;
    merge_sort(a, aux, mid);                                   /* log2(n) levels ... */
    merge_sort(a + mid, aux, n - mid);
    memcpy(aux, a, mid * sizeof *a);                           /* ... of n work each */
    while (i < mid && j < n) {
        OPS_ADD(comparisons, 1);
        a[k++] = a[j] < aux[i] ? a[j++] : aux[i++];
    }
    while (i < mid) a[k++] = aux[i++];
}

static void insertion_sort(int64_t *a, size_t n) {
    size_t i, j;
    for (i = 1; i < n; i++) {
        int64_t v = a[i];
        for (j = i; j > 0; j--) {                              /* up to i steps back */
            OPS_ADD(comparisons, 1);
            if (a[j - 1] <= v) break;
            a[j] = a[j - 1];
        }
        a[j] = v;
    }
}
/* @endregion */

/* @region Exponential: every subset, by include / exclude */
static int subset_sum(const int64_t *items, size_t n, int64_t target) {
    OPS_ADD(calls, 1);
    if (n == 0) return target == 0;
    return subset_sum(items + 1, n - 1, target - items[0])    /* with items[0] */
        || subset_sum(items + 1, n - 1, target);               /* without it */
}
/* @endregion */

/* ------------------------------------------------------------ measuring */

typedef enum { G_INDEX, G_BISECT, G_SUM, G_MERGE, G_INSERTION, G_SUBSET, G_COUNT } gclass;

typedef struct gallery_data {
    gclass cls;
    size_t n;
    int64_t *a;          /* sorted evens 0, 2, 4, ... (index, bisect, sum, subset items) */
    int64_t *input;      /* what a sort starts from: shuffled, or reversed */
    int64_t *work, *aux; /* the array being sorted; merge sort's buffer */
    uint64_t key;        /* varies merge sort's input between calls */
    int64_t queries[LOOKUPS];
} gallery_data;

static volatile int64_t sink;

/* A sort must start from the same kind of input every call. For merge sort
** the values are XORed with a key that changes each call, so the branch
** predictor cannot learn one permutation. Timed apart and subtracted. */
static void kernel_restore(void *arg) {
    gallery_data *d = arg;
    int64_t key = d->cls == G_MERGE ? (int64_t)(rng_next(&d->key) & 0xFFFF) : 0;
    size_t i;
    for (i = 0; i < d->n; i++) d->work[i] = d->input[i] ^ key;
    sink = d->work[0];
}

static void kernel(void *arg) {
    gallery_data *d = arg;
    int64_t acc = 0;
    int q;
    switch (d->cls) {
    case G_INDEX:
        for (q = 0; q < LOOKUPS; q++) acc += index_at(d->a, (d->n * (size_t)q) / LOOKUPS);
        break;
    case G_BISECT:
        for (q = 0; q < LOOKUPS; q++) acc += (int64_t)bisect_left(d->a, d->n, d->queries[q]);
        break;
    case G_SUM: acc = sum(d->a, d->n); break;
    case G_MERGE: kernel_restore(d); merge_sort(d->work, d->aux, d->n); acc = d->work[0]; break;
    case G_INSERTION: kernel_restore(d); insertion_sort(d->work, d->n); acc = d->work[0]; break;
    default: acc = subset_sum(d->a, d->n, -1); break;   /* unreachable: every subset is tried */
    }
    sink = acc;
}

static void release(gallery_data *d) {
    mem_free(d->a);
    mem_free(d->input);
    mem_free(d->work);
    mem_free(d->aux);
    d->a = d->input = d->work = d->aux = NULL;
}

/* Allocates what class cls needs at size n. */
static int prepare(gallery_data *d, gclass cls, size_t n) {
    uint64_t seed = 7;
    size_t i;
    int q, sorting = cls == G_MERGE || cls == G_INSERTION;
    d->cls = cls;
    d->n = n;
    d->key = 1;
    d->a = mem_alloc(n * sizeof *d->a);
    if (sorting) {
        d->input = mem_alloc(n * sizeof *d->input);
        d->work = mem_alloc(n * sizeof *d->work);
        d->aux = mem_alloc((n / 2 + 1) * sizeof *d->aux);
    }
    if (d->a == NULL || (sorting && (!d->input || !d->work || !d->aux))) { release(d); return DEMO_ERR_NOMEM; }
    for (i = 0; i < n; i++) d->a[i] = (int64_t)(2 * i);
    for (q = 0; q < LOOKUPS; q++) d->queries[q] = (int64_t)(2 * ((n * (size_t)q) / LOOKUPS) + 1);
    if (cls == G_INSERTION)
        for (i = 0; i < n; i++) d->input[i] = (int64_t)(n - i);       /* reversed: worst case */
    if (cls == G_MERGE) {
        for (i = 0; i < n; i++) d->input[i] = (int64_t)i;
        rng_shuffle(d->input, n, &seed);   /* a fixed random permutation */
    }
    return DEMO_OK;
}

typedef struct gallery_class {
    const char *id, *label;
    int ops, time;       /* series indices; time < 0 when not timed */
} gallery_class;

static const gallery_class class_names[G_COUNT] = {
    {"index", "O(1): lst[i]", 0, 0},
    {"bisect", "O(log n): binary search", 0, 0},
    {"sum", "O(n): sum(lst)", 0, 0},
    {"merge-sort", "O(n log n): merge sort", 0, 0},
    {"insertion-sort", "O(n^2): insertion sort, reversed input", 0, 0},
    {"subset-sum", "O(2^n): naive subset sum", 0, 0},
};

/* One point: exact operations, then the time (both per lookup for the
** first two classes, per call otherwise). */
static int measure(demo_ctx *ctx, gallery_data *d, const gallery_class *c) {
    double per = (d->cls == G_INDEX || d->cls == G_BISECT) ? LOOKUPS : 1, ns;
    tim_stats st, restore;
    ops_counts ops;
    int status;
    if (d->work) kernel_restore(d);
    ops_reset();
    kernel(d);
    ops = ops_get();
    demo_point(ctx, c->ops, (double)d->n, (double)ops_total(&ops) / per, 0);
    if (c->time < 0) return DEMO_OK;
    status = demo_time(ctx, kernel, d, &st);
    if (status == DEMO_OK && d->work) status = demo_time(ctx, kernel_restore, d, &restore);
    if (status != DEMO_OK) return status;
    ns = st.per_call_ns - (d->work ? restore.per_call_ns : 0);
    demo_point(ctx, c->time, (double)d->n, (ns > 0 ? ns : 0) / per * 1e-9, st.uncertainty_ns / per * 1e-9);
    return DEMO_OK;
}

/* The sizes of one class: the sweep for the first four, n_quad/20..n_quad
** (geometric) for insertion sort, n_exp-12..n_exp (whole steps) for 2^n. */
static int class_sizes(demo_ctx *ctx, gclass cls, double *out, int max) {
    int points = (int)demo_get(ctx, "points"), i, count = 0;
    double lo, hi;
    if (cls <= G_MERGE) return demo_sizes(ctx, out, max);
    hi = demo_get(ctx, cls == G_INSERTION ? "n_quad" : "n_exp");
    lo = cls == G_INSERTION ? hi / 20 : hi - 12;
    if (points > max) points = max;
    for (i = 0; i < points; i++) {
        double t = (double)i / (points - 1), n;
        n = cls == G_INSERTION ? lo * pow(hi / lo, t) : lo + (hi - lo) * t;
        n = (double)(long)(n + 0.5);
        if (count == 0 || n > out[count - 1]) out[count++] = n;
    }
    return count;
}

static int add_series(demo_ctx *ctx, gallery_class *classes) {
    /* the time of sum and insertion sort first: the lesson compares their
    ** slopes; the others when there is room for their series */
    static const gclass timed_first[G_COUNT] = {G_SUM, G_INSERTION, G_MERGE, G_SUBSET, G_BISECT, G_INDEX};
    int k, used = G_COUNT;
    for (k = 0; k < G_COUNT; k++) {
        classes[k] = class_names[k];
        classes[k].ops = demo_series(ctx, classes[k].id, classes[k].label, "ops",
                                     "operations (lookups, comparisons, additions, calls)", DEMO_FIT);
        classes[k].time = -1;
        if (classes[k].ops < 0) return DEMO_ERR_NOMEM;
    }
    for (k = 0; k < G_COUNT && used < DEMO_MAX_SERIES; k++, used++) {
        gallery_class *c = &classes[timed_first[k]];
        c->time = demo_series(ctx, c->id, c->label, "time", "s per call (per lookup for the first two)", DEMO_FIT);
        if (c->time < 0) return DEMO_ERR_NOMEM;
    }
    return DEMO_OK;
}

static int run(demo_ctx *ctx) {
    gallery_class classes[G_COUNT];
    double sizes[G_COUNT][40];
    int counts[G_COUNT], total = 0, done = 0, k, i, status;
    status = add_series(ctx, classes);
    if (status != DEMO_OK) return status;
    for (k = 0; k < G_COUNT; k++) total += counts[k] = class_sizes(ctx, (gclass)k, sizes[k], 40);
    for (k = 0; k < G_COUNT; k++) {
        for (i = 0; i < counts[k]; i++, done++) {
            gallery_data d = {0};
            if (demo_progress(ctx, (double)done / total, classes[k].label)) return DEMO_STOPPED;
            if (prepare(&d, (gclass)k, (size_t)sizes[k][i]) != DEMO_OK) return DEMO_ERR_NOMEM;
            status = measure(ctx, &d, &classes[k]);
            release(&d);
            if (status != DEMO_OK) return status;
        }
    }
    demo_progress(ctx, 1.0, "done");
    demo_note(ctx, "Each class has its own range of n: 2^n at n = %.0f..%.0f, n^2 at %.0f..%.0f, the others at %.0f..%.0f.",
              sizes[G_SUBSET][0], sizes[G_SUBSET][counts[G_SUBSET] - 1], sizes[G_INSERTION][0],
              sizes[G_INSERTION][counts[G_INSERTION] - 1], sizes[G_SUM][0], sizes[G_SUM][counts[G_SUM] - 1]);
    demo_note(ctx, "On log-log axes a power of n is a straight line whose slope is the exponent; 2^n keeps bending up.");
    if (DEMO_MAX_SERIES < 2 * G_COUNT)
        demo_note(ctx, "Times are shown for sum and insertion sort (a chart holds %d series); operations for all six.",
                  DEMO_MAX_SERIES);
    return DEMO_OK;
}

static const demo_param params[] = {
    DEMO_SWEEP_PARAMS(100, 1000, 1000000, 100000, 8),
    {"n_quad", "largest n for insertion sort", 40, 5000, 2000, 1},
    {"n_exp", "largest n for subset sum", 13, 24, 20, 1},
};

const demo_info demo_class_gallery = {
    .id = "class-gallery",
    .topic = "05_big_o_notation",
    .title = "A gallery of complexity classes",
    .caption = "Each algorithm's operation count follows its class exactly, and the fitted class says so. Switch to log-log "
               "axes: every power of n becomes a straight line with the exponent as its slope, while 2^n bends upward.",
    .x_label = "n (input size; each class has its own range)",
    .source_file = "c_src/demos/class_gallery.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .budget_ms = 6000,
    .run = run,
};
