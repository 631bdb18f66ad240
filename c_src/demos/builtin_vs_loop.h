/*
** builtin_vs_loop.h -- the hand-written routines of demo "builtin-vs-loop",
** exposed so tests can check them against the C library's.
**
** Sorts count comparisons in ops.h; the byte loop counts nothing (it is
** timed against memcpy, which cannot count).
*/
#ifndef CC_BUILTIN_VS_LOOP_H
#define CC_BUILTIN_VS_LOOP_H

#include <stddef.h>
#include <stdint.h>

/* Copy len bytes one at a time through a volatile pointer. */
void bvl_byte_copy(void *dst, const void *src, size_t len);

/* Sort a[0..n) ascending. tmp must hold n/2 + 1 items. */
void bvl_merge_sort(int64_t *a, int64_t *tmp, size_t n);

/* Sort a[0..n) ascending: n^2/4 comparisons on random data. */
void bvl_insertion_sort(int64_t *a, size_t n);

/* Sort with the C library's qsort, counting comparisons. */
void bvl_qsort(int64_t *a, size_t n);

#endif
