/*
** hashset.h -- an integer hash set laid out and probed like CPython's set.
**
** Mirrors Objects/setobject.c (CPython 3.14): open addressing, LINEAR_PROBES
** neighbouring slots, then perturbed jumps; grows when fill*5 >= mask*3.
** Keys are 64-bit integers hashed as CPython hashes small ints (hash(i) == i,
** except hash(-1) == -2). Used by several demos.
*/
#ifndef CC_HASHSET_H
#define CC_HASHSET_H

#include <stddef.h>
#include <stdint.h>

#define HSET_MINSIZE 8          /* PySet_MINSIZE */
#define HSET_LINEAR_PROBES 9    /* LINEAR_PROBES */
#define HSET_PERTURB_SHIFT 5    /* PERTURB_SHIFT */
#define HSET_EMPTY INT64_MIN    /* the one key a set cannot hold: marks free slots */

typedef struct hset_entry {
    int64_t key;
    int64_t hash;
} hset_entry;

typedef struct hset {
    hset_entry *table;
    size_t mask;                /* table size - 1 */
    size_t fill;                /* used slots (no deletions, so == used) */
    size_t used;                /* keys stored */
    size_t resizes;             /* how many times the table grew */
} hset;

/* Make an empty set with the minimum table. NULL on allocation failure. */
hset *hset_new(void);
void hset_free(hset *s);

/* Add key: 1 if added, 0 if already present, -1 on a bad key or on
** allocation failure -- in which case the set is unchanged. */
int hset_add(hset *s, int64_t key);

/* 1 if key is present, 0 if not. Counts probes and comparisons in ops.h. */
int hset_contains(const hset *s, int64_t key);

/* Slots in the table (mask + 1), as CPython's so->mask + 1. */
size_t hset_slots(const hset *s);

#endif
