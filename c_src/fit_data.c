/*
** fit_data.c -- the classifier's data preparation: sort the points by n,
** detect the timer quantum, remove drift, and reduce the repeats at each n
** to one robust centre with a noise estimate.
**
** Mirrors Trend Prof (Goldsmith, Aiken, Wilkerson, "Measuring Empirical
** Computational Complexity", FSE 2007), which also works on aggregated
** per-size observations, and the "median of repeats, MAD as spread" habit
** of timeit/pyperf. Different from both: spikes (GC pauses) are dropped
** against a pooled robust scale and the rest averaged in log space (as
** robust as a median, as efficient as a mean); the pooled spread of the
** repeats becomes a standard error for each centre, so a fit can be judged
** against the noise; a value quantum (timer tick, integer counts) is
** recognised and each reading becomes an interval; and a slow drift over
** measurement order is estimated from within-size residuals and divided
** out when the sizes were measured interleaved.
*/
#include "always.h"
#include "fit_data.h"
#include "mem.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* More distinct sizes than this are pooled into this many bins equal in
** log n before the fit (bin_sizes): the fit's cost grows about as the
** square of the sizes (the cache-step search tries each size as the step,
** each try a fit). 48 keeps every demo's series whole (at most 40 points)
** and 10^5 CSV points under a second; 128 took 2 s. */
#define FIT_MAX_SIZES 48

#define SPIKE_SIGMAS 5.0    /* a reading this many robust sigmas off is a spike */

typedef struct raw_point {
    double n, y;
    int idx;            /* measurement order: position in the input */
} raw_point;

/* ------------------------------------------------------------- sorting */

static int raw_before(const raw_point *p, const raw_point *q) {
    return p->n < q->n || (p->n == q->n && p->idx < q->idx);
}

/* Heap sort: O(N log N), no allocation, and fully deterministic because
** the key (n, idx) is unique. qsort may allocate behind mem.c's back. */
static void raw_sift(raw_point *a, int root, int end) {
    while (2 * root + 1 < end) {
        int child = 2 * root + 1;
        raw_point t;
        if (child + 1 < end && raw_before(&a[child], &a[child + 1])) child++;
        if (!raw_before(&a[root], &a[child])) return;
        t = a[root]; a[root] = a[child]; a[child] = t;
        root = child;
    }
}

static void raw_sort(raw_point *a, int count) {
    int i;
    for (i = count / 2 - 1; i >= 0; i--) raw_sift(a, i, count);
    for (i = count - 1; i > 0; i--) {
        raw_point t = a[0]; a[0] = a[i]; a[i] = t;
        raw_sift(a, 0, i);
    }
}

static void dbl_sift(double *a, int root, int end) {
    while (2 * root + 1 < end) {
        int child = 2 * root + 1;
        double t;
        if (child + 1 < end && a[child] < a[child + 1]) child++;
        if (!(a[root] < a[child])) return;
        t = a[root]; a[root] = a[child]; a[child] = t;
        root = child;
    }
}

void fit_sort_doubles(double *v, int count) {
    int i;
    for (i = count / 2 - 1; i >= 0; i--) dbl_sift(v, i, count);
    for (i = count - 1; i > 0; i--) {
        double t = v[0]; v[0] = v[i]; v[i] = t;
        dbl_sift(v, 0, i);
    }
}

double fit_median_sorted(const double *v, int count) {
    if (count <= 0) return 0.0;
    return count % 2 ? v[count / 2] : 0.5 * (v[count / 2 - 1] + v[count / 2]);
}

/* ------------------------------------------------------------- quantum */

/* Greatest common divisor of two positive reals, to within eps. */
static double real_gcd(double a, double b, double eps) {
    int guard;
    if (a < b) { double t = a; a = b; b = t; }
    for (guard = 0; b > eps && guard < 200; guard++) {
        double r = fmod(a, b);
        if (r > b - eps || r < eps) r = 0.0;
        a = b;
        b = r;
    }
    return a;
}

/* Timers tick (100 us in browsers, 1 ms in some) and counts are integers:
** if every positive value is a whole multiple of one q, each value is only
** known to +-q/2. Noisy real-valued data drives the gcd below the tolerance,
** and then no quantum is reported. Whole numbers without zero readings are
** counts, quantum 1, even when they share a factor: 3n comparisons are all
** multiples of 3, but nothing rounded them. */
static double detect_quantum(const raw_point *p, int count, double ymax) {
    double eps = 1e-9 * ymax, g = 0.0;
    int i, whole = 1, zeros = 0;
    for (i = 0; i < count; i++) {
        if (p[i].y <= 0.0) zeros = 1;
        else if (fabs(p[i].y - floor(p[i].y + 0.5)) > 1e-9 * p[i].y) whole = 0;
    }
    /* Whole numbers without zero readings are counts: quantum 1 however
    ** large they get (40n + 1 up to n = 200000 is still a count). */
    if (whole && !zeros) return 1.0;
    for (i = 0; i < count; i++) {
        if (p[i].y <= 0.0) continue;
        g = g == 0.0 ? p[i].y : real_gcd(g, p[i].y, eps);
        if (g < 1e-6 * ymax) return whole ? 1.0 : 0.0;
    }
    return g;
}

/* ---------------------------------------------------------------- noise */

/* Log values of group [lo, hi) into out (sorted); 0 if any value is at or
** below the floor (then the group says nothing about relative noise). */
static int group_logs(const raw_point *p, int lo, int hi, double floor_value,
                      double *out) {
    int i;
    for (i = lo; i < hi; i++) {
        if (p[i].y <= floor_value || p[i].y <= 0.0) return 0;
        out[i - lo] = log(p[i].y);
    }
    fit_sort_doubles(out, hi - lo);
    return 1;
}

static int group_end(const raw_point *p, int lo, int count) {
    int hi = lo + 1;
    while (hi < count && p[hi].n == p[lo].n) hi++;
    return hi;
}

/* Sizes whose repeats can say something about relative noise: at least 2
** readings, none at the floor, median at least 8 quanta (below that the
** spread is mostly the tick). Fills logs (sorted); returns k or 0. */
static int usable_group(const raw_point *p, int lo, int hi, double q,
                        double floor_value, double *logs) {
    int k = hi - lo;
    if (k < 2 || !group_logs(p, lo, hi, floor_value, logs)) return 0;
    return exp(fit_median_sorted(logs, k)) >= 8.0 * q ? k : 0;
}

/* Robust level used only to recognise spikes: 1.4826 times the median,
** over all readings except each odd-sized group's middle one (whose
** deviation is 0 by construction), of |log y - its size's median|. Pooling
** the readings, not per-size MADs, keeps it sane with 3 repeats. */
static double spike_scale(const raw_point *p, int count, double q, double floor_value,
                          double *logs, double *dev) {
    int lo = 0, used = 0;
    while (lo < count) {
        int hi = group_end(p, lo, count), k = usable_group(p, lo, hi, q, floor_value, logs);
        int i;
        for (i = 0; i < k; i++) {
            if (k % 2 && i == k / 2) continue;
            dev[used++] = fabs(logs[i] - fit_median_sorted(logs, k));
        }
        lo = hi;
    }
    fit_sort_doubles(dev, used);
    return 1.4826 * fit_median_sorted(dev, used);
}

/* How far (in log) a reading may sit from its size's median before it is
** called a spike: SPIKE_SIGMAS robust sigmas, but never less than two
** ticks, or a timer that mostly reads the same value would make every
** differing reading a "spike". */
static double spike_threshold(double s0, double q, double log_median) {
    double thr = SPIKE_SIGMAS * s0, ticks = q > 0.0 ? log1p(2.0 * q / exp(log_median)) : 0.0;
    return thr > ticks ? thr : ticks;
}

/* The readings of a size (sorted logs) within thr of its median, into out
** (which may be logs itself); returns how many. The middle reading(s) are
** always kept, so the count is at least 1. */
static int kept_readings(const double *logs, int k, double thr, double *out) {
    double med = fit_median_sorted(logs, k), mid = fabs(logs[k / 2] - med);
    int i, kept = 0;
    if (thr < mid) thr = mid;
    for (i = 0; i < k; i++) if (fabs(logs[i] - med) <= thr) out[kept++] = logs[i];
    return kept;
}

/* Sum of squared deviations from the mean. */
static double sum_squares(const double *v, int count) {
    double mean = 0.0, ss = 0.0;
    int i;
    for (i = 0; i < count; i++) mean += v[i];
    mean /= count;
    for (i = 0; i < count; i++) ss += (v[i] - mean) * (v[i] - mean);
    return ss;
}

/* sigma_rep and nu_rep: the pooled within-size standard deviation of log y
** (every ordinary reading counts, so it is nearly fully efficient), after
** dropping spikes. The tick's share of the spread is left in: readings
** that flip between two ticks are noise the fit has to allow for.
** scratch holds 3*count doubles. */
static void repeat_noise(const raw_point *p, int count, double q, double floor_value,
                         double *scratch, double *sigma, double *nu, double *spike) {
    double *logs = scratch, *tmp = scratch + count;
    double s0 = spike_scale(p, count, q, floor_value, logs, scratch + 2 * count);
    double ss_all = 0.0, dof_all = 0.0;
    int lo = 0;
    while (lo < count) {
        int hi = group_end(p, lo, count), k = usable_group(p, lo, hi, q, floor_value, logs);
        if (k) {
            double thr = spike_threshold(s0, q, fit_median_sorted(logs, k));
            int kept = kept_readings(logs, k, thr, tmp);
            if (kept >= 2) {
                ss_all += sum_squares(tmp, kept);
                dof_all += kept - 1;
            }
        }
        lo = hi;
    }
    *sigma = dof_all > 0 ? sqrt(ss_all / dof_all) : 0.0;
    *nu = dof_all;
    *spike = s0;
}

/* ---------------------------------------------------------------- drift */

/* Sum of squared deviations of 0..count-1 from their mean. */
static double index_spread(int count) {
    return (double)count * ((double)count * count - 1.0) / 12.0;
}

/* A slow multiplicative drift (thermal throttling, a growing heap) shows
** up inside each size's repeats as a trend over measurement order. Fit the
** common slope of log y on the input index within sizes, and divide it out
** of every point when it is clearly (3 standard errors) there. When sizes
** are measured one after another the drift is indistinguishable from
** growth and nothing is changed: that case is a known limit. */
static double estimate_drift(const raw_point *p, int count, double floor_value,
                             double sigma, double *logs) {
    double sxy = 0.0, sxx = 0.0, d, se;
    int lo = 0;
    if (sigma <= 0.0) return 0.0;
    while (lo < count) {
        int hi = group_end(p, lo, count), k = hi - lo, i;
        double mean_t = 0.0, med;
        if (k >= 3 && group_logs(p, lo, hi, floor_value, logs)) {
            med = fit_median_sorted(logs, k);
            for (i = lo; i < hi; i++) mean_t += p[i].idx;
            mean_t /= k;
            for (i = lo; i < hi; i++) {
                double e = log(p[i].y) - med, t = p[i].idx - mean_t;
                if (e > 3.0 * sigma) e = 3.0 * sigma;     /* spikes */
                if (e < -3.0 * sigma) e = -3.0 * sigma;
                sxy += e * t;
                sxx += t * t;
            }
        }
        lo = hi;
    }
    /* Only when sizes were interleaved (most of the index spread lies
    ** within sizes): the correction is the slope times the whole run, and
    ** a slope learnt from short within-size stretches would be amplified
    ** into a fake growth. */
    if (sxx <= 0.5 * index_spread(count)) return 0.0;
    d = sxy / sxx;
    se = sigma / sqrt(sxx);
    return fabs(d) > 3.0 * se ? d : 0.0;
}

static void remove_drift(raw_point *p, int count, double d) {
    int i;
    double mid = 0.5 * (count - 1);
    if (d == 0.0) return;
    for (i = 0; i < count; i++) p[i].y *= exp(-d * (p[i].idx - mid));
}

/* ---------------------------------------------------------------- bins */

/* Above FIT_MAX_SIZES distinct sizes (a CSV of real data, 10^5 points each
** at its own n), the sizes are pooled into FIT_MAX_SIZES bins equally
** wide in log n before anything else, so that the per-size work (up to
** a few ms for each size when a cache step is weighed) stays bounded and
** the whole fit costs O(N log N). Within a bin, every reading is moved to
** the bin's middle size along the bin's own log-log line (least squares of
** log y on log n over the bin's positive readings), so the readings
** become repeats of one size and their spread stays the noise, not the
** growth across the bin. The bins are narrow (1/FIT_MAX_SIZES of the log
** range each), so the move is small whatever the class. Series with at
** most FIT_MAX_SIZES sizes (everything the page sends) are not touched. */
static double bin_local_slope(const raw_point *p, int lo, int hi) {
    int i, used = 0;
    double mx = 0.0, my = 0.0, sxx = 0.0, sxy = 0.0;
    for (i = lo; i < hi; i++) {
        if (!(p[i].y > 0.0)) continue;
        mx += log(p[i].n);
        my += log(p[i].y);
        used++;
    }
    if (used < 2) return 0.0;
    mx /= used;
    my /= used;
    for (i = lo; i < hi; i++) {
        double dx;
        if (!(p[i].y > 0.0)) continue;
        dx = log(p[i].n) - mx;
        sxx += dx * dx;
        sxy += dx * (log(p[i].y) - my);
    }
    return sxx > 0.0 ? sxy / sxx : 0.0;
}

static void bin_one(raw_point *p, int lo, int hi) {
    int i;
    double centre = p[lo + (hi - lo) / 2].n, slope;
    if (p[lo].n == p[hi - 1].n) return;       /* one size already */
    slope = bin_local_slope(p, lo, hi);
    for (i = lo; i < hi; i++) {
        if (p[i].y > 0.0) p[i].y *= exp(-slope * (log(p[i].n) - log(centre)));
        p[i].n = centre;
    }
}

/* p sorted by (n, idx); leaves it sorted by (n, idx) again. */
static void bin_sizes(raw_point *p, int count) {
    double lmin = log(p[0].n), width = (log(p[count - 1].n) - lmin) / FIT_MAX_SIZES;
    int lo = 0, b;
    for (b = 0; b < FIT_MAX_SIZES && lo < count; b++) {
        double edge = lmin + (b + 1) * width;
        int hi = lo;
        while (hi < count && (b == FIT_MAX_SIZES - 1 || log(p[hi].n) < edge)) hi++;
        if (hi > lo) bin_one(p, lo, hi);
        lo = hi;
    }
    raw_sort(p, count);
}

/* ------------------------------------------------------------ aggregate */

static int count_sizes(const raw_point *p, int count) {
    int lo = 0, m = 0;
    while (lo < count) { lo = group_end(p, lo, count); m++; }
    return m;
}

static int alloc_sizes(fit_data *d, int m) {
    size_t nd = 6 * (size_t)m, ni = 2 * (size_t)m;
    char *block = mem_alloc(nd * sizeof(double) + ni * sizeof(int));   /* < raw block */
    if (block == NULL) return FIT_ERR_NOMEM;
    d->block = block;
    d->n = (double *)block;
    d->y = d->n + m;
    d->logv = d->y + m;
    d->lo = d->logv + m;
    d->hi = d->lo + m;
    d->var = d->hi + m;
    d->k = (int *)(d->var + m);
    d->cens = d->k + m;
    d->m = m;
    return 0;
}

/* Variance of the median of k readings relative to one reading: exact for
** k = 1, 2, and pi / (2k + 1) (close to the tabulated values) beyond. */
static double median_var(int k) {
    return k <= 2 ? 1.0 / k : 3.14159265358979 / (2.0 * k + 1.0);
}

/* The centre of one size's readings and its variance relative to one
** reading. Where the repeats are clean (all above the floor, well above the
** tick), the mean of log y after dropping spikes (the readings repeat_noise
** would drop): as efficient as a mean, as robust as a median against GC
** pauses. Elsewhere (zeros, a few ticks) the plain median. */
static double group_centre(const fit_data *d, const raw_point *p, int lo, int hi,
                           double *tmp, double *var) {
    int i, k = hi - lo, kept;
    double mean = 0.0;
    if (usable_group(p, lo, hi, d->quantum, d->floor_value, tmp)) {
        double thr = spike_threshold(d->spike_scale, d->quantum, fit_median_sorted(tmp, k));
        kept = kept_readings(tmp, k, thr, tmp);     /* in place: out never passes in */
        for (i = 0; i < kept; i++) mean += tmp[i];
        *var = 1.0 / kept;
        return exp(mean / kept);
    }
    for (i = lo; i < hi; i++) tmp[i - lo] = p[i].y;
    fit_sort_doubles(tmp, k);
    *var = median_var(k);
    return fit_median_sorted(tmp, k);
}

/* Half-width of the interval a size's centre is known to. When every
** reading is the same tick, the true value is anywhere in that tick. When
** the readings straddle ticks, the tick is dithered by the noise: its share
** is already in the spread the standard error comes from, and what is left
** of it shrinks like an average (q / 2 sqrt k). A full tick of dead zone
** there hid a size's misfit inside it. */
static double centre_half_width(const fit_data *d, const raw_point *p, int lo, int hi) {
    int i;
    for (i = lo + 1; i < hi; i++)
        if (p[i].y != p[lo].y) return 0.5 * d->quantum / sqrt((double)(hi - lo));
    return 0.5 * d->quantum;
}

static void fill_size(fit_data *d, int j, const raw_point *p, int lo, int hi,
                      double *tmp) {
    double med, eff, half;
    med = group_centre(d, p, lo, hi, tmp, &d->var[j]);
    d->n[j] = p[lo].n;
    d->y[j] = med;
    d->k[j] = hi - lo;
    d->cens[j] = d->floor_value > 0.0 && med < d->floor_value;
    eff = med > d->floor_value ? med : d->floor_value;
    d->logv[j] = log(eff);
    half = centre_half_width(d, p, lo, hi);
    d->hi[j] = d->cens[j] ? log(d->floor_value) : log(med + half);
    d->lo[j] = d->cens[j] ? d->hi[j] : log(med - half > 0.0 ? med - half : 0.5 * med);
    if (!d->cens[j]) d->uncensored++;
}

static void aggregate(fit_data *d, const raw_point *p, int count, double *tmp) {
    int lo = 0, j = 0, i;
    d->uncensored = 0;
    d->identical = 1;
    while (lo < count) {
        int hi = group_end(p, lo, count);
        for (i = lo + 1; i < hi; i++) if (p[i].y != p[lo].y) d->identical = 0;
        fill_size(d, j++, p, lo, hi, tmp);
        lo = hi;
    }
}

/* Smallest resolvable value: half a quantum; without a quantum but with
** zero readings, half the smallest positive reading. */
static double floor_of(const raw_point *p, int count, double q) {
    double minpos = 0.0;
    int i, zeros = 0;
    if (q > 0.0) return 0.5 * q;
    for (i = 0; i < count; i++) {
        if (p[i].y <= 0.0) zeros = 1;
        else if (minpos == 0.0 || p[i].y < minpos) minpos = p[i].y;
    }
    return zeros ? 0.5 * minpos : 0.0;
}

static void prepare(fit_data *d, raw_point *p, int count, double *scratch) {
    int i;
    double sigma0, nu0, s0;
    d->ymax = 0.0;
    for (i = 0; i < count; i++) if (p[i].y > d->ymax) d->ymax = p[i].y;
    d->quantum = d->ymax > 0.0 ? detect_quantum(p, count, d->ymax) : 0.0;
    d->floor_value = floor_of(p, count, d->quantum);
    repeat_noise(p, count, d->quantum, d->floor_value, scratch, &sigma0, &nu0, &s0);
    d->drift = estimate_drift(p, count, d->floor_value, sigma0, scratch);
    remove_drift(p, count, d->drift);
    repeat_noise(p, count, d->quantum, d->floor_value, scratch, &d->sigma_rep, &d->nu_rep,
                 &d->spike_scale);
    aggregate(d, p, count, scratch);
}

int fit_data_build(const double *n, const double *y, int count, fit_data *d) {
    raw_point *p;
    double *scratch;
    int i, err;
    memset(d, 0, sizeof *d);
    if ((size_t)count > SIZE_MAX / (sizeof(raw_point) + 3 * sizeof(double))) return FIT_ERR_NOMEM;
    p = mem_alloc((size_t)count * (sizeof(raw_point) + 3 * sizeof(double)));
    if (p == NULL) return FIT_ERR_NOMEM;
    scratch = (double *)(p + count);
    for (i = 0; i < count; i++) { p[i].n = n[i]; p[i].y = y[i]; p[i].idx = i; }
    raw_sort(p, count);
    if (count_sizes(p, count) > FIT_MAX_SIZES) bin_sizes(p, count);
    (void)ALWAYS(count_sizes(p, count) <= FIT_MAX_SIZES);
    err = alloc_sizes(d, count_sizes(p, count));
    if (err == 0) {
        d->points = count;
        prepare(d, p, count, scratch);
    }
    mem_free(p);
    return err;
}

void fit_data_free(fit_data *d) {
    mem_free(d->block);
    memset(d, 0, sizeof *d);
}

/* -------------------------------------------------------------- slope */

static double pair_slope(const fit_data *d, int i, int j) {
    return (d->logv[j] - d->logv[i]) / (log(d->n[j]) - log(d->n[i]));
}

/* A size the slope can use: not censored, and not a zero read without a
** floor (all zeros: log 0). */
static int slope_usable(const fit_data *d, int j) {
    return !d->cens[j] && isfinite(d->logv[j]);
}

/* Median of pairwise slopes (Theil-Sen): one wild median cannot tilt it.
** Up to 64 sizes use every pair; beyond, the pairs half the range apart,
** which keeps the work linear. */
int fit_data_loglog_slope(const fit_data *d, double *slope) {
    int i, j, used = 0, m = d->m, all = m <= 64;
    size_t pairs = all ? (size_t)m * (size_t)(m - 1) / 2 : (size_t)m;
    double *s = mem_alloc(pairs * sizeof(double) + 1);
    if (s == NULL) return FIT_ERR_NOMEM;
    for (i = 0; i < m; i++) {
        if (!all) {
            j = i + m / 2;
            if (j < m && slope_usable(d, i) && slope_usable(d, j)) s[used++] = pair_slope(d, i, j);
            continue;
        }
        for (j = i + 1; j < m; j++)
            if (slope_usable(d, i) && slope_usable(d, j)) s[used++] = pair_slope(d, i, j);
    }
    fit_sort_doubles(s, used);
    *slope = used ? fit_median_sorted(s, used) : 0.0;
    mem_free(s);
    return 0;
}
