/*
** mem.c -- counting allocator with failure injection.
**
** Mirrors CPython's debug allocator layout (Objects/obmalloc.c, 3.14,
** _PyMem_DebugRawAlloc): a small header before each block records its size,
** so frees can be subtracted exactly. Failure injection follows SQLite's
** test allocator (src/test_malloc.c): fail the Nth call, then carry on.
*/
#include "mem.h"
#include "always.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The header keeps the payload aligned for any C type (C99 has no
** max_align_t, so the union lists the widest candidates). */
typedef union mem_header {
    size_t size;
    long double ld;
    void *p;
    long long ll;
} mem_header;

static mem_stats stats;
static size_t fail_countdown;   /* 0 = injection off */
static size_t injected;

/* ---------------------------------------------------------------- helpers */

static int should_fail(void) {
    if (fail_countdown == 0) return 0;
    if (--fail_countdown == 0) {
        injected++;
        return 1;
    }
    return 0;
}

static void note_alloc(size_t size) {
    stats.current_bytes += size;
    /* Bytes live can never pass the bytes ever handed out. */
    (void)ALWAYS(stats.current_bytes >= size);
    stats.alloc_count++;
    stats.live_blocks++;
    if (stats.current_bytes > stats.peak_bytes) stats.peak_bytes = stats.current_bytes;
    (void)ALWAYS(stats.peak_bytes >= stats.current_bytes);
}

static mem_header *header_of(void *block) {
    return (mem_header *)block - 1;
}

/* ------------------------------------------------------------- public API */

void *mem_alloc(size_t size) {
    mem_header *h;
    if (size > SIZE_MAX - sizeof(mem_header)) return NULL;
    if (should_fail()) return NULL;
    h = malloc(sizeof(mem_header) + size);
    if (h == NULL) return NULL;
    h->size = size;
    note_alloc(size);
    return h + 1;
}

void *mem_calloc(size_t count, size_t size) {
    void *block;
    if (size != 0 && count > SIZE_MAX / size) return NULL;
    block = mem_alloc(count * size);
    if (block != NULL) memset(block, 0, count * size);
    return block;
}

void *mem_realloc(void *block, size_t size) {
    mem_header *old, *h;
    size_t old_size;
    if (block == NULL) return mem_alloc(size);
    if (size > SIZE_MAX - sizeof(mem_header)) return NULL;
    if (should_fail()) return NULL;
    old = header_of(block);
    old_size = old->size;
    if (NEVER(stats.live_blocks == 0 || stats.current_bytes < old_size)) return NULL;
    h = realloc(old, sizeof(mem_header) + size);
    if (h == NULL) return NULL;          /* old block still valid */
    h->size = size;
    stats.current_bytes -= old_size;
    stats.live_blocks--;
    note_alloc(size);
    return h + 1;
}

void mem_free(void *block) {
    mem_header *h;
    if (block == NULL) return;
    h = header_of(block);
    /* A block this allocator handed out is counted in current_bytes and
    ** live_blocks; if not, the pointer is foreign or already freed, and
    ** subtracting would wrap the counters round to huge numbers. */
    if (NEVER(stats.live_blocks == 0 || stats.current_bytes < h->size)) return;
    stats.current_bytes -= h->size;
    stats.live_blocks--;
    stats.free_count++;
    free(h);
}

mem_stats mem_get_stats(void) {
    return stats;
}

void mem_reset_window(void) {
    (void)ALWAYS(stats.peak_bytes >= stats.current_bytes);
    stats.peak_bytes = stats.current_bytes;
    stats.alloc_count = 0;
    stats.free_count = 0;
}

void mem_fail_nth(size_t nth) {
    fail_countdown = nth;
}

size_t mem_injected_failures(void) {
    size_t n = injected;
    injected = 0;
    return n;
}
