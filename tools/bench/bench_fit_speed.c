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
*/
#include "api.h"
#include "platform.h"

#include <stdio.h>
#include <stdlib.h>

#define MAX_POINTS 4096
#define MAX_ROUNDS 64

static double n_in[MAX_POINTS], y_in[MAX_POINTS];

static int one_call(int count) {
    char *json = api_fit(n_in, y_in, count);
    if (json == NULL) return -1;
    api_free(json);
    return 0;
}

int main(int argc, char **argv) {
    long calls, rounds, warmup, i, r;
    int count = 0;
    double ms[MAX_ROUNDS];
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
