/*
** fit.h -- the complexity classifier: which of O(1), O(log n), O(n),
** O(n log n), O(n^2), O(n^3), O(2^n) explains a set of (n, value) points,
** or "inconclusive" when the data cannot separate them.
**
** O(2^n) stands for exponential growth in general: y = a + b*c^n with the
** base c fitted in [1.2, 4] (Fibonacci-style recursion, 1.618^n, is O(2^n)
** here; the fitted c is reported as exp_base).
**
** Values may be seconds, operation counts or bytes; repeated points per n
** are expected (e.g. 5 repeats at each of 8 sizes). See fit.c for the method
** and what it borrows from Trend Prof and big_O.
*/
#ifndef CC_FIT_H
#define CC_FIT_H

#include <stddef.h>

typedef enum {
    FIT_O1, FIT_LOGN, FIT_N, FIT_NLOGN, FIT_N2, FIT_N3, FIT_2N, FIT_CLASS_COUNT
} fit_class;

#define FIT_INCONCLUSIVE (-1)

/* Errors (all < 0). On any error the output is left unchanged. */
#define FIT_ERR_NULL      (-1)  /* a required pointer is NULL */
#define FIT_ERR_COUNT     (-2)  /* fewer than 2 points */
#define FIT_ERR_N         (-3)  /* an n is <= 0, NaN or infinite */
#define FIT_ERR_Y         (-4)  /* a value is negative, NaN or infinite */
#define FIT_ERR_DISTINCT  (-5)  /* fewer than 2 distinct n */
#define FIT_ERR_NOMEM     (-6)  /* the counting allocator said no */
#define FIT_ERR_ARG       (-7)  /* any other bad argument (e.g. buf NULL, cap > 0) */

/* The exponential class is only fitted when every n is at most this (2^n
** overflows a double past 1023, and no O(2^n) run ever reaches such an n
** anyway; above n = 497 the largest base tried is lowered so that c^n fits). */
#define FIT_2N_MAX_N 1000.0

typedef struct fit_result {
    int best;               /* fit_class, or FIT_INCONCLUSIVE */
    int top;                /* the top-ranked class even when inconclusive */
    int runner_up;          /* second-ranked class */
    int tentative;          /* 1 when best is a class but confidence < 0.9:
                               the data lean that way (odds 2:1 to 9:1) */
    double confidence;      /* 0..1 for `top`: its share of the evidence,
                               tempered above 0.65 for timings (fit.c,
                               calibrate) so that it is right as often as it
                               says; best is top when confidence >= 0.65. 1
                               for exact data that one class matches (a
                               constant series, zeros included, is O(1)) */
    /* y = a + b*f(n) per class, f as fit_basis except for O(2^n), where
    ** f(n) = exp_base^n. a >= 0, except that a class that fits exact data
    ** exactly keeps its true intercept (2n - 1: a = -1). */
    double a[FIT_CLASS_COUNT], b[FIT_CLASS_COUNT];
    double exp_base;        /* c of the exponential class, 0 when not fitted */
    /* Misfit of each class, judged at the common noise level: the sum over
    ** the distinct sizes of a robust loss of (log centre - log model) /
    ** standard error -- quadratic like chi-square near the curve, linear
    ** past 2 standard errors, capped where a spike explains a size better
    ** than noise. About distinct_n - 2 for a class that fits within the
    ** noise; lower is better. O(n) may tilt as n^(1+eps) at a prior cost
    ** (a per-item cost that creeps with n through caches is not a log n;
    ** see fit_model.c), and the exponential's free base costs 2; both
    ** costs are in the score. A growing class also pays an Occam cost for
    ** its intercept: little when it fits with any small overhead, up to
    ** 2 ln 101 when only a finely tuned one bends it onto the data; O(n)
    ** likewise for its tilt (nothing when the data leave it free). For exact data (every size's readings agree)
    ** that one class matches to 1e-7, that class scores 0 and the others
    ** are judged as exact values. INFINITY (JSON null) when the class does
    ** not apply (2^n with n > FIT_2N_MAX_N). */
    double score[FIT_CLASS_COUNT];
    double weight[FIT_CLASS_COUNT]; /* share of the evidence per class, sums to 1;
                                       confidence == weight[top], except 0
                                       when the noise cannot be estimated */
    double loglog_slope;    /* Theil-Sen slope of log y vs log n (per-size centres) */
    int points;             /* points used */
    int distinct_n;
    double n_min, n_max;    /* smallest and largest distinct n */
    double noise;           /* estimated relative noise of one measurement
                               (standard deviation of log y) */
    double quantum;         /* detected value quantum (timer tick), 0 if none */
    char reason[96];        /* short human explanation, esp. when inconclusive */
} fit_result;

/* Classify count points (n[i], y[i]), given in measurement order (when
** sizes were measured interleaved, a slow drift over that order is found
** and removed). Returns 0 and fills *out, or a FIT_ERR_* code (< 0) with
** *out unchanged: NULL pointers, count < 2, an n <= 0 or non-finite, a y < 0
** or non-finite, fewer than 2 distinct n, or no memory. Deterministic: the
** same input always gives the same result, natively and in wasm. Cost is
** about 0.2 ms per distinct n (native; 1.5 ms for 8 sizes x 5 repeats),
** up to about 35 ms (8 sizes x 5 repeats, native) when cache steps are
** weighed: each stepped class locates its best step for the noise
** estimate and averages over a grid of them (fit_model.c); more than
** 48 distinct n are pooled into 48 bins equal in log n first
** (fit_data.c), so 10^6 points take about 2 s and memory linear in count. */
int fit_classify(const double *n, const double *y, int count, fit_result *out);

/* "O(1)" ... "O(2^n)", "inconclusive" for FIT_INCONCLUSIVE, "?" otherwise. */
const char *fit_class_label(int cls);

/* Inverse of fit_class_label (also accepts "inconclusive"); -2 if unknown. */
int fit_class_from_label(const char *label);

/* f(n) for the class: 1, ln n, n, n ln n, n^2, n^3, 2^n. NaN for a bad class
** or n <= 0; HUGE_VAL when 2^n overflows. */
double fit_basis(int cls, double n);

/* Write r as one JSON object, snprintf-style: returns the length needed
** (without the NUL); when it is < cap the whole text and a NUL are written,
** otherwise buf holds "" (if cap > 0). buf may be NULL when cap is 0.
** Returns FIT_ERR_NULL / FIT_ERR_ARG (< 0, buf untouched) on bad arguments,
** FIT_ERR_NOMEM when the JSON writer (jsonw.c, in fit_json.c) cannot allocate.
** Keys: best, top, runner_up (labels), confidence, inconclusive,
** tentative, slope,
** points, distinct_n, noise, quantum, reason, classes [{label, a, b, score,
** weight}, the O(2^n) entry also has base: y = a + b*base^n, null when
** not fitted]. Non-finite numbers are written as null. */
int fit_result_to_json(const fit_result *r, char *buf, size_t cap);

/* A sentence for a FIT_ERR_* code. */
const char *fit_error_message(int err);

#endif
