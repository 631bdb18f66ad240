/*
** find_duplicates.h -- the three duplicate checks of demo "find-duplicates",
** exposed so tests can count their work exactly.
**
** Each check answers "does items[0..n) hold a repeated value?" and returns
** 1 (yes), 0 (no) or -1 when the counting allocator said no, in which case
** everything it allocated has been released. items is never modified.
** Work is counted in ops.h: comparisons (and probes for the hash set).
*/
#ifndef CC_FIND_DUPLICATES_H
#define CC_FIND_DUPLICATES_H

#include <stddef.h>
#include <stdint.h>

/* Compare every pair: n*(n-1)/2 comparisons when there is no repeat. */
int fdup_nested(const int64_t *items, size_t n);

/* Sorted copy (merge sort), then compare neighbours: O(n log n). */
int fdup_sorted(const int64_t *items, size_t n);

/* One hash-set lookup and one insertion per item: O(n) on average. */
int fdup_hashset(const int64_t *items, size_t n);

/* Fill items with n distinct values in a scrambled order (the worst case). */
void fdup_fill_distinct(int64_t *items, size_t n);

#endif
