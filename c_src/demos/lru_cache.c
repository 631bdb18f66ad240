/*
** lru_cache.c -- demo "lru-cache": hit rate and cost of a bounded LRU cache
** against its capacity, on a skewed (Zipf) stream of keys.
**
** Mirrors CPython 3.14, Modules/_functoolsmodule.c, bounded_lru_cache_wrapper
** (via bounded_lru_cache_get_lock_held and _update_lock_held): the cache is
** a dict from key to link plus a circular doubly linked list whose
** root.next is the oldest link and root.prev the newest.
**   hit   lru_cache_extract_link(link); lru_cache_append_link(self, link);
**         the link moves to the newest end, hits += 1.
**   miss  misses += 1; call the function; if the dict holds fewer than
**         maxsize entries, a new link is appended; otherwise the oldest link
**         (root.next) is extracted, its key popped from the dict, and the
**         same link reused for the new key and appended as the newest.
** Differences: all maxsize links are allocated up front (CPython creates
** them one by one until the cache is full); there is no second lookup after
** the call (CPython re-checks because the function may have added the key).
**
** The dict is Objects/dictobject.c's index table, 3.14: probe
** `i = hash & mask`, then `perturb >>= PERTURB_SHIFT; i = mask & (i*5 +
** perturb + 1)`; a deleted key leaves DKIX_DUMMY; inserts take the first
** EMPTY or DUMMY slot (find_empty_slot) and use up dk_usable = 2/3 of the
** slots; when it runs out the table is rebuilt (insertion_resize) at the
** smallest power of two >= used*3. With used == maxsize that is the size we
** start with, so the rebuild happens in place, without allocating.
*/
#include "lru_cache.h"
#include "rng.h"
#include "../demo.h"
#include "../mem.h"
#include "../ops.h"

#include <math.h>

#define LRU_EMPTY (-1)          /* DKIX_EMPTY */
#define LRU_DUMMY (-2)          /* DKIX_DUMMY */
#define LRU_PERTURB_SHIFT 5

/* ------------------------------------------------------ the dict part -- */

static size_t int_hash(int64_t key) {
    return (size_t)(key == -1 ? -2 : key);
}

/* The slot holding key (*found = 1) or the empty slot ending its probe
** sequence (*found = 0). */
static size_t dict_lookup(const lru_cache *c, int64_t key, int *found) {
    size_t perturb = int_hash(key), i = perturb & c->mask;
    for (;;) {
        int32_t ix = c->index[i];
        OPS_ADD(probes, 1);
        if (ix == LRU_EMPTY) { *found = 0; return i; }
        if (ix >= 0) {
            OPS_ADD(comparisons, 1);
            if (c->links[ix].key == key) { *found = 1; return i; }
        }
        perturb >>= LRU_PERTURB_SHIFT;
        i = c->mask & (i * 5 + perturb + 1);
    }
}

/* find_empty_slot: the first EMPTY or DUMMY slot on key's probe sequence. */
static size_t find_empty_slot(const lru_cache *c, int64_t key) {
    size_t perturb = int_hash(key), i = perturb & c->mask;
    while (c->index[i] >= 0) {
        perturb >>= LRU_PERTURB_SHIFT;
        i = c->mask & (i * 5 + perturb + 1);
    }
    return i;
}

static void clear_index(lru_cache *c) {
    size_t i;
    for (i = 0; i <= c->mask; i++) c->index[i] = LRU_EMPTY;
    c->nentries = 0;
}

/* insertion_resize at the same size: drop the DUMMYs, reinsert the links. */
static void rebuild_index(lru_cache *c) {
    lru_link *link;
    clear_index(c);
    for (link = c->root.next; link != &c->root; link = link->next) {
        c->index[find_empty_slot(c, link->key)] = (int32_t)(link - c->links);
        c->nentries++;
    }
    c->rebuilds++;
}

static void dict_insert(lru_cache *c, lru_link *link) {
    if (c->nentries >= c->usable) rebuild_index(c);
    c->index[find_empty_slot(c, link->key)] = (int32_t)(link - c->links);
    c->nentries++;
}

static void dict_delete(lru_cache *c, int64_t key) {
    int found;
    size_t slot = dict_lookup(c, key, &found);
    if (found) c->index[slot] = LRU_DUMMY;
}

/* ------------------------------------------------------ the list part -- */

static void extract_link(lru_link *link) {
    link->prev->next = link->next;
    link->next->prev = link->prev;
}

static void append_link(lru_cache *c, lru_link *link) {     /* as the newest */
    lru_link *last = c->root.prev;
    last->next = c->root.prev = link;
    link->prev = last;
    link->next = &c->root;
}

/* ------------------------------------------------------------ the cache -- */

lru_cache *lru_new(size_t maxsize) {
    lru_cache *c;
    size_t slots = 8;
    if (maxsize < 1 || maxsize > (size_t)INT32_MAX / 4) return NULL;
    while (slots < maxsize * 3) slots <<= 1;
    c = mem_alloc(sizeof *c);
    if (c == NULL) return NULL;
    c->links = mem_alloc(maxsize * sizeof *c->links);
    c->index = mem_alloc(slots * sizeof *c->index);
    if (c->links == NULL || c->index == NULL) {
        mem_free(c->links);
        mem_free(c->index);
        mem_free(c);
        return NULL;
    }
    c->maxsize = maxsize;
    c->mask = slots - 1;
    c->usable = (slots << 1) / 3;       /* USABLE_FRACTION */
    lru_clear(c);
    return c;
}

void lru_free(lru_cache *c) {
    if (c == NULL) return;
    mem_free(c->links);
    mem_free(c->index);
    mem_free(c);
}

void lru_clear(lru_cache *c) {
    c->root.prev = c->root.next = &c->root;
    c->size = 0;
    c->hits = c->misses = c->rebuilds = 0;
    clear_index(c);
}

int lru_contains(const lru_cache *c, int64_t key) {
    int found;
    dict_lookup(c, key, &found);
    return found;
}

/* @region lru_cache(maxsize): a dict to find, a list to order */
int64_t lru_call(lru_cache *c, int64_t key, lru_func func, void *arg) {
    int found;
    size_t slot = dict_lookup(c, key, &found);
    lru_link *link;
    int64_t result;
    if (found) {                                /* hit: O(1), no call */
        link = &c->links[c->index[slot]];
        extract_link(link);                     /* move it to the newest end */
        append_link(c, link);
        c->hits++;
        return link->result;
    }
    c->misses++;
    result = func(key, arg);                    /* miss: the expensive call */
    if (c->size < c->maxsize) {
        link = &c->links[c->size++];            /* not full: a new link */
    } else {
        link = c->root.next;                    /* full: evict the oldest ... */
        extract_link(link);
        dict_delete(c, link->key);
    }                                           /* ... and reuse its link */
    link->key = key;
    link->result = result;
    dict_insert(c, link);
    append_link(c, link);
    return result;
}
/* @endregion */

/* ------------------------------------------------------------ measuring -- */

typedef struct lru_data {
    lru_cache *cache;
    const int64_t *requests;
    size_t count;
    long work;           /* rounds of the simulated expensive function */
} lru_data;

static volatile int64_t sink;

/* @region The expensive function and the skewed workload */
static int64_t expensive(int64_t key, void *arg) {
    const lru_data *d = arg;
    uint64_t x = (uint64_t)key + 1;
    long i;
    OPS_ADD(calls, 1);
    for (i = 0; i < d->work; i++) {             /* xorshift: work the compiler can't skip */
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    return (int64_t)(x >> 1);
}

/* Zipf(s): key k (0 = most popular) is requested with weight 1/(k+1)^s. */
static int zipf_requests(int64_t *out, size_t count, size_t keys, double s) {
    double *cdf = mem_alloc(keys * sizeof *cdf), total = 0;
    uint64_t seed = 42;
    size_t k, r;
    if (cdf == NULL) return -1;
    for (k = 0; k < keys; k++) cdf[k] = total += 1.0 / pow((double)(k + 1), s);
    for (r = 0; r < count; r++) {
        double u = (double)(rng_next(&seed) >> 11) * (1.0 / 9007199254740992.0) * total;
        size_t lo = 0, hi = keys - 1;
        while (lo < hi) {                       /* first key whose cdf passes u */
            size_t mid = lo + (hi - lo) / 2;
            if (cdf[mid] < u) lo = mid + 1; else hi = mid;
        }
        out[r] = (int64_t)lo;
    }
    mem_free(cdf);
    return 0;
}
/* @endregion */

static void kernel(void *arg) {
    lru_data *d = arg;
    size_t r;
    uint64_t acc = 0;
    lru_clear(d->cache);
    for (r = 0; r < d->count; r++) acc += (uint64_t)lru_call(d->cache, d->requests[r], expensive, d);
    sink = (int64_t)(acc >> 1);
}

/* Distinct whole capacities, geometric from lo to hi. */
static int capacities(double lo, double hi, int points, double *out) {
    int i, count = 0;
    for (i = 0; i < points; i++) {
        double t = points == 1 ? 0 : (double)i / (points - 1);
        double v = floor(lo * pow(hi / lo, t) + 0.5);
        if (count == 0 || v > out[count - 1]) out[count++] = v;
    }
    return count;
}

static size_t distinct_keys(const int64_t *req, size_t count, size_t keys) {
    unsigned char *seen = mem_calloc(keys, 1);
    size_t r, distinct = 0;
    if (seen == NULL) return 0;
    for (r = 0; r < count; r++) if (!seen[req[r]]) { seen[req[r]] = 1; distinct++; }
    mem_free(seen);
    return distinct;
}

static int measure(demo_ctx *ctx, lru_data *d, double cap, const int *series) {
    tim_stats st;
    int status;
    d->cache = lru_new((size_t)cap);
    if (d->cache == NULL) return DEMO_ERR_NOMEM;
    status = demo_time(ctx, kernel, d, &st);
    if (status == DEMO_OK) {
        kernel(d);          /* once more for the statistics, which kernel resets */
        demo_point(ctx, series[0], cap, 100.0 * (double)d->cache->hits / (double)d->count, 0);
        demo_point(ctx, series[1], cap, st.per_call_ns / (double)d->count * 1e-9,
                   st.uncertainty_ns / (double)d->count * 1e-9);
        demo_point(ctx, series[2], cap, (double)d->cache->misses, 0);
    }
    lru_free(d->cache);
    d->cache = NULL;
    return status;
}

static int run(demo_ctx *ctx) {
    double caps[40], lo = demo_get(ctx, "cap_min"), hi = demo_get(ctx, "cap_max");
    size_t keys = (size_t)demo_get(ctx, "keys");
    lru_data d = {0};
    int64_t *requests;
    int count, i, status = DEMO_OK, series[3];
    if (lo >= hi) return demo_fail(ctx, "smallest capacity must be less than largest capacity (got %g and %g)", lo, hi);
    count = capacities(lo, hi, (int)demo_get(ctx, "points"), caps);
    series[0] = demo_series(ctx, "hit-rate", "hit rate", "hit rate", "%", DEMO_NOFIT);
    series[1] = demo_series(ctx, "time", "time per lookup (misses pay the call)", "time", "s per lookup", DEMO_NOFIT);
    series[2] = demo_series(ctx, "misses", "misses (expensive calls made)", "calls", "calls", DEMO_NOFIT);
    if (series[0] < 0 || series[1] < 0 || series[2] < 0) return DEMO_ERR_NOMEM;
    d.count = (size_t)demo_get(ctx, "requests");
    d.work = (long)demo_get(ctx, "miss_work");
    requests = mem_alloc(d.count * sizeof *requests);
    if (requests == NULL || zipf_requests(requests, d.count, keys, demo_get(ctx, "skew")) < 0) {
        mem_free(requests);
        return DEMO_ERR_NOMEM;
    }
    d.requests = requests;
    for (i = 0; i < count && status == DEMO_OK; i++) {
        if (demo_progress(ctx, (double)i / count, "replaying requests")) { status = DEMO_STOPPED; break; }
        status = measure(ctx, &d, caps[i], series);
    }
    if (status == DEMO_OK) {
        size_t distinct = distinct_keys(requests, d.count, keys);
        demo_progress(ctx, 1.0, "done");
        demo_note(ctx, "%.0f requests for %.0f distinct keys: even an unlimited cache misses each key once, "
                  "so the hit rate can't pass %.1f%%.", (double)d.count, (double)distinct,
                  100.0 * (1.0 - (double)distinct / (double)d.count));
        demo_note(ctx, "A hit costs a dict probe and four pointer updates; a miss runs %ld rounds of xorshift.", d.work);
        if (128 >= lo && 128 <= hi) demo_marker(ctx, 128, "lru_cache default maxsize=128");
    }
    mem_free(requests);
    return status;
}

static const demo_param params[] = {
    {"cap_min", "smallest capacity (maxsize)", 1, 50000, 1, 1},
    {"cap_max", "largest capacity (maxsize)", 2, 100000, 2000, 1},
    {"points", "points", 2, 40, 14, 1},
    {"repeats", "repeats per point", 1, 15, 5, 1},
    {"keys", "distinct keys", 10, 100000, 2000, 1},
    {"requests", "requests", 1000, 50000, 20000, 1},
    {"skew", "Zipf skew s", 0, 3, 1, 0},
    {"miss_work", "work per miss (xorshift rounds)", 0, 1000, 200, 1},
};

const demo_info demo_lru_cache = {
    .id = "lru-cache",
    .topic = "06_optimization_techniques",
    .title = "LRU cache: hit rate vs capacity on a skewed workload",
    .caption = "The hit rate climbs steeply for the first few slots, then flattens: each extra slot holds a rarer key. "
               "Time per lookup falls with every miss avoided, because only misses pay for the expensive call.",
    .x_label = "cache capacity (maxsize)",
    .source_file = "c_src/demos/lru_cache.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
