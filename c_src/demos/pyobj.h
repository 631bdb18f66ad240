/*
** pyobj.h -- CPython's int and list objects in miniature, laid out as in 3.14.
**
** Used by the demos of topics 01 and 02: boxed-ints, small-int-cache,
** shared-rows, shallow-vs-deep-copy and mutate-vs-rebind. Mirrors:
**   Include/object.h                PyObject_HEAD: ob_refcnt, ob_type
**   Include/cpython/longintrepr.h   struct _longobject: lv_tag + 30-bit digits
**   Include/cpython/listobject.h    PyListObject: ob_item, allocated
**   Include/internal/pycore_gc.h    PyGC_Head, stored before each container
**   Objects/longobject.c            PyLong_FromLong: small ints, then
**                                   _PyLong_FromMedium (one 30-bit digit)
** The field types are CPython's (Py_ssize_t = ptrdiff_t, pointers,
** uintptr_t), so sizes come out as CPython's on the machine we run on:
** natively (64-bit) an int is 28 bytes for sys.getsizeof and a 32-byte block
** from the allocator, an empty list 56 bytes; in the browser (wasm32, like
** Pyodide) 16, 16 and 28.
*/
#ifndef CC_PYOBJ_H
#define CC_PYOBJ_H

#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------ objects -- */

typedef struct py_type {
    const char *tp_name;
} py_type;

extern const py_type py_int_type, py_list_type;

/* PyObject_HEAD */
typedef struct py_object {
    ptrdiff_t ob_refcnt;
    const py_type *ob_type;
} py_object;

/* Immortal objects (PEP 683, 3.12+) have a huge count that never changes. */
#define PY_IMMORTAL_REFCNT ((ptrdiff_t)1 << (sizeof(ptrdiff_t) * 8 - 4))

/* ------------------------------------------------------------------ int -- */

typedef uint32_t py_digit;          /* PYLONG_BITS_IN_DIGIT 30: a uint32_t */
#define PY_LONG_SHIFT 30
#define PY_LONG_NON_SIZE_BITS 3     /* lv_tag = ndigits << 3 | sign */
#define PY_LONG_SIGN_MASK 3         /* 0 positive, 1 zero, 2 negative */

/* struct _longobject { PyObject_HEAD _PyLongValue long_value; } */
typedef struct py_int {
    py_object ob_base;
    uintptr_t lv_tag;
    py_digit ob_digit[1];
} py_int;

/* sys.getsizeof(1): offsetof(PyLongObject, long_value.ob_digit) + one digit.
** 28 on 64-bit CPython, 16 on wasm32. */
#define PY_INT_GETSIZEOF (offsetof(py_int, ob_digit) + sizeof(py_digit))
/* What _PyLong_FromMedium allocates when its freelist (3.14) is empty:
** PyObject_Malloc(sizeof(PyLongObject)).
** 32 on 64-bit (pymalloc's 32-byte size class), 16 on wasm32. */
#define PY_INT_ALLOC_BYTES (sizeof(py_int))

/* The small-int cache: -_PY_NSMALLNEGINTS <= v < _PY_NSMALLPOSINTS. */
#define PY_NSMALLNEGINTS 5
#define PY_NSMALLPOSINTS 257
#define PY_IS_SMALL_INT(v) (-PY_NSMALLNEGINTS <= (v) && (v) < PY_NSMALLPOSINTS)

/* Largest magnitude of a one-digit int. */
#define PY_INT_MAX_ONE_DIGIT (((int64_t)1 << PY_LONG_SHIFT) - 1)

/* The preallocated, immortal object for a small v (PY_IS_SMALL_INT(v)). */
py_object *py_small_int(int64_t v);

/* PyLong_FromLong for |v| <= PY_INT_MAX_ONE_DIGIT. With use_cache, a small v
** returns the shared object; otherwise a new block is allocated (counted in
** ops.allocations). NULL on allocation failure or when |v| is too big. */
py_object *py_int_from_long(int64_t v, int use_cache);

/* _PyLong_CompactValue: sign from lv_tag times the one digit. */
int64_t py_int_value(const py_object *op);

/* ----------------------------------------------------------------- list -- */

/* PyGC_Head: two words before every container. CPython links its
** generations through them; here they link the containers of one heap. */
typedef struct py_gc_head {
    struct py_gc_head *gc_next, *gc_prev;
} py_gc_head;

/* PyListObject: PyObject_VAR_HEAD, ob_item, allocated. */
typedef struct py_list {
    py_object ob_base;
    ptrdiff_t ob_size;
    py_object **ob_item;
    ptrdiff_t allocated;
} py_list;

/* A heap: every container allocated in it, on one circular list. */
typedef struct py_heap {
    py_gc_head head;
} py_heap;

void py_heap_init(py_heap *h);

/* Containers currently in the heap. */
size_t py_heap_count(const py_heap *h);

/* What the cycle collector's delete_garbage does to unreachable containers:
** clear every container's references (ints whose count drops to 0 are
** freed), then free the containers, cycles and sharing included. */
void py_heap_clear(py_heap *h);

#define PY_LIST_OBJECT_BYTES (sizeof(py_gc_head) + sizeof(py_list))  /* 56 / 28 */

/* PyList_New(size): size NULL slots, allocated == size, refcount 1.
** NULL on allocation failure (nothing allocated). */
py_list *py_list_new(py_heap *h, size_t size);

/* PyList_Append: takes a new reference to item. Grows as list_resize does
** (see pylist.h). Returns 0, or -1 on allocation failure with the list
** unchanged. */
int py_list_append(py_list *l, py_object *item);

/* [item] * n (list_repeat): one allocation, n new references to item. */
py_list *py_list_repeat(py_heap *h, py_object *item, size_t n);

/* sys.getsizeof(list): the object with its GC header, plus the slots. */
size_t py_list_getsizeof(const py_list *l);

int py_is_list(const py_object *op);

/* Py_INCREF / Py_DECREF. Immortal objects are left alone. A list whose count
** reaches 0 is freed at once, and drops the references it held. */
void py_incref(py_object *op);
void py_decref(py_object *op);

/* repr() into buf (truncated with "..." when too long); a list already being
** printed shows as [...] as in CPython's Py_ReprEnter. */
void py_repr(const py_object *op, char *buf, size_t cap);

#endif
