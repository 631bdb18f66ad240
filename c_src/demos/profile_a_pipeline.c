/*
** profile_a_pipeline.c -- demo "profile-a-pipeline": a five-stage batch job
** measured by a small deterministic profiler, before and after fixing the
** stage the profile points at.
**
**   parse      split "id,userNN,euros.cents" lines into records     O(n)
**   validate   drop records whose id was already seen               O(n^2)!
**   transform  fee brackets and a currency conversion (floats)      O(n)
**   aggregate  net totals per user                                  O(n)
**   format     one output line per record with snprintf             O(n)
**
** Intuition says format (string formatting) or transform (arithmetic) is
** the heavy part. The profile says validate: `if id in seen` on a list is a
** hidden loop, so the stage is quadratic. The fix (parameter `optimized`)
** makes `seen` a hash set (hashset.c, as CPython's set).
**
** The profiler mirrors CPython 3.14's cProfile, Modules/_lsprof.c: each
** active call has a context (ProfilerContext) with its start time t0 and
** the time spent in its callees, subt. On return (Stop):
**     tt = call_timer(pObj) - self->t0;    -- cumtime
**     it = tt - self->subt;                -- tottime
**     if (self->previous) self->previous->subt += tt;
** and the function's entry adds tt and it and counts the call. Here only
** the pipeline and its stages are instrumented (not every record), so the
** profiler's own overhead stays small: the caveat the lesson gives about
** cProfile making many tiny calls look slower.
*/
#include "profile_a_pipeline.h"
#include "../clk.h"
#include "../demo.h"
#include "../mem.h"
#include "../ops.h"
#include "hashset.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct record {
    int64_t id, cents, net;
    int user;
} record;

static const char *const stage_names[PIPE_ENTRIES] = {
    "run_pipeline", "parse", "validate", "transform", "aggregate", "format"
};

/* ----------------------------------------------------------- profiler -- */

void pipe_profiler_reset(pipe_profiler *p) {
    memset(p, 0, sizeof *p);
}

/* @region The profiler: cProfile's tottime and cumtime (_lsprof.c) */
static void prof_start(pipe_profiler *p, pipe_context *c, int entry) {
    if (p == NULL) return;                  /* profiling off: no cost */
    c->entry = entry;
    c->subt = 0;
    c->previous = p->current;
    p->current = c;
    c->t0 = clk_now_ns();
}

static void prof_stop(pipe_profiler *p, pipe_context *c) {
    double tt, it;
    if (p == NULL) return;
    tt = clk_now_ns() - c->t0;              /* cumtime: everything inside */
    it = tt - c->subt;                      /* tottime: minus the callees */
    if (c->previous) c->previous->subt += tt;
    p->current = c->previous;
    p->entries[c->entry].calls++;
    p->entries[c->entry].cumtime_ns += tt;
    p->entries[c->entry].tottime_ns += it;
}
/* @endregion */

/* ------------------------------------------------------------- stages -- */

static int64_t parse_int(const char **s) {
    int64_t v = 0;
    while (**s >= '0' && **s <= '9') v = v * 10 + (*(*s)++ - '0');
    return v;
}

static void parse(const char *lines, size_t n, record *recs) {
    size_t i;
    for (i = 0; i < n; i++) {
        const char *s = lines + i * PIPE_LINE;
        recs[i].id = parse_int(&s);
        s += 5;                                     /* ",user" */
        recs[i].user = (int)parse_int(&s);
        s++;                                        /* "," */
        recs[i].cents = parse_int(&s) * 100;
        s++;                                        /* "." */
        recs[i].cents += parse_int(&s);
    }
}

/* @region validate: the innocent-looking stage (before and after) */
/* Keeps the first record of each id; returns how many, or -1 (no memory). */
static long validate(record *recs, size_t n, int optimized) {
    size_t i, j, kept = 0, nseen = 0;
    int64_t *seen = NULL;                       /* before: seen = [] */
    hset *seen_set = NULL;                      /* after:  seen = set() */
    if (optimized) seen_set = hset_new();
    else seen = mem_alloc(n * sizeof *seen);
    if (seen == NULL && seen_set == NULL) return -1;
    for (i = 0; i < n; i++) {
        int found = 0;
        if (optimized) {
            found = hset_contains(seen_set, recs[i].id);     /* O(1) */
            if (!found && hset_add(seen_set, recs[i].id) < 0) { hset_free(seen_set); return -1; }
        } else {
            for (j = 0; j < nseen && !found; j++) {          /* `id in seen`: O(n) */
                OPS_ADD(comparisons, 1);
                found = seen[j] == recs[i].id;
            }
            if (!found) seen[nseen++] = recs[i].id;          /* seen.append(id) */
        }
        if (!found) recs[kept++] = recs[i];
    }
    mem_free(seen);
    hset_free(seen_set);
    return (long)kept;
}
/* @endregion */

/* Payment fee by bracket, then conversion at a fixed rate, rounded to cents. */
static void transform(record *recs, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        double x = (double)recs[i].cents / 100.0, fee;
        if (x < 10) fee = 0.30 + x * 0.029;
        else if (x < 100) fee = 0.25 + x * 0.024;
        else fee = x * 0.019;
        recs[i].net = (int64_t)floor((x - fee) * 1.0842 * 100.0 + 0.5);
    }
}

static void aggregate(const record *recs, size_t n, int64_t *cents) {
    size_t i;
    for (i = 0; i < PIPE_USERS; i++) cents[i] = 0;
    for (i = 0; i < n; i++) cents[recs[i].user % PIPE_USERS] += recs[i].net;
}

#define PIPE_OUT_LINE 40

/* One "id;userNN;amount" line per record; returns the text or NULL. */
static char *format(const record *recs, size_t n, size_t *len) {
    char *out = mem_alloc(n * PIPE_OUT_LINE + 1);
    size_t i, at = 0;
    if (out == NULL) return NULL;
    out[0] = '\0';
    for (i = 0; i < n; i++) {
        int64_t a = recs[i].net < 0 ? -recs[i].net : recs[i].net;
        at += (size_t)snprintf(out + at, PIPE_OUT_LINE, "%08lld;user%02d;%s%lld.%02lld\n",
                               (long long)recs[i].id, recs[i].user, recs[i].net < 0 ? "-" : "",
                               (long long)(a / 100), (long long)(a % 100));
    }
    *len = at;
    return out;
}

static uint64_t hash_text(const char *text, size_t len) {     /* FNV-1a */
    uint64_t h = UINT64_C(14695981039346656037);
    size_t i;
    for (i = 0; i < len; i++) h = (h ^ (unsigned char)text[i]) * UINT64_C(1099511628211);
    return h;
}

/* @region The pipeline, instrumented stage by stage */
int pipe_run(const char *lines, size_t n, int optimized, pipe_profiler *prof, pipe_result *res) {
    pipe_context run, stage;
    record *recs = mem_alloc(n * sizeof *recs);
    char *out = NULL;
    long kept = -1;
    if (recs == NULL) return -1;
    prof_start(prof, &run, PIPE_RUN);
    prof_start(prof, &stage, PIPE_PARSE);
    parse(lines, n, recs);
    prof_stop(prof, &stage);
    prof_start(prof, &stage, PIPE_VALIDATE);
    kept = validate(recs, n, optimized);
    prof_stop(prof, &stage);
    if (kept >= 0) {
        prof_start(prof, &stage, PIPE_TRANSFORM);
        transform(recs, (size_t)kept);
        prof_stop(prof, &stage);
        prof_start(prof, &stage, PIPE_AGGREGATE);
        aggregate(recs, (size_t)kept, res->cents);
        prof_stop(prof, &stage);
        prof_start(prof, &stage, PIPE_FORMAT);
        out = format(recs, (size_t)kept, &res->out_bytes);
        prof_stop(prof, &stage);
    }
    prof_stop(prof, &run);
    mem_free(recs);
    if (out == NULL) return -1;
    res->kept = (size_t)kept;
    res->dropped = n - (size_t)kept;
    res->out_hash = hash_text(out, res->out_bytes);
    mem_free(out);
    return 0;
}
/* @endregion */

char *pipe_make_input(size_t n) {
    char *lines = mem_alloc(n * PIPE_LINE + 1);
    size_t i;
    if (lines == NULL) return NULL;
    for (i = 0; i < n; i++) {
        /* distinct 8-digit ids (i times a number coprime to 10^8 is a
        ** bijection mod 10^8); every 50th record repeats an earlier one's */
        uint64_t j = i % 50 == 49 ? (((uint64_t)i ^ (i >> 3)) * UINT64_C(2654435761)) % i : i;
        uint64_t id;
        if (j % 50 == 49) j--;
        id = (j * UINT64_C(2654435761)) % 100000000;
        uint64_t cents = (i * 7919 + 13) % 50000;
        snprintf(lines + i * PIPE_LINE, PIPE_LINE, "%08llu,user%02d,%llu.%02llu", (unsigned long long)id,
                 (int)((i * 31 + i / 7) % PIPE_USERS), (unsigned long long)(cents / 100),
                 (unsigned long long)(cents % 100));
    }
    return lines;
}

/* ------------------------------------------------------------ measuring -- */

typedef struct pipe_data {
    const char *lines;
    size_t n;
    int optimized, failed;
    pipe_result result;
} pipe_data;

static void kernel(void *arg) {
    pipe_data *d = arg;
    if (pipe_run(d->lines, d->n, d->optimized, NULL, &d->result) < 0) d->failed = 1;
}

/* Profiled runs until 20 ms have passed and at least `repeats` runs (but
** no more than 1000 runs or 300 ms). *p gets the fastest run's profile:
** interruptions only ever add time (the lesson's "take the minimum"), and
** one whole run keeps the table consistent. *work: validate's comparisons
** and probes per run. */
static int profile(demo_ctx *ctx, pipe_data *d, int optimized, pipe_profiler *p, double *work) {
    double start = clk_now_ns(), repeats = demo_get(ctx, "repeats");
    long runs = 0;
    pipe_profiler one;
    ops_counts ops;
    ops_reset();
    do {
        pipe_profiler_reset(&one);
        if (pipe_run(d->lines, d->n, optimized, &one, &d->result) < 0) return DEMO_ERR_NOMEM;
        if (runs == 0 || one.entries[PIPE_RUN].cumtime_ns < p->entries[PIPE_RUN].cumtime_ns) *p = one;
        runs++;
    } while (runs < 1000 && clk_now_ns() - start < 3e8 && (runs < repeats || clk_now_ns() - start < 2e7));
    ops = ops_get();
    *work = (double)(ops.comparisons + ops.probes) / (double)runs;
    return DEMO_OK;
}

static void format_time(char *buf, size_t cap, double ns) {
    if (ns < 1e3) snprintf(buf, cap, "%.0f ns", ns);
    else if (ns < 1e6) snprintf(buf, cap, "%.1f µs", ns / 1e3);
    else snprintf(buf, cap, "%.2f ms", ns / 1e6);
}

static void profile_table(demo_ctx *ctx, const char *title, const pipe_profiler *p, size_t n) {
    static const char *const headers[6] = {"function", "ncalls", "tottime", "cumtime", "per record", "% of run"};
    char cells[6][DEMO_CELL];
    const char *row[6];
    int t = demo_table(ctx, title, 6, headers), k, c;
    double whole = p->entries[PIPE_RUN].cumtime_ns;
    if (t < 0) return;
    for (c = 0; c < 6; c++) row[c] = cells[c];
    for (k = 0; k < PIPE_ENTRIES; k++) {
        const pipe_entry *e = &p->entries[k];
        snprintf(cells[0], DEMO_CELL, "%s", stage_names[k]);
        snprintf(cells[1], DEMO_CELL, "%ld", e->calls);
        format_time(cells[2], DEMO_CELL, e->tottime_ns);
        format_time(cells[3], DEMO_CELL, e->cumtime_ns);
        format_time(cells[4], DEMO_CELL, e->tottime_ns / (double)n);
        snprintf(cells[5], DEMO_CELL, "%.1f%%", whole > 0 ? 100.0 * e->tottime_ns / whole : 0.0);
        demo_table_row(ctx, t, row);
    }
}

static int same_result(const pipe_result *a, const pipe_result *b) {
    return a->kept == b->kept && a->out_bytes == b->out_bytes && a->out_hash == b->out_hash &&
           memcmp(a->cents, b->cents, sizeof a->cents) == 0;
}

typedef struct pipe_state {
    int stage_s[PIPE_ENTRIES], before_s, after_s;
    pipe_profiler prof[2];              /* last profiles: before, after */
    double work[2], total[2], last_n, crossover;
} pipe_state;

/* Totals before/after, then both profiles; the chosen one goes on the chart. */
static int measure(demo_ctx *ctx, pipe_data *d, pipe_state *s) {
    int k, v, status, shown = (int)demo_get(ctx, "optimized");
    pipe_result first;
    memset(&first, 0, sizeof first);
    for (v = 0; v < 2; v++) {
        tim_stats st;
        d->optimized = v;
        d->failed = 0;
        status = demo_time(ctx, kernel, d, &st);
        if (status != DEMO_OK) return status;
        if (d->failed) return DEMO_ERR_NOMEM;
        s->total[v] = st.per_call_ns;
        demo_point(ctx, v ? s->after_s : s->before_s, (double)d->n, st.per_call_ns * 1e-9, st.uncertainty_ns * 1e-9);
        status = profile(ctx, d, v, &s->prof[v], &s->work[v]);
        if (status != DEMO_OK) return status;
        if (v == 0) first = d->result;
        else if (!same_result(&first, &d->result)) return demo_fail(ctx, "the optimized pipeline gave a different result");
    }
    for (k = PIPE_PARSE; k < PIPE_ENTRIES; k++)
        demo_point(ctx, s->stage_s[k], (double)d->n, s->prof[shown].entries[k].tottime_ns * 1e-9, 0);
    if (s->crossover == 0) {            /* first n where validate leads the unoptimized profile */
        for (k = PIPE_PARSE; k < PIPE_ENTRIES; k++)
            if (k != PIPE_VALIDATE && s->prof[0].entries[k].tottime_ns >= s->prof[0].entries[PIPE_VALIDATE].tottime_ns) break;
        if (k == PIPE_ENTRIES) s->crossover = (double)d->n;
    }
    s->last_n = (double)d->n;
    return DEMO_OK;
}

static void report(demo_ctx *ctx, const pipe_state *s) {
    char title[DEMO_TEXT];
    const pipe_entry *v0 = &s->prof[0].entries[PIPE_VALIDATE], *r0 = &s->prof[0].entries[PIPE_RUN];
    const pipe_entry *v1 = &s->prof[1].entries[PIPE_VALIDATE], *r1 = &s->prof[1].entries[PIPE_RUN];
    snprintf(title, sizeof title, "Profile at n = %.0f, before: validate scans a list", s->last_n);
    profile_table(ctx, title, &s->prof[0], (size_t)s->last_n);
    snprintf(title, sizeof title, "Profile at n = %.0f, after: validate uses a set", s->last_n);
    profile_table(ctx, title, &s->prof[1], (size_t)s->last_n);
    demo_note(ctx, "At n = %.0f, validate took %.0f%% of the run before the fix and %.0f%% after; the whole run got %.1fx faster.",
              s->last_n, 100.0 * v0->tottime_ns / r0->cumtime_ns, 100.0 * v1->tottime_ns / r1->cumtime_ns,
              s->total[1] > 0 ? s->total[0] / s->total[1] : 0.0);
    demo_note(ctx, "Validate compared ids %.0f times before (about n^2/2) and made %.0f set probes + comparisons after.",
              s->work[0], s->work[1]);
    if (s->crossover > 0) demo_marker(ctx, s->crossover, "validate becomes the hot spot");
}

static int run(demo_ctx *ctx) {
    double sizes[40];
    int count = demo_sizes(ctx, sizes, 40), i, k, status = DEMO_OK;
    pipe_state s;
    memset(&s, 0, sizeof s);
    for (k = PIPE_PARSE; k < PIPE_ENTRIES; k++) {
        s.stage_s[k] = demo_series(ctx, stage_names[k], stage_names[k], "time", "s per run (tottime)", DEMO_FIT);
        if (s.stage_s[k] < 0) return DEMO_ERR_NOMEM;
    }
    s.before_s = demo_series(ctx, "before", "before: validate scans a list", "total time", "s per run", DEMO_FIT);
    s.after_s = demo_series(ctx, "after", "after: validate uses a set", "total time", "s per run", DEMO_FIT);
    if (s.before_s < 0 || s.after_s < 0) return DEMO_ERR_NOMEM;
    for (i = 0; i < count && status == DEMO_OK; i++) {
        pipe_data d = {0};
        if (demo_progress(ctx, (double)i / count, "running the pipeline")) { status = DEMO_STOPPED; break; }
        d.n = (size_t)sizes[i];
        d.lines = pipe_make_input(d.n);
        if (d.lines == NULL) return DEMO_ERR_NOMEM;
        status = measure(ctx, &d, &s);
        mem_free((void *)d.lines);
    }
    if (s.last_n > 0 && status >= 0) report(ctx, &s);
    if (status == DEMO_OK) demo_progress(ctx, 1.0, "done");
    return status;
}

static const demo_param params[] = {
    DEMO_SWEEP_PARAMS(10, 200, 25000, 20000, 8),
    {"optimized", "chart the optimized stages (0 = before, 1 = after)", 0, 1, 0, 1},
};

const demo_info demo_profile_a_pipeline = {
    .id = "profile-a-pipeline",
    .topic = "06_optimization_techniques",
    .title = "Profiling a pipeline: find the real hot spot",
    .caption = "Guess first: parse, validate, transform, aggregate or format? At small n formatting leads; as n grows, validate "
               "(a list lookup per record) takes over. The tables show the profile before and after making it a set.",
    .x_label = "n (records)",
    .source_file = "c_src/demos/profile_a_pipeline.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
