/*
** platform_wasm.c -- platform.h for the WebAssembly build (Emscripten).
**
** The only file that includes <emscripten.h>. The exported entry points are
** the api_* functions, listed in c_src/wasm/exports.json.
*/
#include "../platform.h"

#include <emscripten.h>
#include <emscripten/stack.h>

/* Calls Module.onProgress(fraction, message) if the worker set it; its
** return value (nonzero = cancel) comes from a SharedArrayBuffer flag the
** page can set while this call is still running. */
EM_JS(int, js_progress, (double fraction, const char *message), {
    if (typeof Module.onProgress !== 'function') return 0;
    return Module.onProgress(fraction, message ? UTF8ToString(message) : "") ? 1 : 0;
});

double plat_now_ns(void) {
    return emscripten_get_now() * 1e6;
}

uintptr_t plat_stack_pointer(void) {
    return (uintptr_t)emscripten_stack_get_current();
}

uintptr_t plat_stack_remaining(void) {
    uintptr_t sp = (uintptr_t)emscripten_stack_get_current();
    uintptr_t end = (uintptr_t)emscripten_stack_get_end();
    return sp > end ? sp - end : 0;
}

int plat_progress(double fraction, const char *message) {
    return js_progress(fraction, message);
}
