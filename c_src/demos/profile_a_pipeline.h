/*
** profile_a_pipeline.h -- the pipeline and the profiler of demo
** "profile-a-pipeline", exposed so tests can check what it computes.
**
** A batch of n text records "id,userNN,euros.cents" goes through five
** stages: parse -> validate (drop repeated ids) -> transform (fees) ->
** aggregate (totals per user) -> format (one output line per record).
*/
#ifndef CC_PROFILE_A_PIPELINE_H
#define CC_PROFILE_A_PIPELINE_H

#include <stddef.h>
#include <stdint.h>

enum { PIPE_RUN, PIPE_PARSE, PIPE_VALIDATE, PIPE_TRANSFORM, PIPE_AGGREGATE, PIPE_FORMAT, PIPE_ENTRIES };
#define PIPE_LINE 32            /* bytes per input line, NUL included */
#define PIPE_USERS 50

/* One row of the profile, as cProfile's: calls, tottime, cumtime. */
typedef struct pipe_entry {
    long calls;
    double tottime_ns;          /* _lsprof.c `it`: time in the function itself */
    double cumtime_ns;          /* _lsprof.c `tt`: time including its callees */
} pipe_entry;

typedef struct pipe_context {   /* one active call (_lsprof.c ProfilerContext) */
    int entry;
    double t0, subt;
    struct pipe_context *previous;
} pipe_context;

typedef struct pipe_profiler {
    pipe_entry entries[PIPE_ENTRIES];
    pipe_context *current;
} pipe_profiler;

/* What a run produced, for checking two runs against each other. */
typedef struct pipe_result {
    size_t kept, dropped;       /* records after validate, repeats dropped */
    int64_t cents[PIPE_USERS];  /* net total per user */
    size_t out_bytes;           /* length of the formatted output */
    uint64_t out_hash;          /* FNV-1a of the formatted output */
} pipe_result;

/* n input lines (PIPE_LINE bytes each), deterministic; about 1 in 50 ids
** repeats an earlier one. NULL on allocation failure. */
char *pipe_make_input(size_t n);

/* Run the pipeline over n lines. optimized = 0 validates with a list scan
** per record, 1 with a hash set. prof may be NULL (no profiling); else its
** entries are added to. Returns 0, or -1 on allocation failure with
** nothing left allocated (and *out undefined). Counts validate's work in
** ops.h (comparisons, probes). */
int pipe_run(const char *lines, size_t n, int optimized, pipe_profiler *prof, pipe_result *out);

void pipe_profiler_reset(pipe_profiler *p);

#endif
