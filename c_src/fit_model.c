/*
** fit_model.c -- fit one complexity class, y = a + b*f(n) with a >= 0 and
** b >= 0, robustly and in relative (log) error.
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
**     nothing, one outside is measured from the nearer edge.
*/
#include "fit_internal.h"

#include <math.h>

#define GRID_LO    (-12.0)  /* log10 of the smallest tau offset tried */
#define GRID_STEP  0.125
#define GRID_COUNT 145      /* up to 1e6: a constant with invisible growth */
#define GOLDEN_ITERS 30

typedef struct model_ctx {
    const fit_data *d;
    double *g;          /* [m] rescaled basis */
    double *resid;      /* [m] out */
    double *se;         /* [m] standard error of each size at sigma */
    double *cap;        /* [m] loss cap of each size at sigma */
    double sigma;
} model_ctx;

double fit_model_se(const fit_data *d, int j, double sigma) {
    return sqrt(sigma * sigma * d->var[j] + FIT_EPS_LOG * FIT_EPS_LOG);
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

double fit_model_residual(const fit_data *d, int j, double pred) {
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
    double c = start_location(d, lg, tmp);
    int it, j;
    for (it = 0; it < 50; it++) {
        double sw = 0.0, swr = 0.0, step;
        for (j = 0; j < d->m; j++) {
            double s = x->se[j], r = fit_model_residual(d, j, c + lg[j]), u = fabs(r) / s, w;
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
        loss += capped_loss(fit_model_residual(d, j, *c + lg[j]) / x->se[j], x->cap[j]);
    return loss;
}

/* tau for grid point u = log10(tau - tau_lo); u below the grid means tau_lo
** itself (a = 0 exactly). */
static double tau_of(double tau_lo, double u) {
    return u < GRID_LO - 1.0 ? tau_lo : tau_lo + pow(10.0, u);
}

/* Search tau >= tau_lo: grid in log10(tau - tau_lo), then golden section
** around the best grid point. Returns the loss; *tau_best, *c_best set. */
static double search_tau(const model_ctx *x, double tau_lo, double *lg, double *tmp,
                         double *tau_best, double *c_best) {
    double best_u = GRID_LO - 2.0, c, best, lo, hi;
    int i, it;
    best = loss_at(x, tau_lo, lg, tmp, c_best);
    *tau_best = tau_lo;
    for (i = 0; i < GRID_COUNT; i++) {
        double u = GRID_LO + GRID_STEP * i, l = loss_at(x, tau_of(tau_lo, u), lg, tmp, &c);
        if (l < best) { best = l; best_u = u; *c_best = c; *tau_best = tau_of(tau_lo, u); }
    }
    if (best_u < GRID_LO - 1.0) return best;
    lo = best_u - GRID_STEP;
    hi = best_u + GRID_STEP;
    for (it = 0; it < GOLDEN_ITERS; it++) {
        double m1 = hi - 0.618034 * (hi - lo), m2 = lo + 0.618034 * (hi - lo);
        double c1, c2;
        double l1 = loss_at(x, tau_of(tau_lo, m1), lg, tmp, &c1);
        double l2 = loss_at(x, tau_of(tau_lo, m2), lg, tmp, &c2);
        if (l1 < best) { best = l1; *c_best = c1; *tau_best = tau_of(tau_lo, m1); }
        if (l2 < best) { best = l2; *c_best = c2; *tau_best = tau_of(tau_lo, m2); }
        if (l1 < l2) hi = m2; else lo = m1;
    }
    return best;
}

/* ------------------------------------------------------------- shapes */

/* g[j] in [0, 1], *tau0 (a = 0 at tau = tau0) and *span = f_max - f_min.
** Returns 0 if the class cannot be fitted. */
static int rescale(const fit_data *d, int cls, double *g, double *tau0, double *span) {
    int j, m = d->m;
    double fmin = HUGE_VAL, fmax = -HUGE_VAL;
    if (cls == FIT_2N) {
        double nmin = d->n[0], nmax = d->n[m - 1], e0;
        if (nmax > FIT_2N_MAX_N) return 0;
        e0 = pow(2.0, nmin - nmax);              /* 2^n / 2^nmax at nmin */
        for (j = 0; j < m; j++) g[j] = (pow(2.0, d->n[j] - nmax) - e0) / (1.0 - e0);
        *tau0 = e0 / (1.0 - e0);
        *span = pow(2.0, nmax) * (1.0 - e0);
        return 1;
    }
    for (j = 0; j < m; j++) {
        g[j] = fit_basis(cls, d->n[j]);
        if (g[j] < fmin) fmin = g[j];
        if (g[j] > fmax) fmax = g[j];
    }
    if (!(fmax > fmin) || !isfinite(fmax - fmin)) return 0;
    for (j = 0; j < m; j++) g[j] = (g[j] - fmin) / (fmax - fmin);
    *tau0 = fmin / (fmax - fmin);
    *span = fmax - fmin;
    return 1;
}

/* ------------------------------------------------------------- public */

static void fill_resid(const model_ctx *x, const double *lg, double c) {
    int j;
    for (j = 0; j < x->d->m; j++) x->resid[j] = fit_model_residual(x->d, j, c + lg[j]);
}

static void fit_constant(model_ctx *x, fit_model *mo, double *lg, double *tmp) {
    double c;
    int j;
    for (j = 0; j < x->d->m; j++) x->g[j] = 0.0;
    mo->loss = loss_at(x, 1.0, lg, tmp, &c);   /* log(1 + 0) = 0 */
    mo->a = exp(c);
    mo->b = 0.0;
    fill_resid(x, lg, c);
}

void fit_model_fit(const fit_data *d, int cls, double sigma, fit_model *mo,
                   double *work) {
    double *resid = work, *g = resid + d->m, *lg = g + d->m, *tmp = lg + d->m;
    double tau0, span, tau, c, tau_lo;
    model_ctx x;
    int j;
    x.d = d; x.g = g; x.resid = resid; x.sigma = sigma;
    x.se = tmp + d->m;
    x.cap = x.se + d->m;
    for (j = 0; j < d->m; j++) {
        x.se[j] = fit_model_se(d, j, sigma);
        x.cap[j] = loss_cap(d->k[j], x.se[j]);
    }
    mo->applicable = 1;
    if (cls == FIT_O1) { fit_constant(&x, mo, lg, tmp); return; }
    if (!rescale(d, cls, g, &tau0, &span)) {
        mo->applicable = 0;
        mo->a = mo->b = 0.0;
        mo->loss = HUGE_VAL;
        for (j = 0; j < d->m; j++) resid[j] = 0.0;
        return;
    }
    tau_lo = tau0 > 0.0 ? tau0 : 0.0;
    mo->loss = search_tau(&x, tau_lo, lg, tmp, &tau, &c);
    /* recompute lg for the winner, then the residuals */
    loss_at(&x, tau, lg, tmp, &c);
    fill_resid(&x, lg, c);
    mo->a = exp(c) * (tau - tau0);
    if (mo->a < 0.0) mo->a = 0.0;
    mo->b = exp(c) / span;
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
