/*
** judge.h -- the one judge: does a measured growth meet a target class?
**
** pass / fail / inconclusive, with the reason in words, for one series
** (fit_judge), for time and deterministic step counts together
** (judge_growth) and for a call that ran out of time (judge_too_slow).
** The page, the CPython checks and the CLI all ask this module; nothing
** else decides a Check. It mirrors nothing in CPython: the rule is the
** course's own policy (issue 15, "one judge in C"), written out at the top
** of judge.c and in README.md, "How a Check decides".
*/
#ifndef CC_JUDGE_H
#define CC_JUDGE_H

#include "fit.h"

/* Verdicts. */
#define JUDGE_PASS          0
#define JUDGE_FAIL          1
#define JUDGE_INCONCLUSIVE  2

/* Which measurement decided (decided_by). */
#define JUDGE_BY_NONE       0   /* nothing did: the verdict is inconclusive */
#define JUDGE_BY_TIME       1   /* the timed series (or the one series judged) */
#define JUDGE_BY_STEPS      2   /* the exact step counts */
#define JUDGE_BY_BOTH       3   /* time and steps agreed */
#define JUDGE_BY_TOO_SLOW   4   /* the call ran out of time where the reference did not */

/* Errors (all < 0). On any error *out is left unchanged. */
#define JUDGE_ERR_NULL    (-1)  /* a required pointer is NULL */
#define JUDGE_ERR_TARGET  (-2)  /* target is not a class (FIT_O1 .. FIT_2N) */
#define JUDGE_ERR_ARG     (-3)  /* any other bad argument (NaN, n <= 0, ...) */

/* The classifier's two thresholds, read the same way here: a class holding
** JUDGE_LEAN of the evidence (odds 2:1) is a lean, "probably"; from
** JUDGE_CONFIDENT (9:1) on it is not tentative. fit.c defines them as
** FIT_MIN_CONFIDENCE and FIT_CONFIDENT; when fit.h exports them, they are
** used, so the two modules cannot drift apart. */
#ifdef FIT_MIN_CONFIDENCE
#define JUDGE_LEAN FIT_MIN_CONFIDENCE
#else
#define JUDGE_LEAN 0.65
#endif
#ifdef FIT_CONFIDENT
#define JUDGE_CONFIDENT FIT_CONFIDENT
#else
#define JUDGE_CONFIDENT 0.9
#endif

/* A call that passed the time limit fails when the reference is at least
** this many times faster at the same n: a 2 s limit against a reference
** under 100 ms. Closer than that, the limit may have caught a correct
** solution on a slow machine, so it decides nothing. */
#define JUDGE_TOO_SLOW_RATIO 20.0

/* Fewer distinct sizes than this never decide: two points fit any class. */
#define JUDGE_SLOPE_MARGIN 0.05   /* a draw settled by the log-log slope (judge.c) */
#define JUDGE_MIN_SIZES 3
#define JUDGE_MIN_SPAN 8.0    /* n_max / n_min below which a lean of time passes nothing (judge.c) */
#define JUDGE_MIN_EXCESS 2.0  /* growth beyond the target's power that a time fail needs (judge.c) */

typedef struct judge_result {
    int verdict;        /* JUDGE_PASS, JUDGE_FAIL or JUDGE_INCONCLUSIVE */
    int decided_by;     /* JUDGE_BY_* */
    int disagree;       /* 1 when time and steps reached different verdicts */
    int sizes_needed;   /* inconclusive for want of sizes: how many a verdict needs, else 0 */
    char reason[256];   /* one sentence, lower case, no final full stop */
} judge_result;

/* Judge one series r (time, memory or steps) against target (a fit_class).
** decided_by is JUDGE_BY_TIME when the verdict is pass or fail, else
** JUDGE_BY_NONE. The reason has no subject ("grows as O(n), within the
** target O(n)"), so the host can put "time:" or "space:" before it.
** Returns 0, or JUDGE_ERR_NULL / JUDGE_ERR_TARGET / JUDGE_ERR_ARG (r holds
** a class out of range or a confidence outside 0..1) with *out unchanged. */
int fit_judge(const fit_result *r,      /* the classifier's result */
              int target,               /* FIT_O1 .. FIT_2N */
              judge_result *out);

/* Judge time and step counts together (the rule is at the top of judge.c).
** time or steps may be NULL when that measurement is missing. Returns 0,
** or JUDGE_ERR_NULL (out NULL) / JUDGE_ERR_TARGET / JUDGE_ERR_ARG (as for
** fit_judge) with *out unchanged. */
int judge_growth(int target,
                 const fit_result *time,    /* seconds per call, or NULL */
                 const fit_result *steps,   /* Python lines executed, or NULL */
                 judge_result *out);

/* A call passed its time limit: it had run `seconds` at size n where the
** reference takes ref_seconds. Fails (decided_by JUDGE_BY_TOO_SLOW) when the
** reference is at least JUDGE_TOO_SLOW_RATIO times faster, else
** inconclusive. Returns 0, or JUDGE_ERR_* with *out unchanged: out NULL, a
** bad target, n or seconds not finite and > 0, ref_seconds not finite and
** >= 0. */
int judge_too_slow(int target, double n, double seconds, double ref_seconds,
                   judge_result *out);

/* The final word when a too-slow judgement exists beside the growth one:
** a growth fail stands (it names the class; the too-slow words are added
** when they fit); otherwise a too-slow fail overrides; otherwise the growth
** judgement stands. Returns 0, or JUDGE_ERR_NULL / JUDGE_ERR_ARG (a verdict
** out of range) with *out unchanged. out may be growth itself. */
int judge_merge_too_slow(const judge_result *growth, const judge_result *slow,
                         judge_result *out);

/* "pass", "fail", "inconclusive"; "?" for anything else. */
const char *judge_verdict_label(int verdict);

/* "none", "time", "steps", "time+steps", "too_slow"; "?" for anything else. */
const char *judge_decided_by_label(int decided_by);

/* A sentence for a JUDGE_ERR_* code. */
const char *judge_error_message(int err);

#endif
