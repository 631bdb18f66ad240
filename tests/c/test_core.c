/*
** test_core.c -- the engine's foundations: counting allocator, timing
** harness, stack accounting, JSON writer, demo runner and the membership
** demo that the foundation issue promises.
*/
#include "check.h"

#include "api.h"
#include "clk.h"
#include "demo.h"
#include "demos/hashset.h"
#include "jsonw.h"
#include "mem.h"
#include "ops.h"
#include "stk.h"
#include "tim.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ allocator */

static void test_allocator_counts(void) {
    mem_stats before = mem_get_stats(), after;
    char *a, *b;
    mem_reset_window();
    a = mem_alloc(100);
    b = mem_alloc(50);
    after = mem_get_stats();
    CHECK(after.current_bytes == before.current_bytes + 150);
    CHECK(after.alloc_count == 2);
    mem_free(a);
    after = mem_get_stats();
    CHECK(after.current_bytes == before.current_bytes + 50);
    CHECK(after.peak_bytes == before.current_bytes + 150);
    mem_free(b);
    CHECK(mem_get_stats().live_blocks == before.live_blocks);
}

static void test_allocator_failure_leaves_state(void) {
    mem_stats before;
    char *block = mem_alloc(16), *grown;
    memcpy(block, "fifteen chars!!", 16);
    before = mem_get_stats();
    mem_fail_nth(1);
    grown = mem_realloc(block, 1 << 20);
    CHECK(grown == NULL);
    CHECK(mem_injected_failures() == 1);
    CHECK(memcmp(block, "fifteen chars!!", 16) == 0);     /* old block intact */
    CHECK(mem_get_stats().current_bytes == before.current_bytes);
    mem_fail_nth(2);
    grown = mem_alloc(8);
    CHECK(grown != NULL);                                   /* first succeeds ... */
    CHECK(mem_alloc(8) == NULL);                            /* ... second fails */
    mem_free(grown);
    mem_fail_nth(0);
    mem_free(block);
}

/* Failing each allocation of a hash set build in turn: either the build
** finishes or it stops cleanly, and nothing leaks. */
static void test_hashset_failure_injection(void) {
    size_t nth;
    for (nth = 1; nth <= 40; nth++) {
        size_t live = mem_get_stats().live_blocks;
        hset *s;
        int i, ok = 1;
        mem_fail_nth(nth);
        s = hset_new();
        for (i = 0; s != NULL && i < 500 && ok; i++) {
            size_t used = s->used, slots = hset_slots(s);
            if (hset_add(s, i) < 0) {
                ok = 0;
                CHECK(s->used == used && hset_slots(s) == slots);   /* unchanged */
                CHECK(hset_contains(s, i) == 0);
            }
        }
        mem_fail_nth(0);
        mem_injected_failures();
        hset_free(s);
        CHECK_MSG(mem_get_stats().live_blocks == live, "leak after failing allocation %zu", nth);
    }
}

/* The fit's JSON is measured, then allocated to size: failing each of
** those allocations in turn gives an error in words, never NULL or a
** truncated object, and nothing leaks. */
static void test_fit_json_failure_is_an_error_in_words(void) {
    static const double n[] = { 100, 200, 400, 800, 1600, 3200 };
    static const double y[] = { 10, 20, 40, 80, 160, 320 };
    size_t nth;
    int errors = 0;
    for (nth = 1; nth <= 30; nth++) {
        size_t live = mem_get_stats().live_blocks;
        char *json;
        mem_fail_nth(nth);
        json = api_fit(n, y, 6);
        mem_fail_nth(0);
        mem_injected_failures();
        CHECK_MSG(json != NULL, "api_fit gave NULL when allocation %zu failed", nth);
        if (json == NULL) continue;
        if (strstr(json, "\"error\"") != NULL) {
            errors++;
            CHECK_MSG(strstr(json, "out of memory") != NULL, "error without words: %s", json);
        } else {
            CHECK_MSG(strstr(json, "\"best\":\"O(n)\"") != NULL, "not a whole fit: %s", json);
        }
        mem_free(json);
        CHECK_MSG(mem_get_stats().live_blocks == live, "leak after failing allocation %zu", nth);
    }
    CHECK(errors > 0);
}

/* ---------------------------------------------------------------- timing */

static void busy(void *arg) {
    volatile double *x = arg;
    int i;
    for (i = 0; i < 200; i++) *x = *x * 1.0000001 + 1;
}

static void test_timing_harness(void) {
    tim_options opt = tim_default_options();
    tim_stats st;
    double x = 1;
    opt.repeats = 7;
    opt.min_batch_ns = 2e5;
    CHECK(clk_resolution_ns() > 0);
    CHECK(tim_measure(busy, &x, &opt, &st) == 0);
    CHECK(st.repeats == 7);
    CHECK(st.loops >= 1);
    CHECK(st.min_ns > 0 && st.min_ns <= st.median_ns);
    CHECK(st.q1_ns <= st.median_ns && st.median_ns <= st.q3_ns);
    CHECK(st.per_call_ns * (double)st.loops >= 0.5 * opt.min_batch_ns);   /* batches were long enough */
    opt.repeats = 0;
    CHECK(tim_measure(busy, &x, &opt, &st) == TIM_ERR_ARG);
    CHECK(tim_measure(NULL, &x, &opt, &st) == TIM_ERR_ARG);
}

static void test_robust_summary(void) {
    double s[5] = {1, 2, 3, 4, 100}, med, mad, q1, q3;
    tim_summarize(s, 5, &med, &mad, &q1, &q3);
    CHECK(med == 3);
    CHECK(mad == 1);       /* the spike does not move the spread */
    CHECK(q1 == 2 && q3 == 4);
}

/* ----------------------------------------------------------------- stack */

static size_t depth_used(int depth) {
    volatile char frame[64];
    frame[0] = (char)depth;
    stk_probe();
    if (depth > 0) return depth_used(depth - 1) + (size_t)frame[0] * 0;
    return stk_deepest();
}

static void test_stack_grows_with_depth(void) {
    size_t shallow, deep;
    stk_begin(1 << 20);
    shallow = depth_used(10);
    stk_begin(1 << 20);
    deep = depth_used(200);
    CHECK(deep > shallow);
    CHECK(deep >= 200 * 64);
}

/* ------------------------------------------------------------------ JSON */

static void test_json_writer(void) {
    jw_buf w;
    char *text;
    jw_init(&w);
    jw_object_begin(&w);
    jw_kv_string(&w, "q", "say \"hi\"\n");
    jw_key(&w, "a");
    jw_array_begin(&w);
    jw_number(&w, 1);
    jw_number(&w, 0.5);
    jw_number(&w, NAN);
    jw_array_end(&w);
    jw_object_end(&w);
    text = jw_take(&w);
    CHECK(text != NULL && strcmp(text, "{\"q\":\"say \\\"hi\\\"\\n\",\"a\":[1,0.5,null]}") == 0);
    mem_free(text);
    jw_init(&w);
    jw_object_begin(&w);                 /* unbalanced: refused */
    CHECK(jw_take(&w) == NULL);
}

/* ------------------------------------------------------ membership demo */

/* Pulls series `id`/`metric` out of the result JSON into y[]. */
static int series_values(const char *json, const char *id, const char *metric, double *y, int max) {
    char key[128];
    const char *p;
    int count = 0;
    snprintf(key, sizeof key, "\"id\":\"%s\",", id);
    for (p = strstr(json, key); p; p = strstr(p + 1, key)) {
        char want[64];
        const char *ys;
        snprintf(want, sizeof want, "\"metric\":\"%s\"", metric);
        if (strncmp(strstr(p, "\"metric\""), want, strlen(want)) != 0) continue;
        ys = strstr(p, "\"y\":[") + 5;
        while (*ys && *ys != ']' && count < max) {
            y[count++] = strtod(ys, (char **)&ys);
            if (*ys == ',') ys++;
        }
        return count;
    }
    return 0;
}

static void test_membership_counts_exact(void) {
    double values[4] = {1000, 64000, 4, 1}, list[8], set[8], bisect[8];
    char *json = NULL;
    size_t live = mem_get_stats().live_blocks;
    CHECK(demo_run("membership", values, 4, &json) == DEMO_OK);
    CHECK(json != NULL);
    CHECK(series_values(json, "list", "ops", list, 8) == 4);
    CHECK(series_values(json, "set", "ops", set, 8) == 4);
    CHECK(series_values(json, "bisect", "ops", bisect, 8) == 4);
    CHECK(list[0] == 1000 && list[1] == 4000 && list[2] == 16000 && list[3] == 64000); /* a miss costs n */
    CHECK(set[3] <= 2 * set[0] + 2);                       /* flat */
    CHECK(bisect[3] > bisect[0] && bisect[3] <= 17);       /* about log2(n) */
    CHECK(strstr(json, "\"best\":\"O(n)\"") != NULL);      /* the list's counts fit O(n) */
    mem_free(json);
    CHECK(mem_get_stats().live_blocks == live);
}

static void test_membership_time_shape(void) {
    double values[4] = {2000, 128000, 3, 5}, list[8], set[8];
    char *json = NULL;
    CHECK(demo_run("membership", values, 4, &json) == DEMO_OK);
    CHECK(series_values(json, "list", "time", list, 8) == 3);
    CHECK(series_values(json, "set", "time", set, 8) == 3);
    CHECK(list[2] > 10 * list[0]);     /* 64x more items: the scan grows a lot */
    CHECK(set[2] < 4 * set[0]);        /* the set stays roughly flat */
    CHECK(set[2] < list[2]);           /* and wins at the largest n */
    mem_free(json);
}

static void test_argument_errors(void) {
    double zero[4] = {0, 1000, 4, 1}, huge[4] = {10, 1e9, 4, 1}, few[4] = {10, 1000, 1, 1};
    double backwards[4] = {5000, 1000, 4, 1};
    char *json = NULL;
    size_t live = mem_get_stats().live_blocks;
    CHECK(demo_run("membership", zero, 4, &json) == DEMO_ERR_ARG);
    CHECK(json && strstr(json, "smallest n must be between"));
    mem_free(json);
    CHECK(demo_run("membership", huge, 4, &json) == DEMO_ERR_ARG);
    mem_free(json);
    CHECK(demo_run("membership", few, 4, &json) == DEMO_ERR_ARG);
    CHECK(json && strstr(json, "points"));
    mem_free(json);
    CHECK(demo_run("membership", backwards, 4, &json) == DEMO_ERR_ARG);
    mem_free(json);
    CHECK(demo_run("no-such-demo", NULL, 0, &json) == DEMO_ERR_ARG);
    CHECK(json && strstr(json, "unknown demo"));
    mem_free(json);
    CHECK(demo_run("membership", NULL, 3, &json) == DEMO_ERR_ARG);
    mem_free(json);
    CHECK(demo_run("membership", NULL, 0, NULL) == DEMO_ERR_ARG);
    CHECK(mem_get_stats().live_blocks == live);
}

static void test_every_demo_runs_at_defaults_without_leaks(void) {
    int i;
    for (i = 0; i < demo_count(); i++) {
        const demo_info *info = demo_at(i);
        size_t live = mem_get_stats().live_blocks;
        char *json = NULL;
        int status = demo_run(info->id, NULL, 0, &json);
        CHECK_MSG(status == DEMO_OK || status == DEMO_STOPPED, "%s returned %d", info->id, status);
        CHECK_MSG(json && !strstr(json, "\"error\""), "%s: %s", info->id, json ? json : "(null)");
        mem_free(json);
        CHECK_MSG(mem_get_stats().live_blocks == live, "%s leaked", info->id);
    }
}

int main(void) {
    test_allocator_counts();
    test_allocator_failure_leaves_state();
    test_hashset_failure_injection();
    test_fit_json_failure_is_an_error_in_words();
    test_timing_harness();
    test_robust_summary();
    test_stack_grows_with_depth();
    test_json_writer();
    test_membership_counts_exact();
    test_membership_time_shape();
    test_argument_errors();
    test_every_demo_runs_at_defaults_without_leaks();
    return check_report("test_core");
}
