/*
** fit_model.c -- fit one complexity class, y = a + b*f(n) with a >= 0 and
** b >= 0, robustly and in relative (log) error; and, for exact data, the
** plain least-squares line with any intercept (fit_model_exact). It
** mirrors no CPython code (CPython has no complexity classifier).
**
** big_O (pberkes/big_O) fits each class by ordinary least squares on the
** raw values and keeps the smallest residual; large n dominate the sum and
** the winner flips with noise. Here instead:
**   - the residual is log(centre) - log(model), where the centre is the
**     robust average of a size's repeats (fit_data.c), divided by its
**     standard error, so every size counts by how well it is known;
**   - the loss is Huber's (quadratic, then linear past 2 standard errors)
**     and capped where a spike explains a size better than noise does
**     (loss_cap), so one GC pause cannot decide;
**   - the constraint a >= 0 is built in: writing y = B*(tau + g(n)) with
**     g = (f - f_min) / (f_max - f_min) in [0, 1], a >= 0 is tau >= tau_0,
**     the fit is a 1-D search over tau (log grid, then golden section), and
**     for each tau the best log B is a 1-D robust location: no matrices,
**     no divergence, and the same answer every time;
**   - a reading on a timer with tick q is an interval [y - q/2, y + q/2]
**     and a zero reading is censored ([0, q/2]): a model inside costs
**     nothing, one outside is measured from the nearer edge;
**   - two classes carry a shape parameter, searched outside the tau
**     search: the exponential's base c (y = a + b c^n: Fibonacci-style
**     1.618^n is as exponential as 2^n), and a small tilt n^eps on O(n),
**     at a prior cost, for per-item costs that creep up with n (caches,
**     allocators) -- without it a 20% creep over one decade of n is fitted
**     better by n log n than by n, with certainty, while over such a range
**     log n itself grows by only 1.3-1.4x (see FIT_TILT_PRIOR).
*/
#include "fit_model.h"

#include <math.h>
#include <string.h>

/* ------------------------------------------------- the models' constants */

#define FIT_HUBER_K   2.0   /* Huber corner, in standard errors */
#define FIT_SPIKE_P   0.05  /* prior chance that a reading is a spike */
#define FIT_SPIKE_RANGE 4.0 /* log range over which spikes spread (e^4 = 55x) */
#define FIT_EPS_LOG   1e-9  /* numerical floor of a standard error (log) */
#define FIT_SYSTEMATIC 0.005 /* systematic error of a size's centre (log) */

/* O(n) is fitted as a + b n^(1+eps): a linear algorithm's per-item cost
** creeps with n (caches, allocators), which is not a log n -- over the
** ranges one can time, log n grows little (x1.4 over n = 1000..16000), and
** without the tilt a 20-30% creep is an O(n log n) "with certainty". The
** tilt costs (eps / sd)^2 (a normal prior), sd = FIT_TILT_PRIOR per e-fold
** of n but at most FIT_DRIFT_PRIOR / ln(n_max / n_min): a creep of about
** 15% over the measured range is ordinary, a steady power law is not. So
** n log n needs a curvature, or a slope above 1 larger than such a creep,
** to beat n: a slope of 1 + 1/ln n over a narrow range (4-16x) gives a
** confidence around 0.9-0.97, no longer 1.0, and one decade or more of
** clean data still decides. O(n log n) has no tilt: with one, and its
** offset, it could pass for a straight line. */
#define FIT_TILT_PRIOR  0.05
#define FIT_DRIFT_PRIOR 0.15
#define FIT_TILT_MAX    0.2
#define FIT_TILT_GRID   9       /* odd: the grid holds eps = 0 */
#define FIT_TILT_SPAN   4.0     /* the tilt's Occam integral: +-4 sd ... */
#define FIT_TILT_STEPS  33      /* ... in this many steps */
/* The exponential class is y = a + b c^n, c in [FIT_EXP_BASE_MIN,
** FIT_EXP_BASE_MAX] (lower, and a cubic over n = 15..25 passes for
** 1.17^n); the free base costs FIT_EXP_PENALTY (an extra parameter). */
#define FIT_EXP_BASE_MIN 1.2
#define FIT_EXP_BASE_MAX 4.0
#define FIT_EXP_GRID     12
#define FIT_EXP_PENALTY  2.0
/* A shape is first located at this noise (no prior): the landscape is
** smooth there; at a small noise it is a narrow trough between flat,
** capped walls. Then FIT_SHAPE_GOLDEN golden-section steps at the real
** noise. */
#define FIT_SHAPE_SIGMA  0.25
#define FIT_SHAPE_GOLDEN 8
/* The overhead's Occam integral: log10 of tau from FIT_OCCAM_LO to
** FIT_OCCAM_HI in FIT_OCCAM_STEPS steps of 0.1 decade. */
#define FIT_OCCAM_LO    (-4.0)
#define FIT_OCCAM_HI    6.0
#define FIT_OCCAM_STEPS 101
/* Cache steps: classes O(n) to O(n^3) may have a per-item cost that steps
** up once n passes a cache size, with prior chance FIT_STEP_P, at
** FIT_STEP_AT positions over the measured range. Every stepped class that
** competes pays the same (1 - FIT_STEP_P) when no step is needed; 0.25 and
** 0.35 did equally on the held-out generator (base 7000: 1258 vs 1259 of
** 1400 right), 0.25 kept the real O(n^2) of string concatenation
** (tests/fit_real, a lean at 0.68) from inconclusive. */
#define FIT_STEP_P  0.25
#define FIT_STEP_AT 7

#define GRID_LO    (-12.0)  /* log10 of the smallest tau offset tried */
#define GRID_STEP  0.5
#define GRID_COUNT 37       /* up to 1e6: a constant with invisible growth */
#define GOLDEN_ITERS 24

typedef struct model_ctx {
    const fit_data *d;
    double *g;          /* [m] rescaled basis */
    double *resid;      /* [m] out */
    double *se;         /* [m] standard error of each size at sigma */
    double *cap;        /* [m] loss cap of each size at sigma */
    double sigma;
} model_ctx;

/* Standard error of logv[j] at relative noise sigma. */
static double std_error(const fit_data *d, int j, double sigma) {
    return sqrt(sigma * sigma * d->var[j] + FIT_SYSTEMATIC * FIT_SYSTEMATIC
                + FIT_EPS_LOG * FIT_EPS_LOG);
}

/* Most that one size can add to a score. The loss is read as -2 log of a
** contaminated-normal likelihood: a reading is either noise (normal, in
** units of s) or, with probability FIT_SPIKE_P, a spike spread over a log
** range FIT_SPIKE_RANGE. A residual so large that "spike" explains it
** better stops costing more: 2 ln(range / (s sqrt(2 pi))) + 2 ln(1/p) per
** spiked reading, and a median or trimmed mean of k readings needs
** ceil(k/2) of them. So a lone reading far off the curve is a possible GC
** pause and costs little, five readings that agree are not, and with exact
** counts (s tiny) every misfit is damning. */
static double loss_cap(int k, double s) {
    double per_spike = -2.0 * log(FIT_SPIKE_P), dens = FIT_SPIKE_RANGE / (s * 2.5066283);
    double spikes = (k + 1) / 2;
    return (dens > 1.0 ? 2.0 * log(dens) : 0.0) + per_spike * spikes;
}

/* |u| at which the capped loss stops growing. */
static double cap_u(double cap) {
    if (cap <= FIT_HUBER_K * FIT_HUBER_K) return sqrt(cap);
    return (cap + FIT_HUBER_K * FIT_HUBER_K) / (2.0 * FIT_HUBER_K);
}

/* Huber's loss (quadratic, then linear past FIT_HUBER_K), capped. */
static double capped_loss(double u, double cap) {
    double l;
    u = fabs(u);
    l = u <= FIT_HUBER_K ? u * u : 2.0 * FIT_HUBER_K * u - FIT_HUBER_K * FIT_HUBER_K;
    return l < cap ? l : cap;
}

/* Log residual of size j against a model whose log is pred: 0 inside the
** reading's interval, else the distance from the nearer edge (sign: data
** minus model). */
static double log_residual(const fit_data *d, int j, double pred) {
    if (pred > d->hi[j]) return d->hi[j] - pred;
    if (!d->cens[j] && pred < d->lo[j]) return d->lo[j] - pred;
    return 0.0;     /* inside the tick, or both below the floor */
}

/* ---------------------------------------------------- location (log B) */

/* Start from the median of the uncensored offsets: robust and cheap. */
static double start_location(const fit_data *d, const double *lg, double *tmp) {
    int j, used = 0;
    for (j = 0; j < d->m; j++) if (!d->cens[j]) tmp[used++] = d->logv[j] - lg[j];
    fit_sort_doubles(tmp, used);
    return fit_median_sorted(tmp, used);
}

/* M-estimate of c in logv[j] = c + lg[j] for the capped Huber loss, by
** iteratively reweighted means from the median: sizes past the cap and
** censored sizes the model keeps below the floor carry no weight. */
static double huber_location(const model_ctx *x, const double *lg, double *tmp) {
    const fit_data *d = x->d;
    double c = start_location(d, lg, tmp), lo = -HUGE_VAL, hi = HUGE_VAL;
    int it, j;
    /* A curve through every reading's interval costs nothing: take the
    ** middle of the c that do so, if any. (At a small noise the iteration
    ** below cannot get there from outside: every size it misses is a
    ** "spike" and pulls nothing.) */
    for (j = 0; j < d->m; j++) {
        if (!d->cens[j] && d->lo[j] - lg[j] > lo) lo = d->lo[j] - lg[j];
        if (d->hi[j] - lg[j] < hi) hi = d->hi[j] - lg[j];
    }
    if (lo < hi && isfinite(lo) && isfinite(hi)) return 0.5 * (lo + hi);
    for (it = 0; it < 50; it++) {
        double sw = 0.0, swr = 0.0, step;
        for (j = 0; j < d->m; j++) {
            double s = x->se[j], r = log_residual(d, j, c + lg[j]), u = fabs(r) / s, w;
            if (d->cens[j] && r == 0.0) continue;
            if (u > cap_u(x->cap[j])) continue;             /* a spike: no pull */
            w = 1.0 / (s * s);
            if (u > FIT_HUBER_K) w *= FIT_HUBER_K / u;
            sw += w;
            swr += w * r;
        }
        if (sw <= 0.0) break;
        step = swr / sw;
        c += step;
        if (fabs(step) < 1e-10) break;
    }
    return c;
}

/* -------------------------------------------------------- loss for tau */

/* lg receives log(tau + g); returns the loss at the best c (in *c). */
static double loss_at(const model_ctx *x, double tau, double *lg, double *tmp,
                      double *c) {
    const fit_data *d = x->d;
    double loss = 0.0;
    int j;
    for (j = 0; j < d->m; j++) {
        double v = tau + x->g[j];
        lg[j] = log(v > 1e-300 ? v : 1e-300);
    }
    *c = huber_location(x, lg, tmp);
    for (j = 0; j < d->m; j++)
        loss += capped_loss(log_residual(d, j, *c + lg[j]) / x->se[j], x->cap[j]);
    return loss;
}

/* tau for grid point u = log10(tau - tau_lo); u below the grid means tau_lo
** itself (a = 0 exactly). */
static double tau_of(double tau_lo, double u) {
    return u < GRID_LO - 1.0 ? tau_lo : tau_lo + pow(10.0, u);
}

/* The overhead a plain least-squares line through the centres would take,
** y ~ B (tau + g) weighted by 1 / (y^2 var) (relative error), as a grid
** coordinate u = log10(tau - tau_lo); below the grid when that tau is
** under tau_lo or the line does not rise. Not robust, only a seed: at a
** small noise the loss is a trough far narrower than the grid's half
** decade (linear memory 2570 + 7.25 n is matched to 0.04%), between
** capped walls where a grid and golden section see nothing but flat. */
static double least_squares_u(const model_ctx *x, double tau_lo) {
    const fit_data *d = x->d;
    double sw = 0, sg = 0, sy = 0, sgg = 0, sgy = 0, det, A, B;
    int j;
    for (j = 0; j < d->m; j++) {
        double yj = d->y[j], w;
        if (d->cens[j] || !(yj > 0.0)) continue;
        w = 1.0 / (yj * yj * d->var[j]);
        sw += w; sg += w * x->g[j]; sy += w * yj;
        sgg += w * x->g[j] * x->g[j]; sgy += w * x->g[j] * yj;
    }
    det = sw * sgg - sg * sg;
    if (!(det > 0.0)) return GRID_LO - 2.0;
    B = (sw * sgy - sg * sy) / det;
    A = (sy - B * sg) / sw;
    if (!(B > 0.0) || !(A / B > tau_lo) || !isfinite(A / B)) return GRID_LO - 2.0;
    return log10(A / B - tau_lo);
}

/* Golden section for u = log10(tau - tau_lo) on [lo, hi]; *best, *u_best,
** *c_best are updated when it finds lower. */
static void golden_tau(const model_ctx *x, double tau_lo, double lo, double hi, double *lg,
                       double *tmp, double *best, double *u_best, double *c_best) {
    int it;
    for (it = 0; it < GOLDEN_ITERS; it++) {
        double m1 = hi - 0.618034 * (hi - lo), m2 = lo + 0.618034 * (hi - lo);
        double c1, c2;
        double l1 = loss_at(x, tau_of(tau_lo, m1), lg, tmp, &c1);
        double l2 = loss_at(x, tau_of(tau_lo, m2), lg, tmp, &c2);
        if (l1 < *best) { *best = l1; *c_best = c1; *u_best = m1; }
        if (l2 < *best) { *best = l2; *c_best = c2; *u_best = m2; }
        if (l1 < l2) hi = m2; else lo = m1;
    }
}

/* Search tau >= tau_lo: grid in log10(tau - tau_lo), then golden section
** around the best grid point, and around the least-squares overhead when
** that fits better still (a small noise: see least_squares_u). Returns the
** loss; *tau_best, *c_best set. */
static double search_tau(const model_ctx *x, double tau_lo, double *lg, double *tmp,
                         double *tau_best, double *c_best) {
    double best_u = GRID_LO - 2.0, c, best, ls_u, ls;
    int i;
    best = loss_at(x, tau_lo, lg, tmp, c_best);
    for (i = 0; i < GRID_COUNT; i++) {
        double u = GRID_LO + GRID_STEP * i, l = loss_at(x, tau_of(tau_lo, u), lg, tmp, &c);
        if (l < best) { best = l; best_u = u; *c_best = c; }
    }
    if (best_u >= GRID_LO - 1.0)
        golden_tau(x, tau_lo, best_u - GRID_STEP, best_u + GRID_STEP, lg, tmp, &best,
                   &best_u, c_best);
    ls_u = least_squares_u(x, tau_lo);
    if (ls_u >= GRID_LO - 1.0) {
        ls = loss_at(x, tau_of(tau_lo, ls_u), lg, tmp, &c);
        if (ls < best) {
            best = ls; best_u = ls_u; *c_best = c;
            golden_tau(x, tau_lo, ls_u - 0.1 * GRID_STEP, ls_u + 0.1 * GRID_STEP, lg, tmp,
                       &best, &best_u, c_best);
        }
    }
    *tau_best = tau_of(tau_lo, best_u);
    return best;
}

/* Occam cost of the intercept: -2 ln of the mean likelihood over a
** uniform prior on log10(tau - tau_lo) in [FIT_OCCAM_LO, FIT_OCCAM_HI],
** relative to the best fit (loss best), integrated in FIT_OCCAM_STEPS
** steps (finer than the search grid: a well-measured
** overhead is pinned to a fraction of a decade). A curve that fits
** whatever small overhead it is given pays little; one that fits only
** with a finely tuned overhead -- n log n bent by a constant into a
** straight line -- pays up to 2 ln(steps). Where the finer steps find a
** better overhead than the search did, the marginal is taken from there
** (the cost then goes below 0, to what the search missed). */
static double occam_cost(const model_ctx *x, double tau_lo, double best, double *lg,
                         double *tmp) {
    double loss[FIT_OCCAM_STEPS], ref = best, sum = 0.0, c;
    double step = (FIT_OCCAM_HI - FIT_OCCAM_LO) / (FIT_OCCAM_STEPS - 1);
    int i;
    for (i = 0; i < FIT_OCCAM_STEPS; i++) {
        loss[i] = loss_at(x, tau_of(tau_lo, FIT_OCCAM_LO + step * i), lg, tmp, &c);
        if (loss[i] < ref) ref = loss[i];
    }
    for (i = 0; i < FIT_OCCAM_STEPS; i++) sum += exp(-0.5 * (loss[i] - ref));
    if (sum < 1.0) sum = 1.0;   /* a trough narrower than a step */
    return ref - best - 2.0 * log(sum / FIT_OCCAM_STEPS);
}

/* ------------------------------------------------------------- shapes */

/* The class whose exponent may tilt as n^eps at a prior cost (see
** FIT_TILT_PRIOR above). Tilting O(n log n) too was tried: over 16x it then
** passes for a creeping straight line as easily as the reverse. */
static int tilted(int cls) {
    return cls == FIT_N;
}

/* f(n) of class cls with its shape parameter: the tilt eps of O(n)
** (f = n^(1+eps)); the exponential is handled in rescale. */
static double shaped_basis(int cls, double shape, double n) {
    return tilted(cls) ? exp((1.0 + shape) * log(n)) : fit_basis(cls, n);
}

/* g[j] in [0, 1], *tau0 (a = 0 at tau = tau0) and *span = f_max - f_min.
** Returns 0 if the class cannot be fitted. */
static int rescale(const fit_data *d, int cls, double shape, double *g, double *tau0,
                   double *span) {
    int j, m = d->m;
    double fmin = HUGE_VAL, fmax = -HUGE_VAL;
    if (cls == FIT_2N) {
        double nmin = d->n[0], nmax = d->n[m - 1], lc = log(shape), e0;
        if (nmax > FIT_2N_MAX_N || !(lc * nmax < 700.0)) return 0;
        e0 = exp(lc * (nmin - nmax));              /* c^n / c^nmax at nmin */
        if (!(e0 < 1.0)) return 0;
        for (j = 0; j < m; j++) g[j] = (exp(lc * (d->n[j] - nmax)) - e0) / (1.0 - e0);
        *tau0 = e0 / (1.0 - e0);
        *span = exp(lc * nmax) * (1.0 - e0);
        return 1;
    }
    for (j = 0; j < m; j++) {
        g[j] = shaped_basis(cls, shape, d->n[j]);
        if (g[j] < fmin) fmin = g[j];
        if (g[j] > fmax) fmax = g[j];
    }
    if (!(fmax > fmin) || !isfinite(fmax - fmin)) return 0;
    for (j = 0; j < m; j++) g[j] = (g[j] - fmin) / (fmax - fmin);
    *tau0 = fmin / (fmax - fmin);
    *span = fmax - fmin;
    return 1;
}

/* ------------------------------------------------------- shape search */

/* The range searched for a class's shape parameter, in a coordinate v that
** is uniform enough for a grid: the tilt itself for O(n), ln ln c for the
** exponential. count == 1: no shape to search. */
typedef struct shape_range {
    double lo, hi;
    int count;
} shape_range;

static shape_range range_of(const fit_data *d, int cls) {
    shape_range r;
    r.lo = r.hi = 0.0;
    r.count = 1;
    if (tilted(cls)) {
        r.lo = -FIT_TILT_MAX;
        r.hi = FIT_TILT_MAX;
        r.count = FIT_TILT_GRID;
    } else if (cls == FIT_2N) {
        double cmax = FIT_EXP_BASE_MAX, nmax = d->n[d->m - 1];
        if (log(cmax) * nmax > 690.0) cmax = exp(690.0 / nmax);
        r.lo = log(log(FIT_EXP_BASE_MIN));
        r.hi = log(log(cmax));
        r.count = r.hi > r.lo ? FIT_EXP_GRID : 1;
    }
    return r;
}

static double shape_of(int cls, double v) {
    return cls == FIT_2N ? exp(exp(v)) : v;
}

/* The tilt prior's standard deviation (see FIT_TILT_PRIOR). */
static double tilt_sd(const fit_data *d) {
    double span = log(d->n[d->m - 1] / d->n[0]), sd = FIT_TILT_PRIOR;
    return FIT_DRIFT_PRIOR < sd * span ? FIT_DRIFT_PRIOR / span : sd;
}

/* Prior cost of a shape, in the loss's units (-2 log prior): a tilt is a
** per-item cost that drifts with n (caches, allocators), expected to be
** small; the exponential's free base is one more parameter. */
static double shape_penalty(const fit_data *d, int cls, double v) {
    if (tilted(cls)) {
        double sd = tilt_sd(d);
        return (v / sd) * (v / sd);
    }
    if (cls == FIT_2N) return FIT_EXP_PENALTY;
    return 0.0;
}

typedef struct shape_fit {
    double v, loss, tau, c, tau0, span;
    int ok;
} shape_fit;

/* Fit at one shape: the loss (plus the shape's prior cost if penalised),
** with tau, log B and the scale. */
static shape_fit fit_at(model_ctx *x, int cls, double v, int penalised, double *lg,
                        double *tmp) {
    shape_fit f;
    f.v = v;
    f.ok = rescale(x->d, cls, shape_of(cls, v), x->g, &f.tau0, &f.span);
    if (!f.ok) { f.loss = HUGE_VAL; f.tau = f.c = 0.0; return f; }
    f.loss = search_tau(x, f.tau0 > 0.0 ? f.tau0 : 0.0, lg, tmp, &f.tau, &f.c)
             + (penalised ? shape_penalty(x->d, cls, v) : 0.0);
    return f;
}

/* Golden section for the shape on [lo, hi] at x; best is updated. */
static void golden_shape(model_ctx *x, int cls, double lo, double hi, int penalised,
                         double *lg, double *tmp, shape_fit *best) {
    int it;
    for (it = 0; it < FIT_SHAPE_GOLDEN; it++) {
        double m1 = hi - 0.618034 * (hi - lo), m2 = lo + 0.618034 * (hi - lo);
        shape_fit f1 = fit_at(x, cls, m1, penalised, lg, tmp);
        shape_fit f2 = fit_at(x, cls, m2, penalised, lg, tmp);
        if (f1.ok && f1.loss < best->loss) *best = f1;
        if (f2.ok && f2.loss < best->loss) *best = f2;
        if (f1.loss < f2.loss) hi = m2; else lo = m1;
    }
}

/* Best shape. At a small noise the loss is a narrow trough in the shape
** (a base off by 3% misses 2^n over 15 sizes by 50%) with capped, flat
** walls, where neither a grid nor golden section finds it. So the shape is
** first located at a wide noise (FIT_SHAPE_SIGMA, a smooth and robust
** landscape) by grid and golden section, without the prior; then searched
** at the real noise between that point and the prior's centre (tilt 0),
** with both ends tried. *plain receives the fit at v = 0 for a tilted
** class (the untilted curve, which is what a + b f(n) reports). */
static shape_fit search_shape(model_ctx *x, model_ctx *wide, int cls, double *lg,
                              double *tmp, fit_model *mo, shape_fit *plain) {
    shape_range r = range_of(x->d, cls);
    shape_fit best, at, f;
    double step, lo, hi, centre;
    int i;
    plain->ok = 0;
    if (r.count == 1) {
        best = fit_at(x, cls, r.lo, 1, lg, tmp);
        *plain = best;
        return best;
    }
    step = (r.hi - r.lo) / (r.count - 1);
    if (mo->located_sigma == wide->sigma) {
        at.v = mo->located;     /* the same wide noise as the last pass */
    } else {
        at.ok = 0;
        at.loss = HUGE_VAL;
        for (i = 0; i < r.count; i++) {
            f = fit_at(wide, cls, r.lo + step * i, 0, lg, tmp);
            if (f.ok && (!at.ok || f.loss < at.loss)) at = f;
        }
        if (!at.ok) return at;
        golden_shape(wide, cls, at.v - step > r.lo ? at.v - step : r.lo,
                     at.v + step < r.hi ? at.v + step : r.hi, 0, lg, tmp, &at);
        mo->located = at.v;
        mo->located_sigma = wide->sigma;
    }
    best = fit_at(x, cls, at.v, 1, lg, tmp);
    centre = at.v;
    if (tilted(cls)) {
        *plain = fit_at(x, cls, 0.0, 1, lg, tmp);
        if (plain->ok && plain->loss < best.loss) best = *plain;
        centre = 0.0;
    }
    lo = (at.v < centre ? at.v : centre) - 0.5 * step;
    hi = (at.v > centre ? at.v : centre) + 0.5 * step;
    golden_shape(x, cls, lo > r.lo ? lo : r.lo, hi < r.hi ? hi : r.hi, 1, lg, tmp, &best);
    return best;
}

/* Occam cost of O(n)'s tilt: -2 ln of the likelihood averaged over the
** tilt's normal prior, relative to the best fit (whose loss already holds
** the prior's (eps/sd)^2). Nothing when the data leave the tilt as free as
** the prior does; -2 ln(width / sd) when they pin it down, as they do when
** a tilted line is fitted to an n log n: a free exponent is one more
** parameter, and the comparison with the untilted classes must say so. */
static double tilt_occam(model_ctx *x, int cls, double best_loss, double *lg, double *tmp) {
    double sd = tilt_sd(x->d), step = 2.0 * FIT_TILT_SPAN * sd / (FIT_TILT_STEPS - 1);
    double loss[FIT_TILT_STEPS], ref = best_loss, sum = 0.0;
    int i;
    for (i = 0; i < FIT_TILT_STEPS; i++) {
        double v = -FIT_TILT_SPAN * sd + step * i;
        shape_fit f;
        loss[i] = HUGE_VAL;
        if (v < -FIT_TILT_MAX || v > FIT_TILT_MAX) continue;
        f = fit_at(x, cls, v, 1, lg, tmp);
        if (f.ok) loss[i] = f.loss;
        if (loss[i] < ref) ref = loss[i];
    }
    for (i = 0; i < FIT_TILT_STEPS; i++) sum += exp(-0.5 * (loss[i] - ref)) * step;
    sum /= sd * 2.5066283;
    if (sum > 1.0) sum = 1.0;       /* the prior's own width: no cost */
    if (sum < 1e-30) sum = 1e-30;   /* pinned far inside one step */
    return ref - best_loss - 2.0 * log(sum);
}

/* ------------------------------------------------------------- public */

static void fill_resid(const model_ctx *x, const double *lg, double c) {
    int j;
    for (j = 0; j < x->d->m; j++) x->resid[j] = log_residual(x->d, j, c + lg[j]);
}

static void fit_constant(model_ctx *x, fit_model *mo, double *lg, double *tmp) {
    double c;
    int j;
    for (j = 0; j < x->d->m; j++) x->g[j] = 0.0;
    mo->loss = loss_at(x, 1.0, lg, tmp, &c);   /* log(1 + 0) = 0 */
    mo->a = exp(c);
    mo->b = 0.0;
    mo->shape = 0.0;
    mo->occam = mo->step_gain = 0.0;
    fill_resid(x, lg, c);
}

static void not_applicable(const fit_data *d, fit_model *mo, double *resid) {
    int j;
    mo->applicable = 0;
    mo->a = mo->b = mo->shape = 0.0;
    mo->loss = HUGE_VAL;
    mo->occam = mo->step_gain = 0.0;
    for (j = 0; j < d->m; j++) resid[j] = 0.0;
}

/* The model context at noise sigma over work (FIT_MODEL_WORK*m doubles):
** resid, g, lg, tmp, then the standard errors and loss caps at sigma and
** (unless wide is NULL) at the wide noise the shapes are located at. */
static void setup_ctx(const fit_data *d, double sigma, double *work, model_ctx *x,
                      model_ctx *wide) {
    double wide_sigma = sigma > FIT_SHAPE_SIGMA ? sigma : FIT_SHAPE_SIGMA;
    int j, m = d->m;
    x->d = d; x->resid = work; x->g = work + m; x->sigma = sigma;
    x->se = work + 4 * m;
    x->cap = x->se + m;
    for (j = 0; j < m; j++) {
        x->se[j] = std_error(d, j, sigma);
        x->cap[j] = loss_cap(d->k[j], x->se[j]);
    }
    if (wide == NULL) return;
    *wide = *x;
    wide->sigma = wide_sigma;
    wide->se = x->cap + m;
    wide->cap = wide->se + m;
    for (j = 0; j < m; j++) {
        wide->se[j] = std_error(d, j, wide_sigma);
        wide->cap[j] = loss_cap(d->k[j], wide->se[j]);
    }
}

static void fit_into_work(const fit_data *d, int cls, double sigma, fit_model *mo,
                          double *work) {
    double *lg = work + 2 * d->m, *tmp = lg + d->m, c;
    shape_fit best, plain, shown;
    model_ctx x, wide;
    setup_ctx(d, sigma, work, &x, &wide);
    mo->applicable = 1;
    mo->occam = mo->step_gain = 0.0;
    if (cls == FIT_O1) { fit_constant(&x, mo, lg, tmp); return; }
    best = search_shape(&x, &wide, cls, lg, tmp, mo, &plain);
    if (!best.ok) { not_applicable(d, mo, x.resid); return; }
    mo->loss = best.loss;
    mo->shape = shape_of(cls, best.v);
    mo->tau = best.tau;
    /* the residuals of the winning shape */
    rescale(d, cls, mo->shape, x.g, &best.tau0, &best.span);
    loss_at(&x, best.tau, lg, tmp, &c);
    fill_resid(&x, lg, c);
    /* the curve reported: the exponential with its base, the others untilted */
    shown = cls != FIT_2N && plain.ok ? plain : best;
    mo->a = exp(shown.c) * (shown.tau - shown.tau0);
    if (mo->a < 0.0) mo->a = 0.0;
    mo->b = exp(shown.c) / shown.span;
}

/* The residuals are left in the first m doubles of work by the fit;
** handing them back through resid keeps work's layout this file's own. */
void fit_model_fit(const fit_data *d, int cls, double sigma, fit_model *mo,
                   double *resid, double *work) {
    fit_into_work(d, cls, sigma, mo, work);
    memcpy(resid, work, (size_t)d->m * sizeof(double));
}

void fit_model_occam(const fit_data *d, int cls, double sigma, fit_model *mo,
                     double *work) {
    double *lg = work + 2 * d->m, *tmp = lg + d->m, c, tau0, span, at_best;
    model_ctx x;
    mo->occam = mo->occam_tau = mo->step_gain = 0.0;
    if (cls == FIT_O1 || !mo->applicable) return;
    setup_ctx(d, sigma, work, &x, NULL);
    if (!rescale(d, cls, mo->shape, x.g, &tau0, &span)) return;
    at_best = loss_at(&x, mo->tau, lg, tmp, &c);
    mo->occam = mo->occam_tau = occam_cost(&x, tau0 > 0.0 ? tau0 : 0.0, at_best, lg, tmp);
    if (tilted(cls)) mo->occam += tilt_occam(&x, cls, mo->loss, lg, tmp);
}

/* --------------------------------------------------------- cache steps */

/* A per-item cost that rises by a factor once n passes a cache size is
** still the same class: a + b f(n) (1 + (F - 1) s(n)), s a logistic step
** in log10 n at `at` whose 10-90% rise takes about `width` decades. The
** class's likelihood is averaged over "no step" (1 - FIT_STEP_P) and a
** step somewhere in the measured range (FIT_STEP_P, spread evenly over
** FIT_STEP_AT positions, the factors and the widths): a grid mean, so a
** step pays its own Occam factor (three more parameters), and only data
** that a step explains much better than a smooth curve move the verdict.
** Without it a 2x step in the middle of one decade is an O(n log n) at
** 0.999, and an O(n^2) with a step is an O(n^3). */
static const double step_factor[] = {1.25, 1.6, 2.0, 2.6};
static const double step_width[] = {0.15, 0.45};
#define STEP_FACTORS ((int)(sizeof step_factor / sizeof step_factor[0]))
#define STEP_WIDTHS ((int)(sizeof step_width / sizeof step_width[0]))
#define STEP_GRID (FIT_STEP_AT * STEP_FACTORS * STEP_WIDTHS)
#define STEP_GOLDEN 10      /* golden-section steps per coordinate (best_step_resid) */

int fit_model_stepped(int cls) {
    return cls >= FIT_N && cls <= FIT_N3;
}

/* g as rescale fills it, for the stepped basis. */
static int step_basis(const fit_data *d, int cls, double at, double factor, double width,
                      double *g, double *tau0) {
    double fmin = HUGE_VAL, fmax = -HUGE_VAL;
    int j, m = d->m;
    for (j = 0; j < m; j++) {
        double z = 4.4 * (log10(d->n[j]) - at) / width;
        g[j] = fit_basis(cls, d->n[j]) * (1.0 + (factor - 1.0) / (1.0 + exp(-z)));
        if (g[j] < fmin) fmin = g[j];
        if (g[j] > fmax) fmax = g[j];
    }
    if (!(fmax > fmin) || !isfinite(fmax - fmin)) return 0;
    for (j = 0; j < m; j++) g[j] = (g[j] - fmin) / (fmax - fmin);
    *tau0 = fmin / (fmax - fmin);
    return 1;
}

/* One cache step: position (log10 n), factor, 10-90% width (decades). */
typedef struct step_shape {
    double at, factor, width;
} step_shape;

static step_shape step_of_grid(const fit_data *d, int k) {
    double lo = log10(d->n[0]), hi = log10(d->n[d->m - 1]);
    step_shape st;
    st.at = lo + (hi - lo) * (k / (STEP_FACTORS * STEP_WIDTHS) + 0.5) / FIT_STEP_AT;
    st.factor = step_factor[k / STEP_WIDTHS % STEP_FACTORS];
    st.width = step_width[k % STEP_WIDTHS];
    return st;
}

/* The stepped basis in x->g and the loss of its best overhead (tau, log B
** in *tau, *c); HUGE_VAL when the basis does not apply. */
static double step_loss(model_ctx *x, int cls, step_shape st, double *lg, double *tmp,
                        double *tau, double *c) {
    double tau0;
    if (!step_basis(x->d, cls, st.at, st.factor, st.width, x->g, &tau0)) return HUGE_VAL;
    return search_tau(x, tau0 > 0.0 ? tau0 : 0.0, lg, tmp, tau, c);
}

static double step_grid_loss(model_ctx *x, int cls, int k, double *lg, double *tmp,
                             double *tau, double *c) {
    return step_loss(x, cls, step_of_grid(x->d, k), lg, tmp, tau, c);
}

/* Fold the step alternative into mo->occam (see above); mo as fitted and
** given its Occam cost at sigma. At a noise of a few percent the grid is
** too coarse: its nearest step misses a 1.7x step at the sizes beside it
** by several standard errors, and O(n log n) with a step lost to a
** tilted O(n) at 0.9997. So the step best_step_resid refined (when it
** did) counts as one more cell of the grid: pinned to one cell's share
** of the prior, it pays that Occam factor and no more. */
static void step_occam(model_ctx *x, int cls, fit_model *mo, double *lg, double *tmp) {
    double loss[STEP_GRID], smooth = mo->loss + mo->occam, ref = smooth, sum = 0.0, tau, c;
    double refined = HUGE_VAL;
    int k, cells = STEP_GRID;
    for (k = 0; k < STEP_GRID; k++) {
        loss[k] = step_grid_loss(x, cls, k, lg, tmp, &tau, &c) + mo->occam_tau;
        if (loss[k] < ref) ref = loss[k];
    }
    if (mo->step_found) {   /* the refined step of best_step_resid, as one more cell */
        step_shape st;
        st.at = mo->step[0]; st.factor = mo->step[1]; st.width = mo->step[2];
        refined = step_loss(x, cls, st, lg, tmp, &tau, &c) + mo->occam_tau;
        if (refined < ref) ref = refined;
        cells++;
    }
    for (k = 0; k < STEP_GRID; k++) sum += exp(-0.5 * (loss[k] - ref));
    if (mo->step_found) sum += exp(-0.5 * (refined - ref));
    sum = (1.0 - FIT_STEP_P) * exp(-0.5 * (smooth - ref)) + FIT_STEP_P * sum / cells;
    mo->occam = ref - 2.0 * log(sum) - mo->loss;
    mo->step_gain = mo->occam - (smooth - mo->loss);
}

/* Golden section on one coordinate of st (*v, between lo and hi) for the
** lowest step_loss; st and *best are updated. */
static void golden_step(model_ctx *x, int cls, step_shape *st, double *v, double lo,
                        double hi, double *lg, double *tmp, double *best) {
    double keep = *v, tau, c;
    int it;
    for (it = 0; it < STEP_GOLDEN; it++) {
        double m1 = hi - 0.618034 * (hi - lo), m2 = lo + 0.618034 * (hi - lo), l1, l2;
        *v = m1; l1 = step_loss(x, cls, *st, lg, tmp, &tau, &c);
        *v = m2; l2 = step_loss(x, cls, *st, lg, tmp, &tau, &c);
        if (l1 < *best) { *best = l1; keep = m1; }
        if (l2 < *best) { *best = l2; keep = m2; }
        if (l1 < l2) hi = m2; else lo = m1;
    }
    *v = keep;
}

/* The step that fits best: the grid point with the lowest loss (in
** *best), refined in position, factor and width. The noise is read off
** its residuals, and a grid half a step off leaves a misfit of several
** percent at the sizes next to the step, which is no more noise than the
** step itself. */
static step_shape locate_step(model_ctx *x, int cls, double *lg, double *tmp, double *best) {
    const fit_data *d = x->d;
    double tau, c, l, half = 0.5 * (log10(d->n[d->m - 1]) - log10(d->n[0])) / FIT_STEP_AT;
    int k, at = 0;
    step_shape st;
    *best = HUGE_VAL;
    for (k = 0; k < STEP_GRID; k++) {
        l = step_grid_loss(x, cls, k, lg, tmp, &tau, &c);
        if (l < *best) { *best = l; at = k; }
    }
    st = step_of_grid(d, at);
    if (!isfinite(*best)) return st;
    golden_step(x, cls, &st, &st.at, st.at - half, st.at + half, lg, tmp, best);
    golden_step(x, cls, &st, &st.factor, 1.1, 3.0, lg, tmp, best);
    golden_step(x, cls, &st, &st.width, 0.05, 0.6, lg, tmp, best);
    return st;
}

/* The residuals of the class's best stepped curve at sigma, into the
** first m doubles of work (as fit_model_fit leaves its own); returns its
** loss, HUGE_VAL when no step applies. The step is located once per
** class (a hundred fits); at the later passes' noise only the curve
** under it is refitted. */
static double best_step_resid(const fit_data *d, int cls, double sigma, fit_model *mo,
                              double *work) {
    double *lg = work + 2 * d->m, *tmp = lg + d->m, best, tau, c;
    step_shape st;
    model_ctx x;
    setup_ctx(d, sigma, work, &x, NULL);
    if (mo->step_found) {
        st.at = mo->step[0]; st.factor = mo->step[1]; st.width = mo->step[2];
    } else {
        st = locate_step(&x, cls, lg, tmp, &best);
        if (!isfinite(best)) return HUGE_VAL;
        mo->step[0] = st.at; mo->step[1] = st.factor; mo->step[2] = st.width;
        mo->step_found = 1;
    }
    best = step_loss(&x, cls, st, lg, tmp, &tau, &c);
    if (!isfinite(best)) return HUGE_VAL;
    loss_at(&x, tau, lg, tmp, &c);
    fill_resid(&x, lg, c);
    return best;
}

double fit_model_step_resid(const fit_data *d, int cls, double sigma, fit_model *mo,
                            double *resid, double *work) {
    double loss;
    if (!fit_model_stepped(cls) || d->m < 4) return HUGE_VAL;
    loss = best_step_resid(d, cls, sigma, mo, work);
    if (isfinite(loss)) memcpy(resid, work, (size_t)d->m * sizeof(double));
    return loss;
}

void fit_model_step(const fit_data *d, int cls, double sigma, fit_model *mo, double *work) {
    double *lg = work + 2 * d->m, *tmp = lg + d->m;
    model_ctx x;
    if (!fit_model_stepped(cls) || !mo->applicable || d->m < 4) return;
    setup_ctx(d, sigma, work, &x, NULL);
    step_occam(&x, cls, mo, lg, tmp);
}

/* ------------------------------------------------------- exact fits */

/* Weighted least squares in relative error, y ~ A + B g, at one shape;
** returns the largest relative residual (HUGE_VAL if not fittable) and the
** curve as a, b of y = a + b f(n). */
static double exact_at(const fit_data *d, int cls, double shape, double *g,
                       double *a, double *b) {
    double tau0, span, sw = 0, sg = 0, sy = 0, sgg = 0, sgy = 0, det, A, B, worst = 0.0;
    int j;
    if (!rescale(d, cls, shape, g, &tau0, &span)) return HUGE_VAL;
    for (j = 0; j < d->m; j++) {
        double w = 1.0 / (d->y[j] * d->y[j]);
        sw += w; sg += w * g[j]; sy += w * d->y[j];
        sgg += w * g[j] * g[j]; sgy += w * g[j] * d->y[j];
    }
    det = sw * sgg - sg * sg;
    if (!(det > 0.0)) return HUGE_VAL;
    B = (sw * sgy - sg * sy) / det;
    A = (sy - B * sg) / sw;
    if (!(B > 0.0)) return HUGE_VAL;
    for (j = 0; j < d->m; j++) {
        double e = fabs(d->y[j] - A - B * g[j]) / d->y[j];
        if (e > worst) worst = e;
    }
    *a = A - B * tau0;
    *b = B / span;
    return worst;
}

double fit_model_exact(const fit_data *d, int cls, fit_model *mo, double *work) {
    shape_range r = range_of(d, cls);
    double a = 0, b = 0, worst, best_v, lo, hi, step;
    int i, it;
    mo->applicable = 0;
    mo->a = mo->b = mo->shape = mo->located = mo->located_sigma = mo->occam = mo->tau = 0.0;
    mo->step_gain = 0.0;
    mo->step_found = 0;
    mo->loss = HUGE_VAL;
    if (cls == FIT_O1) return HUGE_VAL;
    if (cls != FIT_2N) {
        worst = exact_at(d, cls, 0.0, work, &a, &b);
        mo->applicable = isfinite(worst);
        mo->a = a; mo->b = b; mo->loss = 0.0;
        return worst;
    }
    /* the exponential: its base by grid and golden section on the misfit */
    step = r.count > 1 ? (r.hi - r.lo) / (r.count - 1) : 0.0;
    best_v = r.lo;
    worst = HUGE_VAL;
    for (i = 0; i < r.count; i++) {
        double v = r.lo + step * i, e = exact_at(d, cls, shape_of(cls, v), work, &a, &b);
        if (e < worst) { worst = e; best_v = v; }
    }
    lo = best_v - step > r.lo ? best_v - step : r.lo;
    hi = best_v + step < r.hi ? best_v + step : r.hi;
    for (it = 0; it < 60 && r.count > 1; it++) {
        double m1 = hi - 0.618034 * (hi - lo), m2 = lo + 0.618034 * (hi - lo);
        double e1 = exact_at(d, cls, shape_of(cls, m1), work, &a, &b);
        double e2 = exact_at(d, cls, shape_of(cls, m2), work, &a, &b);
        if (e1 < worst) { worst = e1; best_v = m1; }
        if (e2 < worst) { worst = e2; best_v = m2; }
        if (e1 < e2) hi = m2; else lo = m1;
    }
    worst = exact_at(d, cls, shape_of(cls, best_v), work, &a, &b);
    mo->applicable = isfinite(worst);
    mo->a = a; mo->b = b; mo->loss = 0.0;
    mo->shape = shape_of(cls, best_v);
    return worst;
}

/* Noise implied by residuals: per size, z^2 = r^2 / var estimates one
** reading's variance. Winsorize at 3 robust sigmas (MAD),
** then take the RMS with dof = informative sizes - params. */
double fit_model_sigma(const fit_data *d, const double *resid, int params,
                       double *z) {
    double s0, sum = 0.0, cap;
    int j, used = 0, dof;
    for (j = 0; j < d->m; j++) {
        if (d->cens[j] && resid[j] == 0.0) continue;
        z[used++] = fabs(resid[j]) / sqrt(d->var[j]);
    }
    dof = used - params;
    if (dof <= 0) return -1.0;
    fit_sort_doubles(z, used);
    s0 = 1.4826 * fit_median_sorted(z, used) * sqrt((double)used / dof);
    cap = 3.0 * s0;
    for (j = 0; j < used; j++) sum += z[j] < cap ? z[j] * z[j] : cap * cap;
    return sqrt(sum / dof);
}
