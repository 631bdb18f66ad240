/*
** front_insert.c -- demo "front-insert": n insertions at the front of a
** dynamic array, of CPython's deque, and of a ring buffer.
**
** Mirrors CPython 3.14:
**   list   Objects/listobject.c ins1(): list_resize(self, n+1), then shift
**          every item one place right (`for (i = n; --i >= where; )
**          items[i+1] = items[i];`, a memory move), then store. Growth is
**          list_resize's: `new_allocated = (newsize + (newsize >> 3) + 6) & ~3`,
**          or `(newsize + 3) & ~3` when that is too little. The k-th insert
**          moves k items: n*(n-1)/2 moves in all.
**   deque  Modules/_collectionsmodule.c deque_appendleft: a doubly linked
**          chain of blocks of BLOCKLEN = 64 slots, starting half-full at
**          leftindex = CENTER + 1; when leftindex reaches 0 a new block is
**          linked on the left. Nothing already stored ever moves. (CPython
**          also keeps up to 16 freed blocks for reuse; appends never free,
**          so that cache is left out.)
**   ring   not CPython: a circular array that doubles when full, the usual
**          alternative (Rust's VecDeque, Java's ArrayDeque). Inserting at
**          the front is one write; a growth copies every item once, which
**          averages out to O(1) per insert.
** Counted "moves" are element writes and shifts done by this code (a list
** realloc's own copy of the block is the allocator's business, as in CPython).
*/
#include "front_insert.h"
#include "../demo.h"
#include "../mem.h"
#include "../ops.h"

#include <string.h>

/* ----------------------------------------------------------- the list -- */

void finsert_list_init(finsert_list *l) {
    l->items = NULL;
    l->size = l->allocated = 0;
}

void finsert_list_free(finsert_list *l) {
    mem_free(l->items);
    finsert_list_init(l);
}

/* list_resize: on failure the list is unchanged. */
static int list_resize(finsert_list *l, size_t newsize) {
    size_t new_allocated;
    int64_t *items;
    if (l->allocated >= newsize && newsize >= (l->allocated >> 1)) return 0;
    new_allocated = (newsize + (newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - l->size > new_allocated - newsize) new_allocated = (newsize + 3) & ~(size_t)3;
    items = mem_realloc(l->items, new_allocated * sizeof *items);
    if (items == NULL) return -1;
    l->items = items;
    l->allocated = new_allocated;
    return 0;
}

/* @region list.insert(0, x): shift everything right (listobject.c ins1) */
int finsert_list_insert0(finsert_list *l, int64_t x) {
    size_t n = l->size;
    if (list_resize(l, n + 1) < 0) return -1;       /* list unchanged */
    memmove(l->items + 1, l->items, n * sizeof *l->items);  /* n moves */
    OPS_ADD(moves, n);
    l->items[0] = x;                                 /* plus one write */
    OPS_ADD(moves, 1);
    l->size = n + 1;
    return 0;
}
/* @endregion */

/* ---------------------------------------------------------- the deque -- */

int finsert_deque_init(finsert_deque *d) {
    finsert_block *b = mem_alloc(sizeof *b);
    if (b == NULL) return -1;
    b->leftlink = b->rightlink = NULL;
    d->leftblock = d->rightblock = b;
    d->leftindex = FINSERT_CENTER + 1;          /* empty: left just past right */
    d->rightindex = FINSERT_CENTER;
    d->size = 0;
    d->blocks = 1;
    return 0;
}

void finsert_deque_free(finsert_deque *d) {
    finsert_block *b = d->leftblock, *next;
    while (b != NULL) {
        next = b->rightlink;
        mem_free(b);
        b = next;
    }
    d->leftblock = d->rightblock = NULL;
    d->size = d->blocks = 0;
}

/* @region deque.appendleft(x): a new block when the left one is full */
int finsert_deque_appendleft(finsert_deque *d, int64_t x) {
    if (d->leftindex == 0) {                    /* no room left of leftindex */
        finsert_block *b = mem_alloc(sizeof *b);
        if (b == NULL) return -1;               /* deque unchanged */
        b->leftlink = NULL;
        b->rightlink = d->leftblock;            /* link it in on the left */
        d->leftblock->leftlink = b;
        d->leftblock = b;
        d->leftindex = FINSERT_BLOCKLEN;
        d->blocks++;
    }
    d->size++;
    d->leftindex--;
    d->leftblock->data[d->leftindex] = x;       /* one write, nothing moves */
    OPS_ADD(moves, 1);
    return 0;
}
/* @endregion */

/* ------------------------------------------------------ the ring buffer -- */

void finsert_ring_init(finsert_ring *r) {
    r->items = NULL;
    r->head = r->size = r->capacity = 0;
}

void finsert_ring_free(finsert_ring *r) {
    mem_free(r->items);
    finsert_ring_init(r);
}

int64_t finsert_ring_get(const finsert_ring *r, size_t i) {
    return r->items[(r->head + i) & (r->capacity - 1)];
}

/* @region Ring buffer: step back, wrapping; copy everything when full */
/* Double the capacity, unrolling the items to the start of the new array.
** On failure the ring is unchanged. */
static int ring_grow(finsert_ring *r) {
    size_t cap = r->capacity ? r->capacity * 2 : 8, i;
    int64_t *items = mem_alloc(cap * sizeof *items);
    if (items == NULL) return -1;
    for (i = 0; i < r->size; i++) items[i] = finsert_ring_get(r, i);
    OPS_ADD(moves, r->size);
    mem_free(r->items);
    r->items = items;
    r->head = 0;
    r->capacity = cap;
    return 0;
}

int finsert_ring_appendleft(finsert_ring *r, int64_t x) {
    if (r->size == r->capacity && ring_grow(r) < 0) return -1;
    r->head = (r->head + r->capacity - 1) & (r->capacity - 1);   /* step back, wrapping */
    r->items[r->head] = x;
    OPS_ADD(moves, 1);
    r->size++;
    return 0;
}
/* @endregion */

/* ------------------------------------------------------------ measuring -- */

typedef struct finsert_data {
    size_t n;
    int kind;            /* 0 list, 1 deque, 2 ring */
    int failed;
    int64_t check;       /* the front item after the run (n - 1) */
    size_t blocks;       /* deque blocks used */
} finsert_data;

/* Insert 0, 1, ..., n-1 at the front of a new container, then free it. */
static void kernel(void *arg) {
    finsert_data *fd = arg;
    size_t i;
    int bad = 0;
    if (fd->kind == 0) {
        finsert_list l;
        finsert_list_init(&l);
        for (i = 0; i < fd->n && !bad; i++) bad = finsert_list_insert0(&l, (int64_t)i);
        if (!bad) fd->check = l.items[0];
        finsert_list_free(&l);
    } else if (fd->kind == 1) {
        finsert_deque d;
        if (finsert_deque_init(&d) < 0) { fd->failed = 1; return; }
        for (i = 0; i < fd->n && !bad; i++) bad = finsert_deque_appendleft(&d, (int64_t)i);
        if (!bad) fd->check = d.leftblock->data[d.leftindex];
        fd->blocks = d.blocks;
        finsert_deque_free(&d);
    } else {
        finsert_ring r;
        finsert_ring_init(&r);
        for (i = 0; i < fd->n && !bad; i++) bad = finsert_ring_appendleft(&r, (int64_t)i);
        if (!bad) fd->check = finsert_ring_get(&r, 0);
        finsert_ring_free(&r);
    }
    if (bad) fd->failed = 1;
}

static int run(demo_ctx *ctx) {
    static const char *ids[3] = {"list", "deque", "ring"};
    static const char *labels[3] = {"list.insert(0, x): dynamic array", "deque.appendleft(x): blocks of 64",
                                    "ring buffer (doubling)"};
    double sizes[40], moves[3] = {0, 0, 0}, last_n = 0;
    size_t blocks = 0;
    int count = demo_sizes(ctx, sizes, 40), i, k, status = DEMO_OK, time_s[3], moves_s[3];
    for (k = 0; k < 3; k++) {
        time_s[k] = demo_series(ctx, ids[k], labels[k], "time", "s for all n inserts", DEMO_FIT);
        moves_s[k] = demo_series(ctx, ids[k], labels[k], "ops", "element moves (total)", DEMO_FIT);
        if (time_s[k] < 0 || moves_s[k] < 0) return DEMO_ERR_NOMEM;
    }
    for (i = 0; i < count && status == DEMO_OK; i++) {
        finsert_data fd = {0};
        if (demo_progress(ctx, (double)i / count, "inserting at the front")) return DEMO_STOPPED;
        fd.n = (size_t)sizes[i];
        for (k = 0; k < 3 && status == DEMO_OK; k++) {
            tim_stats st;
            fd.kind = k;
            status = demo_time(ctx, kernel, &fd, &st);
            if (status != DEMO_OK) break;
            ops_reset();
            fd.check = -1;
            kernel(&fd);
            moves[k] = (double)ops_get().moves;
            if (fd.failed) return DEMO_ERR_NOMEM;
            if (fd.check != (int64_t)fd.n - 1) return demo_fail(ctx, "the front item is wrong");
            demo_point(ctx, time_s[k], sizes[i], st.per_call_ns * 1e-9, st.uncertainty_ns * 1e-9);
            demo_point(ctx, moves_s[k], sizes[i], moves[k], 0);
        }
        if (status == DEMO_OK) { last_n = sizes[i]; blocks = fd.blocks; }
    }
    demo_progress(ctx, 1.0, "done");
    if (last_n > 0) {
        demo_note(ctx, "At n = %.0f: the list moved %.0f items (n(n-1)/2 shifts + n writes), the deque %.0f, "
                  "the ring buffer %.0f (its growth copies included).", last_n, moves[0], moves[1], moves[2]);
        demo_note(ctx, "A deque block holds %d items: %.0f inserts used %.0f blocks, and no item ever moved.",
                  FINSERT_BLOCKLEN, last_n, (double)blocks);
    }
    return status;
}

static const demo_param params[] = {
    DEMO_SWEEP_PARAMS(10, 200, 30000, 20000, 10),
};

const demo_info demo_front_insert = {
    .id = "front-insert",
    .topic = "03_time_complexity",
    .title = "Inserting at the front: list vs deque vs ring buffer",
    .caption = "The list's total cost bends upwards (each insert shifts every item already there: n doubles, cost "
               "quadruples) while the deque and the ring buffer grow in a straight line.",
    .x_label = "n (insertions at the front)",
    .source_file = "c_src/demos/front_insert.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
