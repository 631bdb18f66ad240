/*
** test_judge.c -- the judge (judge.c) and its entry point api_judge on the
** boundary cases of the rule: leans, draws, a runner-up that meets the
** target, steps against time, C-level work, too slow, too few sizes, bad
** arguments and failed allocations.
*/
#include "api.h"
#include "check.h"
#include "fit.h"
#include "jsonw.h"
#include "judge.h"
#include "mem.h"

#include <math.h>
#include <string.h>

/* ------------------------------------------------------------ helpers */

/* A fit as the classifier would report it: top holds w_top of the
** evidence, the runner-up w_ru, the other five classes share the rest.
** best is top from a lean (0.65) on, tentative below 0.9. */
static fit_result fit_of(int top, int ru, double w_top, double w_ru) {
    fit_result r;
    int c;
    memset(&r, 0, sizeof r);
    for (c = 0; c < FIT_CLASS_COUNT; c++) r.weight[c] = (1.0 - w_top - w_ru) / 5.0;
    r.weight[top] = w_top;
    r.weight[ru] = w_ru;
    r.top = top;
    r.runner_up = ru;
    r.confidence = w_top;
    r.best = w_top >= JUDGE_LEAN ? top : FIT_INCONCLUSIVE;
    r.tentative = r.best != FIT_INCONCLUSIVE && w_top < JUDGE_CONFIDENT;
    r.points = 40;
    r.distinct_n = 8;
    r.n_min = 1000;
    r.n_max = 512000;
    r.loglog_slope = (double[]){ 0, 0.15, 1, 1.12, 2, 3, 10 }[top];
    strcpy(r.reason, "from the test");
    return r;
}

/* Exact data that one class matches (operation or line counts). */
static fit_result exact(int cls) {
    fit_result r = fit_of(cls, cls == FIT_O1 ? FIT_LOGN : FIT_O1, 1.0, 0.0);
    int c;
    for (c = 0; c < FIT_CLASS_COUNT; c++) r.weight[c] = c == cls;
    return r;
}

/* The fit names a class above the target as its best, or as a contender. */
static int is_above(const fit_result *r, int target) {
    if (r->best != FIT_INCONCLUSIVE) return r->best > target;
    return r->top > target || r->runner_up > target;
}

static int has(const char *text, const char *part) {
    return strstr(text, part) != NULL;
}

static int count_of(const char *text, const char *part) {
    int k = 0;
    for (; (text = strstr(text, part)) != NULL; text += strlen(part)) k++;
    return k;
}

/* Deterministic noise: LCG uniforms, four summed (about normal, sd 1). */
static unsigned long long rng_state = 12345;
static double noise(void) {
    double sum = 0;
    int i;
    for (i = 0; i < 4; i++) {
        rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
        sum += (double)(rng_state >> 11) / 9007199254740992.0 - 0.5;
    }
    return sum * 1.7320508;
}

/* 10 doubling sizes from 1000, 5 repeats: y = a + b*n (+1% noise). */
#define SERIES 50
static void linear(double *n, double *y, double a, double b, double rel_noise) {
    int i;
    for (i = 0; i < SERIES; i++) {
        n[i] = 1000.0 * (double)(1 << (i / 5));
        y[i] = (a + b * n[i]) * (1.0 + rel_noise * noise());
    }
}

static void flat(double *n, double *y, double value) {
    int i;
    for (i = 0; i < SERIES; i++) {
        n[i] = 1000.0 * (double)(1 << (i / 5));
        y[i] = value;
    }
}

/* --------------------------------------------------------- one series */

static void test_tentative_pass(void) {
    fit_result r = fit_of(FIT_N, FIT_NLOGN, 0.7, 0.25);
    judge_result j;
    CHECK(fit_judge(&r, FIT_N, &j) == 0);
    CHECK(j.verdict == JUDGE_PASS && j.decided_by == JUDGE_BY_TIME && !j.disagree);
    CHECK_MSG(strcmp(j.reason, "probably grows as O(n), within the target O(n)") == 0, "%s", j.reason);
    r = exact(FIT_O1);
    CHECK(fit_judge(&r, FIT_N, &j) == 0 && j.verdict == JUDGE_PASS);
    CHECK_MSG(strcmp(j.reason, "does not grow (O(1)), within the target O(n)") == 0, "%s", j.reason);
}

/* The case: best O(n log n) at 0.8, runner-up O(n), target O(n). */
static void test_tentative_above_runner_up_meets(void) {
    fit_result r = fit_of(FIT_NLOGN, FIT_N, 0.8, 0.15);
    judge_result j;
    CHECK(fit_judge(&r, FIT_N, &j) == 0);
    CHECK(j.verdict == JUDGE_INCONCLUSIVE && j.decided_by == JUDGE_BY_NONE);
    CHECK_MSG(has(j.reason, "O(n log n)") && has(j.reason, "but O(n) (within it) is not ruled out"),
              "%s", j.reason);
}

static void test_tentative_fail(void) {
    fit_result r = fit_of(FIT_N2, FIT_N3, 0.75, 0.2);
    judge_result j;
    CHECK(fit_judge(&r, FIT_N, &j) == 0 && j.verdict == JUDGE_FAIL);
    CHECK_MSG(strcmp(j.reason, "probably grows as O(n^2), faster than the target O(n); "
                     "the runner-up O(n^3) is too") == 0, "%s", j.reason);
}

static void test_confident_fail(void) {
    fit_result r = fit_of(FIT_N2, FIT_N, 0.95, 0.04);
    judge_result j;
    CHECK(fit_judge(&r, FIT_N, &j) == 0);
    CHECK(j.verdict == JUDGE_FAIL && j.decided_by == JUDGE_BY_TIME);
    CHECK_MSG(strcmp(j.reason, "grows as O(n^2), faster than the target O(n)") == 0, "%s", j.reason);
}

static void test_inconclusive_fit(void) {
    fit_result r = fit_of(FIT_N, FIT_NLOGN, 0.5, 0.4);
    judge_result j;
    CHECK(fit_judge(&r, FIT_N, &j) == 0 && j.verdict == JUDGE_INCONCLUSIVE);
    CHECK_MSG(strcmp(j.reason, "grows as O(n) or O(n log n), and only O(n) meets the target O(n)") == 0,
              "%s", j.reason);
    /* A draw between two classes within the target passes when the classes
    ** within it hold a lean's share, and not below that. */
    r = fit_of(FIT_O1, FIT_LOGN, 0.5, 0.3);
    CHECK(fit_judge(&r, FIT_N, &j) == 0 && j.verdict == JUDGE_PASS);
    CHECK_MSG(has(j.reason, "O(1) or O(log n), within the target O(n) either way"), "%s", j.reason);
    r = fit_of(FIT_O1, FIT_LOGN, 0.35, 0.2);        /* 0.64 within the target */
    CHECK(fit_judge(&r, FIT_N, &j) == 0 && j.verdict == JUDGE_INCONCLUSIVE);
    /* A draw never fails, even with 97% of the evidence above the target. */
    r = fit_of(FIT_N2, FIT_N3, 0.55, 0.4);
    CHECK(fit_judge(&r, FIT_N, &j) == 0 && j.verdict == JUDGE_INCONCLUSIVE);
    CHECK_MSG(strcmp(j.reason, "grows as O(n^2) or O(n^3), both faster than the target O(n), but no "
                     "class fits clearly enough to fail it") == 0, "%s", j.reason);
    /* Noise unknown: the weights mean nothing; the fit's reason is kept. */
    r = fit_of(FIT_O1, FIT_LOGN, 0.5, 0.3);
    r.confidence = 0.0;
    strcpy(r.reason, "only 3 sizes and no repeats: noise unknown");
    CHECK(fit_judge(&r, FIT_N, &j) == 0 && j.verdict == JUDGE_INCONCLUSIVE);
    CHECK_MSG(has(j.reason, "noise unknown") && has(j.reason, "O(1) or O(log n)"), "%s", j.reason);
}

static void test_too_few_sizes(void) {
    fit_result r = exact(FIT_N);
    judge_result j;
    r.distinct_n = 2;
    CHECK(fit_judge(&r, FIT_N, &j) == 0 && j.verdict == JUDGE_INCONCLUSIVE);
    CHECK_MSG(strcmp(j.reason, "only 2 sizes measured") == 0, "%s", j.reason);
    CHECK(j.sizes_needed == JUDGE_MIN_SIZES);
    r.distinct_n = 1;
    CHECK(fit_judge(&r, FIT_2N, &j) == 0 && strcmp(j.reason, "only 1 size measured") == 0);
    r.distinct_n = 3;
    CHECK(fit_judge(&r, FIT_N, &j) == 0 && j.sizes_needed == 0);
}

/* The host measures more sizes only when it is told a verdict needs them:
** time at 2 sizes asks for 3; steps at 2 sizes (time decides) does not. */
static void test_sizes_needed(void) {
    fit_result time = fit_of(FIT_N, FIT_NLOGN, 0.95, 0.03), steps = exact(FIT_N);
    judge_result j;
    steps.distinct_n = 2;
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.sizes_needed == 0);
    time.distinct_n = 2;
    steps.distinct_n = 8;
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.verdict == JUDGE_INCONCLUSIVE);
    CHECK_MSG(j.sizes_needed == JUDGE_MIN_SIZES, "%d (%s)", j.sizes_needed, j.reason);
    steps = exact(FIT_N2);
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.verdict == JUDGE_FAIL && j.sizes_needed == 0);
}

/* --------------------------------------------------------- time + steps */

static void test_steps_fail_overrides_time_pass(void) {
    fit_result time = fit_of(FIT_N, FIT_NLOGN, 0.93, 0.05), steps = exact(FIT_N2);
    judge_result j;
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0);
    CHECK(j.verdict == JUDGE_FAIL && j.decided_by == JUDGE_BY_STEPS && j.disagree);
    CHECK_MSG(has(j.reason, "the Python lines your function executes grow as O(n^2), faster than "
                  "the target O(n)"), "%s", j.reason);
    time = exact(FIT_N2);
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0);
    CHECK(j.verdict == JUDGE_FAIL && j.decided_by == JUDGE_BY_BOTH && !j.disagree);
}

static void test_both_pass(void) {
    fit_result time = fit_of(FIT_N, FIT_NLOGN, 0.8, 0.15), steps = exact(FIT_N);
    judge_result j;
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0);
    CHECK(j.verdict == JUDGE_PASS && j.decided_by == JUDGE_BY_BOTH && !j.disagree);
    CHECK_MSG(strcmp(j.reason, "time probably grows as O(n), within the target O(n), and the Python "
                     "lines grow as O(n), within it too") == 0, "%s", j.reason);
}

/* Time leans two or more classes above the target while the lines meet it
** (`x in list` in a loop, on a busy machine): the classes far above hold
** the evidence between them, so it fails by time. One class above (a cache
** step's log factor) or an even split with the target never fails. */
static void test_far_above_fails(void) {
    fit_result time = fit_of(FIT_N3, FIT_N2, 0.7, 0.25), steps = exact(FIT_N);
    judge_result j;
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0);
    CHECK_MSG(j.verdict == JUDGE_FAIL && j.decided_by == JUDGE_BY_TIME, "%s", j.reason);
    CHECK_MSG(has(j.reason, "inside C code"), "%s", j.reason);
    time = fit_of(FIT_N3, FIT_N2, 0.5, 0.45);               /* a draw: no best class */
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.verdict == JUDGE_FAIL);
    time = fit_of(FIT_N2, FIT_NLOGN, 0.6, 0.35);            /* half the evidence one factor up */
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.verdict != JUDGE_FAIL);
    time = fit_of(FIT_NLOGN, FIT_N2, 0.8, 0.15);
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.verdict != JUDGE_FAIL);
    time = fit_of(FIT_N3, FIT_N2, 0.7, 0.25);
    time.confidence = 0.0;                                  /* noise unknown: weights mean nothing */
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.verdict != JUDGE_FAIL);
}

/* The growing classes hold the evidence, but the time barely grew: an O(1)
** `a is b` on big lists (seen in a make test run) rose 1.23x from n = 3200
** to 320000 as the list headers fell out of the caches, and read
** "O(n log n) or O(n^2)" with 90% of the evidence two classes or more above
** O(1). A fail needs the time to grow at least 2x beyond the target. */
static void test_drift_is_no_fail(void) {
    fit_result time = fit_of(FIT_NLOGN, FIT_N2, 0.28, 0.26), steps = exact(FIT_O1);
    judge_result j;
    time.weight[FIT_N] = 0.25;
    time.weight[FIT_N3] = 0.11;
    time.weight[FIT_O1] = 0.08;
    time.weight[FIT_LOGN] = 0.02;
    time.n_min = 3200;
    time.n_max = 320000;
    time.loglog_slope = 0.045;
    CHECK(judge_growth(FIT_O1, &time, &steps, &j) == 0);
    CHECK_MSG(j.verdict == JUDGE_INCONCLUSIVE, "%s", j.reason);
    time.loglog_slope = 0.2;                                /* 2.5x over the range: a real rise */
    CHECK(judge_growth(FIT_O1, &time, &steps, &j) == 0);
    CHECK_MSG(j.verdict == JUDGE_FAIL && has(j.reason, "inside C code"), "%s", j.reason);
    time = fit_of(FIT_N2, FIT_N3, 0.95, 0.04);              /* confident, but n^1.1 over 100x */
    time.n_min = 3200;
    time.n_max = 320000;
    time.loglog_slope = 1.1;
    steps = exact(FIT_N);
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0);
    CHECK_MSG(j.verdict != JUDGE_FAIL, "%s", j.reason);
    time.loglog_slope = 1.5;
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0);
    CHECK_MSG(j.verdict == JUDGE_FAIL, "%s", j.reason);
}

/* A lean of time over a short range passes nothing: the lines cannot see
** C-level work (a naive count_lists measured from n = 320 to 1799 passed
** O(n)); a confident time fit, or the same lean over 8x, does pass. */
static void test_narrow_lean(void) {
    fit_result time = fit_of(FIT_N, FIT_NLOGN, 0.8, 0.15), steps = exact(FIT_N);
    judge_result j;
    time.n_min = 320;
    time.n_max = 1799;
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0);
    CHECK_MSG(j.verdict == JUDGE_INCONCLUSIVE && has(j.reason, "from n = 320 to 1799 (5.6x)"), "%s", j.reason);
    CHECK_MSG(j.sizes_needed == time.distinct_n + 1, "sizes_needed %d", j.sizes_needed);
    time.n_max = 2560;
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.verdict == JUDGE_PASS);
    time = fit_of(FIT_N, FIT_NLOGN, 0.95, 0.03);
    time.n_min = 320;
    time.n_max = 1799;
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.verdict == JUDGE_PASS);
}

/* A C-level loop: `target in data` scans n items inside C on one Python
** line, so the lines counted stay flat while time grows as O(n). Time
** decides, both ways, on real classifier output. */
static void test_c_level_loop(void) {
    double tn[SERIES], ty[SERIES], sn[SERIES], sy[SERIES];
    fit_result time, steps;
    judge_result j;
    linear(tn, ty, 2e-6, 5e-9, 0.01);
    flat(sn, sy, 12.0);
    CHECK(fit_classify(tn, ty, SERIES, &time) == 0);
    CHECK(fit_classify(sn, sy, SERIES, &steps) == 0);
    CHECK_MSG(time.best == FIT_N && !time.tentative, "time fit %s at %.3f", fit_class_label(time.best),
              time.confidence);
    CHECK(steps.best == FIT_O1);
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0);
    CHECK(j.verdict == JUDGE_PASS && j.decided_by == JUDGE_BY_TIME);
    CHECK_MSG(has(j.reason, "inside C code"), "%s", j.reason);
    CHECK(judge_growth(FIT_O1, &time, &steps, &j) == 0);
    CHECK(j.verdict == JUDGE_FAIL && j.decided_by == JUDGE_BY_TIME && j.disagree);
    CHECK_MSG(strcmp(j.reason, "time grows as O(n), faster than the target O(1), although the Python "
                     "lines do not grow (O(1)): the extra work is inside C code such as `x in list`") == 0,
              "%s", j.reason);
}

static void test_disagreement(void) {
    fit_result time = fit_of(FIT_N2, FIT_NLOGN, 0.7, 0.25), steps = exact(FIT_N);
    judge_result j;
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0);
    CHECK(j.verdict == JUDGE_INCONCLUSIVE && j.decided_by == JUDGE_BY_NONE && j.disagree);
    CHECK_MSG(strcmp(j.reason, "time probably grows as O(n^2), faster than the target O(n), but the "
                     "Python lines grow as O(n), within it: the two measurements disagree") == 0,
              "%s", j.reason);
    /* Confident time (not a lean) is enough to fail. */
    time = fit_of(FIT_N2, FIT_N3, 0.9, 0.08);
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.verdict == JUDGE_FAIL);
    CHECK_MSG(has(j.reason, "inside C code"), "%s", j.reason);
    /* Unclear time beside lines that grow exactly as the target: the
    ** exact count settles it (rule 4b). */
    time = fit_of(FIT_N, FIT_NLOGN, 0.5, 0.4);
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0);
    CHECK(j.verdict == JUDGE_PASS && j.decided_by == JUDGE_BY_STEPS && !j.disagree);
    CHECK_MSG(strcmp(j.reason, "time grows as O(n) or O(n log n), not clearly above the target O(n), "
                     "and the Python lines grow as O(n), counted exactly: the count settles it") == 0,
              "%s", j.reason);
    /* So does a lean of time above the target whose runner-up meets it ... */
    time = fit_of(FIT_NLOGN, FIT_N, 0.75, 0.2);
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0);
    CHECK(j.verdict == JUDGE_PASS && j.decided_by == JUDGE_BY_STEPS);
    /* ... but not lines that grow more slowly than the target (C-level
    ** work they cannot see), */
    steps = exact(FIT_O1);
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.verdict == JUDGE_INCONCLUSIVE);
    /* A confident O(n log n) time beside exact O(n) lines is one log factor,
    ** which caches produce: inconclusive, never a fail by time ... */
    steps = exact(FIT_N);
    time = fit_of(FIT_NLOGN, FIT_N, 0.95, 0.04);
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.verdict == JUDGE_INCONCLUSIVE && j.disagree);
    /* ... while a confident O(n^2) still fails by time (C-level work). */
    time = fit_of(FIT_N2, FIT_NLOGN, 0.95, 0.04);
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.verdict == JUDGE_FAIL);
    /* nor a draw far from the target (noise: "O(n^2) or O(1)"), */
    steps = exact(FIT_N);
    time = fit_of(FIT_N2, FIT_O1, 0.5, 0.4);
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.verdict == JUDGE_INCONCLUSIVE);
    /* nor a lean whose runner-up is above the target too. */
    steps = exact(FIT_N);
    time = fit_of(FIT_N2, FIT_NLOGN, 0.75, 0.2);
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.verdict != JUDGE_PASS);
    /* A confident time fail beside unclear steps still fails. */
    time = exact(FIT_N2);
    steps = fit_of(FIT_N, FIT_NLOGN, 0.5, 0.4);
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.verdict == JUDGE_FAIL && !j.disagree);
}

/* A set's memory: read once per size, in 4x steps, "O(n) or O(n log n)"
** with a slope of 1: the slope settles the draw; the same draw from
** timings (several readings per size) does not. */
static void test_memory_staircase(void) {
    fit_result r = fit_of(FIT_NLOGN, FIT_N, 0.5, 0.45);
    judge_result j;
    r.points = r.distinct_n;        /* read once per size */
    r.loglog_slope = 1.01;
    CHECK(judge_growth(FIT_N, &r, NULL, &j) == 0 && j.verdict == JUDGE_PASS);
    CHECK_MSG(has(j.reason, "n^1.01 is within the target O(n)"), "%s", j.reason);
    r.loglog_slope = 1.12;
    CHECK(judge_growth(FIT_N, &r, NULL, &j) == 0 && j.verdict == JUDGE_INCONCLUSIVE);
    r.loglog_slope = 1.01;
    r.points = 3 * r.distinct_n;    /* timings: several readings per size */
    CHECK(judge_growth(FIT_N, &r, NULL, &j) == 0 && j.verdict == JUDGE_INCONCLUSIVE);
}

/* Memory judged alone that reads one log factor above O(n) is no fail: the
** reference count_pairs' set read "O(n log n)" confidently once in 20
** Checks. Two classes up still fails, and so does O(n log n) against O(1). */
static void test_memory_log_factor(void) {
    fit_result r = fit_of(FIT_NLOGN, FIT_N, 0.95, 0.04);
    judge_result j;
    r.points = r.distinct_n;
    CHECK(judge_growth(FIT_N, &r, NULL, &j) == 0);
    CHECK_MSG(j.verdict == JUDGE_INCONCLUSIVE && has(j.reason, "resize step"), "%s", j.reason);
    CHECK(judge_growth(FIT_O1, &r, NULL, &j) == 0 && j.verdict == JUDGE_FAIL);
    r = fit_of(FIT_N2, FIT_NLOGN, 0.95, 0.04);
    r.points = r.distinct_n;
    CHECK(judge_growth(FIT_N, &r, NULL, &j) == 0 && j.verdict == JUDGE_FAIL);
}

static void test_steps_missing(void) {
    fit_result time = fit_of(FIT_N, FIT_NLOGN, 0.95, 0.03), steps = exact(FIT_N);
    judge_result j;
    CHECK(judge_growth(FIT_N, &time, NULL, &j) == 0);
    CHECK(j.verdict == JUDGE_PASS && j.decided_by == JUDGE_BY_TIME);
    CHECK_MSG(strcmp(j.reason, "grows as O(n), within the target O(n)") == 0, "%s", j.reason);
    steps.distinct_n = 2;
    CHECK(judge_growth(FIT_N, &time, &steps, &j) == 0 && j.verdict == JUDGE_PASS);
    CHECK_MSG(strcmp(j.reason, "time grows as O(n), within the target O(n); the Python lines were "
                     "counted at only 2 sizes, so time alone decides") == 0, "%s", j.reason);
    CHECK(judge_growth(FIT_N, NULL, NULL, &j) == 0 && j.verdict == JUDGE_INCONCLUSIVE);
    CHECK(strcmp(j.reason, "nothing was measured") == 0);
    steps = exact(FIT_N2);
    CHECK(judge_growth(FIT_N, NULL, &steps, &j) == 0 && j.verdict == JUDGE_FAIL);
    steps = exact(FIT_N);
    CHECK(judge_growth(FIT_N, NULL, &steps, &j) == 0 && j.verdict == JUDGE_INCONCLUSIVE);
    CHECK_MSG(has(j.reason, "time was not measured"), "%s", j.reason);
}

/* Every combination: a class above the target never passes, the words
** agree with the verdict, and no reason is cut short. */
static void test_every_combination(void) {
    static const double shares[][2] = { { 1.0, 0.0 }, { 0.95, 0.04 }, { 0.8, 0.15 }, { 0.7, 0.28 },
                                        { 0.5, 0.45 }, { 0.4, 0.2 } };
    fit_result fits[FIT_CLASS_COUNT * FIT_CLASS_COUNT * 6 + 1];
    int count = 0, top, ru, k, t, a, b, bad = 0, longest = 0;
    for (top = 0; top < FIT_CLASS_COUNT; top++)
        for (ru = 0; ru < FIT_CLASS_COUNT; ru++)
            for (k = 0; k < 6; k++)
                if (ru != top) fits[count++] = fit_of(top, ru, shares[k][0], shares[k][1]);
    fits[count] = exact(FIT_N);
    fits[count++].distinct_n = 2;
    for (t = 0; t < FIT_CLASS_COUNT; t++)
        for (a = 0; a < count; a++) {
            judge_result one;
            fit_judge(&fits[a], t, &one);
            if (one.verdict == JUDGE_PASS && is_above(&fits[a], t)) bad++;
            for (b = -1; b < count; b++) {
                judge_result j;
                int len;
                judge_growth(t, &fits[a], b < 0 ? NULL : &fits[b], &j);
                len = (int)strlen(j.reason);
                if (len > longest) longest = len;
                if (len == 0 || len >= (int)sizeof j.reason - 1) bad++;
                /* A pass with time leaning above the target is rule 4b only:
                ** settled by lines that grow exactly as the target. */
                if (j.verdict == JUDGE_PASS && (has(j.reason, "faster than") || (is_above(&fits[a], t)
                    && !(j.decided_by == JUDGE_BY_STEPS && b >= 0 && fits[b].best == t)))) bad++;
                if (j.verdict == JUDGE_FAIL && !has(j.reason, "faster than")) bad++;
                if ((j.verdict == JUDGE_INCONCLUSIVE) != (j.decided_by == JUDGE_BY_NONE)) bad++;
            }
        }
    CHECK_MSG(bad == 0, "%d combinations broke the rule", bad);
    CHECK_MSG(longest < 250, "longest reason %d bytes", longest);
}

/* ------------------------------------------------------------ too slow */

static void test_too_slow(void) {
    judge_result j, growth, merged;
    CHECK(judge_too_slow(FIT_N, 4000, 2.0, 0.003, &j) == 0);
    CHECK(j.verdict == JUDGE_FAIL && j.decided_by == JUDGE_BY_TOO_SLOW);
    CHECK_MSG(strcmp(j.reason, "at n = 4000 yours took over 2 s; the reference takes 3 ms") == 0, "%s", j.reason);
    CHECK(judge_too_slow(FIT_N, 4000, 2.0, 0.0, &j) == 0 && j.verdict == JUDGE_FAIL);
    CHECK(has(j.reason, "too little to measure"));
    CHECK(judge_too_slow(FIT_N, 4000, 2.0, 0.5, &j) == 0);
    CHECK(j.verdict == JUDGE_INCONCLUSIVE && j.decided_by == JUDGE_BY_NONE);
    CHECK_MSG(has(j.reason, "500 ms there too"), "%s", j.reason);
    /* Merging: a too-slow fail overrides a pass; a growth fail keeps its class. */
    growth.verdict = JUDGE_PASS;
    growth.decided_by = JUDGE_BY_TIME;
    growth.disagree = 0;
    strcpy(growth.reason, "grows as O(n), within the target O(n)");
    CHECK(judge_too_slow(FIT_N, 4000, 2.0, 0.003, &j) == 0);
    CHECK(judge_merge_too_slow(&growth, &j, &merged) == 0);
    CHECK(merged.verdict == JUDGE_FAIL && merged.decided_by == JUDGE_BY_TOO_SLOW);
    growth.verdict = JUDGE_FAIL;
    strcpy(growth.reason, "grows as O(n^2), faster than the target O(n)");
    CHECK(judge_merge_too_slow(&growth, &j, &growth) == 0);    /* out may be growth */
    CHECK(growth.verdict == JUDGE_FAIL && growth.decided_by == JUDGE_BY_TIME);
    CHECK_MSG(strcmp(growth.reason, "grows as O(n^2), faster than the target O(n); at n = 4000 yours "
                     "took over 2 s; the reference takes 3 ms") == 0, "%s", growth.reason);
    growth.verdict = JUDGE_INCONCLUSIVE;
    CHECK(judge_too_slow(FIT_N, 4000, 2.0, 0.5, &j) == 0);
    CHECK(judge_merge_too_slow(&growth, &j, &merged) == 0 && merged.verdict == JUDGE_INCONCLUSIVE);
}

/* -------------------------------------------------------- bad arguments */

static void test_bad_arguments(void) {
    fit_result r = exact(FIT_N), broken = exact(FIT_N);
    judge_result out, before;
    memset(&out, 0x5a, sizeof out);
    before = out;
    CHECK(fit_judge(NULL, FIT_N, &out) == JUDGE_ERR_NULL);
    CHECK(fit_judge(&r, FIT_N, NULL) == JUDGE_ERR_NULL);
    CHECK(fit_judge(&r, -1, &out) == JUDGE_ERR_TARGET);
    CHECK(fit_judge(&r, FIT_CLASS_COUNT, &out) == JUDGE_ERR_TARGET);
    CHECK(fit_judge(&r, FIT_INCONCLUSIVE, &out) == JUDGE_ERR_TARGET);
    broken.best = 42;
    CHECK(fit_judge(&broken, FIT_N, &out) == JUDGE_ERR_ARG);
    broken = exact(FIT_N);
    broken.confidence = NAN;
    CHECK(fit_judge(&broken, FIT_N, &out) == JUDGE_ERR_ARG);
    CHECK(judge_growth(FIT_N, &r, &broken, &out) == JUDGE_ERR_ARG);
    CHECK(judge_growth(FIT_N, &broken, NULL, &out) == JUDGE_ERR_ARG);
    CHECK(judge_growth(7, &r, &r, &out) == JUDGE_ERR_TARGET);
    CHECK(judge_growth(FIT_N, &r, &r, NULL) == JUDGE_ERR_NULL);
    CHECK(judge_too_slow(FIT_N, NAN, 2.0, 0.1, &out) == JUDGE_ERR_ARG);
    CHECK(judge_too_slow(FIT_N, 0.0, 2.0, 0.1, &out) == JUDGE_ERR_ARG);
    CHECK(judge_too_slow(FIT_N, 10.0, 0.0, 0.1, &out) == JUDGE_ERR_ARG);
    CHECK(judge_too_slow(FIT_N, 10.0, 2.0, -1.0, &out) == JUDGE_ERR_ARG);
    CHECK(judge_too_slow(FIT_N, 10.0, INFINITY, 0.1, &out) == JUDGE_ERR_ARG);
    CHECK(judge_too_slow(-3, 10.0, 2.0, 0.1, &out) == JUDGE_ERR_TARGET);
    CHECK(judge_too_slow(FIT_N, 10.0, 2.0, 0.1, NULL) == JUDGE_ERR_NULL);
    CHECK(judge_merge_too_slow(&out, &out, &out) == JUDGE_ERR_ARG);    /* verdict 0x5a5a5a5a */
    CHECK(judge_merge_too_slow(NULL, &out, &out) == JUDGE_ERR_NULL);
    CHECK(memcmp(&out, &before, sizeof out) == 0);
    CHECK(strcmp(judge_verdict_label(9), "?") == 0 && strcmp(judge_decided_by_label(-1), "?") == 0);
    CHECK(strcmp(judge_error_message(JUDGE_ERR_TARGET), "the target is not a complexity class") == 0);
}

/* ------------------------------------------------------------ api_judge */

static void test_api_judge(void) {
    double tn[SERIES], ty[SERIES], sn[SERIES], sy[SERIES], one_n[3] = { 5, 5, 5 }, one_y[3] = { 1, 2, 3 };
    char *json;
    linear(tn, ty, 2e-6, 5e-9, 0.01);
    flat(sn, sy, 12.0);
    json = api_judge("O(n)", tn, ty, SERIES, sn, sy, SERIES, 0, 0, 0);
    CHECK(json != NULL);
    if (json) {
        CHECK_MSG(strncmp(json, "{\"target\":\"O(n)\",\"verdict\":\"pass\",\"reason\":\"time grows", 52) == 0,
                  "%s", json);
        CHECK(has(json, "\"decided_by\":\"time\",\"disagree\":false,\"sizes_needed\":0,\"time\":{\"verdict\":\"pass\","
                        "\"reason\":\"grows as O(n), within the target O(n)\",\"best\":\"O(n)\""));
        CHECK(has(json, "\"steps\":{\"verdict\":\"pass\",\"reason\":\"does not grow (O(1))"));
        CHECK(count_of(json, "\"reason\":") == 3 && count_of(json, "\"fit_reason\":") == 2);
        CHECK(has(json, "\"too_slow\":null}"));
        api_free(json);
    }
    json = api_judge("O(1)", tn, ty, SERIES, NULL, NULL, 0, 4000, 2.0, 0.003);
    CHECK(json && has(json, "\"verdict\":\"fail\"") && has(json, "\"steps\":null"));
    CHECK(json && has(json, "\"too_slow\":{\"n\":4000,\"seconds\":2,\"ref_seconds\":0.003,\"verdict\":\"fail\""));
    api_free(json);
    json = api_judge("O(n)", one_n, one_y, 3, NULL, NULL, 0, 0, 0, 0);
    CHECK_MSG(json && has(json, "\"time\":{\"verdict\":\"inconclusive\",\"reason\":\"only 1 size measured\","
                      "\"best\":\"inconclusive\",\"inconclusive\":true,\"points\":3,\"distinct_n\":1}"), "%s", json);
    api_free(json);
    json = api_judge("O(n)", NULL, NULL, 0, NULL, NULL, 0, 0, 0, 0);
    CHECK(json && has(json, "\"reason\":\"nothing was measured\"") && has(json, "\"decided_by\":\"none\""));
    api_free(json);
    json = api_judge("O(m)", tn, ty, SERIES, NULL, NULL, 0, 0, 0, 0);
    CHECK_MSG(json && has(json, "{\"error\":\"unknown target class 'O(m)': the classes are O(1), O(log n), "
                      "O(n), O(n log n), O(n^2), O(n^3), O(2^n)\"}"), "%s", json);
    api_free(json);
    one_y[1] = -1;
    json = api_judge("O(n)", one_n, one_y, 3, NULL, NULL, 0, 0, 0, 0);
    CHECK(json && has(json, "\"error\":\"time: every value must be"));
    api_free(json);
    json = api_judge("O(n)", tn, ty, SERIES, sn, NULL, 4, 0, 0, 0);
    CHECK(json && has(json, "\"error\":\"steps: missing input"));
    api_free(json);
    json = api_judge("O(n)", tn, ty, SERIES, NULL, NULL, 0, 4000, 0, 0.1);
    CHECK(json && has(json, "\"error\":\"too_slow"));
    api_free(json);
    json = api_judge("O(n)", tn, ty, SERIES, NULL, NULL, 0, NAN, 2, 0.1);
    CHECK(json && has(json, "\"error\":\"too_slow: n must be a number\""));
    api_free(json);
    json = api_judge(NULL, tn, ty, SERIES, NULL, NULL, 0, 0, 0, 0);
    CHECK(json && has(json, "\"error\""));
    api_free(json);
    json = api_classes();
    CHECK(json && strcmp(json, "{\"classes\":[\"O(1)\",\"O(log n)\",\"O(n)\",\"O(n log n)\",\"O(n^2)\","
                                "\"O(n^3)\",\"O(2^n)\"]}") == 0);
    api_free(json);
}

/* Failing each allocation of an api_judge call in turn: the call returns
** NULL or a whole JSON object, and nothing leaks. */
static void test_allocation_failure(void) {
    double tn[SERIES], ty[SERIES], sn[SERIES], sy[SERIES];
    size_t nth;
    int tried = 0;
    linear(tn, ty, 2e-6, 5e-9, 0.01);
    linear(sn, sy, 5.0, 3.0, 0.0);
    for (nth = 1; nth < 1000; nth++) {
        size_t live = mem_get_stats().live_blocks, failed;
        char *json;
        mem_fail_nth(nth);
        json = api_judge("O(n)", tn, ty, SERIES, sn, sy, SERIES, 4000, 2.0, 0.003);
        mem_fail_nth(0);
        failed = mem_injected_failures();
        CHECK_MSG(json == NULL || strncmp(json, "{\"target\":", 10) == 0
                  || strcmp(json, "{\"error\":\"time: out of memory\"}") == 0
                  || strcmp(json, "{\"error\":\"steps: out of memory\"}") == 0,
                  "allocation %zu: %s", nth, json);
        CHECK_MSG(json == NULL || json[strlen(json) - 1] == '}', "allocation %zu: cut short", nth);
        api_free(json);
        CHECK_MSG(mem_get_stats().live_blocks == live, "leak after failing allocation %zu", nth);
        if (failed == 0) break;     /* the call made fewer than nth allocations */
        tried++;
    }
    CHECK_MSG(tried > 5, "only %d allocations tried", tried);
}

/* ---------------------------------------------------------- jw_raw_members */

static void test_raw_members(void) {
    static const char *const renames[] = { "reason", "fit_reason", "drop", NULL, NULL };
    jw_buf w;
    char *text;
    jw_init(&w);
    jw_object_begin(&w);
    jw_kv_string(&w, "reason", "mine");
    jw_raw_members(&w, " { \"a\": [1, {\"b\": \"x,}\\\"\"}], \"reason\" : \"its\" , \"drop\":{\"c\":2},"
                       "\"z\":null }", renames);
    jw_kv_int(&w, "after", 1);
    jw_object_end(&w);
    text = jw_take(&w);
    CHECK_MSG(text && strcmp(text, "{\"reason\":\"mine\",\"a\":[1, {\"b\": \"x,}\\\"\"}],"
                                   "\"fit_reason\":\"its\",\"z\":null,\"after\":1}") == 0, "%s", text);
    mem_free(text);
    jw_init(&w);
    jw_object_begin(&w);
    jw_raw_members(&w, "{}", NULL);
    jw_object_end(&w);
    text = jw_take(&w);
    CHECK(text && strcmp(text, "{}") == 0);
    mem_free(text);
    jw_init(&w);
    jw_object_begin(&w);
    jw_raw_members(&w, "{\"a\":\"unterminated}", NULL);
    jw_object_end(&w);
    CHECK(jw_take(&w) == NULL);     /* malformed text fails the writer */
    jw_init(&w);
    jw_object_begin(&w);
    jw_raw_members(&w, "[1]", NULL);
    jw_object_end(&w);
    CHECK(jw_take(&w) == NULL);
}

int main(void) {
    test_tentative_pass();
    test_tentative_above_runner_up_meets();
    test_tentative_fail();
    test_confident_fail();
    test_inconclusive_fit();
    test_too_few_sizes();
    test_sizes_needed();
    test_steps_fail_overrides_time_pass();
    test_both_pass();
    test_far_above_fails();
    test_drift_is_no_fail();
    test_narrow_lean();
    test_memory_log_factor();
    test_c_level_loop();
    test_disagreement();
    test_memory_staircase();
    test_steps_missing();
    test_every_combination();
    test_too_slow();
    test_bad_arguments();
    test_api_judge();
    test_allocation_failure();
    test_raw_members();
    return check_report("test_judge");
}
