/*
** invariant.h -- ALWAYS()/NEVER(): invariants checked in the test build.
**
** Mirrors SQLite's ALWAYS/NEVER macros (src/sqliteInt.h): a condition the
** code believes can never be false (ALWAYS) or never true (NEVER) is
** written as an ordinary test, so the release build still takes the safe
** branch, while the ASan/UBSan test build (compiled with -DCC_DEBUG)
** aborts on the spot and names the broken invariant.
*/
#ifndef CC_INVARIANT_H
#define CC_INVARIANT_H

#ifdef CC_DEBUG
#include <stdio.h>
#include <stdlib.h>

/* Print where the invariant broke and stop: a broken invariant means the
** counts after it are wrong, so carrying on would only hide the cause. */
static inline int invariant_failed(const char *expr, const char *file, int line) {
    fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, expr);
    abort();
    return 0;
}

#define ALWAYS(X) ((X) ? 1 : invariant_failed("ALWAYS(" #X ")", __FILE__, __LINE__))
#define NEVER(X)  ((X) ? invariant_failed("NEVER(" #X ")", __FILE__, __LINE__) : 0)
#else
#define ALWAYS(X) ((X) ? 1 : 0)
#define NEVER(X)  ((X) ? 1 : 0)
#endif

#endif
