/*
** string_building.h -- the three string builders of demo "string-building",
** exposed so tests can check the bytes they copy.
**
** Each builds the concatenation of n pieces of len bytes each (piece k
** starts at pieces + k*len) and returns it as a new block of n*len bytes
** (free with mem_free), or NULL when the counting allocator said no, in which
** case nothing stays allocated. Copies are counted in ops.h: bytes_copied
** (every byte memcpy'd) and allocations.
*/
#ifndef CC_STRING_BUILDING_H
#define CC_STRING_BUILDING_H

#include <stddef.h>

/* s = s + piece, n times: a new string each time. */
char *sbuild_concat(const char *pieces, size_t n, size_t len);

/* "".join(pieces): add up the lengths, allocate once, copy each piece once. */
char *sbuild_join(const char *pieces, size_t n, size_t len);

/* A growing buffer: when full, grow to need + need * growth_pct / 100
** (100 = doubling) and copy what is there; then copy the piece in. */
char *sbuild_buffer(const char *pieces, size_t n, size_t len, double growth_pct);

#endif
