/*
** refcount_and_cycles.h -- a reference-counted heap with CPython's
** generational cycle collector (Python/gc.c up to 3.13; Modules/gcmodule.c
** before 3.12). Used by the demo refcount-and-cycles and its tests.
*/
#ifndef CC_REFCOUNT_AND_CYCLES_H
#define CC_REFCOUNT_AND_CYCLES_H

#include <stddef.h>

#define RCGC_GENERATIONS 3      /* NUM_GENERATIONS */
#define RCGC_REFS 2             /* references one object can hold */

/* PyGC_Head: the links of the generation list an object is on. */
typedef struct rcgc_link {
    struct rcgc_link *next, *prev;
} rcgc_link;

typedef struct rcgc_obj {
    rcgc_link gc;               /* must be first */
    ptrdiff_t gc_refs;          /* CPython keeps it in _gc_prev during a collection */
    int flags;                  /* RCGC_COLLECTING, RCGC_UNREACHABLE */
    ptrdiff_t ob_refcnt;
    struct rcgc_obj *ref[RCGC_REFS];
} rcgc_obj;

typedef struct rcgc_gen {
    rcgc_link head;
    long count;                 /* gen 0: allocations - deallocations; older: collections of the younger */
    long threshold;
} rcgc_gen;

typedef struct rcgc_state {
    rcgc_gen gen[RCGC_GENERATIONS];
    int enabled;                /* gc.isenabled(): automatic collections */
    int collecting;
    size_t long_lived_total, long_lived_pending;
    /* what the last collection did, and totals */
    int last_generation;
    size_t last_examined, last_collected;
    size_t collections[RCGC_GENERATIONS];
    size_t collected_total;
    /* called after every collection (for the demo's pause log) */
    void (*on_collect)(void *arg, int generation, size_t examined, size_t collected, double ns);
    void *on_collect_arg;
} rcgc_state;

/* An empty heap with thresholds (t0, t1, t2); automatic collection on. */
void rcgc_init(rcgc_state *st, long t0, long t1, long t2);

/* Free every object still on a generation list, garbage or not (what
** interpreter shutdown does), and leave the state empty. */
void rcgc_teardown(rcgc_state *st);

/* A new object with refcount 1 (the caller's reference), tracked in
** generation 0. May run an automatic collection first, as CPython's
** _PyObject_GC_Link schedules one. NULL on allocation failure. */
rcgc_obj *rcgc_new(rcgc_state *st);

void rcgc_incref(rcgc_obj *op);

/* Drop a reference; at zero the object is freed at once, and so is what
** only it kept alive (iteratively, no recursion). */
void rcgc_decref(rcgc_state *st, rcgc_obj *op);

/* gc.collect(generation): returns the number of unreachable objects freed. */
size_t rcgc_collect(rcgc_state *st, int generation);

/* Objects tracked in all generations. */
size_t rcgc_tracked(const rcgc_state *st);

/* Objects on one generation's list. */
size_t rcgc_gen_size(const rcgc_state *st, int generation);

#endif
