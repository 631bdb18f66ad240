/*
** pylist.h -- a dynamic array of 64-bit items that grows like CPython's list.
**
** Mirrors list_resize in Objects/listobject.c (CPython 3.14): appends fill
** spare slots; when none is left the array is reallocated with mild
** over-allocation, so capacities go 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...
** Used by the demos list-growth, amortized-append and stream-vs-materialize.
** The functions are defined in list_growth.c, so that the list-growth page,
** which shows the regions of that one file, shows list_resize itself.
*/
#ifndef CC_PYLIST_H
#define CC_PYLIST_H

#include <stddef.h>
#include <stdint.h>

/* sys.getsizeof of a list on 64-bit CPython: a 56-byte object (GC header
** included) plus one 8-byte pointer per allocated slot. */
#define PYLIST_HEADER_BYTES 56
#define PYLIST_SLOT_BYTES 8

typedef struct pylist {
    int64_t *items;         /* allocated slots; NULL while allocated == 0 */
    size_t size;            /* len(list) */
    size_t allocated;       /* slots reserved: size <= allocated */
    size_t reallocs;        /* successful calls to mem_realloc so far */
    size_t last_moved;      /* items the latest realloc had to carry over */
} pylist;

/* An empty list (no allocation), as PyList_New(0). */
void pylist_init(pylist *l);

/* Free the slots and leave the list empty. */
void pylist_clear(pylist *l);

/* list_resize: make room for newsize items and set the size to newsize.
** Returns 0, or -1 when the allocator fails, in which case the list is
** unchanged. Counts one OPS moves per existing item a realloc carries over. */
int pylist_resize(pylist *l, size_t newsize);

/* list.append(x): 0, or -1 on allocation failure (list unchanged). */
int pylist_append(pylist *l, int64_t x);

/* What sys.getsizeof(list) reports on 64-bit CPython for this capacity. */
size_t pylist_getsizeof(const pylist *l);

/* The capacity list_resize picks when a list of oldsize grows to newsize
** (the formula alone, without the "already big enough" shortcut). */
size_t pylist_grow_to(size_t oldsize, size_t newsize);

#endif
