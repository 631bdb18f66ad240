/*
** clk.c -- clock resolution measurement.
**
** Like CPython's time.get_clock_info() (Modules/timemodule.c, 3.14) but
** observed instead of declared: spin until the clock changes, many times,
** and keep the smallest step.
*/
#include "clk.h"
#include "platform.h"

#define CLK_SAMPLES 25
#define CLK_SPIN_LIMIT 20000000L  /* guards a frozen clock */

static double resolution_ns;

double clk_now_ns(void) {
    return plat_now_ns();
}

/* One step: the time between two different readings. */
static double one_step(void) {
    double start = plat_now_ns(), now = start;
    long spins = 0;
    while (now == start && spins++ < CLK_SPIN_LIMIT) now = plat_now_ns();
    return now - start;
}

double clk_resolution_ns(void) {
    if (resolution_ns <= 0) {
        double best = 0;
        int i;
        one_step();                         /* align to a tick edge */
        for (i = 0; i < CLK_SAMPLES; i++) {
            double step = one_step();
            if (step > 0 && (best == 0 || step < best)) best = step;
        }
        resolution_ns = best > 0 ? best : 1e6;   /* frozen clock: assume 1 ms */
    }
    return resolution_ns;
}

void clk_recalibrate(void) {
    resolution_ns = 0;
}
