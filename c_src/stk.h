/*
** stk.h -- stack accounting: how deep did a call go?
**
** CPython guards C recursion with a stack-remaining check
** (Python/ceval.c, 3.14, _Py_ReachedRecursionLimitWithMargin); we do the
** same so a recursive demo fails with a clean error, never a crash.
*/
#ifndef CC_STK_H
#define CC_STK_H

#include <stddef.h>

/* Start accounting from the caller's frame, with a budget in bytes: deeper
** than that counts as overflow. The budget is also capped by what the
** platform reports as really available. */
void stk_begin(size_t budget_bytes);

/* Note the current depth; returns nonzero when past the budget, and the
** caller must unwind instead of recursing further. */
int stk_probe(void);

/* Deepest stack use seen since stk_begin, in bytes. */
size_t stk_deepest(void);

/* The budget in force (after the platform cap). */
size_t stk_budget(void);

#endif
