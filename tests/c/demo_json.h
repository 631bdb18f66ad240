/*
** demo_json.h -- reading a demo's JSON result in C tests: find a series by
** id and metric, read its x/y arrays, check its fitted class, and run a
** demo while checking that every block it allocated comes back, also when
** any one of its allocations fails.
** Header-only (static functions) so each test binary stays one file.
*/
#ifndef CC_DEMO_JSON_H
#define CC_DEMO_JSON_H

#include "check.h"
#include "demo.h"
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The series object with this id and metric, or NULL. */
static inline const char *series_at(const char *json, const char *id, const char *metric) {
    char key[96], want[96];
    const char *p = json;
    snprintf(key, sizeof key, "{\"id\":\"%s\",", id);
    snprintf(want, sizeof want, "\"metric\":\"%s\"", metric);
    while (json != NULL && (p = strstr(p, key)) != NULL) {
        const char *m = strstr(p, "\"metric\":\"");
        if (m != NULL && strncmp(m, want, strlen(want)) == 0) return p;
        p++;
    }
    return NULL;
}

/* Reads the "x" or "y" array of a series; returns how many values, -1 if none. */
static inline int series_values(const char *json, const char *id, const char *metric, const char *field,
                         double *out, int max) {
    const char *s = series_at(json, id, metric), *p;
    char key[16];
    int count = 0;
    if (s == NULL) return -1;
    snprintf(key, sizeof key, "\"%s\":[", field);
    p = strstr(s, key);
    if (p == NULL) return -1;
    p += strlen(key);
    while (*p != ']' && count < max) {
        char *end;
        out[count++] = strtod(p, &end);
        if (end == p) return -1;
        p = *end == ',' ? end + 1 : end;
    }
    return count;
}

/* 1 if the series' fit says best == label. */
static inline int fit_is(const char *json, const char *id, const char *metric, const char *label) {
    const char *s = series_at(json, id, metric), *f;
    char want[64];
    if (s == NULL) return 0;
    f = strstr(s, "\"fit\":");
    snprintf(want, sizeof want, "\"fit\":{\"best\":\"%s\"", label);
    return f != NULL && strncmp(f, want, strlen(want)) == 0;
}

/* Runs a demo; checks that live blocks come back. Caller frees *json. */
static inline int run_demo(const char *id, const double *values, int count, char **json) {
    size_t before = mem_get_stats().live_blocks;
    int rc = demo_run(id, values, count, json);
    CHECK_MSG(mem_get_stats().live_blocks == before + (*json != NULL), "%s: %zu live blocks before, %zu after",
              id, before, mem_get_stats().live_blocks);
    return rc;
}

/* Fails the nth allocation of a demo run for nth in 1..60 and a few later
** ones (timed kernels allocate on every call, so a run has no fixed last
** allocation): each run must end cleanly (OK, NOMEM or STOPPED) with no block left. */
static inline void demo_run_under_failures(const char *id, const double *values, int count) {
    static const size_t later[] = {100, 250, 600, 1500, 4000, 9000};
    size_t k, before = mem_get_stats().live_blocks;
    int clean = 1, nomem = 0, rc;
    for (k = 0; k < 60 + sizeof later / sizeof later[0]; k++) {
        size_t nth = k < 60 ? k + 1 : later[k - 60];
        char *json = NULL;
        mem_fail_nth(nth);
        rc = demo_run(id, values, count, &json);
        mem_fail_nth(0);
        if (mem_injected_failures() > 0 && rc == DEMO_ERR_NOMEM) nomem++;
        if (rc != DEMO_ERR_NOMEM && rc != DEMO_OK && rc != DEMO_STOPPED) clean = 0;
        if (rc == DEMO_ERR_NOMEM && json != NULL && strstr(json, "\"error\"") == NULL) clean = 0;
        mem_free(json);
        if (mem_get_stats().live_blocks != before) clean = 0;
    }
    CHECK_MSG(clean, "%s: unclean end under allocation failure", id);
    CHECK_MSG(nomem > 3, "%s: only %d runs reported out of memory", id, nomem);
}

#endif
