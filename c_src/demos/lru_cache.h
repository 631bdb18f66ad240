/*
** lru_cache.h -- a bounded LRU cache laid out like functools.lru_cache's C
** version (Modules/_functoolsmodule.c, CPython 3.14): a dict from key to
** link plus a circular doubly linked list of links, oldest first.
**
** Keys and results are 64-bit integers. The cache never calls the
** allocator after lru_new, so lru_call cannot fail.
*/
#ifndef CC_LRU_CACHE_H
#define CC_LRU_CACHE_H

#include <stddef.h>
#include <stdint.h>

typedef struct lru_link {
    struct lru_link *prev, *next;
    int64_t key, result;
} lru_link;

typedef struct lru_cache {
    lru_link root;          /* sentinel: root.next is the oldest, root.prev the newest */
    lru_link *links;        /* maxsize links, allocated once */
    size_t maxsize, size;   /* links in use */
    int32_t *index;         /* the dict's hash table: a link number, or EMPTY / DUMMY */
    size_t mask;            /* table slots - 1 */
    size_t usable, nentries;  /* like dk_usable and dk_nentries: rebuild when equal */
    uint64_t hits, misses;  /* as cache_info() */
    uint64_t rebuilds;      /* index rebuilds (CPython: insertion_resize) */
} lru_cache;

/* The cached function: computes result for key (the expensive call). */
typedef int64_t (*lru_func)(int64_t key, void *arg);

/* A cache holding at most maxsize (>= 1) results. NULL on allocation
** failure, with nothing left allocated. */
lru_cache *lru_new(size_t maxsize);
void lru_free(lru_cache *c);

/* cache_clear(): forget every result and zero the statistics. */
void lru_clear(lru_cache *c);

/* The wrapper call: the cached result for key, or func(key, arg) stored
** as the newest entry (evicting the oldest when full). Counts probes and
** comparisons in ops.h; func's cost is its own. */
int64_t lru_call(lru_cache *c, int64_t key, lru_func func, void *arg);

/* 1 if key is cached, without touching the order or the statistics. */
int lru_contains(const lru_cache *c, int64_t key);

#endif
