/*
** list_growth.c -- demo "list-growth": a list's capacity as it grows one
** append at a time, with a set's table size beside it. Also the home of
** pylist (see pylist.h), the CPython-style dynamic array other demos use.
**
** Mirrors CPython 3.14:
**   list  list_resize and _PyList_AppendTakeRef in Objects/listobject.c.
**         The formulas and comments below are CPython's; sizes are unsigned
**         here, so CPython's signed `newsize - Py_SIZE(self) > ...` test gets
**         an explicit `newsize > oldsize` guard. Up to 3.8 the rule was
**         `newsize + (newsize >> 3) + (newsize < 9 ? 3 : 6)`, with pattern
**         0, 4, 8, 16, 25, 35, 46, 58, ...
**   set   set_add_entry / set_table_resize in Objects/setobject.c, via
**         hashset.c: grow when fill*5 >= mask*3, to `used > 50000 ? used*2 :
**         used*4` rounded up to a power of two, at least 8 slots.
** Bytes are what sys.getsizeof reports on 64-bit CPython: a list is a
** 56-byte object plus 8 bytes per allocated slot; a set is a 216-byte object
** with 8 slots inside it, plus 16 bytes per slot once the table moves out.
** Slot bytes are measured through the counting allocator.
*/
#include "pylist.h"
#include "hashset.h"
#include "../demo.h"
#include "../mem.h"
#include "../ops.h"

#include <stdio.h>

/* ------------------------------------------------------------ pylist -- */

void pylist_init(pylist *l) {
    l->items = NULL;
    l->size = l->allocated = 0;
    l->reallocs = l->last_moved = 0;
}

void pylist_clear(pylist *l) {
    mem_free(l->items);
    pylist_init(l);
}

size_t pylist_getsizeof(const pylist *l) {
    return PYLIST_HEADER_BYTES + PYLIST_SLOT_BYTES * l->allocated;
}

/* @region list_resize: when and how much to grow (listobject.c, 3.14) */
size_t pylist_grow_to(size_t oldsize, size_t newsize) {
    /* This over-allocates proportional to the list size, making room
     * for additional growth. [...] Add padding to make the allocated size
     * multiple of 4. The growth pattern is: 0, 4, 8, 16, 24, 32, 40, 52,
     * 64, 76, ... */
    size_t new_allocated = (newsize + (newsize >> 3) + 6) & ~(size_t)3;
    /* Do not overallocate if the new size is closer to overallocated size
     * than to the old size. */
    if (newsize > oldsize && newsize - oldsize > new_allocated - newsize)
        new_allocated = (newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        new_allocated = 0;
    return new_allocated;
}

int pylist_resize(pylist *l, size_t newsize) {
    size_t new_allocated, kept;
    int64_t *items;
    /* Bypass realloc() when a previous overallocation is large enough
     * to accommodate the newsize. */
    if (l->allocated >= newsize && newsize >= (l->allocated >> 1)) {
        l->size = newsize;
        return 0;
    }
    new_allocated = pylist_grow_to(l->size, newsize);
    items = mem_realloc(l->items, new_allocated * sizeof *items);
    if (items == NULL) return -1;          /* the list is unchanged */
    kept = l->size < new_allocated ? l->size : new_allocated;
    OPS_ADD(moves, kept);                  /* realloc may copy every item */
    l->items = items;
    l->size = newsize;
    l->allocated = new_allocated;
    l->reallocs++;
    l->last_moved = kept;
    return 0;
}
/* @endregion */

int pylist_append(pylist *l, int64_t x) {
    size_t n = l->size;
    if (pylist_resize(l, n + 1) != 0) return -1;
    l->items[n] = x;
    OPS_ADD(moves, 1);                     /* the store itself */
    return 0;
}

/* -------------------------------------------------------------- demo -- */

/* sys.getsizeof(set) on 64-bit CPython: the first 8 slots live inside the
** 216-byte object (so->smalltable); a bigger table is a separate block. */
#define SET_OBJECT_BYTES 216

typedef struct growth_series {
    int capacity, bytes, resizes;   /* series indices */
    size_t last_slots;              /* capacity at the last recorded point */
} growth_series;

static int add_series(demo_ctx *ctx, growth_series *s, int is_set) {
    s->capacity = demo_series(ctx, is_set ? "set-slots" : "list-capacity",
                              is_set ? "set: slots in its hash table" : "list: allocated slots (capacity)",
                              "capacity", "slots", DEMO_STEPPED | DEMO_NOFIT);
    s->bytes = demo_series(ctx, is_set ? "set-bytes" : "list-bytes",
                           is_set ? "set: sys.getsizeof (64-bit)" : "list: sys.getsizeof (64-bit)",
                           "bytes", "bytes", DEMO_STEPPED | DEMO_NOFIT);
    s->resizes = demo_series(ctx, is_set ? "set-resizes" : "list-reallocs",
                             is_set ? "set: table resizes so far" : "list: reallocations so far",
                             "resizes", "resizes so far", DEMO_STEPPED | DEMO_NOFIT);
    s->last_slots = (size_t)-1;
    return (s->capacity < 0 || s->bytes < 0 || s->resizes < 0) ? DEMO_ERR_NOMEM : DEMO_OK;
}

/* One point per series at length x (object_bytes come from measured blocks). */
static void record(demo_ctx *ctx, growth_series *s, size_t x, size_t slots,
                   double object_bytes, size_t resizes) {
    demo_point(ctx, s->capacity, (double)x, (double)slots, 0);
    demo_point(ctx, s->bytes, (double)x, object_bytes, 0);
    demo_point(ctx, s->resizes, (double)x, (double)resizes, 0);
    s->last_slots = slots;
}

/* Bytes of the set's table, as sys.getsizeof counts them. */
static double set_getsizeof(const hset *set, size_t table_bytes) {
    return SET_OBJECT_BYTES + (hset_slots(set) > HSET_MINSIZE ? (double)table_bytes : 0);
}

typedef struct growth_run {
    pylist list;
    hset *set;
    size_t list_block, set_block;   /* measured bytes of each slot block */
    size_t moved;                   /* items carried over by reallocs */
    size_t caps[12];                /* the first capacities, for a note */
    int cap_count;
} growth_run;

/* @region Append one at a time; record a point at every reallocation */
static int append_one(growth_run *r, size_t i) {
    size_t before = mem_get_stats().current_bytes, old_cap = r->list.allocated;
    ops_reset();
    if (pylist_append(&r->list, (int64_t)i) != 0) return DEMO_ERR_NOMEM;
    if (r->list.allocated != old_cap) {         /* list_resize called realloc */
        r->list_block += mem_get_stats().current_bytes - before;
        r->moved += (size_t)ops_get().moves - 1; /* minus the store itself */
    }
    if (r->set != NULL) {
        size_t slots = hset_slots(r->set);
        before = mem_get_stats().current_bytes;
        if (hset_add(r->set, (int64_t)i) < 0) return DEMO_ERR_NOMEM;
        if (hset_slots(r->set) != slots)        /* set_table_resize ran */
            r->set_block += mem_get_stats().current_bytes - before;
    }
    return DEMO_OK;
}
/* @endregion */

static int grow(demo_ctx *ctx, growth_run *r, size_t n, growth_series *ls, growth_series *ss) {
    size_t i;
    record(ctx, ls, 0, 0, PYLIST_HEADER_BYTES, 0);
    if (r->set) record(ctx, ss, 0, hset_slots(r->set), SET_OBJECT_BYTES, 0);
    for (i = 1; i <= n; i++) {
        int status = append_one(r, i - 1);
        if (status != DEMO_OK) return status;
        if (r->list.allocated != ls->last_slots && r->cap_count < 12)
            r->caps[r->cap_count++] = r->list.allocated;
        if (r->list.allocated != ls->last_slots || i == n)
            record(ctx, ls, i, r->list.allocated, PYLIST_HEADER_BYTES + (double)r->list_block, r->list.reallocs);
        if (r->set && hset_slots(r->set) != ss->last_slots) {
            char label[DEMO_CELL];
            snprintf(label, sizeof label, "set grows to %lu slots", (unsigned long)hset_slots(r->set));
            demo_marker(ctx, (double)i, label);
        }
        if (r->set && (hset_slots(r->set) != ss->last_slots || i == n))
            record(ctx, ss, i, hset_slots(r->set), set_getsizeof(r->set, r->set_block), r->set->resizes);
        if ((i & 0xFFFF) == 0 && demo_progress(ctx, (double)i / n, "appending")) return DEMO_STOPPED;
    }
    return DEMO_OK;
}

static void list_notes(demo_ctx *ctx, const growth_run *r, size_t n) {
    char text[DEMO_TEXT];
    int k, len = snprintf(text, sizeof text, "Capacities as the list grew: 0");
    for (k = 0; k < r->cap_count && len < (int)sizeof text - 24; k++)
        len += snprintf(text + len, sizeof text - (size_t)len, ", %lu", (unsigned long)r->caps[k]);
    demo_note(ctx, "%s%s", text, (size_t)r->caps[r->cap_count - 1] < r->list.allocated ? ", ..." : "");
    demo_note(ctx, "After %lu appends: capacity %lu, so %lu slots (%.0f%%) are spare; getsizeof = %lu bytes.",
              (unsigned long)n, (unsigned long)r->list.allocated, (unsigned long)(r->list.allocated - n),
              100.0 * (double)(r->list.allocated - n) / (double)n, (unsigned long)(PYLIST_HEADER_BYTES + r->list_block));
    demo_note(ctx, "%lu reallocations for %lu appends; they carried %lu items over in all (%.2f per append).",
              (unsigned long)r->list.reallocs, (unsigned long)n, (unsigned long)r->moved, (double)r->moved / (double)n);
    demo_note(ctx, "A list made in one go, like list(range(%lu)), reserves exactly %lu slots: %lu bytes.",
              (unsigned long)n, (unsigned long)n, (unsigned long)(PYLIST_HEADER_BYTES + PYLIST_SLOT_BYTES * n));
}

static void set_notes(demo_ctx *ctx, const growth_run *r, size_t n) {
    demo_note(ctx, "The set grew %lu times and has %lu slots for %lu items (%.0f%% full); getsizeof = %.0f bytes.",
              (unsigned long)r->set->resizes, (unsigned long)hset_slots(r->set), (unsigned long)n,
              100.0 * (double)n / (double)hset_slots(r->set), set_getsizeof(r->set, r->set_block));
    demo_note(ctx, "A set grows when it is 3/5 full (fill*5 >= mask*3), to about 4x its items (2x past 50,000).");
}

static int run(demo_ctx *ctx) {
    size_t n = (size_t)demo_get(ctx, "appends"), before;
    int with_set = demo_get(ctx, "with_set") != 0, status;
    growth_series ls, ss = {0, 0, 0, 0};
    growth_run r = {0};
    pylist_init(&r.list);
    if (add_series(ctx, &ls, 0) != DEMO_OK) return DEMO_ERR_NOMEM;
    if (with_set) {
        if (add_series(ctx, &ss, 1) != DEMO_OK) return DEMO_ERR_NOMEM;
        before = mem_get_stats().current_bytes;
        r.set = hset_new();
        if (r.set == NULL) return DEMO_ERR_NOMEM;
        r.set_block = mem_get_stats().current_bytes - before - sizeof *r.set;
    }
    status = grow(ctx, &r, n, &ls, &ss);
    if (status == DEMO_OK) {
        demo_progress(ctx, 1.0, "done");
        list_notes(ctx, &r, n);
        if (r.set) set_notes(ctx, &r, n);
    }
    pylist_clear(&r.list);
    hset_free(r.set);
    return status;
}

static const demo_param params[] = {
    {"appends", "items to append", 1, 1000000, 300, 1},
    {"with_set", "also add them to a set (1 = yes, 0 = no)", 0, 1, 1, 1},
};

const demo_info demo_list_growth = {
    .id = "list-growth",
    .topic = "04_space_complexity",
    .title = "How a list grows: capacity against length",
    .caption = "Capacity climbs in a staircase: flat while appends fill spare slots, then a jump when the list is "
               "reallocated, always about an eighth above the length. The set's table jumps far less often but much further.",
    .x_label = "length (items appended so far)",
    .source_file = "c_src/demos/list_growth.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
