/*
** membership.c -- demo "membership": `x in list` vs `x in set` vs bisect.
**
** Mirrors CPython 3.14: list_contains in Objects/listobject.c (compare
** every item until one is equal), set_lookkey in Objects/setobject.c (via
** hashset.c), and bisect_left in Modules/_bisectmodule.c. Every query is a
** miss: the worst case for the list, an ordinary case for the others.
*/
#include "../demo.h"
#include "../mem.h"
#include "../ops.h"
#include "hashset.h"

#include <stdint.h>

#define QUERIES 64   /* misses per timed call, averaged per lookup */

typedef struct membership_data {
    int64_t *items;      /* the list: even numbers 0, 2, 4, ... in order */
    size_t n;
    hset *set;
    int64_t queries[QUERIES];   /* odd numbers spread over the range: misses */
} membership_data;

/* @region Linear scan (listobject.c list_contains) */
static int list_contains(const int64_t *items, size_t n, int64_t key) {
    size_t i;
    for (i = 0; i < n; i++) {
        OPS_ADD(comparisons, 1);
        if (items[i] == key) return 1;
    }
    return 0;
}
/* @endregion */

/* @region Binary search (_bisectmodule.c bisect_left) */
static int sorted_contains(const int64_t *items, size_t n, int64_t key) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        OPS_ADD(comparisons, 1);
        if (items[mid] < key) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && items[lo] == key;
}
/* @endregion */

static volatile int sink;   /* keeps the compiler from deleting lookups */

static void kernel_list(void *arg) {
    membership_data *d = arg;
    int q, found = 0;
    for (q = 0; q < QUERIES; q++) found += list_contains(d->items, d->n, d->queries[q]);
    sink = found;
}

static void kernel_set(void *arg) {
    membership_data *d = arg;
    int q, found = 0;
    for (q = 0; q < QUERIES; q++) found += hset_contains(d->set, d->queries[q]);
    sink = found;
}

static void kernel_bisect(void *arg) {
    membership_data *d = arg;
    int q, found = 0;
    for (q = 0; q < QUERIES; q++) found += sorted_contains(d->items, d->n, d->queries[q]);
    sink = found;
}

static void release(membership_data *d) {
    mem_free(d->items);
    hset_free(d->set);
    d->items = NULL;
    d->set = NULL;
}

/* Builds the list and the set for size n; returns the bytes each uses. */
static int build(membership_data *d, size_t n, double *list_bytes, double *set_bytes) {
    size_t i, before;
    int q;
    before = mem_get_stats().current_bytes;
    d->items = mem_alloc(n * sizeof *d->items);
    if (d->items == NULL) return DEMO_ERR_NOMEM;
    *list_bytes = (double)(mem_get_stats().current_bytes - before);
    for (i = 0; i < n; i++) d->items[i] = (int64_t)(2 * i);
    before = mem_get_stats().current_bytes;
    d->set = hset_new();
    for (i = 0; d->set != NULL && i < n; i++) {
        if (hset_add(d->set, d->items[i]) < 0) break;
    }
    if (d->set == NULL || i < n) { release(d); return DEMO_ERR_NOMEM; }
    *set_bytes = (double)(mem_get_stats().current_bytes - before);
    for (q = 0; q < QUERIES; q++) d->queries[q] = (int64_t)(2 * ((n * (size_t)q) / QUERIES) + 1);
    d->n = n;
    return DEMO_OK;
}

typedef struct membership_series {
    const char *id, *label;
    tim_kernel kernel;
    int time, ops, bytes;   /* series indices */
} membership_series;

/* Times one structure and counts its operations per lookup. */
static int measure(demo_ctx *ctx, membership_data *d, membership_series *s, double bytes) {
    tim_stats st;
    ops_counts ops;
    int status = demo_time(ctx, s->kernel, d, &st);
    if (status != DEMO_OK) return status;
    ops_reset();
    s->kernel(d);
    ops = ops_get();
    demo_point(ctx, s->time, (double)d->n, st.per_call_ns / QUERIES * 1e-9, st.uncertainty_ns / QUERIES * 1e-9);
    demo_point(ctx, s->ops, (double)d->n, (double)(ops.comparisons + ops.probes) / QUERIES, 0);
    if (s->bytes >= 0) demo_point(ctx, s->bytes, (double)d->n, bytes, 0);
    return DEMO_OK;
}

static int add_series(demo_ctx *ctx, membership_series *s, int with_bytes) {
    s->time = demo_series(ctx, s->id, s->label, "time", "s", DEMO_FIT);
    s->ops = demo_series(ctx, s->id, s->label, "ops", "comparisons + probes per lookup", DEMO_FIT);
    s->bytes = -1;
    if (with_bytes) s->bytes = demo_series(ctx, s->id, s->label, "bytes", "bytes", DEMO_FIT);
    return (s->time < 0 || s->ops < 0) ? DEMO_ERR_NOMEM : DEMO_OK;
}

static int run(demo_ctx *ctx) {
    membership_series series[3] = {
        {"list", "list: linear scan", kernel_list, 0, 0, 0},
        {"set", "set: hash lookup", kernel_set, 0, 0, 0},
        {"bisect", "sorted list: binary search", kernel_bisect, 0, 0, 0},
    };
    double sizes[40], list_bytes = 0, set_bytes = 0, last_n = 0;
    int count = demo_sizes(ctx, sizes, 40), i, k, status = DEMO_OK;
    for (k = 0; k < 3; k++) {
        if (add_series(ctx, &series[k], k < 2) != DEMO_OK) return DEMO_ERR_NOMEM;
    }
    for (i = 0; i < count && status == DEMO_OK; i++) {
        membership_data d = {0};
        if (demo_progress(ctx, (double)i / count, "measuring lookups")) return DEMO_STOPPED;
        status = build(&d, (size_t)sizes[i], &list_bytes, &set_bytes);
        if (status == DEMO_OK) last_n = sizes[i];
        for (k = 0; k < 3 && status == DEMO_OK; k++)
            status = measure(ctx, &d, &series[k], k == 0 ? list_bytes : set_bytes);
        release(&d);
    }
    demo_progress(ctx, 1.0, "done");
    demo_note(ctx, "Every query is a miss: the list compares against all n items, the set inspects about one slot.");
    demo_note(ctx, "The set pays for its speed in memory: at n = %.0f it uses %.0f bytes vs the list's %.0f.",
              last_n, set_bytes, list_bytes);
    return status;
}

static const demo_param params[] = {
    DEMO_SWEEP_PARAMS(10, 1000, 1000000, 100000, 8),
};

const demo_info demo_membership = {
    .id = "membership",
    .topic = "03_time_complexity",
    .title = "Membership: list vs set vs sorted list",
    .caption = "The list's time per lookup grows in step with n; the set's stays flat; binary search grows slowly (log n). "
               "Switch to the operations view: those counts are exact, so they never wobble like the times do.",
    .x_label = "n (items in the collection)",
    .source_file = "c_src/demos/membership.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
