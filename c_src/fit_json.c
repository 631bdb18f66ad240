/*
** fit_json.c -- fit_result as JSON, through the core's one JSON writer
** (jsonw.c), so that fit.c only decides. The keys and their meaning are
** documented at fit_result_to_json in fit.h. What CPython's json module
** does for float('nan') (writes NaN, which JSON.parse rejects) is what this
** avoids: a non-finite number is written as null.
*/
#include "fit.h"
#include "jsonw.h"
#include "mem.h"

#include <math.h>
#include <string.h>

static void write_classes(jw_buf *w, const fit_result *r) {
    int c;
    jw_key(w, "classes");
    jw_array_begin(w);
    for (c = 0; c < FIT_CLASS_COUNT; c++) {
        jw_object_begin(w);
        jw_kv_string(w, "label", fit_class_label(c));
        jw_kv_number(w, "a", r->a[c]);
        jw_kv_number(w, "b", r->b[c]);
        jw_kv_number(w, "score", r->score[c]);
        jw_kv_number(w, "weight", r->weight[c]);
        if (c == FIT_2N) jw_kv_number(w, "base", r->exp_base > 0.0 ? r->exp_base : NAN);
        jw_object_end(w);
    }
    jw_array_end(w);
}

int fit_result_to_json(const fit_result *r, char *buf, size_t cap) {
    jw_buf w;
    char *text;
    size_t len;
    if (r == NULL) return FIT_ERR_NULL;
    if (buf == NULL && cap > 0) return FIT_ERR_ARG;
    jw_init(&w);
    jw_object_begin(&w);
    jw_kv_string(&w, "best", fit_class_label(r->best));
    jw_kv_string(&w, "top", fit_class_label(r->top));
    jw_kv_string(&w, "runner_up", fit_class_label(r->runner_up));
    jw_kv_number(&w, "confidence", r->confidence);
    jw_kv_bool(&w, "inconclusive", r->best == FIT_INCONCLUSIVE);
    jw_kv_bool(&w, "tentative", r->tentative);
    jw_kv_number(&w, "slope", r->loglog_slope);
    jw_kv_int(&w, "points", r->points);
    jw_kv_int(&w, "distinct_n", r->distinct_n);
    jw_kv_number(&w, "n_min", r->n_min);
    jw_kv_number(&w, "n_max", r->n_max);
    jw_kv_number(&w, "noise", r->noise);
    jw_kv_number(&w, "quantum", r->quantum);
    jw_kv_string(&w, "reason", r->reason);
    write_classes(&w, r);
    jw_object_end(&w);
    text = jw_take(&w);
    if (text == NULL) return FIT_ERR_NOMEM;
    len = strlen(text);
    if (len < cap) memcpy(buf, text, len + 1);
    else if (cap > 0) buf[0] = '\0';
    mem_free(text);
    return len > 2147483647u ? FIT_ERR_ARG : (int)len;
}
