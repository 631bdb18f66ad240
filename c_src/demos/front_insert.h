/*
** front_insert.h -- the three containers of demo "front-insert": a dynamic
** array (CPython's list), CPython's block deque and a ring buffer, each
** able to insert at the front. Exposed so tests can count element moves.
**
** Every insert returns 0, or -1 when the counting allocator said no, in
** which case the container is unchanged. Element writes and shifts are
** counted in ops.h: moves.
*/
#ifndef CC_FRONT_INSERT_H
#define CC_FRONT_INSERT_H

#include <stddef.h>
#include <stdint.h>

/* ---- dynamic array, as Objects/listobject.c ---- */
typedef struct finsert_list {
    int64_t *items;
    size_t size, allocated;
} finsert_list;

void finsert_list_init(finsert_list *l);
int finsert_list_insert0(finsert_list *l, int64_t x);   /* list.insert(0, x) */
void finsert_list_free(finsert_list *l);

/* ---- deque of 64-slot blocks, as Modules/_collectionsmodule.c ---- */
#define FINSERT_BLOCKLEN 64
#define FINSERT_CENTER ((FINSERT_BLOCKLEN - 1) / 2)

typedef struct finsert_block {
    struct finsert_block *leftlink;
    int64_t data[FINSERT_BLOCKLEN];
    struct finsert_block *rightlink;
} finsert_block;

typedef struct finsert_deque {
    finsert_block *leftblock, *rightblock;
    size_t leftindex, rightindex;   /* in 0..BLOCKLEN-1 when not empty */
    size_t size, blocks;
} finsert_deque;

int finsert_deque_init(finsert_deque *d);               /* -1: no memory */
int finsert_deque_appendleft(finsert_deque *d, int64_t x);
void finsert_deque_free(finsert_deque *d);

/* ---- ring buffer: a circular array that doubles when full ---- */
typedef struct finsert_ring {
    int64_t *items;
    size_t head, size, capacity;    /* capacity: 0 or a power of two */
} finsert_ring;

void finsert_ring_init(finsert_ring *r);
int finsert_ring_appendleft(finsert_ring *r, int64_t x);
int64_t finsert_ring_get(const finsert_ring *r, size_t i);   /* i-th from the front */
void finsert_ring_free(finsert_ring *r);

#endif
