/*
** fit_model.h -- what fit_model.c offers the decision (fit.c): fit one
** class to the prepared data (fit_data.h) at a given noise, its Occam cost,
** its cache step, the exact-data fit and the noise its residuals imply.
** The models' constants (Huber corner, spike prior, tilt and step priors,
** the exponential's base range, the Occam grid) are fit_model.c's own.
** Not part of the public API (only fit.h is).
**
** Mirrors no CPython code (CPython has no complexity classifier); the form
** follows big_O (pberkes/big_O): one y = a + b*f(n) fit per class; how it
** differs is in fit_model.c.
*/
#ifndef CC_FIT_MODEL_H
#define CC_FIT_MODEL_H

#include "fit_data.h"

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
    double step_gain;   /* what fit_model_step changed occam by: below 0
                           when the class with a cache step explains the
                           data better than the smooth curve, after the
                           step's own Occam factor; 0 when not stepped */
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

/* 1 for the classes (O(n) to O(n^3)) whose per-item cost may step up once
** n passes a cache size (fit_model.c, FIT_STEP_P). */
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

#endif
