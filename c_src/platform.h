/*
** platform.h -- the few things the core needs from its host.
**
** The core never includes <emscripten.h>: c_src/native/platform_native.c and
** c_src/wasm/platform_wasm.c each implement these functions, so the same
** sources build natively and as WebAssembly (the sql.js arrangement).
*/
#ifndef CC_PLATFORM_H
#define CC_PLATFORM_H

#include <stdint.h>

/* Monotonic time in nanoseconds. Native: clock_gettime(CLOCK_MONOTONIC).
** wasm: emscripten_get_now(), which browsers clamp to 100 us (5 us when the
** page is cross-origin isolated); clk.c measures the real resolution. */
double plat_now_ns(void);

/* Address of the current stack top, as an integer, for stack accounting.
** Stacks grow downwards on every platform we build for. */
uintptr_t plat_stack_pointer(void);

/* Bytes of stack still available below the current stack pointer, or 0 if
** the platform cannot tell (then a configured budget is used instead). */
uintptr_t plat_stack_remaining(void);

/* Report progress (0..1) of a long call with a short message. Returns
** nonzero when the host asked to cancel; callers stop between points. */
int plat_progress(double fraction, const char *message);

#endif
