/*
** stream_vs_materialize.c -- demo "stream-vs-materialize":
** sum(i*i for i in range(n)) vs sum([i*i for i in range(n)]).
**
** Mirrors CPython 3.14: a generator (Objects/genobject.c) is a small heap
** object holding a suspended frame; each next() resumes it where the last
** `yield` left off and it produces one value. Here that is an explicit
** state machine: `state` says where to resume, `i` is the frame's one local.
** The list comprehension appends every value to a list that grows like
** Objects/listobject.c list_resize (pylist, see list_growth.c) before sum()
** sees the first one. Peak bytes are measured through the counting
** allocator; items are 8 bytes, a list slot on 64-bit CPython.
*/
#include "pylist.h"
#include "../demo.h"
#include "../mem.h"
#include "../ops.h"

#include <stdint.h>

/* @region A generator is a resumable frame: (i*i for i in range(n)) */
typedef struct squares_gen {
    int state;          /* 0: not started, 1: suspended at the yield, 2: done */
    size_t i, n;        /* the frame's locals */
} squares_gen;

static squares_gen *squares_new(size_t n) {      /* calling the generator function */
    squares_gen *g = mem_alloc(sizeof *g);
    if (g == NULL) return NULL;
    g->state = 0;
    g->i = 0;
    g->n = n;
    return g;
}

/* next(g): 1 and the value in *out, or 0 once the generator is exhausted. */
static int squares_next(squares_gen *g, int64_t *out) {
    switch (g->state) {
    case 0: g->i = 0; break;                        /* first next(): start the loop */
    case 1: g->i++; break;                          /* resume after the yield */
    default: return 0;
    }
    if (g->i >= g->n) { g->state = 2; return 0; }   /* StopIteration */
    *out = (int64_t)g->i * (int64_t)g->i;
    g->state = 1;                                   /* yield i*i */
    OPS_ADD(steps, 1);
    return 1;
}
/* @endregion */

/* sum() calls the iterator's tp_iternext slot through a pointer; volatile
** keeps the compiler from inlining the generator into the loop. */
static int (*volatile iternext)(squares_gen *, int64_t *) = squares_next;

/* @region sum(generator) vs sum([list comprehension]) */
/* Returns 0, or -1 when out of memory (nothing is left allocated). */
static int sum_streamed(size_t n, uint64_t *total) {
    squares_gen *g = squares_new(n);
    int64_t v;
    if (g == NULL) return -1;
    *total = 0;
    while (iternext(g, &v)) *total += (uint64_t)v;   /* one value alive at a time */
    mem_free(g);
    return 0;
}

static int sum_materialized(size_t n, uint64_t *total) {
    squares_gen *g = squares_new(n);
    pylist list;
    int64_t v;
    size_t i;
    if (g == NULL) return -1;
    pylist_init(&list);
    while (iternext(g, &v)) {                          /* build all n values first */
        if (pylist_append(&list, v) != 0) { pylist_clear(&list); mem_free(g); return -1; }
    }
    mem_free(g);
    *total = 0;
    for (i = 0; i < list.size; i++) *total += (uint64_t)list.items[i];
    pylist_clear(&list);
    return 0;
}
/* @endregion */

typedef struct svm_data {
    size_t n;
    int failed;
} svm_data;

static volatile uint64_t sink;

static void kernel_stream(void *arg) {
    svm_data *d = arg;
    uint64_t total;
    if (sum_streamed(d->n, &total) != 0) d->failed = 1;
    else sink = total;
}

static void kernel_materialize(void *arg) {
    svm_data *d = arg;
    uint64_t total;
    if (sum_materialized(d->n, &total) != 0) d->failed = 1;
    else sink = total;
}

typedef struct svm_series {
    const char *id, *label;
    tim_kernel kernel;
    int bytes, time;     /* series indices */
    double last_bytes;
} svm_series;

static int measure(demo_ctx *ctx, svm_data *d, svm_series *s) {
    tim_stats st;
    size_t before;
    int status;
    mem_reset_window();
    before = mem_get_stats().current_bytes;
    s->kernel(d);
    if (d->failed) return DEMO_ERR_NOMEM;
    s->last_bytes = (double)(mem_get_stats().peak_bytes - before);
    status = demo_time(ctx, s->kernel, d, &st);
    if (d->failed) return DEMO_ERR_NOMEM;
    if (status != DEMO_OK) return status;
    demo_point(ctx, s->bytes, (double)d->n, s->last_bytes, 0);
    demo_point(ctx, s->time, (double)d->n, st.per_call_ns * 1e-9, st.uncertainty_ns * 1e-9);
    return DEMO_OK;
}

static int run(demo_ctx *ctx) {
    svm_series series[2] = {
        {"stream", "stream: sum(i*i for i in range(n))", kernel_stream, 0, 0, 0},
        {"materialize", "materialize: sum([i*i for i in range(n)])", kernel_materialize, 0, 0, 0},
    };
    double sizes[40], n = 0;
    int count = demo_sizes(ctx, sizes, 40), i, k, status = DEMO_OK;
    for (k = 0; k < 2; k++) {
        series[k].bytes = demo_series(ctx, series[k].id, series[k].label, "bytes", "peak bytes", DEMO_FIT);
        series[k].time = demo_series(ctx, series[k].id, series[k].label, "time", "s per sum", DEMO_FIT);
        if (series[k].bytes < 0 || series[k].time < 0) return DEMO_ERR_NOMEM;
    }
    for (i = 0; i < count && status == DEMO_OK; i++) {
        svm_data d = {0};
        if (demo_progress(ctx, (double)i / count, "summing")) return DEMO_STOPPED;
        d.n = (size_t)sizes[i];
        n = sizes[i];
        for (k = 0; k < 2 && status == DEMO_OK; k++) status = measure(ctx, &d, &series[k]);
    }
    if (status != DEMO_OK) return status;
    demo_progress(ctx, 1.0, "done");
    demo_note(ctx, "At n = %.0f the stream peaks at %.0f bytes (the generator object) and the list at %.0f "
              "(%.1f bytes per item, spare slots included).",
              n, series[0].last_bytes, series[1].last_bytes, series[1].last_bytes / n);
    demo_note(ctx, "Both do O(n) work: the time charts rise together. Only the memory differs.");
    return DEMO_OK;
}

static const demo_param params[] = {
    DEMO_SWEEP_PARAMS(10, 1000, 2000000, 1000000, 8),
};

const demo_info demo_stream_vs_materialize = {
    .id = "stream-vs-materialize",
    .topic = "04_space_complexity",
    .title = "Streaming vs materializing: sum of n squares",
    .caption = "The generator's peak memory is one small object whatever n is; the list comprehension's peak grows in a "
               "straight line with n, although both take O(n) time.",
    .x_label = "n (values summed)",
    .source_file = "c_src/demos/stream_vs_materialize.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
