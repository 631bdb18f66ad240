/*
** string_building.c -- demo "string-building": n pieces glued into one
** string three ways, counting every byte copied.
**
** Mirrors CPython 3.14, Objects/unicodeobject.c:
**   concat   PyUnicode_Concat: `new_len = left_len + right_len`, a new string
**            of new_len, then both parts copied in. Repeating s = s + piece
**            copies everything built so far every time: len*n*(n+1)/2 bytes.
**            (The interpreter's in-place `s += piece` shortcut, used when s
**            has no other reference, is deliberately not modelled: it is
**            what `self.s += piece`, aliased strings and bytes never get.)
**   join     _PyUnicode_JoinArray: a first pass adds up the lengths
**            (`sz += PyUnicode_GET_LENGTH(item)`), one PyUnicode_New(sz),
**            then a second pass copies each item once: n*len bytes.
**   buffer   a growing buffer (io.StringIO, bytearray): when full it grows
**            to need + need*growth/100 and copies what it holds. Default
**            growth 100% (doubling). CPython's bytearray (PyByteArray_Resize,
**            Objects/bytearrayobject.c) uses
**            `alloc = size + (size >> 3) + (size < 9 ? 3 : 6)` and relies on
**            realloc often growing the block in place; here every growth is
**            counted as a full copy (the worst case), so set growth to 12.5
**            to see what bytearray would copy if realloc always moved.
*/
#include "string_building.h"
#include "../demo.h"
#include "../mem.h"
#include "../ops.h"

#include <string.h>

/* @region s = s + piece: a new string every time */
char *sbuild_concat(const char *pieces, size_t n, size_t len) {
    char *s = mem_alloc(0), *t;                 /* s = "" */
    size_t k, used = 0;
    if (s == NULL) return NULL;
    for (k = 0; k < n; k++) {
        t = mem_alloc(used + len);              /* new_len = left_len + right_len */
        if (t == NULL) { mem_free(s); return NULL; }
        OPS_ADD(allocations, 1);
        memcpy(t, s, used);                     /* copy everything built so far ... */
        memcpy(t + used, pieces + k * len, len);  /* ... then the new piece */
        OPS_ADD(bytes_copied, used + len);
        mem_free(s);                            /* the old string dies */
        s = t;
        used += len;
    }
    return s;
}
/* @endregion */

/* @region "".join(pieces): measure first, allocate once */
char *sbuild_join(const char *pieces, size_t n, size_t len) {
    size_t k, total = 0, at = 0;
    char *s;
    for (k = 0; k < n; k++) total += len;       /* pass 1: sz += len(item) */
    s = mem_alloc(total);                       /* one allocation of the final size */
    if (s == NULL) return NULL;
    OPS_ADD(allocations, 1);
    for (k = 0; k < n; k++) {                   /* pass 2: each byte copied once */
        memcpy(s + at, pieces + k * len, len);
        at += len;
    }
    OPS_ADD(bytes_copied, total);
    return s;
}
/* @endregion */

/* @region A growing buffer: over-allocate, copy only when full */
char *sbuild_buffer(const char *pieces, size_t n, size_t len, double growth_pct) {
    char *buf = mem_alloc(0), *bigger;
    size_t k, used = 0, cap = 0, need, grown;
    if (buf == NULL) return NULL;
    for (k = 0; k < n; k++) {
        need = used + len;
        if (need > cap) {                       /* full: grow with room to spare */
            grown = need + (size_t)((double)need * growth_pct / 100.0);
            bigger = mem_alloc(grown);
            if (bigger == NULL) { mem_free(buf); return NULL; }
            OPS_ADD(allocations, 1);
            memcpy(bigger, buf, used);          /* the occasional big copy */
            OPS_ADD(bytes_copied, used);
            mem_free(buf);
            buf = bigger;
            cap = grown;
        }
        memcpy(buf + used, pieces + k * len, len);  /* the usual case: just the piece */
        OPS_ADD(bytes_copied, len);
        used = need;
    }
    return buf;
}
/* @endregion */

/* ------------------------------------------------------------ measuring -- */

typedef struct sbuild_data {
    const char *pieces;
    size_t n, len;
    double growth;
    int method;          /* 0 concat, 1 join, 2 buffer */
    int failed;          /* an allocation failed during a timed call */
} sbuild_data;

static char *build(sbuild_data *d) {
    switch (d->method) {
    case 0: return sbuild_concat(d->pieces, d->n, d->len);
    case 1: return sbuild_join(d->pieces, d->n, d->len);
    default: return sbuild_buffer(d->pieces, d->n, d->len, d->growth);
    }
}

static void kernel(void *arg) {
    sbuild_data *d = arg;
    char *s = build(d);
    if (s == NULL) d->failed = 1;
    mem_free(s);
}

/* Builds once more, counting, and checks the result is right. */
static int count_copies(sbuild_data *d, double *bytes) {
    char *s;
    ops_reset();
    s = build(d);
    if (s == NULL) return DEMO_ERR_NOMEM;
    *bytes = (double)ops_get().bytes_copied;
    if (d->n > 0 && memcmp(s, d->pieces, d->n * d->len) != 0) { mem_free(s); return DEMO_ERR_FAILED; }
    mem_free(s);
    return DEMO_OK;
}

static int run(demo_ctx *ctx) {
    static const char *ids[3] = {"concat", "join", "buffer"};
    static const char *labels[3] = {"s = s + piece (new string each time)", "\"\".join(pieces)",
                                    "growing buffer"};
    double sizes[40], bytes[3] = {0, 0, 0}, last_n = 0;
    int count = demo_sizes(ctx, sizes, 40), i, k, status = DEMO_OK, time_s[3], copied_s[3];
    sbuild_data d = {0};
    char *pieces;
    size_t b, nmax;
    d.len = (size_t)demo_get(ctx, "piece_len");
    d.growth = demo_get(ctx, "growth");
    for (k = 0; k < 3; k++) {
        time_s[k] = demo_series(ctx, ids[k], labels[k], "time", "s per string built", DEMO_FIT);
        copied_s[k] = demo_series(ctx, ids[k], labels[k], "copied", "bytes", DEMO_FIT);
        if (time_s[k] < 0 || copied_s[k] < 0) return DEMO_ERR_NOMEM;
    }
    nmax = count > 0 ? (size_t)sizes[count - 1] : 0;
    pieces = mem_alloc(nmax * d.len);
    if (pieces == NULL) return DEMO_ERR_NOMEM;
    for (b = 0; b < nmax * d.len; b++) pieces[b] = (char)('a' + (b / d.len) % 26);
    d.pieces = pieces;
    for (i = 0; i < count && status == DEMO_OK; i++) {
        if (demo_progress(ctx, (double)i / count, "building strings")) { status = DEMO_STOPPED; break; }
        d.n = (size_t)sizes[i];
        for (k = 0; k < 3 && status == DEMO_OK; k++) {
            tim_stats st;
            d.method = k;
            d.failed = 0;
            status = demo_time(ctx, kernel, &d, &st);
            if (status == DEMO_OK) status = d.failed ? DEMO_ERR_NOMEM : count_copies(&d, &bytes[k]);
            if (status != DEMO_OK) break;
            demo_point(ctx, time_s[k], sizes[i], st.per_call_ns * 1e-9, st.uncertainty_ns * 1e-9);
            demo_point(ctx, copied_s[k], sizes[i], bytes[k], 0);
        }
        if (status == DEMO_OK) last_n = sizes[i];
    }
    mem_free(pieces);
    if (status == DEMO_ERR_FAILED) return demo_fail(ctx, "a builder produced the wrong string");
    demo_progress(ctx, 1.0, "done");
    if (last_n > 0) {
        demo_note(ctx, "At n = %.0f pieces of %.0f bytes (%.0f bytes of output): concatenation copied %.0f bytes, "
                  "join %.0f, the growing buffer %.0f.", last_n, (double)d.len, last_n * (double)d.len,
                  bytes[0], bytes[1], bytes[2]);
        demo_note(ctx, "Concatenation allocates a new string per piece (%.0f allocations); join allocates once.", last_n);
    }
    return status;
}

static const demo_param params[] = {
    DEMO_SWEEP_PARAMS(10, 100, 20000, 10000, 10),
    {"piece_len", "bytes per piece", 1, 16, 8, 1},
    {"growth", "buffer growth when full (%)", 1, 200, 100, 0},
};

const demo_info demo_string_building = {
    .id = "string-building",
    .topic = "03_time_complexity",
    .title = "Building a string: s + piece vs join vs a growing buffer",
    .caption = "In the bytes-copied view, concatenation curves upward like n^2 while join and the growing buffer stay "
               "straight: join copies each byte once, the buffer a little more for its occasional regrowth.",
    .x_label = "n (pieces joined)",
    .source_file = "c_src/demos/string_building.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
