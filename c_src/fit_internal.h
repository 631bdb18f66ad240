/*
** fit_internal.h -- what fit.c, fit_data.c and fit_model.c share. Not part
** of the public API (only fit.h is).
**
** The classifier works on one point per distinct n: the robust centre of
** the repeats, in log space, with a standard error from the measurement
** noise (relative, shrinks with repeats). A timer tick q makes a reading y an
** interval [y - q/2, y + q/2] (a zero reading: [0, q/2]); a model inside
** the interval has no residual, outside it is measured from the edge.
*/
#ifndef CC_FIT_INTERNAL_H
#define CC_FIT_INTERNAL_H

#include "fit.h"

/* ------------------------------------------------------------- the data */

typedef struct fit_data {
    int m;              /* distinct sizes */
    int points;         /* raw points */
    double *n;          /* [m] distinct sizes, ascending */
    double *y;          /* [m] centre of the readings at each size (drift-corrected) */
    double *logv;       /* [m] log(max(y, floor)) */
    double *lo, *hi;    /* [m] log of the reading's interval (lo unused if cens) */
    double *var;        /* [m] variance of the centre / variance of one reading */
    int *k;             /* [m] repeats at each size */
    int *cens;          /* [m] 1 when the centre reads zero: only "< floor" */
    int uncensored;     /* sizes with cens == 0 */
    int identical;      /* 1 when the readings at each size are all equal
                           (one reading per size, or exact repeats) */
    double ymax;        /* largest raw value */
    double quantum;     /* detected value quantum, 0 if none */
    double floor_value; /* smallest resolvable value: quantum/2, or 0 */
    double sigma_rep;   /* relative noise of one reading from repeats, 0 if unknown */
    double nu_rep;      /* degrees of freedom of sigma_rep (0 if unknown) */
    double spike_scale; /* robust sigma used to recognise spikes */
    double drift;       /* removed multiplicative drift per measurement (log) */
    void *block;        /* the single allocation behind the arrays */
} fit_data;

/* More distinct sizes than this are pooled into this many bins equal in
** log n before the fit (fit_data.c, bin_sizes): the fit's cost grows
** about as the square of the sizes (the cache-step search tries each
** size as the step, each try a fit). 48 keeps every demo's series whole
** (at most 40 points) and 10^5 CSV points under a second; 128 took 2 s. */
#define FIT_MAX_SIZES 48

/* Sort, correct drift, aggregate repeats. 0 or FIT_ERR_NOMEM (d zeroed). */
int fit_data_build(const double *n, const double *y, int count, fit_data *d);
void fit_data_free(fit_data *d);

/* Theil-Sen slope of logv vs log n over uncensored sizes; 0 if < 2 of them.
** Returns FIT_ERR_NOMEM if the pair buffer cannot be allocated. */
int fit_data_loglog_slope(const fit_data *d, double *slope);

/* -------------------------------------------------------------- a model */

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
/* The overhead's Occam integral (fit_model.c): log10 of tau from
** FIT_OCCAM_LO to FIT_OCCAM_HI in FIT_OCCAM_STEPS steps of 0.1 decade. */
#define FIT_OCCAM_LO    (-4.0)
#define FIT_OCCAM_HI    6.0
#define FIT_OCCAM_STEPS 101

typedef struct fit_model {
    int applicable;     /* 0: the class cannot be fitted to this data */
    double a, b;        /* y = a + b*f(n), a >= 0, b >= 0 (the untilted
                           curve for O(n); f = c^n for the exponential) */
    double shape;       /* the base c of the exponential; the tilt eps of
                           O(n); 0 otherwise */
    double loss;        /* sum of capped Huber losses plus the shape's
                           prior cost, see fit.h score */
    double tau;         /* the best intercept parameter (fit_model.c) */
    double occam;       /* Occam cost of the intercept and O(n)'s tilt (see
                           fit_model.c), added to loss when growing classes
                           are compared; 0 until fit_model_occam; then
                           lowered by fit_model_step when a cache step
                           explains the data */
    double occam_tau;   /* the intercept's share of occam */
    double located;     /* the shape located at the wide noise ... */
    double located_sigma;   /* ... this one (0: not yet); kept between
                               calls on the same data and class */
    double step[3];     /* the best cache step's position, factor and width,
                           found at the first fit_model_step_resid ... */
    int step_found;     /* ... (1 once found); later calls, at another
                           noise, refit only the curve under that step */
} fit_model;

#define FIT_MODEL_WORK 8     /* model scratch, in doubles per size */

/* Fit class cls at relative noise sigma. resid (m doubles) receives the
** log residuals (0 for a zero reading that the model also puts below the
** floor); work is FIT_MODEL_WORK*m doubles of scratch, its layout
** fit_model.c's own. mo must be zeroed before the
** first call for a class (it keeps the located shape between calls). */
void fit_model_fit(const fit_data *d, int cls, double sigma, fit_model *mo,
                   double *resid, double *work);

/* The Occam cost of a fitted growing class (mo from fit_model_fit at the
** same sigma) into mo->occam: once, after the noise has settled, as it
** costs a hundred fits. work as for fit_model_fit. */
void fit_model_occam(const fit_data *d, int cls, double sigma, fit_model *mo,
                     double *work);

/* Cache steps (fit_model.c): classes O(n) to O(n^3) may have a per-item
** cost that steps up once n passes a cache size, with prior chance
** FIT_STEP_P, at FIT_STEP_AT positions over the measured range. Every
** stepped class that competes pays the same (1 - FIT_STEP_P) when no step
** is needed; 0.25 and 0.35 did equally on the held-out generator (base
** 7000: 1258 vs 1259 of 1400 right), 0.25 kept the real O(n^2) of string
** concatenation (tests/fit_real, a lean at 0.68) from inconclusive. */
#define FIT_STEP_P  0.25
#define FIT_STEP_AT 7
int fit_model_stepped(int cls);

/* Average the class's likelihood over a cache step as well (see
** fit_model.c), into mo->occam; after fit_model_occam at the same sigma.
** Only for fit_model_stepped classes with at least 4 sizes. */
void fit_model_step(const fit_data *d, int cls, double sigma, fit_model *mo,
                    double *work);

/* The log residuals of class cls's best-fitting stepped curve at sigma
** (the grid fit_model_step averages over, refined; mo keeps the step for
** the next call) into resid (m doubles); returns
** its loss, HUGE_VAL (resid untouched) when the class has no step or there
** are fewer than 4 sizes. The noise is read from these too (fit.c,
** best_scale): a step's misfit to a smooth curve is not noise. work as for
** fit_model_fit. */
#define FIT_STEP_PARAMS 5   /* a, b, the step's position, factor and width */
double fit_model_step_resid(const fit_data *d, int cls, double sigma, fit_model *mo,
                            double *resid, double *work);

/* Least squares in relative error with a free intercept (any sign), for
** exact data: fills mo (loss 0, applicable 0 if the class cannot be
** fitted) and returns the largest relative residual, HUGE_VAL when the
** class does not apply or does not grow. Needs every centre > 0. work
** holds m doubles. */
double fit_model_exact(const fit_data *d, int cls, fit_model *mo, double *work);

/* Robust relative noise of one reading implied by a model's residuals
** (scratch: m doubles), or -1 when no degrees of freedom are left. */
double fit_model_sigma(const fit_data *d, const double *resid, int params,
                       double *scratch);

/* Standard error of logv[j] at relative noise sigma. */
double fit_model_se(const fit_data *d, int j, double sigma);

/* Log residual of size j against a model whose log is pred: 0 inside the
** reading's interval, else the distance from the nearer edge (sign: data
** minus model). */
double fit_model_residual(const fit_data *d, int j, double pred);

/* ---------------------------------------------------------- small tools */

void fit_sort_doubles(double *v, int count);   /* ascending, in place */
double fit_median_sorted(const double *v, int count);

#endif
