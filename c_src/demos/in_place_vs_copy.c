/*
** in_place_vs_copy.c -- demo "in-place-vs-copy": reversing and sorting an
** array in place vs into a new array, and the peak extra memory of each.
**
** Mirrors CPython 3.14, Objects/listobject.c: list.reverse() is
** reverse_slice(), two indices walking inwards and swapping (O(1) extra);
** a[::-1] is list_subscript() with step -1, which allocates a new list of n
** slots and fills it backwards (O(n) extra); sorted(a) is list(a) followed
** by list.sort(), so it pays for a full copy first.
** The in-place sort here is heapsort, which really needs O(1) extra. CPython's
** list.sort() is Timsort (Objects/listsort.txt): while merging it may borrow
** a buffer of up to n/2 pointers (merge_getmem), so "in place" there still
** means up to about 4n bytes on random data.
** Items are 8-byte integers, the size of a list slot on 64-bit CPython.
** Peak extra bytes are measured through the counting allocator.
*/
#include "../demo.h"
#include "rng.h"
#include "../mem.h"
#include "../ops.h"

#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------ kernels -- */

/* @region Reverse: in place (reverse_slice) vs into a new array (a[::-1]) */
static void reverse_in_place(int64_t *a, size_t n) {
    size_t lo = 0, hi = n;
    while (lo + 1 < hi) {            /* two indices walk inwards */
        int64_t t = a[lo];
        a[lo++] = a[--hi];
        a[hi] = t;
        OPS_ADD(moves, 2);
    }
}

/* Returns a new reversed array (caller frees), or NULL when out of memory. */
static int64_t *reverse_copy(const int64_t *a, size_t n) {
    int64_t *b = mem_alloc(n * sizeof *b);   /* n new slots: O(n) extra */
    size_t i;
    if (b == NULL) return NULL;
    for (i = 0; i < n; i++) b[i] = a[n - 1 - i];
    OPS_ADD(moves, n);
    return b;
}
/* @endregion */

static void sift_down(int64_t *a, size_t root, size_t n) {
    int64_t v = a[root];
    size_t child;
    while ((child = 2 * root + 1) < n) {
        if (child + 1 < n && a[child + 1] > a[child]) child++;
        OPS_ADD(comparisons, 2);
        if (a[child] <= v) break;
        a[root] = a[child];
        root = child;
    }
    a[root] = v;
}

/* @region Sort: in place (heapsort) vs sorted(a) (copy, then sort the copy) */
static void sort_in_place(int64_t *a, size_t n) {
    size_t i;
    for (i = n / 2; i-- > 0;) sift_down(a, i, n);    /* build a max-heap */
    for (i = n; i-- > 1;) {                           /* move the max to the end */
        int64_t t = a[0];
        a[0] = a[i];
        a[i] = t;
        sift_down(a, 0, i);
    }
}

/* Returns a sorted copy (caller frees), or NULL when out of memory. */
static int64_t *sorted_copy(const int64_t *a, size_t n) {
    int64_t *b = mem_alloc(n * sizeof *b);   /* list(a): n new slots */
    if (b == NULL) return NULL;
    memcpy(b, a, n * sizeof *b);
    sort_in_place(b, n);
    return b;
}
/* @endregion */

/* ------------------------------------------------------------ measuring */

typedef struct ipc_data {
    int64_t *input;      /* shuffled 0..n-1, never modified */
    int64_t *work;       /* the array the kernels reverse or sort */
    size_t n;
    uint64_t key;        /* varies the input from call to call (see restore) */
    int failed;          /* a copy kernel ran out of memory */
} ipc_data;

static volatile int64_t sink;

/* Fresh unsorted data for the sorts: the input with its values XORed by a
** key that changes every call. The same permutation sorted over and over
** would let the CPU's branch predictor learn it at small n. Timed on its
** own and subtracted from the sort kernels. */
static void kernel_restore(void *arg) {
    ipc_data *d = arg;
    int64_t key = (int64_t)(rng_next(&d->key) & 0xFFFF);
    size_t i;
    for (i = 0; i < d->n; i++) d->work[i] = d->input[i] ^ key;
    sink = d->work[0];
}

static void kernel_reverse_in_place(void *arg) {
    ipc_data *d = arg;
    reverse_in_place(d->work, d->n);
    sink = d->work[0];
}

static void kernel_reverse_copy(void *arg) {
    ipc_data *d = arg;
    int64_t *b = reverse_copy(d->work, d->n);
    if (b == NULL) { d->failed = 1; return; }
    sink = b[0];
    mem_free(b);
}

static void kernel_sort_in_place(void *arg) {
    ipc_data *d = arg;
    kernel_restore(d);
    sort_in_place(d->work, d->n);
    sink = d->work[0];
}

static void kernel_sorted_copy(void *arg) {
    ipc_data *d = arg;
    int64_t *b;
    kernel_restore(d);
    b = sorted_copy(d->work, d->n);
    if (b == NULL) { d->failed = 1; return; }
    sink = b[0];
    mem_free(b);
}

/* Peak bytes the kernel allocated on top of what was live before it. */
static double peak_extra(tim_kernel kernel, ipc_data *d) {
    size_t before;
    mem_reset_window();
    before = mem_get_stats().current_bytes;
    kernel(d);
    return (double)(mem_get_stats().peak_bytes - before);
}

typedef struct ipc_series {
    const char *id, *label;
    tim_kernel kernel;
    int restores;        /* the kernel restores the input first: subtract */
    int bytes, time;     /* series indices */
    double last_bytes;   /* peak extra bytes at the latest n */
} ipc_series;

static int measure(demo_ctx *ctx, ipc_data *d, ipc_series *s, double restore_ns) {
    tim_stats st;
    double bytes, ns;
    int status;
    kernel_restore(d);
    bytes = peak_extra(s->kernel, d);
    status = demo_time(ctx, s->kernel, d, &st);
    if (d->failed) return DEMO_ERR_NOMEM;
    if (status != DEMO_OK) return status;
    ns = st.per_call_ns - (s->restores ? restore_ns : 0);
    demo_point(ctx, s->bytes, (double)d->n, bytes, 0);
    s->last_bytes = bytes;
    demo_point(ctx, s->time, (double)d->n, (ns > 0 ? ns : 0) * 1e-9, st.uncertainty_ns * 1e-9);
    return DEMO_OK;
}

static int build(ipc_data *d, size_t n) {
    uint64_t seed = 20240601;
    size_t i;
    d->n = n;
    d->key = 42;
    d->failed = 0;
    d->input = mem_alloc(n * sizeof *d->input);
    d->work = mem_alloc(n * sizeof *d->work);
    if (d->input == NULL || d->work == NULL) return DEMO_ERR_NOMEM;
    for (i = 0; i < n; i++) d->input[i] = (int64_t)i;
    rng_shuffle(d->input, n, &seed);   /* a fixed random permutation */
    return DEMO_OK;
}

static void release(ipc_data *d) {
    mem_free(d->input);
    mem_free(d->work);
    d->input = d->work = NULL;
}

static int measure_size(demo_ctx *ctx, ipc_series *series, size_t n, double *restore_ns) {
    ipc_data d = {0};
    tim_stats st;
    int k, status = build(&d, n);
    if (status == DEMO_OK) status = demo_time(ctx, kernel_restore, &d, &st);
    if (status == DEMO_OK) *restore_ns = st.per_call_ns;
    for (k = 0; k < 4 && status == DEMO_OK; k++) status = measure(ctx, &d, &series[k], *restore_ns);
    release(&d);
    return status;
}

static int run(demo_ctx *ctx) {
    ipc_series series[4] = {
        {"reverse-in-place", "reverse in place (a.reverse())", kernel_reverse_in_place, 0, 0, 0, 0},
        {"reverse-copy", "reversed copy (a[::-1])", kernel_reverse_copy, 0, 0, 0, 0},
        {"sort-in-place", "sort in place (heapsort)", kernel_sort_in_place, 1, 0, 0, 0},
        {"sorted-copy", "sorted copy (sorted(a))", kernel_sorted_copy, 1, 0, 0, 0},
    };
    double sizes[40], restore_ns = 0, n;
    int count = demo_sizes(ctx, sizes, 40), i, k, status = DEMO_OK;
    for (k = 0; k < 4; k++) {
        /* in place: 0 bytes at every n, which the fitter calls inconclusive */
        series[k].bytes = demo_series(ctx, series[k].id, series[k].label, "bytes", "peak extra bytes",
                                      k % 2 == 0 ? DEMO_NOFIT : DEMO_FIT);
        series[k].time = demo_series(ctx, series[k].id, series[k].label, "time", "s per call", DEMO_FIT);
        if (series[k].bytes < 0 || series[k].time < 0) return DEMO_ERR_NOMEM;
    }
    for (i = 0; i < count && status == DEMO_OK; i++) {
        if (demo_progress(ctx, (double)i / count, "reversing and sorting")) return DEMO_STOPPED;
        status = measure_size(ctx, series, (size_t)sizes[i], &restore_ns);
    }
    if (status != DEMO_OK) return status;
    demo_progress(ctx, 1.0, "done");
    n = sizes[count - 1];
    demo_note(ctx, "The copies allocate %.0f bytes per item: %.0f extra bytes at n = %.0f, O(n). "
              "The in-place versions allocate %.0f bytes at every n: O(1).",
              series[1].last_bytes / n, series[1].last_bytes, n, series[0].last_bytes);
    demo_note(ctx, "Heapsort really sorts in O(1) extra space. CPython's list.sort() (Timsort) may borrow "
              "up to n/2 pointers while merging random data.");
    demo_note(ctx, "Each sort starts from fresh unsorted data: making it is timed separately and subtracted.");
    return DEMO_OK;
}

static const demo_param params[] = {
    DEMO_SWEEP_PARAMS(10, 1000, 1000000, 100000, 8),
};

const demo_info demo_in_place_vs_copy = {
    .id = "in-place-vs-copy",
    .topic = "04_space_complexity",
    .title = "In place vs into a new array: peak extra memory",
    .caption = "The in-place reverse and sort allocate nothing, so their peak extra bytes stay flat at zero; the copies "
               "need 8 bytes per item, a straight line through the origin. The time charts show both do the same work.",
    .x_label = "n (items in the array)",
    .source_file = "c_src/demos/in_place_vs_copy.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
