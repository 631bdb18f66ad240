/*
** rng.c -- SplitMix64 and Fisher-Yates for the demos (see rng.h).
*/
#include "rng.h"

uint64_t rng_next(uint64_t *state) {
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

void rng_shuffle(int64_t *a, size_t n, uint64_t *state) {
    size_t i;
    for (i = n; i > 1; i--) {
        size_t j = (size_t)(rng_next(state) % i);
        int64_t t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}
