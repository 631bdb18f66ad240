/*
** bench_fit_speed.c -- native half of the classifier timing in `make bench`
** (tools/bench/bench_wasm_vs_native.mjs runs the wasm half in-process).
**
**   bench_fit_speed CALLS ROUNDS WARMUP < points.csv
**
** Reads "n,y" lines (the same doubles the wasm half uses), makes WARMUP
** untimed api_fit calls, then ROUNDS timed rounds of CALLS calls each, and
** prints one line of JSON: {"points":P,"msPerCall":[...one per round...]}.
** Each call is api_fit + api_free of its JSON, exactly as the wasm host does.
**
**   bench_fit_speed --scale
**
** Fit cost by points (issue 13, "fit at scale"): one api_fit call each on
** 10^3, 10^4, 10^5 and 10^6 generated O(n) points with 5% noise, once with
** every point at its own n (log-spaced over 10^3..10^6, the worst case:
** the fit pools them into bins) and once as 8 sizes repeated, printing the
** time and the counting allocator's peak bytes, with the goals (10^5
** under 1 s, 10^6 under 10 s, peak bytes linear in the points).
*/
#include "api.h"
#include "mem.h"
#include "platform.h"

#include <math.h>
#include <stdint.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_POINTS 4096
#define MAX_ROUNDS 64

static double n_in[MAX_POINTS], y_in[MAX_POINTS];

static int one_call(int count) {
    char *json = api_fit(n_in, y_in, count);
    if (json == NULL) return -1;
    api_free(json);
    return 0;
}

/* A fixed splitmix64 stream, so every run fits the same points. */
static double gauss(uint64_t *state) {
    double u[2];
    int i;
    for (i = 0; i < 2; i++) {
        uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        u[i] = ((double)(z >> 11) + 0.5) * (1.0 / 9007199254740992.0);
    }
    return sqrt(-2.0 * log(u[0])) * cos(6.283185307179586 * u[1]);
}

static int scale_run(long points, int distinct) {
    double *n = malloc((size_t)points * sizeof *n), *y = malloc((size_t)points * sizeof *y);
    uint64_t state = 13;
    double start, ms;
    mem_stats before;
    char *json;
    long i;
    if (n == NULL || y == NULL) { free(n); free(y); return -1; }
    for (i = 0; i < points; i++) {
        double at = distinct ? (double)i / (double)(points - 1) : (double)(i % 8) / 7.0;
        n[i] = floor(1000.0 * pow(1000.0, at)) + (distinct ? (double)(i % 1000) / 1000.0 : 0.0);
        y[i] = 1e-7 * n[i] * exp(0.05 * gauss(&state));
    }
    mem_reset_window();
    before = mem_get_stats();
    start = plat_now_ns();
    json = api_fit(n, y, (int)points);
    ms = (plat_now_ns() - start) / 1e6;
    printf("  %9ld  %-16s %10.1f  %12.1f\n", points, distinct ? "each its own n" : "8 sizes repeated",
           ms, (double)(mem_get_stats().peak_bytes - before.current_bytes) / 1e6);
    if (json != NULL) api_free(json);
    free(n);
    free(y);
    return json == NULL ? -1 : 0;
}

static int scale_main(void) {
    static const long sizes[] = {1000, 10000, 100000, 1000000};
    int i, shape;
    printf("fit cost by points (api_fit, native; goals: 10^5 < 1000 ms, 10^6 < 10000 ms, "
           "peak linear in points):\n");
    printf("  %9s  %-16s %10s  %12s\n", "points", "shape", "ms", "peak MB");
    for (shape = 1; shape >= 0; shape--)
        for (i = 0; i < 4; i++)
            if (scale_run(sizes[i], shape) != 0) return 1;
    return 0;
}

int main(int argc, char **argv) {
    long calls, rounds, warmup, i, r;
    int count = 0;
    double ms[MAX_ROUNDS];
    if (argc == 2 && strcmp(argv[1], "--scale") == 0) return scale_main();
    if (argc != 4) {
        fprintf(stderr, "usage: bench_fit_speed CALLS ROUNDS WARMUP < points.csv\n");
        return 2;
    }
    calls = atol(argv[1]);
    rounds = atol(argv[2]);
    warmup = atol(argv[3]);
    if (calls < 1 || rounds < 1 || rounds > MAX_ROUNDS || warmup < 0) {
        fprintf(stderr, "bench_fit_speed: bad CALLS/ROUNDS/WARMUP\n");
        return 2;
    }
    while (count < MAX_POINTS && scanf(" %lf , %lf", &n_in[count], &y_in[count]) == 2) count++;
    if (count < 2) {
        fprintf(stderr, "bench_fit_speed: need at least 2 n,y lines on stdin\n");
        return 2;
    }
    for (i = 0; i < warmup; i++)
        if (one_call(count) != 0) return 1;
    for (r = 0; r < rounds; r++) {
        double start = plat_now_ns();
        for (i = 0; i < calls; i++)
            if (one_call(count) != 0) return 1;
        ms[r] = (plat_now_ns() - start) / 1e6 / (double)calls;
    }
    printf("{\"points\":%d,\"msPerCall\":[", count);
    for (r = 0; r < rounds; r++) printf("%s%.9g", r ? "," : "", ms[r]);
    printf("]}\n");
    return 0;
}
