/*
** api.h -- the core's entry points for its two hosts: the native CLI and
** the wasm worker. Everything returns JSON text (free with api_free); bulk
** series come in as arrays of doubles. No entry point aborts: bad input
** gives {"error": "..."}.
*/
#ifndef CC_API_H
#define CC_API_H

#include <stddef.h>

#include "judge.h"

/* All demos with their parameters and bounds. */
char *api_demo_list(void);

/* Run a demo; values in declared parameter order, NaN = default. */
char *api_demo_run(const char *id, const double *values, int count);

/* Classify the growth of (n[i], y[i]) points. */
char *api_fit(const double *n, const double *y, int count);

/* Judge measured growth against a target class ("O(n)", as api_classes
** spells it): the time series (tn, ty: tcount points; for a space target,
** the memory series), the Python lines executed (sn, sy: scount points) and,
** when slow_n > 0, a call that passed its time limit: slow_seconds at n =
** slow_n, where the reference takes ref_seconds. Counts may be 0 (that
** measurement is missing); a series with fewer than 3 distinct n is
** judged inconclusive, not an error. Returns
**   {"target", "verdict": "pass"|"fail"|"inconclusive", "reason",
**    "decided_by": "time"|"steps"|"time+steps"|"too_slow"|"none",
**    "disagree": bool, "time": SERIES|null, "steps": SERIES|null,
**    "too_slow": {"n","seconds","ref_seconds","verdict","reason"}|null}
** where SERIES is api_fit's object with "verdict" and "reason" (that series
** alone against the target, judge.h fit_judge) in front and the fit's own
** reason renamed "fit_reason"; for a single size it is only
** {"verdict","reason","best":"inconclusive","inconclusive":true,"points",
** "distinct_n"}. Bad input: {"error": "..."}; NULL when out of memory. */
char *api_judge(const char *target, const double *tn, const double *ty, int tcount,
                const double *sn, const double *sy, int scount,
                double slow_n, double slow_seconds, double ref_seconds);

/* api_judge for a host that also wants the judgement as a struct (the
** CLI's text output): returns 0 and fills *out, or < 0 when *json is an
** {"error"} object (or NULL: out of memory), *out unchanged. *json is set
** either way (free with api_free). */
int api_judge_into(const char *target, const double *tn, const double *ty, int tcount,
                   const double *sn, const double *sy, int scount,
                   double slow_n, double slow_seconds, double ref_seconds,
                   judge_result *out, char **json);

/* The complexity classes, smallest first: {"classes": ["O(1)", ...]}. The
** one list every host and the site data read. */
char *api_classes(void);

/* The measured clock resolution and the allocator's counters. */
char *api_status(void);

/* Buffers the host fills (parameter arrays, series) and frees. */
void *api_alloc(size_t bytes);
void api_free(void *block);

#endif
