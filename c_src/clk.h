/*
** clk.h -- the clock, with its resolution measured rather than trusted.
**
** Python's timeit trusts time.perf_counter; browsers do not deserve that
** trust (performance.now() is clamped to 100 us, or 5 us when the page is
** cross-origin isolated), so we sample the clock and find its real step.
*/
#ifndef CC_CLK_H
#define CC_CLK_H

/* Nanoseconds from an arbitrary origin (monotonic). */
double clk_now_ns(void);

/* Smallest observed nonzero step of the clock, in ns. Measured once. */
double clk_resolution_ns(void);

/* Forget the measured resolution so the next call measures again. */
void clk_recalibrate(void);

#endif
