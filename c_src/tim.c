/*
** tim.c -- timing harness (see tim.h).
**
** Autorange as in Lib/timeit.py (3.14, Timer.autorange) but with the target
** batch length tied to the measured clock step: a batch must last at least
** resolution_factor clock steps, so quantization error stays below
** 1/resolution_factor of the batch.
*/
#include "tim.h"
#include "clk.h"

#include <math.h>
#include <string.h>

tim_options tim_default_options(void) {
    tim_options o;
    o.repeats = 5;
    o.min_batch_ns = 1e6;
    o.resolution_factor = 1000;
    o.budget_ns = 2e9;
    o.warmup_calls = 1;
    return o;
}

static int options_valid(const tim_options *o) {
    return o->repeats >= 1 && o->repeats <= TIM_MAX_REPEATS &&
           o->min_batch_ns >= 0 && o->resolution_factor >= 0 &&
           o->budget_ns > 0 && o->warmup_calls >= 0;
}

static double time_batch(tim_kernel kernel, void *arg, long loops) {
    double start = clk_now_ns();
    long i;
    for (i = 0; i < loops; i++) kernel(arg);
    return clk_now_ns() - start;
}

/* ------------------------------------------------------------- statistics */

static void sort_doubles(double *v, int count) {
    int i, j;
    for (i = 1; i < count; i++) {       /* insertion sort: count <= 31 */
        double x = v[i];
        for (j = i - 1; j >= 0 && v[j] > x; j--) v[j + 1] = v[j];
        v[j + 1] = x;
    }
}

static double quantile_sorted(const double *v, int count, double q) {
    double pos = q * (count - 1);
    int lo = (int)floor(pos);
    int hi = lo + 1 < count ? lo + 1 : lo;
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

void tim_summarize(const double *samples, int count, double *median, double *mad,
                   double *q1, double *q3) {
    double s[TIM_MAX_REPEATS], dev[TIM_MAX_REPEATS];
    int i;
    if (count <= 0 || count > TIM_MAX_REPEATS) {
        *median = *mad = *q1 = *q3 = 0;
        return;
    }
    memcpy(s, samples, sizeof(double) * (size_t)count);
    sort_doubles(s, count);
    *median = quantile_sorted(s, count, 0.5);
    *q1 = quantile_sorted(s, count, 0.25);
    *q3 = quantile_sorted(s, count, 0.75);
    for (i = 0; i < count; i++) dev[i] = fabs(s[i] - *median);
    sort_doubles(dev, count);
    *mad = quantile_sorted(dev, count, 0.5);
}

/* -------------------------------------------------------------- autorange */

/* Grow the loop count (1, 2, 5, 10, 20, 50, ...) until a batch is long
** enough, as timeit does; returns the loop count and the time spent. */
static long autorange(tim_kernel kernel, void *arg, double target_ns,
                      double budget_ns, double *spent_ns, double *last_batch_ns) {
    static const int steps[3] = {1, 2, 5};
    long base = 1, loops = 1;
    int k = 0;
    *spent_ns = 0;
    for (;;) {
        double t = time_batch(kernel, arg, loops);
        *spent_ns += t;
        *last_batch_ns = t;
        if (t >= target_ns || *spent_ns >= budget_ns) return loops;
        if (t > 0 && t * 2 < target_ns && loops > 10) {
            /* far from the target: jump straight to an estimate */
            double want = (double)loops * target_ns / t * 1.1;
            if (want > 1e9) want = 1e9;
            loops = (long)want;
            continue;
        }
        if (++k == 3) { k = 0; base *= 10; }
        loops = base * steps[k];
    }
}

static void fill_stats(tim_stats *st, const double *per_call, int count, long loops) {
    int i;
    memset(st, 0, sizeof *st);
    memcpy(st->samples_ns, per_call, sizeof(double) * (size_t)count);
    st->repeats = count;
    st->loops = loops;
    tim_summarize(per_call, count, &st->median_ns, &st->mad_ns, &st->q1_ns, &st->q3_ns);
    st->min_ns = per_call[0];
    for (i = 0; i < count; i++) {
        if (per_call[i] < st->min_ns) st->min_ns = per_call[i];
        if (per_call[i] > st->median_ns + 5 * st->mad_ns + 1e-12) st->outliers++;
    }
    st->per_call_ns = st->median_ns;
    st->uncertainty_ns = 1.4826 * st->mad_ns / sqrt((double)count);
}

int tim_measure(tim_kernel kernel, void *arg, const tim_options *opt, tim_stats *out) {
    double per_call[TIM_MAX_REPEATS];
    double target, spent, last, start;
    long loops;
    int i, done = 0, hit = 0;
    if (kernel == NULL || opt == NULL || out == NULL || !options_valid(opt)) return TIM_ERR_ARG;
    start = clk_now_ns();
    for (i = 0; i < opt->warmup_calls; i++) kernel(arg);
    target = clk_resolution_ns() * opt->resolution_factor;
    if (target < opt->min_batch_ns) target = opt->min_batch_ns;
    loops = autorange(kernel, arg, target, opt->budget_ns, &spent, &last);
    per_call[done++] = last / (double)loops;   /* the last autorange batch counts */
    while (done < opt->repeats) {
        if (clk_now_ns() - start >= opt->budget_ns) { hit = 1; break; }
        per_call[done++] = time_batch(kernel, arg, loops) / (double)loops;
    }
    fill_stats(out, per_call, done, loops);
    out->budget_hit = hit || spent >= opt->budget_ns;
    return 0;
}
