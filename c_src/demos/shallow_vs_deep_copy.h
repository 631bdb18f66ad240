/*
** shallow_vs_deep_copy.h -- copy.copy and copy.deepcopy of nested lists,
** and the memo (id(original) -> copy) that deepcopy keeps. Used by the demo
** shallow-vs-deep-copy and its tests.
*/
#ifndef CC_SHALLOW_VS_DEEP_COPY_H
#define CC_SHALLOW_VS_DEEP_COPY_H

#include "pyobj.h"

#include <stddef.h>
#include <stdint.h>

/* The memo: an open-addressing table probed like a dict's
** (Objects/dictobject.c: i = (i*5 + perturb + 1) & mask), keyed by the
** original's address, as id(x). */
typedef struct copy_memo_entry {
    uintptr_t key;              /* 0: empty */
    py_object *value;
} copy_memo_entry;

typedef struct copy_memo {
    copy_memo_entry *table;
    size_t mask, used;
    size_t bytes;               /* the table's size, as allocated */
    size_t lookups, hits, inserts, probes;
} copy_memo;

/* An empty memo with the minimum table (8 slots). -1 on allocation failure. */
int copy_memo_init(copy_memo *m);
void copy_memo_free(copy_memo *m);

/* memo.get(id(x)): the copy, or NULL. */
py_object *copy_memo_get(copy_memo *m, const py_object *x);

/* memo[id(x)] = y. 0, or -1 on allocation failure (memo unchanged). */
int copy_memo_set(copy_memo *m, const py_object *x, py_object *y);

/* The test structure: an outer list of n rows; a row is `depth` nested
** lists of `width` items, small ints except the last item of each level,
** which is the next level; the innermost list's last item refers back to
** the outer list (a cycle). shared: every slot refers to one row.
** NULL on allocation failure (the heap is then cleared by the caller). */
py_list *copy_build(py_heap *heap, size_t n, size_t depth, size_t width, int shared);

/* copy.copy(lst) / lst[:]: a new list of the same references, in the
** original's heap. NULL on allocation failure (nothing allocated). */
py_list *copy_shallow(py_heap *heap, const py_list *x);

/* copy.deepcopy(x): the copy's lists go into heap. NULL on allocation
** failure (the caller clears heap; the memo stays valid for freeing). */
py_object *copy_deep(py_object *x, copy_memo *memo, py_heap *heap);

#endif
