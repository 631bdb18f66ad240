/*
** amortized_append.c -- demo "amortized-append": what each append to a
** CPython-style list costs, and the running average cost per append.
**
** Mirrors list_resize in Objects/listobject.c (CPython 3.14) through pylist
** (list_growth.c): `new_allocated = (newsize + (newsize >> 3) + 6) & ~3`.
** An append that finds a spare slot costs one store. An append that finds
** the list full reallocates, and the realloc may have to copy every item
** already there; we count that worst case (a real realloc sometimes extends
** the block in place and copies nothing). Because each new capacity is about
** 9/8 of the old, the copies add up to at most about 8-9 items per append
** over any run of appends: amortized O(1).
*/
#include "pylist.h"
#include "../demo.h"
#include "../ops.h"

/* @region The cost of one append: a store, plus a copy when the list is full */
/* Returns the items written or moved by appending x, or 0 when out of
** memory (the list is then unchanged). */
static uint64_t append_cost(pylist *l, int64_t x) {
    ops_reset();
    if (pylist_append(l, x) != 0) return 0;
    return ops_get().moves;            /* 1 for the store + items a realloc carried over */
}
/* @endregion */

/* @region Spikes and the running average */
static int run(demo_ctx *ctx) {
    size_t n = (size_t)demo_get(ctx, "appends"), i;
    int cost = demo_series(ctx, "cost", "cost of this append", "cost", "items written or moved", DEMO_NOFIT);
    int avg = demo_series(ctx, "average", "running average per append", "cost", "items written or moved", DEMO_NOFIT);
    uint64_t total = 0, biggest = 0;
    pylist list;
    if (cost < 0 || avg < 0) return DEMO_ERR_NOMEM;
    pylist_init(&list);
    for (i = 1; i <= n; i++) {
        uint64_t c = append_cost(&list, (int64_t)i);
        if (c == 0) { pylist_clear(&list); return DEMO_ERR_NOMEM; }
        total += c;
        if (c > biggest) biggest = c;
        demo_point(ctx, cost, (double)i, (double)c, 0);
        demo_point(ctx, avg, (double)i, (double)total / (double)i, 0);
    }
/* @endregion */
    demo_progress(ctx, 1.0, "done");
    demo_note(ctx, "%lu appends cost %lu items written or moved: %.2f per append on average (amortized O(1)).",
              (unsigned long)n, (unsigned long)total, (double)total / (double)n);
    demo_note(ctx, "%lu appends found the list full and reallocated it (the first one from empty); the biggest "
              "copy moved %lu items. Every other append cost 1.", (unsigned long)list.reallocs,
              (unsigned long)(biggest > 0 ? biggest - 1 : 0));
    demo_note(ctx, "Capacity now: %lu slots for %lu items. Copies are counted as if realloc always moved the block.",
              (unsigned long)list.allocated, (unsigned long)n);
    pylist_clear(&list);
    return DEMO_OK;
}

static const demo_param params[] = {
    {"appends", "appends", 10, 4000, 2000, 1},
};

const demo_info demo_amortized_append = {
    .id = "amortized-append",
    .topic = "05_big_o_notation",
    .title = "Amortized O(1): the cost of each append",
    .caption = "Almost every append costs one store; the rare spikes are reallocations that copy every item, and they get "
               "taller but rarer. The running average levels off at a small constant.",
    .x_label = "append number",
    .source_file = "c_src/demos/amortized_append.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
