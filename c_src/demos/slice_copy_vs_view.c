/*
** slice_copy_vs_view.c -- demo "slice-copy-vs-view": k slices of s bytes
** each, taken from one buffer by copying (bytes slicing) or through a view
** (memoryview slicing). x is k, the number of slices; s is a parameter.
**
** Mirrors CPython 3.14:
**   bytes       bytes_subscript in Objects/bytesobject.c: a slice with step 1
**               is PyBytes_FromStringAndSize(PyBytes_AS_STRING(self) + start,
**               slicelength), which allocates
**                   PyObject_Malloc(PyBytesObject_SIZE + size)
**               (PyBytesObject_SIZE = offsetof(PyBytesObject, ob_sval) + 1,
**               33 on 64-bit: header, cached hash, trailing NUL) and copies
**               the bytes.
**   memoryview  memory_subscript -> mbuf_add_view -> memory_alloc in
**               Objects/memoryobject.c: PyObject_GC_NewVar(PyMemoryViewObject,
**               &PyMemoryView_Type, 3*ndim), then init_slice moves view.buf
**               and sets view.len. Nothing is copied; the object has the
**               same size (184 bytes on 64-bit, sys.getsizeof) for any s.
** The struct below has PyMemoryViewObject's fields (Include/cpython/
** memoryobject.h, Include/pybuffer.h), so its size is the platform's.
** Slices are taken and dropped one at a time, as in a parsing loop
** (handle(data[i:i+s])): "bytes" is the total allocated over the k slices.
** Slices of length 0 and 1 are shared singletons in CPython; s >= 2 here.
*/
#include "pyobj.h"
#include "../demo.h"
#include "../mem.h"
#include "../ops.h"

#include <string.h>

/* PyBytesObject: PyObject_VAR_HEAD, ob_shash, ob_sval[1]. */
typedef struct py_bytes {
    py_object ob_base;
    ptrdiff_t ob_size;
    ptrdiff_t ob_shash;
    char ob_sval[1];
} py_bytes;

#define PY_BYTES_OBJECT_SIZE (offsetof(py_bytes, ob_sval) + 1)

/* Py_buffer */
typedef struct py_buffer {
    void *buf;
    py_object *obj;
    ptrdiff_t len, itemsize;
    int readonly, ndim;
    char *format;
    ptrdiff_t *shape, *strides, *suboffsets;
    void *internal;
} py_buffer;

/* PyMemoryViewObject (after its PyGC_Head) */
typedef struct py_memoryview {
    py_object ob_base;
    ptrdiff_t ob_size;
    void *mbuf;
    ptrdiff_t hash;
    int flags;
    ptrdiff_t exports;
    py_buffer view;
    py_object *weakreflist;
    ptrdiff_t ob_array[3];      /* shape, strides, suboffsets: 3 * ndim, ndim = 1 */
} py_memoryview;

#define PY_MEMORYVIEW_BYTES \
    (sizeof(py_gc_head) + offsetof(py_memoryview, ob_array) + 3 * sizeof(ptrdiff_t))

typedef struct slice_data {
    py_bytes *data;             /* the buffer being sliced */
    size_t buffer, s, k;
    volatile unsigned char seen;   /* what handle() read */
} slice_data;

/* Where slice j starts: spread over the buffer, the same in every run. */
static size_t slice_start(const slice_data *d, size_t j) {
    return (j * 4099) % (d->buffer - d->s + 1);
}

/* @region Copying slice: data[start:start+s] on bytes */
static py_bytes *bytes_slice(const py_bytes *self, size_t start, size_t size) {
    py_bytes *op = mem_alloc(PY_BYTES_OBJECT_SIZE + size);
    if (op == NULL) return NULL;
    op->ob_base.ob_refcnt = 1;
    op->ob_base.ob_type = NULL;
    op->ob_size = (ptrdiff_t)size;
    op->ob_shash = -1;                              /* hash not computed yet */
    memcpy(op->ob_sval, self->ob_sval + start, size);   /* every byte, every time */
    OPS_ADD(bytes_copied, size);
    op->ob_sval[size] = '\0';
    return op;
}
/* @endregion */

/* @region Viewing slice: view[start:start+s] on a memoryview */
static py_memoryview *view_slice(py_bytes *self, size_t start, size_t size) {
    py_gc_head *g = mem_alloc(PY_MEMORYVIEW_BYTES);   /* same size for any s */
    py_memoryview *mv;
    if (g == NULL) return NULL;
    mv = (py_memoryview *)(g + 1);
    memset(mv, 0, PY_MEMORYVIEW_BYTES - sizeof *g);
    mv->ob_base.ob_refcnt = 1;
    mv->ob_size = 3;
    mv->hash = -1;
    mv->view.obj = &self->ob_base;          /* the view keeps the whole buffer alive */
    py_incref(&self->ob_base);
    mv->view.buf = self->ob_sval + start;   /* init_slice: move the pointer ... */
    mv->view.len = (ptrdiff_t)size;         /* ... and set the length. No copy. */
    mv->view.itemsize = 1;
    mv->view.readonly = 1;
    mv->view.ndim = 1;
    mv->view.shape = &mv->ob_array[0];
    mv->view.strides = &mv->ob_array[1];
    mv->ob_array[0] = (ptrdiff_t)size;
    mv->ob_array[1] = 1;
    return mv;
}
/* @endregion */

static void view_free(py_memoryview *mv) {
    if (mv == NULL) return;
    py_decref(mv->view.obj);
    mem_free((py_gc_head *)mv - 1);
}

/* for j in range(k): handle(data[start:start+s]) -- each slice is dropped
** after use. Adds the bytes each allocation took to *bytes if not NULL.
** Returns 0, or -1 when an allocation fails (nothing is left allocated). */
static int take_copies(slice_data *d, double *bytes) {
    size_t j;
    for (j = 0; j < d->k; j++) {
        size_t before = mem_get_stats().current_bytes;
        py_bytes *part = bytes_slice(d->data, slice_start(d, j), d->s);
        if (part == NULL) return -1;
        if (bytes) *bytes += (double)(mem_get_stats().current_bytes - before);
        d->seen ^= (unsigned char)part->ob_sval[0];
        mem_free(part);
    }
    return 0;
}

static int take_views(slice_data *d, double *bytes) {
    size_t j;
    for (j = 0; j < d->k; j++) {
        size_t before = mem_get_stats().current_bytes;
        py_memoryview *part = view_slice(d->data, slice_start(d, j), d->s);
        if (part == NULL) return -1;
        if (bytes) *bytes += (double)(mem_get_stats().current_bytes - before);
        d->seen ^= *(unsigned char *)part->view.buf;
        view_free(part);
    }
    return 0;
}

static void kernel_copy(void *arg) { (void)take_copies(arg, NULL); }
static void kernel_view(void *arg) { (void)take_views(arg, NULL); }

/* bytes(buffer): the object being sliced, filled with a pattern. */
static py_bytes *make_buffer(size_t size) {
    py_bytes *b = mem_alloc(PY_BYTES_OBJECT_SIZE + size);
    size_t i;
    if (b == NULL) return NULL;
    b->ob_base.ob_refcnt = 1;
    b->ob_base.ob_type = NULL;
    b->ob_size = (ptrdiff_t)size;
    b->ob_shash = -1;
    for (i = 0; i < size; i++) b->ob_sval[i] = (char)(i * 31 + 7);
    b->ob_sval[size] = '\0';
    return b;
}

typedef struct slice_series { int bytes, time; } slice_series;

static int add_series(demo_ctx *ctx, slice_series *copy, slice_series *view) {
    copy->bytes = demo_series(ctx, "copy", "bytes slices (copies)", "bytes", "bytes allocated, all k slices", DEMO_FIT);
    view->bytes = demo_series(ctx, "view", "memoryview slices (views)", "bytes", "bytes allocated, all k slices", DEMO_FIT);
    copy->time = demo_series(ctx, "copy", "bytes slices (copies)", "time", "s for all k slices", DEMO_FIT);
    view->time = demo_series(ctx, "view", "memoryview slices (views)", "time", "s for all k slices", DEMO_FIT);
    return (copy->bytes < 0 || view->bytes < 0 || copy->time < 0 || view->time < 0) ? DEMO_ERR_NOMEM : DEMO_OK;
}

/* One point: bytes (measured, exact) and time of both ways for k slices. */
static int measure(demo_ctx *ctx, slice_data *d, const slice_series *copy, const slice_series *view) {
    double copy_bytes = 0, view_bytes = 0;
    tim_stats tc, tv;
    int status;
    if (take_copies(d, &copy_bytes) != 0 || take_views(d, &view_bytes) != 0) return DEMO_ERR_NOMEM;
    status = demo_time(ctx, kernel_copy, d, &tc);
    if (status == DEMO_OK) status = demo_time(ctx, kernel_view, d, &tv);
    if (status != DEMO_OK) return status;
    demo_point(ctx, copy->bytes, (double)d->k, copy_bytes, 0);
    demo_point(ctx, view->bytes, (double)d->k, view_bytes, 0);
    demo_point(ctx, copy->time, (double)d->k, tc.per_call_ns * 1e-9, tc.uncertainty_ns * 1e-9);
    demo_point(ctx, view->time, (double)d->k, tv.per_call_ns * 1e-9, tv.uncertainty_ns * 1e-9);
    return DEMO_OK;
}

static int run(demo_ctx *ctx) {
    slice_series copy, view;
    slice_data d;
    double sizes[40];
    int count = demo_sizes(ctx, sizes, 40), i, status = DEMO_OK;
    d.buffer = (size_t)demo_get(ctx, "buffer");
    d.s = (size_t)demo_get(ctx, "slice");
    d.seen = 0;
    if (d.s > d.buffer)
        return demo_fail(ctx, "slice size (%lu) must be at most the buffer size (%lu)",
                         (unsigned long)d.s, (unsigned long)d.buffer);
    if (add_series(ctx, &copy, &view) != DEMO_OK) return DEMO_ERR_NOMEM;
    d.data = make_buffer(d.buffer);
    if (d.data == NULL) return DEMO_ERR_NOMEM;
    for (i = 0; i < count && status == DEMO_OK; i++) {
        if (demo_progress(ctx, (double)i / count, "slicing")) { status = DEMO_STOPPED; break; }
        d.k = (size_t)sizes[i];
        status = measure(ctx, &d, &copy, &view);
    }
    mem_free(d.data);
    demo_progress(ctx, 1.0, "done");
    demo_note(ctx, "Each copy allocates %lu bytes (%u of header + the %lu bytes it copies); each view %u bytes, whatever its length.",
              (unsigned long)(PY_BYTES_OBJECT_SIZE + d.s), (unsigned)PY_BYTES_OBJECT_SIZE,
              (unsigned long)d.s, (unsigned)PY_MEMORYVIEW_BYTES);
    demo_note(ctx, "Slices are dropped one by one, so at most one is alive at a time; the bytes are the total allocated.");
    demo_note(ctx, "A view keeps all %lu bytes of the buffer alive for as long as it lives.", (unsigned long)d.buffer);
    return status;
}

static const demo_param params[] = {
    {"n_min", "fewest slices k", 1, 2000, 10, 1},
    {"n_max", "most slices k", 1, 2000, 1000, 1},
    {"points", "points", 2, 40, 8, 1},
    {"repeats", "repeats per point", 1, 15, 5, 1},
    {"buffer", "buffer size (bytes)", 16, 1048576, 65536, 1},
    {"slice", "slice length s (bytes)", 2, 1048576, 32768, 1},
};

const demo_info demo_slice_copy_vs_view = {
    .id = "slice-copy-vs-view",
    .topic = "01_memory_basics",
    .title = "Slicing: copies (bytes) vs views (memoryview)",
    .caption = "Each copied slice allocates and fills as many bytes as it holds, so its line is steep; each view is a small "
               "fixed-size object pointing into the buffer, so its line is nearly flat. Raise the slice length to widen the gap.",
    .x_label = "k (slices taken)",
    .source_file = "c_src/demos/slice_copy_vs_view.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
