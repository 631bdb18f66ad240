/*
** tim.h -- the timing harness: warm-up, autoranged batches, repeats,
** robust statistics.
**
** Follows Python's timeit.Timer.autorange (Lib/timeit.py, 3.14) for the
** loop count, and mitata/tinybench for reporting a spread instead of one
** number: min, median, MAD, quartiles and an outlier count.
*/
#ifndef CC_TIM_H
#define CC_TIM_H

#define TIM_MAX_REPEATS 31

/* The code under test: one call does the operation once. */
typedef void (*tim_kernel)(void *arg);

typedef struct tim_options {
    int repeats;            /* batches to time, 1..TIM_MAX_REPEATS */
    double min_batch_ns;    /* a batch lasts at least this long ... */
    double resolution_factor; /* ... and at least this many clock steps */
    double budget_ns;       /* stop growing/repeating past this total */
    int warmup_calls;       /* untimed calls first */
} tim_options;

typedef struct tim_stats {
    double per_call_ns;     /* the estimate: median batch / loops */
    double uncertainty_ns;  /* 1.4826 * MAD / sqrt(repeats), per call */
    double min_ns, median_ns, mad_ns, q1_ns, q3_ns;  /* per call */
    double samples_ns[TIM_MAX_REPEATS];              /* per call */
    long loops;             /* calls per batch */
    int repeats;            /* batches actually timed */
    int outliers;           /* samples beyond median + 5 MAD */
    int budget_hit;         /* 1 if the budget cut the measurement short */
} tim_stats;

#define TIM_ERR_ARG (-1)

/* Defaults: 5 repeats, 1 ms batches or 1000 clock steps, 2 s budget. */
tim_options tim_default_options(void);

/* Time kernel(arg). Returns 0, or TIM_ERR_ARG (out untouched) when the
** kernel is NULL or the options are out of range. */
int tim_measure(tim_kernel kernel, void *arg, const tim_options *opt, tim_stats *out);

/* Robust summary of any sample (sorted copy inside); used by tests too. */
void tim_summarize(const double *samples, int count, double *median, double *mad,
                   double *q1, double *q3);

#endif
