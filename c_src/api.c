/*
** api.c -- host entry points (see api.h). Thin: validation and work live in
** demo.c, fit.c and judge.c; this file only turns results into JSON
** strings.
*/
#include "api.h"
#include "clk.h"
#include "demo.h"
#include "fit.h"
#include "judge.h"
#include "jsonw.h"
#include "mem.h"

#include <math.h>
#include <stdio.h>
#include <string.h>


char *api_demo_list(void) {
    return demo_list_json();
}

char *api_demo_run(const char *id, const double *values, int count) {
    char *json = NULL;
    demo_run(id, values, count, &json);
    return json ? json : jw_error_object("out of memory");
}

char *api_fit(const double *n, const double *y, int count) {
    fit_result r;
    char *text;
    int err = fit_classify(n, y, count, &r);
    if (err != 0) return jw_error_object(fit_error_message(err));
    text = demo_fit_json(&r);
    return text ? text : jw_error_object("the fit could not be written (out of memory)");
}

/* ------------------------------------------------------------ judging */

/* One measured series as the judge sees it. */
typedef struct series {
    int present;            /* count > 0 */
    int one_size;           /* every n the same: no fit, only the count */
    fit_result fit;
} series;

/* Classify a series for the judge. 0, or an error message (a string
** constant) in *error; FIT_ERR_NOMEM when out of memory. */
static int read_series(const double *n, const double *y, int count, series *s, const char **error) {
    int err, i;
    memset(s, 0, sizeof *s);
    if (count == 0) return 0;
    if (count < 0 || n == NULL || y == NULL) { *error = "missing input (NULL pointer or count < 0)"; return -1; }
    s->present = 1;
    err = fit_classify(n, y, count, &s->fit);
    if (err == FIT_ERR_COUNT || err == FIT_ERR_DISTINCT) {
        for (i = 0; i < count; i++) {
            if (!(n[i] > 0.0) || !isfinite(n[i])) err = FIT_ERR_N;
            else if (!(y[i] >= 0.0) || !isfinite(y[i])) err = FIT_ERR_Y;
        }
        if (err == FIT_ERR_N || err == FIT_ERR_Y) { *error = fit_error_message(err); return err; }
        s->one_size = 1;
        s->fit.best = FIT_INCONCLUSIVE;
        s->fit.runner_up = FIT_LOGN;
        s->fit.points = count;
        s->fit.distinct_n = 1;
        return 0;
    }
    if (err != 0) *error = fit_error_message(err);
    return err;
}

/* A series' JSON object: its own judgement, then the fit's members. */
static void series_json(jw_buf *w, const series *s, int target) {
    static const char *const renames[] = { "reason", "fit_reason", NULL };
    judge_result j;
    char *fit;
    if (!s->present) { jw_null(w); return; }
    if (fit_judge(&s->fit, target, &j) != 0) { w->failed = 1; return; }
    jw_object_begin(w);
    jw_kv_string(w, "verdict", judge_verdict_label(j.verdict));
    jw_kv_string(w, "reason", j.reason);
    if (s->one_size) {
        jw_kv_string(w, "best", "inconclusive");
        jw_kv_bool(w, "inconclusive", 1);
        jw_kv_int(w, "points", s->fit.points);
        jw_kv_int(w, "distinct_n", 1);
    } else if ((fit = demo_fit_json(&s->fit)) == NULL) {
        w->failed = 1;
    } else {
        jw_raw_members(w, fit, renames);
        mem_free(fit);
    }
    jw_object_end(w);
}

static void too_slow_json(jw_buf *w, double n, double seconds, double ref_seconds,
                          const judge_result *j) {
    if (j == NULL) { jw_null(w); return; }
    jw_object_begin(w);
    jw_kv_number(w, "n", n);
    jw_kv_number(w, "seconds", seconds);
    jw_kv_number(w, "ref_seconds", ref_seconds);
    jw_kv_string(w, "verdict", judge_verdict_label(j->verdict));
    jw_kv_string(w, "reason", j->reason);
    jw_object_end(w);
}

/* {"error": "unknown target class 'X': the classes are O(1), ..."}. */
static char *unknown_target(const char *target) {
    size_t cap = strlen(target) + 64 + 16 * FIT_CLASS_COUNT, len;
    char *msg = mem_alloc(cap), *json;
    int c;
    if (msg == NULL) return NULL;
    len = (size_t)snprintf(msg, cap, "unknown target class '%s': the classes are", target);
    for (c = 0; c < FIT_CLASS_COUNT && len < cap; c++)
        len += (size_t)snprintf(msg + len, cap - len, "%s %s", c ? "," : "", fit_class_label(c));
    json = jw_error_object(msg);
    mem_free(msg);
    return json;
}

/* {"error": "<what>: <message>"}. */
static char *series_error(const char *what, const char *message) {
    size_t cap = strlen(what) + strlen(message) + 3;
    char *msg = mem_alloc(cap), *json;
    if (msg == NULL) return NULL;
    snprintf(msg, cap, "%s: %s", what, message);
    json = jw_error_object(msg);
    mem_free(msg);
    return json;
}

static char *judge_json(int target, const judge_result *j, const series *t, const series *s,
                        double slow_n, double slow_seconds, double ref_seconds,
                        const judge_result *slow) {
    jw_buf w;
    jw_init(&w);
    jw_object_begin(&w);
    jw_kv_string(&w, "target", fit_class_label(target));
    jw_kv_string(&w, "verdict", judge_verdict_label(j->verdict));
    jw_kv_string(&w, "reason", j->reason);
    jw_kv_string(&w, "decided_by", judge_decided_by_label(j->decided_by));
    jw_kv_bool(&w, "disagree", j->disagree);
    jw_kv_int(&w, "sizes_needed", j->sizes_needed);
    jw_key(&w, "time");
    series_json(&w, t, target);
    jw_key(&w, "steps");
    series_json(&w, s, target);
    jw_key(&w, "too_slow");
    too_slow_json(&w, slow_n, slow_seconds, ref_seconds, slow);
    jw_object_end(&w);
    return jw_take(&w);
}

/* Both series classified; the judgement and its JSON. */
static int judge_series_pair(int target, const series *t, const series *s,
                             double slow_n, double slow_seconds, double ref_seconds,
                             judge_result *out, char **json) {
    judge_result j, slow;
    int have_slow = slow_n > 0.0, err;
    err = judge_growth(target, t->present ? &t->fit : NULL, s->present ? &s->fit : NULL, &j);
    if (err == 0 && have_slow) {
        err = judge_too_slow(target, slow_n, slow_seconds, ref_seconds, &slow);
        if (err != 0) {
            *json = jw_error_object("too_slow: seconds must be a number > 0 and "
                                    "ref_seconds a number >= 0");
            return err;
        }
        err = judge_merge_too_slow(&j, &slow, &j);
    }
    if (err != 0) { *json = jw_error_object(judge_error_message(err)); return err; }
    *json = judge_json(target, &j, t, s, slow_n, slow_seconds, ref_seconds, have_slow ? &slow : NULL);
    if (*json == NULL) return FIT_ERR_NOMEM;
    *out = j;
    return 0;
}

int api_judge_into(const char *target, const double *tn, const double *ty, int tcount,
                   const double *sn, const double *sy, int scount,
                   double slow_n, double slow_seconds, double ref_seconds,
                   judge_result *out, char **json) {
    series *pair;
    const char *error = NULL;
    int cls = target ? fit_class_from_label(target) : -2, err;
    if (json == NULL) return JUDGE_ERR_NULL;
    *json = NULL;
    if (out == NULL) { *json = jw_error_object("missing input (NULL pointer)"); return JUDGE_ERR_NULL; }
    if (target == NULL) { *json = jw_error_object("missing target class"); return JUDGE_ERR_TARGET; }
    if (cls < 0) { *json = unknown_target(target); return JUDGE_ERR_TARGET; }
    if (isnan(slow_n)) { *json = jw_error_object("too_slow: n must be a number"); return JUDGE_ERR_ARG; }
    pair = mem_alloc(2 * sizeof *pair);     /* two fit_results: off the wasm stack */
    if (pair == NULL) return FIT_ERR_NOMEM;
    if ((err = read_series(tn, ty, tcount, &pair[0], &error)) != 0)
        *json = error ? series_error("time", error) : NULL;
    else if ((err = read_series(sn, sy, scount, &pair[1], &error)) != 0)
        *json = error ? series_error("steps", error) : NULL;
    else
        err = judge_series_pair(cls, &pair[0], &pair[1], slow_n, slow_seconds, ref_seconds, out, json);
    mem_free(pair);
    return err;
}

char *api_judge(const char *target, const double *tn, const double *ty, int tcount,
                const double *sn, const double *sy, int scount,
                double slow_n, double slow_seconds, double ref_seconds) {
    judge_result j;
    char *json = NULL;
    api_judge_into(target, tn, ty, tcount, sn, sy, scount, slow_n, slow_seconds, ref_seconds, &j, &json);
    return json;
}

char *api_classes(void) {
    jw_buf w;
    int c;
    jw_init(&w);
    jw_object_begin(&w);
    jw_key(&w, "classes");
    jw_array_begin(&w);
    for (c = 0; c < FIT_CLASS_COUNT; c++) jw_string(&w, fit_class_label(c));
    jw_array_end(&w);
    jw_object_end(&w);
    return jw_take(&w);
}

/* ------------------------------------------------------------- status */

char *api_status(void) {
    jw_buf w;
    mem_stats m = mem_get_stats();
    jw_init(&w);
    jw_object_begin(&w);
    jw_kv_number(&w, "clock_resolution_ns", clk_resolution_ns());
    jw_kv_number(&w, "live_bytes", (double)m.current_bytes);
    jw_kv_number(&w, "live_blocks", (double)m.live_blocks);
    jw_kv_int(&w, "demos", demo_count());
    jw_object_end(&w);
    return jw_take(&w);
}

void *api_alloc(size_t bytes) {
    return mem_alloc(bytes);
}

void api_free(void *block) {
    mem_free(block);
}
