/*
** ops.c -- operation counters (see ops.h).
*/
#include "ops.h"

#include <string.h>

ops_counts ops_live;

void ops_reset(void) {
    memset(&ops_live, 0, sizeof ops_live);
}

ops_counts ops_get(void) {
    return ops_live;
}

uint64_t ops_total(const ops_counts *c) {
    if (c == NULL) return 0;
    return c->comparisons + c->probes + c->moves + c->bytes_copied +
           c->allocations + c->calls + c->steps;
}
