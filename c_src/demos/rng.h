/*
** rng.h -- the demos' deterministic random numbers: SplitMix64 and a
** Fisher-Yates shuffle. A fixed seed gives the same input on every run and
** on every platform, so operation counts stay exactly reproducible.
*/
#ifndef CC_RNG_H
#define CC_RNG_H

#include <stddef.h>
#include <stdint.h>

/* Next 64-bit value of SplitMix64 (Steele, Lea, Flood 2014). */
uint64_t rng_next(uint64_t *state);

/* Shuffle a[0..n) in place (Fisher-Yates with rng_next(state) % i). */
void rng_shuffle(int64_t *a, size_t n, uint64_t *state);

#endif
