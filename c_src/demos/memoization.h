/*
** memoization.h -- the three Fibonacci functions of demo "memoization",
** exposed so tests can count their calls exactly.
**
** fib(0) = 0, fib(1) = 1; results fit in 64 bits up to fib(93). Every time
** a function body runs it is counted in ops.h `calls`, every loop trip in
** `steps`.
*/
#ifndef CC_MEMOIZATION_H
#define CC_MEMOIZATION_H

#include <stdint.h>

#define FIB_MAX_N 90

/* n if n < 2 else fib(n-1) + fib(n-2): 2*F(n+1) - 1 calls. */
uint64_t fib_naive(int n);

/* What fib.cache_info() would report after one fib_memoized call. */
typedef struct fib_cache_info {
    uint64_t hits, misses;
} fib_cache_info;

/* The same recursion behind a fresh cache (functools.cache): 2n - 1 calls
** for n >= 1, of which n + 1 miss and run the body (counted in ops.h
** `calls`) and n - 2 are answered by the cache. Returns 0 and sets *out
** (and *info unless NULL), or -1 when the cache could not be allocated
** (nothing stays allocated). */
int fib_memoized(int n, uint64_t *out, fib_cache_info *info);

/* a, b = b, a + b, n times: n steps, no recursion, no cache. */
uint64_t fib_iterative(int n);

#endif
