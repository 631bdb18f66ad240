/*
** ops.h -- exact, reproducible operation counters.
**
** Wall time is noisy; these counts are not. Demos bump them at the same
** places CPython does the matching work (a rich comparison in
** Objects/listobject.c list_contains, a probe in Objects/setobject.c
** set_lookkey, 3.14), so the same input always gives the same numbers.
*/
#ifndef CC_OPS_H
#define CC_OPS_H

#include <stdint.h>

typedef struct ops_counts {
    uint64_t comparisons;   /* key comparisons */
    uint64_t probes;        /* hash-table slots inspected */
    uint64_t moves;         /* elements moved or copied one by one */
    uint64_t bytes_copied;  /* bytes moved by bulk copies */
    uint64_t allocations;   /* allocator calls made by the algorithm */
    uint64_t calls;         /* function calls (recursion, memoization) */
    uint64_t steps;         /* generic abstract steps */
} ops_counts;

/* The live counters. Demos add to them with OPS_ADD; a global keeps the
** increments to one instruction inside hot loops. */
extern ops_counts ops_live;

#define OPS_ADD(field, k) (ops_live.field += (uint64_t)(k))

void ops_reset(void);
ops_counts ops_get(void);

/* Sum of all counters, for demos that plot "operations". */
uint64_t ops_total(const ops_counts *c);

#endif
