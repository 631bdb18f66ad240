/*
** bench_fit.c -- accuracy of the complexity classifier (fit.c) on a noisy
** synthetic suite: 7 classes x 12 measurement conditions x 3 seeds.
**
** Mirrors the way big_O's own tests generate data (a known class, plus
** noise) but adds what real timings do to it: a constant overhead that
** hides the growth at small n, 2-30% multiplicative noise, 5-10x spikes
** (GC pauses), 100 us and 1 ms timer ticks, narrow size ranges, only 4-5
** sizes, slow drift, and all of these at once. The suite was written
** before the classifier was tuned and is not adjusted to it; the
** classifier was tuned on other seeds (`bench_fit SEED`).
**
** Prints accuracy overall, per class and per condition, the confusion
** table (rows: true class, columns: verdict, inconclusive counts as wrong)
** and the flip rate between two reruns of the same case. The last line is
** `bench-fit: accuracy X% (N/M)`; the line before it says whether the
** targets (95% overall, 90% per class) are met. The exit status is 0
** either way: this is a measurement, not a gate.
**
** `bench_fit --sweep K [BASE]` runs the whole suite on K seed bases from
** BASE on, one line each (accuracy, the weakest class), so one lucky base
** cannot pass for a classifier that meets the targets. The verdict
** threshold (FIT_MIN_CONFIDENCE), the Occam factors and the priors were
** chosen on bases 1-24, 100-123 and 200-223 and on the real timings in
** tests/fit_real; `make bench-fit` sweeps bases 1000-1011, whose scores
** were read after each change but never tuned against.
**
** `bench_fit --heldout K [BASE]` runs K cases of a second generator (the
** held-out suite below: cache steps, overheads, GC spikes, coarse ticks
** and drift drawn together). Every run ends with a reliability table:
** the verdicts binned by the confidence they were stated with, against
** how often they were right. `bench_fit --fresh K [BASE]` runs K cases of
** a third generator (the fresh suite below: its own seed family and
** shapes, written before the cache-step work and never tuned on).
** `bench_fit --unseen` is what `make bench-fit` prints: the sweep of bases
** 1000-1011, 3500 held-out cases of base 5000 and 3500 fresh cases of base
** 9000, each with its table, and the three together.
** BENCH_FIT_CONF=1 prints every verdict's confidence (a developer aid).
**
** Accuracy is verdicts that name the true class over all cases; tentative
** verdicts (0.65-0.9) count when right, an inconclusive verdict never does,
** even when the true class is one of the two it names. That is kept on
** purpose: "undecided between O(n) and O(n log n)" tells a learner nothing
** about which, and counting it right when either was true would reward
** saying less. The reliability tables print how many inconclusive
** verdicts did name the truth, and how many verdicts were plainly wrong,
** so the two kinds of miss are visible apart; the generated suites print
** their confusion tables too.
*/
#include "fit.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEEDS 3
/* The unseen suites `make bench-fit` reports (--unseen): seed bases of
** this suite and a seed base of the held-out generator that no setting
** was chosen on. Tuning used bases 1-24, 100-123, 200-223 here and bases
** 7000-7001 of the held-out generator. One bug was found by reading a
** miss of held-out base 5000 (an O(n^3) with a cache step stated as O(1)
** at 0.89: the O(1) test ignored the step's gain, fit.c growth_loss); it
** was fixed without any setting chosen on these bases (5000: 3131 -> 3137
** of 3500, fresh 9000: 3238 -> 3240, sweep 1000-1011 unchanged). */
#define UNSEEN_SWEEP_BASE    1000
#define UNSEEN_SWEEP_BASES   12
#define UNSEEN_HELDOUT_BASE  5000
#define UNSEEN_HELDOUT_CASES 3500
#define MAX_POINTS 256

enum {
    M_CLEAN, M_OVERHEAD, M_NOISE2, M_NOISE10, M_NOISE30, M_SPIKES, M_QUANT100US,
    M_QUANT1MS, M_NARROW, M_FEW, M_DRIFT, M_MIXED, MODE_COUNT
};

static const char *const mode_names[MODE_COUNT] = {
    "clean", "overhead", "noise 2%", "noise 10%", "noise 30%", "spikes 5-10x",
    "tick 100us", "tick 1ms", "narrow 4x", "4-5 sizes", "drift", "all at once"
};

/* ------------------------------------------------------------------ PRNG */

typedef struct rng { uint64_t s; } rng;

static uint64_t splitmix(rng *r) {
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static double uniform(rng *r) {
    return (double)(splitmix(r) >> 11) * (1.0 / 9007199254740992.0);
}

static double between(rng *r, double lo, double hi) {
    return lo + (hi - lo) * uniform(r);
}

static double normal(rng *r) {
    double u = uniform(r), v = uniform(r);
    if (u < 1e-300) u = 1e-300;
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

/* ---------------------------------------------------------------- a case */

typedef struct condition {
    int sizes, repeats;
    double noise, spike_p, overhead, tick, drift;
    int round_robin;    /* measure all sizes once per pass (else size by size) */
    int narrow, few;
} condition;

typedef struct bench_case {
    int cls, mode, seed;
    int count;
    double n[MAX_POINTS], y[MAX_POINTS];
} bench_case;

static condition condition_of(int mode, rng *r, int seed) {
    condition c;
    memset(&c, 0, sizeof c);
    c.sizes = 8;
    c.repeats = 5;
    switch (mode) {
    case M_CLEAN: c.repeats = 1; break;
    case M_OVERHEAD: c.noise = 0.03; c.overhead = between(r, 0.1, 0.5); break;
    case M_NOISE2: c.noise = 0.02; break;
    case M_NOISE10: c.noise = 0.10; break;
    case M_NOISE30: c.noise = 0.30; c.sizes = 10; break;
    case M_SPIKES:
        c.noise = 0.05; c.spike_p = 0.1;
        if (seed % 2) { c.repeats = 1; c.sizes = 12; }   /* no repeats to vote */
        break;
    case M_QUANT100US: c.noise = 0.03; c.tick = 1e-4; break;
    case M_QUANT1MS: c.noise = 0.03; c.tick = 1e-3; break;
    case M_NARROW: c.noise = 0.02; c.narrow = 1; break;
    case M_FEW: c.noise = 0.05; c.repeats = 3; c.few = 1; c.sizes = 4 + seed % 2; break;
    case M_DRIFT:
        c.noise = 0.03; c.drift = between(r, 0.1, 0.3) * (seed % 2 ? -1 : 1);
        c.round_robin = seed % 2 == 0;
        break;
    default:    /* M_MIXED */
        c.noise = 0.10; c.spike_p = 0.05; c.overhead = between(r, 0.05, 0.2);
        c.tick = 1e-4; c.drift = 0.1; c.round_robin = 1;
        break;
    }
    return c;
}

/* Size range [lo, hi] for a class: what one would really time. */
static void size_range(int cls, const condition *c, rng *r, double *lo, double *hi) {
    if (cls == FIT_2N) {
        *lo = c->narrow ? floor(between(r, 14, 17)) : floor(between(r, 10, 13));
        *hi = c->narrow ? *lo + 4 : floor(between(r, 20, 25));
        return;
    }
    if (c->narrow) {
        *lo = pow(10.0, between(r, 2.5, 3.5));
        *hi = 4.0 * *lo;
        return;
    }
    if (cls == FIT_N3) { *lo = pow(10.0, between(r, 1.0, 2.0)); *hi = *lo * pow(10.0, between(r, 1.2, 2.0)); }
    else if (cls == FIT_N2) { *lo = pow(10.0, between(r, 1.3, 2.3)); *hi = *lo * pow(10.0, between(r, 1.5, 2.5)); }
    else { *lo = pow(10.0, between(r, 1.7, 3.0)); *hi = *lo * pow(10.0, between(r, 2.0, 3.0)); }
}

/* Distinct whole sizes, geometric (2^n: evenly spaced integers). */
static int make_sizes(int cls, const condition *c, double lo, double hi, double *sizes) {
    int i, m = 0, want = c->sizes;
    if (cls == FIT_2N && hi - lo + 1 < want) want = (int)(hi - lo + 1);
    for (i = 0; i < want; i++) {
        double t = want > 1 ? (double)i / (want - 1) : 0.0;
        double s = cls == FIT_2N ? floor(lo + t * (hi - lo) + 0.5)
                                 : floor(lo * pow(hi / lo, t) + 0.5);
        if (m == 0 || s > sizes[m - 1]) sizes[m++] = s;
    }
    return m;
}

static double truth(int cls, double n, double nmax, double scale, double overhead) {
    double f = cls == FIT_2N ? pow(2.0, n - nmax) : fit_basis(cls, n) / fit_basis(cls, nmax);
    return scale * (f + overhead);
}

static void add_point(bench_case *bc, const condition *c, rng *r, double n,
                      double nmax, double scale) {
    int i = bc->count;
    double t = (double)i / (c->sizes * c->repeats - 1 > 0 ? c->sizes * c->repeats - 1 : 1);
    double y = truth(bc->cls, n, nmax, scale, c->overhead);
    y *= exp(c->noise * normal(r));
    if (c->spike_p > 0 && uniform(r) < c->spike_p) y *= between(r, 5.0, 10.0);
    y *= exp(log(1.0 + fabs(c->drift)) * (c->drift < 0 ? -t : t));
    if (c->tick > 0) y = floor(y / c->tick + 0.5) * c->tick;
    bc->n[i] = n;
    bc->y[i] = y;
    bc->count++;
}

static void make_case(bench_case *bc, int cls, int mode, int seed, unsigned long base) {
    rng r;
    condition c;
    double lo, hi, sizes[32], scale;
    int m, i, k;
    r.s = base * 1000003ull + (uint64_t)(cls * 131 + mode * 7 + seed * 1009);
    splitmix(&r);
    c = condition_of(mode, &r, seed);
    size_range(cls, &c, &r, &lo, &hi);
    if (c.few && cls != FIT_2N) hi = lo * pow(10.0, between(&r, 1.5, 2.5));
    m = make_sizes(cls, &c, lo, hi, sizes);
    c.sizes = m;
    scale = c.tick > 0 ? between(&r, 20, 200) * c.tick : pow(10.0, between(&r, -6, -1));
    if (mode == M_MIXED) scale = between(&r, 50, 500) * c.tick;
    bc->cls = cls; bc->mode = mode; bc->seed = seed; bc->count = 0;
    if (c.round_robin) {
        for (k = 0; k < c.repeats; k++)
            for (i = 0; i < m; i++) add_point(bc, &c, &r, sizes[i], sizes[m - 1], scale);
    } else {
        for (i = 0; i < m; i++)
            for (k = 0; k < c.repeats; k++) add_point(bc, &c, &r, sizes[i], sizes[m - 1], scale);
    }
}

/* ------------------------------------------------------------------ run */

/* ------------------------------------------------------------------ run */

/* ---------------------------------------------------------- reliability */

/* Stated confidence against observed accuracy: every conclusive verdict
** falls in the bin of the confidence it was stated with. The issue's
** promise: at most 1% wrong at >= 0.9 and 0.5% at >= 0.99. */
#define BINS 3
static const double bin_lo[BINS] = {0.65, 0.9, 0.99};

typedef struct reliability {
    int stated[BINS], wrong[BINS];
    double conf_sum[BINS];
    int cases, right, inconclusive;
    int inconclusive_named;     /* ... of which the true class was one of the two named */
} reliability;

static void note_verdict(reliability *rl, int truth_cls, const fit_result *r) {
    int b = 0;
    if (getenv("BENCH_FIT_CONF"))   /* developer aid: every verdict's confidence */
        printf("conf %d %.6f %d\n", r->best != FIT_INCONCLUSIVE, r->confidence, r->best == truth_cls);
    rl->cases++;
    if (r->best == FIT_INCONCLUSIVE) {
        rl->inconclusive++;
        if (r->top == truth_cls || r->runner_up == truth_cls) rl->inconclusive_named++;
        return;
    }
    while (b + 1 < BINS && r->confidence >= bin_lo[b + 1]) b++;
    rl->stated[b]++;
    rl->conf_sum[b] += r->confidence;
    if (r->best == truth_cls) rl->right++;
    else rl->wrong[b]++;
}

static void add_reliability(reliability *to, const reliability *from) {
    int b;
    for (b = 0; b < BINS; b++) {
        to->stated[b] += from->stated[b];
        to->wrong[b] += from->wrong[b];
        to->conf_sum[b] += from->conf_sum[b];
    }
    to->cases += from->cases;
    to->right += from->right;
    to->inconclusive += from->inconclusive;
    to->inconclusive_named += from->inconclusive_named;
}

/* Wrong verdicts among those stated with confidence >= bin_lo[from]. */
static double wrong_share(const reliability *rl, int from, int *stated, int *wrong) {
    int b;
    *stated = *wrong = 0;
    for (b = from; b < BINS; b++) { *stated += rl->stated[b]; *wrong += rl->wrong[b]; }
    return *stated ? (double)*wrong / *stated : 0.0;
}

/* The table, the two promises and the accuracy; returns 1 when all hold. */
static int print_reliability(const char *title, const reliability *rl) {
    int b, s90, w90, s99, w99, ok;
    double e90, e99;
    printf("reliability, %s (%d cases):\n", title, rl->cases);
    printf("  %-13s %8s %8s %10s %10s\n", "stated", "verdicts", "wrong", "mean conf", "observed");
    for (b = 0; b < BINS; b++) {
        double hi = b + 1 < BINS ? bin_lo[b + 1] : 1.0;
        printf("  [%.2f, %.2f%c %8d %8d %10.4f %9.2f%%\n", bin_lo[b], hi, b + 1 < BINS ? ')' : ']',
               rl->stated[b], rl->wrong[b],
               rl->stated[b] ? rl->conf_sum[b] / rl->stated[b] : 0.0,
               rl->stated[b] ? 100.0 * (rl->stated[b] - rl->wrong[b]) / rl->stated[b] : 0.0);
    }
    printf("  %-13s %8d  (true class one of the two named: %d)\n", "inconclusive",
           rl->inconclusive, rl->inconclusive_named);
    e90 = wrong_share(rl, 1, &s90, &w90);
    e99 = wrong_share(rl, 2, &s99, &w99);
    ok = e90 <= 0.01 && e99 <= 0.005 && rl->right >= 0.97 * rl->cases;
    printf("  wrong at >= 0.9: %.2f%% (%d/%d, goal <= 1%%); at >= 0.99: %.2f%% (%d/%d, goal <= 0.5%%)\n",
           100.0 * e90, w90, s90, 100.0 * e99, w99, s99);
    printf("  accuracy %.1f%% (%d/%d, goal >= 97%%): %s\n", 100.0 * rl->right / rl->cases, rl->right,
           rl->cases, ok ? "met" : "MISSED");
    printf("  (accuracy = verdicts naming the true class / all cases: an inconclusive verdict names\n"
           "  no class and is not right, even when the true class is one of its two contenders;\n"
           "  wrong verdicts %d, %.1f%% of cases)\n",
           rl->cases - rl->right - rl->inconclusive,
           100.0 * (rl->cases - rl->right - rl->inconclusive) / (rl->cases ? rl->cases : 1));
    return ok;
}

/* ------------------------------------------------------------------ run */

typedef struct tally {
    int confusion[FIT_CLASS_COUNT][FIT_CLASS_COUNT + 1];
    int mode_ok[MODE_COUNT], mode_total[MODE_COUNT];
    int ok, total, flips, both_conclusive;
    reliability rel;
} tally;

static int verdict_of(const bench_case *bc, fit_result *r) {
    if (fit_classify(bc->n, bc->y, bc->count, r) != 0) {
        memset(r, 0, sizeof *r);
        r->best = FIT_INCONCLUSIVE;
    }
    return r->best;
}

static int verdict(const bench_case *bc) {
    fit_result r;
    return verdict_of(bc, &r);
}

static void show_failure(const bench_case *bc, int got) {
    fit_result r;
    fit_classify(bc->n, bc->y, bc->count, &r);
    printf("  miss: %-10s %-13s seed %d -> %-12s (top %s %.2f, 2nd %s; %s)\n",
           fit_class_label(bc->cls), mode_names[bc->mode], bc->seed, fit_class_label(got),
           fit_class_label(r.top), r.confidence, fit_class_label(r.runner_up), r.reason);
    if (getenv("BENCH_FIT_DUMP")) {     /* developer aid: the data and the fit */
        static char json[4096];
        int i;
        for (i = 0; i < bc->count; i++) printf("    %g,%.6g\n", bc->n[i], bc->y[i]);
        fit_result_to_json(&r, json, sizeof json);
        printf("    %s\n", json);
    }
}

static void run_case(tally *t, int cls, int mode, int seed, unsigned long base, int verbose) {
    static bench_case bc, rerun;
    fit_result r;
    int got, again;
    make_case(&bc, cls, mode, seed, base);
    got = verdict_of(&bc, &r);
    note_verdict(&t->rel, cls, &r);
    t->confusion[cls][got == FIT_INCONCLUSIVE ? FIT_CLASS_COUNT : got]++;
    t->mode_total[mode]++;
    t->total++;
    if (got == cls) { t->ok++; t->mode_ok[mode]++; }
    else if (verbose) show_failure(&bc, got);
    /* the same measurement again, fresh noise: does a verdict flip? */
    make_case(&rerun, cls, mode, seed, base + 7919);
    again = verdict(&rerun);
    if (got != FIT_INCONCLUSIVE && again != FIT_INCONCLUSIVE) {
        t->both_conclusive++;
        if (got != again) t->flips++;
    }
}

/* Rows: true class; columns: verdict, then inconclusive. */
static void print_confusion(const int conf[FIT_CLASS_COUNT][FIT_CLASS_COUNT + 1]) {
    int c, p;
    printf("\nconfusion (rows: true class, columns: verdict)\n%-11s", "");
    for (p = 0; p < FIT_CLASS_COUNT; p++) printf("%11s", fit_class_label(p));
    printf("%13s\n", "inconclusive");
    for (c = 0; c < FIT_CLASS_COUNT; c++) {
        printf("%-11s", fit_class_label(c));
        for (p = 0; p <= FIT_CLASS_COUNT; p++) printf(p < FIT_CLASS_COUNT ? "%11d" : "%13d", conf[c][p]);
        printf("\n");
    }
}

static void print_table(const tally *t) {
    print_confusion(t->confusion);
}

static void print_summary(const tally *t) {
    int c, p, meets = 1;
    printf("\nper class:\n");
    for (c = 0; c < FIT_CLASS_COUNT; c++) {
        int tot = 0;
        for (p = 0; p <= FIT_CLASS_COUNT; p++) tot += t->confusion[c][p];
        printf("  %-11s %5.1f%% (%d/%d)\n", fit_class_label(c),
               100.0 * t->confusion[c][c] / tot, t->confusion[c][c], tot);
        if (t->confusion[c][c] < 0.9 * tot) meets = 0;
    }
    printf("per condition:\n");
    for (c = 0; c < MODE_COUNT; c++)
        printf("  %-13s %5.1f%% (%d/%d)\n", mode_names[c],
               100.0 * t->mode_ok[c] / t->mode_total[c], t->mode_ok[c], t->mode_total[c]);
    print_table(t);
    printf("\nreruns with fresh noise: %d flips between two conclusive verdicts out of %d\n",
           t->flips, t->both_conclusive);
    if (t->ok < 0.95 * t->total) meets = 0;
    printf("targets (95%% overall, 90%% per class): %s\n", meets ? "met" : "MISSED");
    printf("bench-fit: accuracy %.1f%% (%d/%d)\n", 100.0 * t->ok / t->total, t->ok, t->total);
}

static void run_suite(tally *t, unsigned long base, int verbose) {
    int cls, mode, seed;
    for (cls = 0; cls < FIT_CLASS_COUNT; cls++)
        for (mode = 0; mode < MODE_COUNT; mode++)
            for (seed = 0; seed < SEEDS; seed++) run_case(t, cls, mode, seed, base, verbose);
}

/* One line per seed base; returns how many bases met both targets. The
** verdicts' stated confidences are added to *rel. */
static int sweep(unsigned long first, int bases, reliability *rel) {
    static tally t;
    int b, c, met = 0;
    for (b = 0; b < bases; b++) {
        int worst = 0, meets;
        memset(&t, 0, sizeof t);
        run_suite(&t, first + (unsigned long)b, 0);
        add_reliability(rel, &t.rel);
        for (c = 1; c < FIT_CLASS_COUNT; c++)
            if (t.confusion[c][c] < t.confusion[worst][worst]) worst = c;
        meets = t.ok >= 0.95 * t.total && t.confusion[worst][worst] >= 0.9 * (SEEDS * MODE_COUNT);
        met += meets;
        printf("  base %3lu: accuracy %5.1f%%, weakest %-10s %5.1f%%, flips %d/%d  %s\n",
               first + (unsigned long)b, 100.0 * t.ok / t.total, fit_class_label(worst),
               100.0 * t.confusion[worst][worst] / (SEEDS * MODE_COUNT), t.flips,
               t.both_conclusive, meets ? "met" : "MISSED");
    }
    printf("bench-fit sweep: targets met on %d of %d seed bases (%lu-%lu)\n", met, bases,
           first, first + (unsigned long)bases - 1);
    return met;
}


/* ------------------------------------------------------- held-out suite */

/* A second generator, written after the classifier was tuned and never
** tuned against, modelling what goes wrong in real timings rather than
** one failure at a time. Every case draws, independently:
**   - a class, 5-10 sizes over 8x-1000x (O(2^n): 5-10 consecutive or
**     evenly spaced n from 8-30), 1-7 repeats, interleaved or size by size;
**   - a cache step (O(n) and above, 40% of cases): the per-item cost rises
**     1.2-2.5x once n passes a cache size somewhere in the range, over
**     0.1-0.5 decades -- still the same class;
**   - an additive overhead (50%): 1-50% of the value at the largest n;
**   - noise 1-15%, GC spikes (30%: 1-8% of readings 2-20x slower),
**     a coarse timer (30%: 100 us or 1 ms, the smallest true value 3-300
**     ticks), and a drift of 5-30% over the run (30%). */
typedef struct heldout_case {
    bench_case bc;
    double cache_at, cache_factor, cache_width, overhead, noise, spike_p, tick, drift;
    int sizes, repeats, interleaved;
} heldout_case;

static double heldout_truth(const heldout_case *h, double n, double nmax) {
    int cls = h->bc.cls;
    double f = cls == FIT_2N ? pow(2.0, n - nmax) : fit_basis(cls, n) / fit_basis(cls, nmax);
    if (h->cache_factor > 1.0 && cls != FIT_O1 && cls != FIT_LOGN) {
        double z = (log10(n) - log10(h->cache_at)) / h->cache_width;
        f *= 1.0 + (h->cache_factor - 1.0) / (1.0 + exp(-4.0 * z));
    }
    return f + h->overhead;
}

static int heldout_sizes(int cls, rng *r, int want, double *sizes) {
    int i, m = 0;
    double lo, hi;
    if (cls == FIT_2N) {
        lo = floor(between(r, 8, 18));
        hi = uniform(r) < 0.5 ? lo + want - 1 : lo + floor(between(r, want, 14));
    } else {
        lo = pow(10.0, between(r, 1.0, 3.5));
        hi = lo * pow(10.0, between(r, 0.9, cls >= FIT_N2 ? 2.0 : 3.0));
        if (cls == FIT_N3 && hi > 3000) { lo *= 3000 / hi; hi = 3000; }
    }
    for (i = 0; i < want; i++) {
        double t = (double)i / (want - 1);
        double v = cls == FIT_2N ? floor(lo + t * (hi - lo) + 0.5) : floor(lo * pow(hi / lo, t) + 0.5);
        if (v < 1) v = 1;
        if (m == 0 || v > sizes[m - 1]) sizes[m++] = v;
    }
    return m;
}

static void heldout_point(heldout_case *h, rng *r, double n, double nmax, double scale,
                          int index, int total) {
    bench_case *bc = &h->bc;
    double y = scale * heldout_truth(h, n, nmax), t = total > 1 ? (double)index / (total - 1) : 0.0;
    y *= exp(h->noise * normal(r));
    if (h->spike_p > 0 && uniform(r) < h->spike_p) y *= exp(between(r, log(2.0), log(20.0)));
    y *= 1.0 + h->drift * t;
    if (h->tick > 0) y = floor(y / h->tick + 0.5) * h->tick;
    bc->n[bc->count] = n;
    bc->y[bc->count] = y;
    bc->count++;
}

static void make_heldout(heldout_case *h, int index, unsigned long base) {
    rng r;
    double sizes[16], scale, smallest;
    int m, i, k, total;
    memset(h, 0, sizeof *h);
    r.s = base * 0x2545F4914F6CDD1Dull + (uint64_t)index * 0x9E3779B97F4A7C15ull + 12345u;
    splitmix(&r);
    h->bc.cls = index % FIT_CLASS_COUNT;
    h->sizes = 5 + (int)(splitmix(&r) % 6);
    h->repeats = 1 + (int)(splitmix(&r) % 7);
    h->interleaved = uniform(&r) < 0.5;
    m = heldout_sizes(h->bc.cls, &r, h->sizes, sizes);
    if (uniform(&r) < 0.4) {
        h->cache_at = sizes[0] * pow(sizes[m - 1] / sizes[0], between(&r, 0.15, 0.85));
        h->cache_factor = between(&r, 1.2, 2.5);
        h->cache_width = between(&r, 0.1, 0.5);
    }
    if (uniform(&r) < 0.5) h->overhead = exp(between(&r, log(0.01), log(0.5)));
    h->noise = between(&r, 0.01, 0.15);
    if (uniform(&r) < 0.3) h->spike_p = between(&r, 0.01, 0.08);
    if (uniform(&r) < 0.3) h->drift = between(&r, 0.05, 0.3) * (uniform(&r) < 0.5 ? -1 : 1);
    smallest = heldout_truth(h, sizes[0], sizes[m - 1]);
    scale = pow(10.0, between(&r, -5, -1)) ;
    if (uniform(&r) < 0.3) {
        h->tick = uniform(&r) < 0.5 ? 1e-4 : 1e-3;
        scale = exp(between(&r, log(3.0), log(300.0))) * h->tick / smallest;
    }
    total = m * h->repeats;
    if (h->interleaved) {
        for (k = 0; k < h->repeats; k++)
            for (i = 0; i < m; i++) heldout_point(h, &r, sizes[i], sizes[m - 1], scale, h->bc.count, total);
    } else {
        for (i = 0; i < m; i++)
            for (k = 0; k < h->repeats; k++) heldout_point(h, &r, sizes[i], sizes[m - 1], scale, h->bc.count, total);
    }
}

static void show_heldout_miss(const heldout_case *h, const fit_result *r, int index) {
    printf("  held-out miss #%d: %-10s -> %-12s conf %.3f (top %s, 2nd %s) sizes %d x%d %.0f..%.0f"
           " cache %.2fx overhead %.2f noise %.2f spikes %.2f tick %g drift %+.2f\n",
           index, fit_class_label(h->bc.cls), fit_class_label(r->best), r->confidence,
           fit_class_label(r->top), fit_class_label(r->runner_up), h->sizes, h->repeats,
           h->bc.n[0], h->bc.n[h->bc.count - 1], h->cache_factor, h->overhead, h->noise,
           h->spike_p, h->tick, h->drift);
    if (getenv("BENCH_FIT_DUMP")) {
        int i;
        for (i = 0; i < h->bc.count; i++) printf("    %g,%.6g\n", h->bc.n[i], h->bc.y[i]);
    }
}

/* Per-class hits of a generated suite, and the confidences in rel. */
typedef struct class_tally {
    int ok[FIT_CLASS_COUNT], tot[FIT_CLASS_COUNT];
    int confusion[FIT_CLASS_COUNT][FIT_CLASS_COUNT + 1];
} class_tally;

/* Classify one generated case; returns 1 when the miss is worth showing. */
static int score_case(const bench_case *bc, class_tally *ct, reliability *rel, int verbose,
                      fit_result *r) {
    verdict_of(bc, r);
    note_verdict(rel, bc->cls, r);
    ct->tot[bc->cls]++;
    ct->confusion[bc->cls][r->best == FIT_INCONCLUSIVE ? FIT_CLASS_COUNT : r->best]++;
    if (r->best == bc->cls) { ct->ok[bc->cls]++; return 0; }
    return verbose && (r->best != FIT_INCONCLUSIVE || verbose > 1);
}

static void print_classes(const char *suite, unsigned long base, const class_tally *ct) {
    int c;
    printf("%s, seed base %lu, per class:", suite, base);
    for (c = 0; c < FIT_CLASS_COUNT; c++)
        printf(" %s %.1f%%", fit_class_label(c), ct->tot[c] ? 100.0 * ct->ok[c] / ct->tot[c] : 0.0);
    printf("\n");
    print_confusion(ct->confusion);
}

/* A generated suite: make fills the case for an index and base (the
** bench_case first, so show may read the whole case back), show prints a
** miss. cases cases from seed base; confidences into *rel. */
typedef const bench_case *(*make_fn)(int index, unsigned long base);
typedef void (*show_fn)(const bench_case *bc, const fit_result *r, int index);

static void run_generated(const char *suite, make_fn make, show_fn show, int cases,
                          unsigned long base, reliability *rel, int verbose) {
    class_tally ct;
    fit_result r;
    int i;
    memset(&ct, 0, sizeof ct);
    for (i = 0; i < cases; i++) {
        const bench_case *bc = make(i, base);
        if (score_case(bc, &ct, rel, verbose, &r)) show(bc, &r, i);
    }
    print_classes(suite, base, &ct);
}

static const bench_case *heldout_make(int index, unsigned long base) {
    static heldout_case h;
    make_heldout(&h, index, base);
    return &h.bc;
}

static void heldout_show(const bench_case *bc, const fit_result *r, int index) {
    show_heldout_miss((const heldout_case *)(const void *)bc, r, index);
}

static void heldout(int cases, unsigned long base, reliability *rel, int verbose) {
    run_generated("held-out suite", heldout_make, heldout_show, cases, base, rel, verbose);
}

/* --------------------------------------------------------- fresh suite */

/* A third generator, written before the cache-step work on the model and
** reported, never tuned on (tuning used the sweep bases above and the
** held-out generator). Its own seed family and shapes the other two lack,
** modelled on what the checker (web/py/check_session.py) measures: 4-10
** sizes over 1-3 decades (O(n^2): 1-2, O(n^3): 0.8-1.5; O(2^n): 6-16
** consecutive or every-other n), 2-7 repeats, interleaved or size by size.
** Hazards, each drawn on its own:
**   - overhead (55%): a constant 0.05-5x the work at the smallest n (the
**     other suites scale it by the largest n);
**   - cache steps (O(n) and up, 45%): one or two steps (L2, then L3),
**     each 1.1-2x, together at most 2.5x, anywhere from just below the
**     range to just above it, 0.05-0.4 decades wide;
**   - noise: 1-12%, log-normal or (40%) heavy-tailed (Student t, 3 dof);
**   - outliers (35%): 2-10% of readings 1.5-10x slower; warm-up (20%): the
**     first reading at each size 1.3-3x slower;
**   - a per-size wiggle (40%, 0.5-3%) the repeats share (alignment);
**   - a coarse timer (25%: 100 us or 1 ms, the smallest value 5-500 ticks)
**     and a drift of 3-20% over the run (20%).
** Base 9000 was read twice: before the cache-step work (91.3%, 3197/3500)
** and after it (92.5%, 3238/3500); that work was tuned on held-out base
** 7000 and the real timings only. A third read after the O(1)-test fix
** (see UNSEEN_HELDOUT_BASE): 92.6%, 3240/3500. */
#define FRESH_BASE  9000
#define FRESH_CASES 3500

typedef struct fresh_case {
    bench_case bc;
    double step_at[2], step_factor[2], step_width[2];
    double overhead, noise, spike_p, spike_hi, warmup, wiggle, tick, drift;
    int steps, heavy, sizes, repeats, interleaved;
} fresh_case;

static double fresh_work(const fresh_case *f, double n, double nmax) {
    int cls = f->bc.cls, s;
    double w = cls == FIT_2N ? pow(2.0, n - nmax) : fit_basis(cls, n) / fit_basis(cls, nmax);
    for (s = 0; s < f->steps; s++) {
        double z = (log10(n) - log10(f->step_at[s])) / f->step_width[s];
        w *= 1.0 + (f->step_factor[s] - 1.0) / (1.0 + exp(-4.4 * z));
    }
    return w;
}

static int fresh_sizes(int cls, rng *r, int want, double *sizes) {
    double lo, hi, dec = cls >= FIT_N3 ? between(r, 0.8, 1.5)
                       : cls == FIT_N2 ? between(r, 1.0, 2.0) : between(r, 1.0, 3.0);
    int i, m = 0, every = cls == FIT_2N && uniform(r) < 0.4 ? 2 : 1;
    if (cls == FIT_2N) {
        lo = floor(between(r, 10, 16));
        hi = lo + every * (want - 1);
        if (hi - lo < 6) hi = lo + 6;
    } else {
        lo = floor(pow(10.0, between(r, 1.0, 3.0)));
        if (cls == FIT_N3 && lo > 100) lo = 100;
        hi = lo * pow(10.0, dec);
    }
    for (i = 0; i < want; i++) {
        double t = (double)i / (want - 1);
        double v = cls == FIT_2N ? floor(lo + t * (hi - lo) + 0.5) : floor(lo * pow(hi / lo, t) + 0.5);
        if (m == 0 || v > sizes[m - 1]) sizes[m++] = v;
    }
    return m;
}

/* Student t with 3 degrees of freedom, scaled to unit variance. */
static double heavy_tail(rng *r) {
    double z = normal(r), c = 0.0;
    int i;
    for (i = 0; i < 3; i++) { double g = normal(r); c += g * g; }
    return z / sqrt(c / 3.0) / sqrt(3.0);
}

static void fresh_hazards(fresh_case *f, rng *r, const double *sizes, int m) {
    int s;
    if (uniform(r) < 0.55) f->overhead = exp(between(r, log(0.05), log(5.0)))
                                         * fresh_work(f, sizes[0], sizes[m - 1]);
    if (f->bc.cls >= FIT_N && f->bc.cls <= FIT_N3 && uniform(r) < 0.45) {
        double lo = log10(sizes[0]), hi = log10(sizes[m - 1]), left = 2.5;
        f->steps = uniform(r) < 0.35 ? 2 : 1;
        for (s = 0; s < f->steps; s++) {
            f->step_at[s] = pow(10.0, between(r, lo - 0.1, hi + 0.1));
            f->step_factor[s] = between(r, 1.1, s == 0 ? 2.0 : (left < 2.0 ? left : 2.0));
            f->step_width[s] = between(r, 0.05, 0.4);
            left /= f->step_factor[s];
            if (left < 1.1) left = 1.1;
        }
    }
    f->noise = between(r, 0.01, 0.12);
    f->heavy = uniform(r) < 0.4;
    if (uniform(r) < 0.35) { f->spike_p = between(r, 0.02, 0.10); f->spike_hi = between(r, 1.5, 10.0); }
    if (uniform(r) < 0.2) f->warmup = between(r, 1.3, 3.0);
    if (uniform(r) < 0.4) f->wiggle = between(r, 0.005, 0.03);
    if (uniform(r) < 0.25) f->tick = uniform(r) < 0.5 ? 1e-4 : 1e-3;
    if (uniform(r) < 0.2) f->drift = between(r, 0.03, 0.2) * (uniform(r) < 0.5 ? -1 : 1);
}

static void fresh_point(fresh_case *f, rng *r, double n, double base_y, int first, int total) {
    bench_case *bc = &f->bc;
    double t = total > 1 ? (double)bc->count / (total - 1) : 0.0, y = base_y;
    y *= exp(f->noise * (f->heavy ? heavy_tail(r) : normal(r)));
    if (f->spike_p > 0 && uniform(r) < f->spike_p) y *= between(r, 1.5, f->spike_hi);
    if (first && f->warmup > 0) y *= f->warmup;
    y *= 1.0 + f->drift * t;
    if (f->tick > 0) y = floor(y / f->tick + 0.5) * f->tick;
    bc->n[bc->count] = n;
    bc->y[bc->count] = y;
    bc->count++;
}

static void make_fresh(fresh_case *f, int index, unsigned long base) {
    rng r;
    double sizes[16], level[16], scale;
    int m, i, k, total, few;
    memset(f, 0, sizeof *f);
    r.s = (base ^ 0xD1B54A32D192ED03ull) * 0xAEF17502108EF2D9ull + (uint64_t)index * 0x632BE59BD9B4E019ull;
    splitmix(&r);
    f->bc.cls = index % FIT_CLASS_COUNT;
    few = uniform(&r) < 0.25;
    f->sizes = few ? 4 + (int)(splitmix(&r) % 2) : 6 + (int)(splitmix(&r) % 5);
    f->repeats = 2 + (int)(splitmix(&r) % 6);
    f->interleaved = uniform(&r) < 0.5;
    m = fresh_sizes(f->bc.cls, &r, f->sizes, sizes);
    fresh_hazards(f, &r, sizes, m);
    scale = pow(10.0, between(&r, -5, -1));
    if (f->tick > 0)
        scale = exp(between(&r, log(5.0), log(500.0))) * f->tick
                / (fresh_work(f, sizes[0], sizes[m - 1]) + f->overhead);
    for (i = 0; i < m; i++)
        level[i] = scale * (fresh_work(f, sizes[i], sizes[m - 1]) + f->overhead)
                   * exp(f->wiggle * normal(&r));
    total = m * f->repeats;
    for (k = 0; k < (f->interleaved ? f->repeats : m); k++)
        for (i = 0; i < (f->interleaved ? m : f->repeats); i++) {
            int at = f->interleaved ? i : k;
            fresh_point(f, &r, sizes[at], level[at], f->interleaved ? k == 0 : i == 0, total);
        }
}

static void show_fresh_miss(const fresh_case *f, const fit_result *r, int index) {
    printf("  fresh miss #%d: %-10s -> %-12s conf %.3f (top %s, 2nd %s) sizes %d x%d %.0f..%.0f"
           " steps %d (%.2fx, %.2fx) overhead %.3g noise %.2f%s spikes %.2f warm %.1f wiggle %.3f"
           " tick %g drift %+.2f\n",
           index, fit_class_label(f->bc.cls), fit_class_label(r->best), r->confidence,
           fit_class_label(r->top), fit_class_label(r->runner_up), f->sizes, f->repeats,
           f->bc.n[0], f->bc.n[f->bc.count - 1], f->steps, f->step_factor[0], f->step_factor[1],
           f->overhead, f->noise, f->heavy ? "t" : "", f->spike_p, f->warmup, f->wiggle, f->tick,
           f->drift);
}

static const bench_case *fresh_make(int index, unsigned long base) {
    static fresh_case f;
    make_fresh(&f, index, base);
    return &f.bc;
}

static void fresh_show(const bench_case *bc, const fit_result *r, int index) {
    show_fresh_miss((const fresh_case *)(const void *)bc, r, index);
}

static void fresh(int cases, unsigned long base, reliability *rel, int verbose) {
    run_generated("fresh suite", fresh_make, fresh_show, cases, base, rel, verbose);
}

int main(int argc, char **argv) {
    static tally t;
    static reliability rs, rh, rf, all;
    unsigned long base = 1;
    int verbose = 0, i, bases = 0, held = 0, unseen = 0, fresh_cases = 0;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0) verbose++;
        else if (strcmp(argv[i], "--sweep") == 0 && i + 1 < argc) bases = atoi(argv[++i]);
        else if (strcmp(argv[i], "--heldout") == 0 && i + 1 < argc) held = atoi(argv[++i]);
        else if (strcmp(argv[i], "--fresh") == 0 && i + 1 < argc) fresh_cases = atoi(argv[++i]);
        else if (strcmp(argv[i], "--unseen") == 0) unseen = 1;
        else base = strtoul(argv[i], NULL, 10);
    }
    if (unseen) {       /* what `make bench-fit` reports: both unseen suites */
        sweep(UNSEEN_SWEEP_BASE, UNSEEN_SWEEP_BASES, &rs);
        print_reliability("seed bases never tuned on", &rs);
        heldout(UNSEEN_HELDOUT_CASES, UNSEEN_HELDOUT_BASE, &rh, verbose);
        print_reliability("held-out generator", &rh);
        fresh(FRESH_CASES, FRESH_BASE, &rf, verbose);
        print_reliability("fresh generator", &rf);
        add_reliability(&all, &rs);
        add_reliability(&all, &rh);
        add_reliability(&all, &rf);
        print_reliability("all three unseen suites", &all);
        return 0;
    }
    if (fresh_cases > 0) {
        fresh(fresh_cases, base, &rf, verbose ? verbose : 1);
        print_reliability("fresh generator", &rf);
        return 0;
    }
    if (held > 0) {
        heldout(held, base, &rh, verbose ? verbose : 1);
        print_reliability("held-out generator", &rh);
        return 0;
    }
    if (bases > 0) {
        sweep(base, bases, &rs);
        print_reliability("sweep", &rs);
        return 0;
    }
    printf("bench-fit: %d classes x %d conditions x %d seeds (seed base %lu)\n",
           FIT_CLASS_COUNT, MODE_COUNT, SEEDS, base);
    run_suite(&t, base, verbose);
    print_summary(&t);
    print_reliability("this suite", &t.rel);
    return 0;
}
