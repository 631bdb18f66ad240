/*
** api.h -- the core's entry points for its two hosts: the native CLI and
** the wasm worker. Everything returns JSON text (free with api_free); bulk
** series come in as arrays of doubles. No entry point aborts: bad input
** gives {"error": "..."}.
*/
#ifndef CC_API_H
#define CC_API_H

#include <stddef.h>

/* All demos with their parameters and bounds. */
char *api_demo_list(void);

/* Run a demo; values in declared parameter order, NaN = default. */
char *api_demo_run(const char *id, const double *values, int count);

/* Classify the growth of (n[i], y[i]) points. */
char *api_fit(const double *n, const double *y, int count);

/* The measured clock resolution and the allocator's counters. */
char *api_status(void);

/* Buffers the host fills (parameter arrays, series) and frees. */
void *api_alloc(size_t bytes);
void api_free(void *block);

#endif
