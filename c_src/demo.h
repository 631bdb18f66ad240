/*
** demo.h -- what a demo is, and the context it runs in.
**
** A demo is a C mechanism that runs under a learner's Python (a list's
** linear scan, a set's probing, a list's over-allocation ...), measured at
** growing sizes. Each demo file in c_src/demos/ defines one demo_info; the
** registry (c_src/demos/registry.c) lists them. A demo only measures and
** records points: validation, progress, cancellation, the time budget,
** fitting and JSON are done here, once, for all of them.
*/
#ifndef CC_DEMO_H
#define CC_DEMO_H

#include <stddef.h>
#include "fit.h"
#include "tim.h"

#define DEMO_MAX_PARAMS 8
#define DEMO_MAX_SERIES 12
#define DEMO_MAX_POINTS 4096
#define DEMO_MAX_NOTES 12
#define DEMO_MAX_TABLES 4
#define DEMO_MAX_COLUMNS 6
#define DEMO_MAX_ROWS 24
#define DEMO_MAX_MARKERS 8
#define DEMO_TEXT 160
#define DEMO_CELL 64

/* Return codes of demo functions and of demo_run. */
#define DEMO_OK 0
#define DEMO_STOPPED 1          /* cancelled or out of time: partial result */
#define DEMO_ERR_ARG (-1)       /* bad id or parameter: nothing ran */
#define DEMO_ERR_NOMEM (-2)     /* an allocation failed: state released */
#define DEMO_ERR_FAILED (-3)    /* the demo reported an error of its own */

/* Series flags. */
#define DEMO_FIT 0              /* fit a complexity class (default) */
#define DEMO_NOFIT 1            /* x is not a size (iterations, steps ...) */
#define DEMO_STEPPED 2          /* draw as a staircase */
#define DEMO_POINTS_ONLY 4      /* draw markers without a line */

typedef struct demo_param {
    const char *name;           /* "n_max": CLI flag --n_max, JS field name */
    const char *label;          /* "largest n", shown beside the field */
    double min, max, def;
    int integer;                /* 1 if only whole numbers make sense */
} demo_param;

typedef struct demo_ctx demo_ctx;

/* Each demo file defines its one demo_info with designated initialisers
** (.id = "membership", ...); a member left out is 0 (budget_ms: the
** default budget). */
typedef struct demo_info {
    const char *id;             /* "membership" */
    const char *topic;          /* "03_time_complexity" */
    const char *title;          /* "Membership: list vs set vs sorted list" */
    const char *caption;        /* what to notice, one or two sentences */
    const char *x_label;        /* "n (elements)" */
    const char *source_file;    /* "c_src/demos/membership.c": regions shown on the page */
    const demo_param *params;
    int param_count;
    double budget_ms;           /* total time budget; 0 = 4000 ms */
    int (*run)(demo_ctx *ctx);  /* DEMO_OK, DEMO_STOPPED or an error */
} demo_info;

/* Standard parameters of a size sweep, in this order: n_min, n_max, points,
** repeats. Demos that sweep n declare them with this macro. */
#define DEMO_SWEEP_PARAMS(nmin_lo, nmin_def, nmax_hi, nmax_def, points_def) \
    {"n_min", "smallest n", (nmin_lo), (nmax_hi), (nmin_def), 1}, \
    {"n_max", "largest n", (nmin_lo), (nmax_hi), (nmax_def), 1}, \
    {"points", "points", 2, 40, (points_def), 1}, \
    {"repeats", "repeats per point", 1, 15, 5, 1}

/* ----------------------------------------------------------- registry -- */

int demo_count(void);
const demo_info *demo_at(int index);
const demo_info *demo_find(const char *id);   /* NULL if unknown */

/* ------------------------------------------------------ running a demo -- */

/* Run a demo with parameter values in declared order (NaN = default).
** Writes the result (or {"error": ...}) as JSON text into *json_out, to be
** freed with mem_free. Returns a DEMO_* code. Never aborts. */
int demo_run(const char *id, const double *values, int value_count, char **json_out);

/* The demo list as JSON: ids, titles, topics, params with bounds. */
char *demo_list_json(void);

/* A fit as one JSON object in a block sized to it (free with mem_free);
** NULL when it cannot be written. The one place that measures the text
** before allocating it, for demo.c and api.c alike. */
char *demo_fit_json(const fit_result *fit);

/* ------------------------------------------- called by demos while running */

/* Validated value of a declared parameter (aborts nothing: unknown names
** give NaN, which a demo treats as a bug caught by its tests). */
double demo_get(demo_ctx *ctx, const char *name);

/* Geometric sweep n_min .. n_max with `points` distinct whole sizes. Returns
** how many sizes were written to out (at most max). */
int demo_sizes(demo_ctx *ctx, double *out, int max);

/* Add a series; returns its index, or a negative DEMO_ERR_*. metric groups
** series onto one chart ("time", "ops", "bytes", ...); unit labels its axis. */
int demo_series(demo_ctx *ctx, const char *id, const char *label,
                const char *metric, const char *unit, int flags);

/* Append a point; spread is the uncertainty (0 if exact). */
int demo_point(demo_ctx *ctx, int series, double x, double y, double spread);

/* A fact shown beside the chart ("per-element overhead: 24 bytes"). */
void demo_note(demo_ctx *ctx, const char *fmt, ...);

/* A table (before/after object states ...). Returns its index or <0. */
int demo_table(demo_ctx *ctx, const char *title, int columns, const char *const *headers);
int demo_table_row(demo_ctx *ctx, int table, const char *const *cells);

/* A vertical marker on the x axis (a crossover, a resize, a limit). */
void demo_marker(demo_ctx *ctx, double x, const char *label);

/* Report progress 0..1. Returns nonzero when the demo must stop now
** (cancelled by the learner or out of its time budget): return DEMO_STOPPED. */
int demo_progress(demo_ctx *ctx, double fraction, const char *message);

/* Time a kernel with the demo's repeats and what is left of its budget.
** Returns 0, or DEMO_STOPPED when no budget is left. */
int demo_time(demo_ctx *ctx, tim_kernel kernel, void *arg, tim_stats *out);

/* Record an error message; returns DEMO_ERR_FAILED for `return demo_fail(...)`. */
int demo_fail(demo_ctx *ctx, const char *fmt, ...);

#endif
