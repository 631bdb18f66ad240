/*
** api.c -- host entry points (see api.h). Thin: validation and work live in
** demo.c and fit.c; this file only turns results into JSON strings.
*/
#include "api.h"
#include "clk.h"
#include "demo.h"
#include "fit.h"
#include "jsonw.h"
#include "mem.h"


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
    char *buf;
    int err = fit_classify(n, y, count, &r), need;
    if (err != 0) return jw_error_object(fit_error_message(err));
    need = fit_result_to_json(&r, NULL, 0);
    if (need < 0) return jw_error_object("could not format the fit");
    buf = mem_alloc((size_t)need + 1);
    if (buf == NULL) return NULL;
    fit_result_to_json(&r, buf, (size_t)need + 1);
    return buf;
}

char *api_status(void) {
    jw_buf w;
    mem_stats m = mem_get_stats();
    jw_init(&w);
    jw_object_begin(&w);
    jw_kv_number(&w, "clockResolutionNs", clk_resolution_ns());
    jw_kv_number(&w, "liveBytes", (double)m.current_bytes);
    jw_kv_number(&w, "liveBlocks", (double)m.live_blocks);
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
