/*
** stk.c -- stack accounting by address arithmetic (see stk.h).
*/
#include "stk.h"
#include "platform.h"

#include <stdint.h>

static uintptr_t base;
static size_t deepest, budget;

void stk_begin(size_t budget_bytes) {
    uintptr_t remaining;
    base = plat_stack_pointer();
    deepest = 0;
    budget = budget_bytes;
    remaining = plat_stack_remaining();
    /* keep a 16 KiB margin for the calls that unwind and report */
    if (remaining > 0 && remaining < (uintptr_t)budget + 16384) {
        budget = remaining > 16384 ? (size_t)(remaining - 16384) : 0;
    }
}

int stk_probe(void) {
    uintptr_t sp = plat_stack_pointer();
    size_t used = sp < base ? (size_t)(base - sp) : 0;
    if (used > deepest) deepest = used;
    return used > budget;
}

size_t stk_deepest(void) {
    return deepest;
}

size_t stk_budget(void) {
    return budget;
}
