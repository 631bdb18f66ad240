/*
** pyobj.c -- CPython-style int and list objects (see pyobj.h).
**
** Mirrors CPython 3.14: PyLong_FromLong / _PyLong_FromMedium / get_small_int
** in Objects/longobject.c, PyList_New / PyList_Append / list_repeat /
** list_dealloc in Objects/listobject.c, delete_garbage in Python/gc.c.
** Invariant of a py_heap: its containers refer only to containers of the
** same heap, to ints, or to immortal objects.
*/
#include "pyobj.h"
#include "pylist.h"
#include "../mem.h"
#include "../ops.h"

#include <stdio.h>
#include <string.h>

const py_type py_int_type = {"int"};
const py_type py_list_type = {"list"};

/* ------------------------------------------------------------------ int -- */

static py_int small_ints[PY_NSMALLNEGINTS + PY_NSMALLPOSINTS];
static int small_ints_ready;

static void set_value(py_int *op, int64_t v) {
    uintptr_t sign = v < 0 ? 2 : v == 0 ? 1 : 0;
    op->lv_tag = ((uintptr_t)(v != 0) << PY_LONG_NON_SIZE_BITS) | sign;
    op->ob_digit[0] = (py_digit)(v < 0 ? -v : v);
}

py_object *py_small_int(int64_t v) {
    if (!small_ints_ready) {
        int i;
        for (i = 0; i < PY_NSMALLNEGINTS + PY_NSMALLPOSINTS; i++) {
            small_ints[i].ob_base.ob_refcnt = PY_IMMORTAL_REFCNT;
            small_ints[i].ob_base.ob_type = &py_int_type;
            set_value(&small_ints[i], (int64_t)i - PY_NSMALLNEGINTS);
        }
        small_ints_ready = 1;
    }
    if (!PY_IS_SMALL_INT(v)) return NULL;
    return &small_ints[PY_NSMALLNEGINTS + v].ob_base;
}

py_object *py_int_from_long(int64_t v, int use_cache) {
    py_int *op;
    if (use_cache && PY_IS_SMALL_INT(v)) return py_small_int(v);   /* get_small_int */
    if (v > PY_INT_MAX_ONE_DIGIT || v < -PY_INT_MAX_ONE_DIGIT) return NULL;
    op = mem_alloc(PY_INT_ALLOC_BYTES);     /* PyObject_Malloc(sizeof(PyLongObject)) */
    if (op == NULL) return NULL;
    OPS_ADD(allocations, 1);
    op->ob_base.ob_refcnt = 1;
    op->ob_base.ob_type = &py_int_type;
    set_value(op, v);
    return &op->ob_base;
}

int64_t py_int_value(const py_object *op) {
    const py_int *v = (const py_int *)op;
    int64_t sign = 1 - (int64_t)(v->lv_tag & PY_LONG_SIGN_MASK);
    return sign * (int64_t)v->ob_digit[0];
}

/* ----------------------------------------------------------------- heap -- */

#define AS_GC(l) ((py_gc_head *)(l) - 1)
#define FROM_GC(g) ((py_list *)((g) + 1))

void py_heap_init(py_heap *h) {
    h->head.gc_next = h->head.gc_prev = &h->head;
}

size_t py_heap_count(const py_heap *h) {
    const py_gc_head *g;
    size_t n = 0;
    for (g = h->head.gc_next; g != &h->head; g = g->gc_next) n++;
    return n;
}

static void gc_unlink(py_gc_head *g) {
    g->gc_prev->gc_next = g->gc_next;
    g->gc_next->gc_prev = g->gc_prev;
}

static void list_free_memory(py_list *l) {
    gc_unlink(AS_GC(l));
    mem_free(l->ob_item);
    mem_free(AS_GC(l));
}

void py_heap_clear(py_heap *h) {
    py_gc_head *g;
    /* tp_clear on every container: drop the references to non-containers
    ** (containers are all in this heap and are freed below). */
    for (g = h->head.gc_next; g != &h->head; g = g->gc_next) {
        py_list *l = FROM_GC(g);
        ptrdiff_t i;
        for (i = 0; i < l->ob_size; i++) {
            py_object *item = l->ob_item[i];
            if (item != NULL && !py_is_list(item)) py_decref(item);
        }
        l->ob_size = 0;
    }
    while (h->head.gc_next != &h->head) list_free_memory(FROM_GC(h->head.gc_next));
}

/* ----------------------------------------------------------------- list -- */

int py_is_list(const py_object *op) {
    return op != NULL && op->ob_type == &py_list_type;
}

py_list *py_list_new(py_heap *h, size_t size) {
    py_gc_head *g = mem_alloc(PY_LIST_OBJECT_BYTES);
    py_list *l;
    if (g == NULL) return NULL;
    l = FROM_GC(g);
    l->ob_item = NULL;
    if (size > 0) {
        l->ob_item = mem_calloc(size, sizeof *l->ob_item);
        if (l->ob_item == NULL) { mem_free(g); return NULL; }
    }
    l->ob_base.ob_refcnt = 1;
    l->ob_base.ob_type = &py_list_type;
    l->ob_size = (ptrdiff_t)size;
    l->allocated = (ptrdiff_t)size;
    g->gc_next = h->head.gc_next;           /* link as the heap's first */
    g->gc_prev = &h->head;
    h->head.gc_next->gc_prev = g;
    h->head.gc_next = g;
    return l;
}

/* list_resize (see list_growth.c); the list is unchanged on failure. */
static int list_resize(py_list *l, size_t newsize) {
    size_t allocated = (size_t)l->allocated, new_allocated;
    py_object **items;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        l->ob_size = (ptrdiff_t)newsize;
        return 0;
    }
    new_allocated = pylist_grow_to((size_t)l->ob_size, newsize);
    items = mem_realloc(l->ob_item, new_allocated * sizeof *items);
    if (items == NULL) return -1;
    l->ob_item = items;
    l->ob_size = (ptrdiff_t)newsize;
    l->allocated = (ptrdiff_t)new_allocated;
    return 0;
}

int py_list_append(py_list *l, py_object *item) {
    size_t n = (size_t)l->ob_size;
    if (list_resize(l, n + 1) != 0) return -1;
    py_incref(item);
    l->ob_item[n] = item;
    return 0;
}

py_list *py_list_repeat(py_heap *h, py_object *item, size_t n) {
    py_list *l = py_list_new(h, n);
    size_t i;
    if (l == NULL) return NULL;
    for (i = 0; i < n; i++) {
        py_incref(item);
        l->ob_item[i] = item;
    }
    return l;
}

size_t py_list_getsizeof(const py_list *l) {
    return PY_LIST_OBJECT_BYTES + (size_t)l->allocated * sizeof(py_object *);
}

/* ------------------------------------------------------- reference counts */

void py_incref(py_object *op) {
    if (op != NULL && op->ob_refcnt < PY_IMMORTAL_REFCNT) op->ob_refcnt++;
}

void py_decref(py_object *op) {
    if (op == NULL || op->ob_refcnt >= PY_IMMORTAL_REFCNT) return;
    if (--op->ob_refcnt > 0) return;
    if (py_is_list(op)) {                   /* list_dealloc */
        py_list *l = (py_list *)op;
        ptrdiff_t i;
        for (i = l->ob_size; --i >= 0;) py_decref(l->ob_item[i]);
        list_free_memory(l);
    } else {
        mem_free(op);
    }
}

/* ----------------------------------------------------------------- repr -- */

#define REPR_MAX_DEPTH 16

typedef struct repr_buf {
    char *buf;
    size_t cap, len;
    const py_object *open[REPR_MAX_DEPTH];  /* lists being printed */
    int depth;
} repr_buf;

static void put(repr_buf *r, const char *s) {
    size_t n = strlen(s);
    if (r->len + n + 4 > r->cap) {          /* keep room for "..." */
        if (r->len < r->cap) snprintf(r->buf + r->len, r->cap - r->len, "...");
        r->len = r->cap;
        return;
    }
    memcpy(r->buf + r->len, s, n + 1);
    r->len += n;
}

static void repr_into(repr_buf *r, const py_object *op) {
    char num[32];
    ptrdiff_t i;
    int k;
    if (op == NULL) { put(r, "NULL"); return; }
    if (!py_is_list(op)) {
        snprintf(num, sizeof num, "%lld", (long long)py_int_value(op));
        put(r, num);
        return;
    }
    for (k = 0; k < r->depth; k++) {
        if (r->open[k] == op) { put(r, "[...]"); return; }   /* Py_ReprEnter */
    }
    if (r->depth == REPR_MAX_DEPTH) { put(r, "[...]"); return; }
    r->open[r->depth++] = op;
    put(r, "[");
    for (i = 0; i < ((const py_list *)op)->ob_size && r->len < r->cap; i++) {
        if (i > 0) put(r, ", ");
        repr_into(r, ((const py_list *)op)->ob_item[i]);
    }
    put(r, "]");
    r->depth--;
}

void py_repr(const py_object *op, char *buf, size_t cap) {
    repr_buf r;
    if (buf == NULL || cap == 0) return;
    buf[0] = '\0';
    r.buf = buf;
    r.cap = cap;
    r.len = 0;
    r.depth = 0;
    repr_into(&r, op);
}
