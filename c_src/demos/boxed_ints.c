/*
** boxed_ints.c -- demo "boxed-ints": n integers stored flat, as a C array
** (what array.array("q") holds), versus as a Python list of int objects.
**
** Mirrors CPython 3.14 (see pyobj.h): a list is a PyListObject whose
** ob_item array holds one pointer per item, and each int is a separate
** PyLongObject made by _PyLong_FromMedium in Objects/longobject.c:
**     PyLongObject *v = (PyLongObject *)_Py_FREELIST_POP(PyLongObject, ints);
**     if (v == NULL) { v = PyObject_Malloc(sizeof(PyLongObject)); ...
** (the freelist of recently freed ints is new in 3.14; it saves allocator
** calls, not bytes). On 64-bit CPython that object is ob_refcnt 8 + ob_type
** 8 + lv_tag 8 + one 30-bit digit 4 = 28 bytes, which is what
** sys.getsizeof(257) reports;
** sizeof(PyLongObject) pads it to 32, which is also the pymalloc size class
** (16-byte steps) the request lands in. In wasm32 (Pyodide) the same fields
** take 16 bytes. The values are 257, 258, ... so that none comes from the
** small-int cache (demo small-int-cache). What we do not model: pymalloc
** packs those 32-byte blocks side by side in 16 KiB pools; here each is its
** own block from the counting allocator, so the bytes are CPython's but the
** spacing in memory is a little wider.
*/
#include "pyobj.h"
#include "rng.h"
#include "../demo.h"
#include "../mem.h"

#include <stdint.h>
#include <stdio.h>

#define FIRST_VALUE 257     /* just past the small-int cache */

typedef struct boxed_data {
    int64_t *flat;          /* n machine integers, 8 bytes each */
    py_list *list;          /* n pointers to n int objects */
    py_heap heap;
    size_t n;
    double flat_bytes, boxed_bytes;
} boxed_data;

static volatile int64_t sink;   /* keeps the sums from being optimized away */

/* splitmix64: a fixed-seed generator, so every run shuffles the same way. */
/* @region Flat array vs list of boxed ints: building them */
/* array.array("q", range(...)): the values themselves, side by side. */
static int64_t *build_flat(size_t n) {
    int64_t *a = mem_alloc(n * sizeof *a);
    size_t i;
    if (a == NULL) return NULL;
    for (i = 0; i < n; i++) a[i] = FIRST_VALUE + (int64_t)i;
    return a;
}

/* [257, 258, ...]: PyList_New(n), then one int object per slot. Each
** py_int_from_long is a PyObject_Malloc of a whole PyLongObject:
**     ob_refcnt | ob_type | lv_tag | ob_digit[0]      (28 bytes used, 32 allocated)
** and the list's slot holds only a pointer to it. */
static py_list *build_boxed(py_heap *heap, size_t n) {
    py_list *list = py_list_new(heap, n);
    size_t i;
    if (list == NULL) return NULL;
    for (i = 0; i < n; i++) {
        list->ob_item[i] = py_int_from_long(FIRST_VALUE + (int64_t)i, 1);
        if (list->ob_item[i] == NULL) return NULL;   /* caller clears the heap */
    }
    return list;
}
/* @endregion */

/* @region Summing: one read per item vs a pointer to follow per item */
static int64_t sum_flat(const int64_t *a, size_t n) {
    int64_t total = 0;
    size_t i;
    for (i = 0; i < n; i++) total += a[i];
    return total;
}

/* sum() over a list of ints: load the pointer, go to the object, read its
** lv_tag and digit (_PyLong_CompactValue), add. */
static int64_t sum_boxed(const py_list *list) {
    int64_t total = 0;
    ptrdiff_t i;
    for (i = 0; i < list->ob_size; i++) total += py_int_value(list->ob_item[i]);
    return total;
}
/* @endregion */

static void kernel_flat(void *arg) {
    boxed_data *d = arg;
    sink = sum_flat(d->flat, d->n);
}

static void kernel_boxed(void *arg) {
    boxed_data *d = arg;
    sink = sum_boxed(d->list);
}

static void release(boxed_data *d) {
    mem_free(d->flat);
    py_heap_clear(&d->heap);
    d->flat = NULL;
    d->list = NULL;
}

/* random.shuffle(list): the objects stay where they were allocated, the
** pointers get reordered, so each step of the sum jumps elsewhere. */
static void shuffle(py_list *list) {
    uint64_t seed = 42;
    size_t i;
    for (i = (size_t)list->ob_size; i > 1; i--) {
        size_t j = (size_t)(rng_next(&seed) % i);
        py_object *t = list->ob_item[i - 1];
        list->ob_item[i - 1] = list->ob_item[j];
        list->ob_item[j] = t;
    }
}

/* Builds both layouts for size n and measures their bytes. */
static int build(boxed_data *d, size_t n, int shuffled) {
    size_t before = mem_get_stats().current_bytes;
    py_heap_init(&d->heap);
    d->n = n;
    d->flat = build_flat(n);
    if (d->flat == NULL) return DEMO_ERR_NOMEM;
    d->flat_bytes = (double)(mem_get_stats().current_bytes - before);
    before = mem_get_stats().current_bytes;
    d->list = build_boxed(&d->heap, n);
    if (d->list == NULL) { release(d); return DEMO_ERR_NOMEM; }
    d->boxed_bytes = (double)(mem_get_stats().current_bytes - before);
    if (shuffled) shuffle(d->list);
    return DEMO_OK;
}

typedef struct boxed_series { int bytes, time; } boxed_series;

static int add_series(demo_ctx *ctx, boxed_series *flat, boxed_series *boxed) {
    flat->bytes = demo_series(ctx, "flat", "C array (array.array)", "bytes", "bytes", DEMO_FIT);
    boxed->bytes = demo_series(ctx, "boxed", "list of int objects", "bytes", "bytes", DEMO_FIT);
    flat->time = demo_series(ctx, "flat", "C array (array.array)", "time", "s per sum of all n", DEMO_FIT);
    boxed->time = demo_series(ctx, "boxed", "list of int objects", "time", "s per sum of all n", DEMO_FIT);
    return (flat->bytes < 0 || boxed->bytes < 0 || flat->time < 0 || boxed->time < 0) ? DEMO_ERR_NOMEM : DEMO_OK;
}

static int measure(demo_ctx *ctx, boxed_data *d, boxed_series *flat, boxed_series *boxed, double *ratio) {
    tim_stats tf, tb;
    int status = demo_time(ctx, kernel_flat, d, &tf);
    if (status == DEMO_OK) status = demo_time(ctx, kernel_boxed, d, &tb);
    if (status != DEMO_OK) return status;
    demo_point(ctx, flat->bytes, (double)d->n, d->flat_bytes, 0);
    demo_point(ctx, boxed->bytes, (double)d->n, d->boxed_bytes, 0);
    demo_point(ctx, flat->time, (double)d->n, tf.per_call_ns * 1e-9, tf.uncertainty_ns * 1e-9);
    demo_point(ctx, boxed->time, (double)d->n, tb.per_call_ns * 1e-9, tb.uncertainty_ns * 1e-9);
    *ratio = tf.per_call_ns > 0 ? tb.per_call_ns / tf.per_call_ns : 0;
    return DEMO_OK;
}

static int run(demo_ctx *ctx) {
    boxed_series flat, boxed;
    double sizes[40], ratio = 0, last_n = 0, last_flat = 0, last_boxed = 0;
    char rounding[64];
    int count = demo_sizes(ctx, sizes, 40), i, status = DEMO_OK;
    int shuffled = demo_get(ctx, "shuffled") != 0;
    if (add_series(ctx, &flat, &boxed) != DEMO_OK) return DEMO_ERR_NOMEM;
    for (i = 0; i < count && status == DEMO_OK; i++) {
        boxed_data d;
        if (demo_progress(ctx, (double)i / count, "building and summing")) return DEMO_STOPPED;
        status = build(&d, (size_t)sizes[i], shuffled);
        if (status != DEMO_OK) break;
        status = measure(ctx, &d, &flat, &boxed, &ratio);
        if (status == DEMO_OK) {
            last_n = sizes[i];
            last_flat = d.flat_bytes;
            last_boxed = d.boxed_bytes;
        }
        release(&d);
    }
    demo_progress(ctx, 1.0, "done");
    rounding[0] = '\0';
    if (PY_INT_ALLOC_BYTES > PY_INT_GETSIZEOF)
        snprintf(rounding, sizeof rounding, " (sys.getsizeof says %u; the allocator rounds up)",
                 (unsigned)PY_INT_GETSIZEOF);
    demo_note(ctx, "Per element: %u bytes flat; %u boxed = a %u-byte pointer + a %u-byte int object%s.",
              (unsigned)sizeof(int64_t), (unsigned)(sizeof(py_object *) + PY_INT_ALLOC_BYTES),
              (unsigned)sizeof(py_object *), (unsigned)PY_INT_ALLOC_BYTES, rounding);
    demo_note(ctx, "The list itself adds a %u-byte header once (sys.getsizeof([]) on this platform).",
              (unsigned)PY_LIST_OBJECT_BYTES);
    if (last_n > 0) {
        demo_note(ctx, "At n = %.0f: %.0f bytes flat vs %.0f boxed (%.1fx); summing the boxed list took %.1fx as long.",
                  last_n, last_flat, last_boxed, last_boxed / last_flat, ratio);
    }
    if (shuffled) demo_note(ctx, "Shuffled: the list's order no longer follows memory, so each pointer jumps elsewhere.");
    return status;
}

static const demo_param params[] = {
    DEMO_SWEEP_PARAMS(100, 1000, 2000000, 200000, 8),
    {"shuffled", "shuffle the list (0 = no, 1 = yes)", 0, 1, 0, 1},
};

const demo_info demo_boxed_ints = {
    .id = "boxed-ints",
    .topic = "01_memory_basics",
    .title = "Boxed ints: a C array vs a list of int objects",
    .caption = "Both memory lines are straight, but the list's is several times steeper: every element costs a "
               "pointer plus a whole int object with its own header. Summing it is slower too, one pointer to follow per item.",
    .x_label = "n (integers stored)",
    .source_file = "c_src/demos/boxed_ints.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
