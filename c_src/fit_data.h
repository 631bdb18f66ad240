/*
** fit_data.h -- the one thing the classifier's decision (fit.c) and its
** models (fit_model.c) truly share: the prepared data, one point per
** distinct n, that fit_data.c builds from the raw (n, y) points. fit.c
** builds and frees it and reads its noise figures; fit_model.c fits curves
** to it. Neither file's own constants or state live here (fit.c keeps the
** decision's, fit_model.c the models' and fit_model.h their interface).
** Not part of the public API (only fit.h is).
**
** Mirrors no CPython code (CPython has no complexity classifier; the repeats
** are reduced as fit_data.c says, after timeit's habit). Like Trend Prof
** (FSE 2007), which also fits per-size aggregates: each
** distinct n carries the robust centre of its repeats, in log space, with a
** standard error from the measurement noise (relative, shrinks with
** repeats). A timer tick q makes a reading y an interval [y - q/2, y + q/2]
** (a zero reading: [0, q/2]); a model inside the interval has no residual,
** outside it is measured from the edge.
*/
#ifndef CC_FIT_DATA_H
#define CC_FIT_DATA_H

#include "fit.h"

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

/* Sort, correct drift, aggregate repeats; more than 48 distinct sizes are
** pooled into 48 bins equal in log n first (fit_data.c, FIT_MAX_SIZES).
** 0 or FIT_ERR_NOMEM (d zeroed). */
int fit_data_build(const double *n, const double *y, int count, fit_data *d);
void fit_data_free(fit_data *d);

/* Theil-Sen slope of logv vs log n over uncensored sizes; 0 if < 2 of them.
** Returns FIT_ERR_NOMEM if the pair buffer cannot be allocated. */
int fit_data_loglog_slope(const fit_data *d, double *slope);

/* Small tools (fit_data.c) that fit_model.c uses too. */
void fit_sort_doubles(double *v, int count);   /* ascending, in place */
double fit_median_sorted(const double *v, int count);

#endif
