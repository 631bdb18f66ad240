/*
** always.h -- SQLite's ALWAYS()/NEVER() for the core's invariants (SQLite
** defines them in sqliteInt.h). In the sanitizer build (the one the tests
** use, or with CC_DEBUG) a broken invariant stops the program at the
** assert; elsewhere the condition is only evaluated, so a release build
** takes the defensive branch, and a bare (void)ALWAYS(pure expression)
** compiles to nothing.
*/
#ifndef CC_ALWAYS_H
#define CC_ALWAYS_H

#if defined(CC_DEBUG) || defined(__SANITIZE_ADDRESS__)
#include <assert.h>
#define ALWAYS(x) ((x) ? 1 : (assert(0), 0))
#define NEVER(x)  ((x) ? (assert(0), 1) : 0)
#else
#define ALWAYS(x) (x)
#define NEVER(x)  (x)
#endif

#endif
