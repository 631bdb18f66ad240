/*
** demo.c -- running a demo: parameters, budget, progress, results, JSON.
**
** The shape follows CPython's timeit command line (Lib/timeit.py, 3.14):
** the harness owns the loop, the budget and the report; the measured code
** only does its work. Here the "measured code" is a demo's run function.
*/
#include "demo.h"
#include "clk.h"
#include "fit.h"
#include "jsonw.h"
#include "mem.h"
#include "platform.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define DEMO_DEFAULT_BUDGET_MS 4000.0

typedef struct demo_series_data {
    char id[32], label[DEMO_TEXT], metric[24], unit[48];
    int flags, count;
    double *x, *y, *spread;
} demo_series_data;

typedef struct demo_table_data {
    char title[DEMO_TEXT];
    int columns, rows;
    char headers[DEMO_MAX_COLUMNS][DEMO_CELL];
    char cells[DEMO_MAX_ROWS][DEMO_MAX_COLUMNS][DEMO_CELL];
} demo_table_data;

typedef struct demo_marker_data {
    double x;
    char label[DEMO_CELL];
} demo_marker_data;

struct demo_ctx {
    const demo_info *info;
    double values[DEMO_MAX_PARAMS];
    demo_series_data series[DEMO_MAX_SERIES];
    int series_count;
    char notes[DEMO_MAX_NOTES][DEMO_TEXT];
    int note_count;
    demo_table_data tables[DEMO_MAX_TABLES];
    int table_count;
    demo_marker_data markers[DEMO_MAX_MARKERS];
    int marker_count;
    char error[DEMO_TEXT];
    double start_ns, deadline_ns;
    int cancelled, out_of_time;
};

static void copy_text(char *dst, size_t cap, const char *src) {
    snprintf(dst, cap, "%s", src ? src : "");
}

/* ------------------------------------------------------------ parameters */

static const demo_param *find_param(const demo_info *info, const char *name, int *index) {
    int i;
    for (i = 0; i < info->param_count; i++) {
        if (strcmp(info->params[i].name, name) == 0) {
            if (index) *index = i;
            return &info->params[i];
        }
    }
    return NULL;
}

/* Checks one value against its declared bounds; writes a learner-facing
** message on failure. */
static int check_value(const demo_param *p, double v, char *msg, size_t cap) {
    if (!isfinite(v)) {
        snprintf(msg, cap, "%s must be a number", p->label);
        return 0;
    }
    if (v < p->min || v > p->max) {
        snprintf(msg, cap, "%s must be between %g and %g (got %g)", p->label, p->min, p->max, v);
        return 0;
    }
    if (p->integer && v != floor(v)) {
        snprintf(msg, cap, "%s must be a whole number (got %g)", p->label, v);
        return 0;
    }
    return 1;
}

/* Fills ctx->values from the caller's array (NaN or missing = default) and
** validates them, including n_min < n_max when a demo sweeps n. */
static int load_values(demo_ctx *ctx, const double *values, int count) {
    const demo_info *info = ctx->info;
    int i, lo, hi;
    for (i = 0; i < info->param_count; i++) {
        double v = (values && i < count && !isnan(values[i])) ? values[i] : info->params[i].def;
        if (!check_value(&info->params[i], v, ctx->error, sizeof ctx->error)) return 0;
        ctx->values[i] = v;
    }
    if (find_param(info, "n_min", &lo) && find_param(info, "n_max", &hi) &&
        ctx->values[lo] >= ctx->values[hi]) {
        snprintf(ctx->error, sizeof ctx->error, "smallest n must be less than largest n (got %g and %g)",
                 ctx->values[lo], ctx->values[hi]);
        return 0;
    }
    return 1;
}

double demo_get(demo_ctx *ctx, const char *name) {
    int index;
    if (ctx == NULL || name == NULL || !find_param(ctx->info, name, &index)) return NAN;
    return ctx->values[index];
}

int demo_sizes(demo_ctx *ctx, double *out, int max) {
    double lo = demo_get(ctx, "n_min"), hi = demo_get(ctx, "n_max");
    double pts = demo_get(ctx, "points");
    int i, count = 0, want;
    if (out == NULL || max <= 0 || isnan(lo) || isnan(hi) || isnan(pts)) return 0;
    want = (int)pts < max ? (int)pts : max;
    for (i = 0; i < want; i++) {
        double t = want == 1 ? 0 : (double)i / (want - 1);
        double n = floor(lo * pow(hi / lo, t) + 0.5);
        if (count == 0 || n > out[count - 1]) out[count++] = n;
    }
    return count;
}

/* --------------------------------------------------------------- results */

int demo_series(demo_ctx *ctx, const char *id, const char *label,
                const char *metric, const char *unit, int flags) {
    demo_series_data *s;
    if (ctx == NULL || id == NULL || metric == NULL) return DEMO_ERR_ARG;
    if (ctx->series_count >= DEMO_MAX_SERIES) return DEMO_ERR_ARG;
    s = &ctx->series[ctx->series_count];
    s->x = mem_calloc(DEMO_MAX_POINTS, sizeof(double));
    s->y = mem_calloc(DEMO_MAX_POINTS, sizeof(double));
    s->spread = mem_calloc(DEMO_MAX_POINTS, sizeof(double));
    if (!s->x || !s->y || !s->spread) {
        mem_free(s->x); mem_free(s->y); mem_free(s->spread);
        s->x = s->y = s->spread = NULL;
        return DEMO_ERR_NOMEM;
    }
    copy_text(s->id, sizeof s->id, id);
    copy_text(s->label, sizeof s->label, label ? label : id);
    copy_text(s->metric, sizeof s->metric, metric);
    copy_text(s->unit, sizeof s->unit, unit);
    s->flags = flags;
    s->count = 0;
    return ctx->series_count++;
}

int demo_point(demo_ctx *ctx, int series, double x, double y, double spread) {
    demo_series_data *s;
    if (ctx == NULL || series < 0 || series >= ctx->series_count) return DEMO_ERR_ARG;
    s = &ctx->series[series];
    if (s->count >= DEMO_MAX_POINTS) return DEMO_ERR_ARG;
    s->x[s->count] = x;
    s->y[s->count] = y;
    s->spread[s->count] = spread;
    s->count++;
    return DEMO_OK;
}

void demo_note(demo_ctx *ctx, const char *fmt, ...) {
    va_list ap;
    if (ctx == NULL || fmt == NULL || ctx->note_count >= DEMO_MAX_NOTES) return;
    va_start(ap, fmt);
    vsnprintf(ctx->notes[ctx->note_count++], DEMO_TEXT, fmt, ap);
    va_end(ap);
}

int demo_table(demo_ctx *ctx, const char *title, int columns, const char *const *headers) {
    demo_table_data *t;
    int c;
    if (ctx == NULL || headers == NULL || columns < 1 || columns > DEMO_MAX_COLUMNS ||
        ctx->table_count >= DEMO_MAX_TABLES) return DEMO_ERR_ARG;
    t = &ctx->tables[ctx->table_count];
    copy_text(t->title, sizeof t->title, title);
    t->columns = columns;
    t->rows = 0;
    for (c = 0; c < columns; c++) copy_text(t->headers[c], DEMO_CELL, headers[c]);
    return ctx->table_count++;
}

int demo_table_row(demo_ctx *ctx, int table, const char *const *cells) {
    demo_table_data *t;
    int c;
    if (ctx == NULL || cells == NULL || table < 0 || table >= ctx->table_count) return DEMO_ERR_ARG;
    t = &ctx->tables[table];
    if (t->rows >= DEMO_MAX_ROWS) return DEMO_ERR_ARG;
    for (c = 0; c < t->columns; c++) copy_text(t->cells[t->rows][c], DEMO_CELL, cells[c]);
    t->rows++;
    return DEMO_OK;
}

void demo_marker(demo_ctx *ctx, double x, const char *label) {
    if (ctx == NULL || ctx->marker_count >= DEMO_MAX_MARKERS) return;
    ctx->markers[ctx->marker_count].x = x;
    copy_text(ctx->markers[ctx->marker_count].label, DEMO_CELL, label);
    ctx->marker_count++;
}

int demo_fail(demo_ctx *ctx, const char *fmt, ...) {
    va_list ap;
    if (ctx == NULL) return DEMO_ERR_FAILED;
    va_start(ap, fmt);
    vsnprintf(ctx->error, sizeof ctx->error, fmt ? fmt : "demo failed", ap);
    va_end(ap);
    return DEMO_ERR_FAILED;
}

/* ------------------------------------------------- progress and timing -- */

int demo_progress(demo_ctx *ctx, double fraction, const char *message) {
    if (ctx == NULL) return 1;
    if (plat_progress(fraction, message)) ctx->cancelled = 1;
    if (clk_now_ns() > ctx->deadline_ns) ctx->out_of_time = 1;
    return ctx->cancelled || ctx->out_of_time;
}

int demo_time(demo_ctx *ctx, tim_kernel kernel, void *arg, tim_stats *out) {
    tim_options opt = tim_default_options();
    double left, repeats;
    if (ctx == NULL || kernel == NULL || out == NULL) return DEMO_ERR_ARG;
    left = ctx->deadline_ns - clk_now_ns();
    if (left <= 0) { ctx->out_of_time = 1; return DEMO_STOPPED; }
    repeats = demo_get(ctx, "repeats");
    if (!isnan(repeats)) opt.repeats = (int)repeats;
    /* one measurement may use at most a third of what is left */
    opt.budget_ns = left / 3 > 1e6 ? left / 3 : 1e6;
    return tim_measure(kernel, arg, &opt, out) == 0 ? DEMO_OK : DEMO_ERR_ARG;
}

/* ------------------------------------------------------------------ JSON */

char *demo_fit_json(const fit_result *fit) {
    char *text;
    int need = fit_result_to_json(fit, NULL, 0);
    if (need < 0) return NULL;
    text = mem_alloc((size_t)need + 1);
    if (text != NULL && fit_result_to_json(fit, text, (size_t)need + 1) != need) {
        mem_free(text);
        text = NULL;
    }
    return text;
}

/* A series too short or flagged DEMO_NOFIT has "fit": null; a fit that
** cannot be written fails the whole payload, so finish() reports it. */
static void write_fit(jw_buf *w, const demo_series_data *s) {
    fit_result fit;
    char *text;
    int i, distinct = 0;
    for (i = 0; i < s->count; i++) if (i == 0 || s->x[i] != s->x[i - 1]) distinct++;
    jw_key(w, "fit");
    if ((s->flags & DEMO_NOFIT) || distinct < 3 || fit_classify(s->x, s->y, s->count, &fit) != 0) {
        jw_null(w);
        return;
    }
    text = demo_fit_json(&fit);
    if (text == NULL) { w->failed = 1; return; }
    jw_raw_value(w, text);
    mem_free(text);
}

static void write_array(jw_buf *w, const char *key, const double *v, int count) {
    int i;
    jw_key(w, key);
    jw_array_begin(w);
    for (i = 0; i < count; i++) jw_number(w, v[i]);
    jw_array_end(w);
}

static void write_series(jw_buf *w, const demo_ctx *ctx) {
    int i;
    jw_key(w, "series");
    jw_array_begin(w);
    for (i = 0; i < ctx->series_count; i++) {
        const demo_series_data *s = &ctx->series[i];
        jw_object_begin(w);
        jw_kv_string(w, "id", s->id);
        jw_kv_string(w, "label", s->label);
        jw_kv_string(w, "metric", s->metric);
        jw_kv_string(w, "unit", s->unit);
        jw_kv_bool(w, "stepped", (s->flags & DEMO_STEPPED) != 0);
        jw_kv_bool(w, "points_only", (s->flags & DEMO_POINTS_ONLY) != 0);
        write_array(w, "x", s->x, s->count);
        write_array(w, "y", s->y, s->count);
        write_array(w, "spread", s->spread, s->count);
        write_fit(w, s);
        jw_object_end(w);
    }
    jw_array_end(w);
}

static void write_tables(jw_buf *w, const demo_ctx *ctx) {
    int i, r, c;
    jw_key(w, "tables");
    jw_array_begin(w);
    for (i = 0; i < ctx->table_count; i++) {
        const demo_table_data *t = &ctx->tables[i];
        jw_object_begin(w);
        jw_kv_string(w, "title", t->title);
        jw_key(w, "columns");
        jw_array_begin(w);
        for (c = 0; c < t->columns; c++) jw_string(w, t->headers[c]);
        jw_array_end(w);
        jw_key(w, "rows");
        jw_array_begin(w);
        for (r = 0; r < t->rows; r++) {
            jw_array_begin(w);
            for (c = 0; c < t->columns; c++) jw_string(w, t->cells[r][c]);
            jw_array_end(w);
        }
        jw_array_end(w);
        jw_object_end(w);
    }
    jw_array_end(w);
}

static void write_notes_and_markers(jw_buf *w, const demo_ctx *ctx) {
    int i;
    jw_key(w, "notes");
    jw_array_begin(w);
    for (i = 0; i < ctx->note_count; i++) jw_string(w, ctx->notes[i]);
    jw_array_end(w);
    jw_key(w, "markers");
    jw_array_begin(w);
    for (i = 0; i < ctx->marker_count; i++) {
        jw_object_begin(w);
        jw_kv_number(w, "x", ctx->markers[i].x);
        jw_kv_string(w, "label", ctx->markers[i].label);
        jw_object_end(w);
    }
    jw_array_end(w);
}

static char *result_json(const demo_ctx *ctx, int status) {
    jw_buf w;
    int i;
    jw_init(&w);
    jw_object_begin(&w);
    jw_kv_string(&w, "demo", ctx->info->id);
    jw_kv_string(&w, "title", ctx->info->title);
    jw_kv_string(&w, "x_label", ctx->info->x_label);
    jw_kv_bool(&w, "complete", status == DEMO_OK);
    jw_kv_bool(&w, "cancelled", ctx->cancelled);
    jw_kv_bool(&w, "out_of_time", ctx->out_of_time && !ctx->cancelled);
    jw_kv_number(&w, "elapsed_ms", (clk_now_ns() - ctx->start_ns) / 1e6);
    jw_kv_number(&w, "clock_resolution_ns", clk_resolution_ns());
    jw_key(&w, "params");
    jw_object_begin(&w);
    for (i = 0; i < ctx->info->param_count; i++) jw_kv_number(&w, ctx->info->params[i].name, ctx->values[i]);
    jw_object_end(&w);
    write_series(&w, ctx);
    write_tables(&w, ctx);
    write_notes_and_markers(&w, ctx);
    jw_object_end(&w);
    return jw_take(&w);
}

/* ----------------------------------------------------------------- run -- */

static void release(demo_ctx *ctx) {
    int i;
    for (i = 0; i < ctx->series_count; i++) {
        mem_free(ctx->series[i].x);
        mem_free(ctx->series[i].y);
        mem_free(ctx->series[i].spread);
    }
    mem_free(ctx);
}

static int finish(demo_ctx *ctx, int status, char **json_out) {
    int ret = DEMO_ERR_NOMEM;
    if (status < 0) {
        const char *msg = ctx->error[0] ? ctx->error :
            status == DEMO_ERR_NOMEM ? "out of memory" : "the demo failed";
        ret = status;
        *json_out = jw_error_object(msg);
    } else {
        *json_out = result_json(ctx, status);
        if (*json_out == NULL)
            *json_out = jw_error_object("the demo ran, but its result could not be written (out of memory)");
        else
            ret = status;
    }
    release(ctx);
    return *json_out == NULL ? DEMO_ERR_NOMEM : ret;
}

int demo_run(const char *id, const double *values, int value_count, char **json_out) {
    const demo_info *info;
    demo_ctx *ctx;
    char msg[DEMO_TEXT];
    int status;
    if (json_out == NULL) return DEMO_ERR_ARG;
    *json_out = NULL;
    info = id ? demo_find(id) : NULL;
    if (info == NULL) {
        snprintf(msg, sizeof msg, "unknown demo '%s' (coursecore list shows the demos)", id ? id : "");
        *json_out = jw_error_object(msg);
        return DEMO_ERR_ARG;
    }
    if (value_count < 0 || (value_count > 0 && values == NULL)) {
        *json_out = jw_error_object("parameter values are missing");
        return DEMO_ERR_ARG;
    }
    ctx = mem_calloc(1, sizeof *ctx);
    if (ctx == NULL) return DEMO_ERR_NOMEM;
    ctx->info = info;
    if (!load_values(ctx, values, value_count)) return finish(ctx, DEMO_ERR_ARG, json_out);
    ctx->start_ns = clk_now_ns();
    ctx->deadline_ns = ctx->start_ns + 1e6 * (info->budget_ms > 0 ? info->budget_ms : DEMO_DEFAULT_BUDGET_MS);
    status = info->run(ctx);
    if (status == DEMO_OK && (ctx->cancelled || ctx->out_of_time)) status = DEMO_STOPPED;
    return finish(ctx, status, json_out);
}

/* ------------------------------------------------------------- listing -- */

static void write_params(jw_buf *w, const demo_info *info) {
    int i;
    jw_key(w, "params");
    jw_array_begin(w);
    for (i = 0; i < info->param_count; i++) {
        const demo_param *p = &info->params[i];
        jw_object_begin(w);
        jw_kv_string(w, "name", p->name);
        jw_kv_string(w, "label", p->label);
        jw_kv_number(w, "min", p->min);
        jw_kv_number(w, "max", p->max);
        jw_kv_number(w, "default", p->def);
        jw_kv_bool(w, "integer", p->integer);
        jw_object_end(w);
    }
    jw_array_end(w);
}

char *demo_list_json(void) {
    jw_buf w;
    int i;
    jw_init(&w);
    jw_array_begin(&w);
    for (i = 0; i < demo_count(); i++) {
        const demo_info *info = demo_at(i);
        jw_object_begin(&w);
        jw_kv_string(&w, "id", info->id);
        jw_kv_string(&w, "topic", info->topic);
        jw_kv_string(&w, "title", info->title);
        jw_kv_string(&w, "caption", info->caption);
        jw_kv_string(&w, "x_label", info->x_label);
        jw_kv_string(&w, "source_file", info->source_file);
        jw_kv_number(&w, "budget_ms", info->budget_ms > 0 ? info->budget_ms : DEMO_DEFAULT_BUDGET_MS);
        write_params(&w, info);
        jw_object_end(&w);
    }
    jw_array_end(&w);
    return jw_take(&w);
}
