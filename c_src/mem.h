/*
** mem.h -- the one counting allocator every demo data structure uses.
**
** Mirrors the idea of CPython's allocator statistics (Objects/obmalloc.c,
** 3.14: _Py_GetAllocatedBlocks) and Lua's single l_alloc hook (lmem.c 5.4):
** one function sees every block, so byte counts are measured, never guessed.
*/
#ifndef CC_MEM_H
#define CC_MEM_H

#include <stddef.h>

typedef struct mem_stats {
    size_t current_bytes;   /* bytes live now (payload only, no header) */
    size_t peak_bytes;      /* highest current_bytes since the last reset */
    size_t alloc_count;     /* successful allocations since the last reset */
    size_t free_count;      /* frees since the last reset */
    size_t live_blocks;     /* blocks allocated and not yet freed */
} mem_stats;

/* Allocate size bytes (size 0 is allowed and returns a unique block).
** On failure, or when failure injection fires, NULL is returned and the
** counters are unchanged. */
void *mem_alloc(size_t size);

/* Zero-filled allocation of count*size bytes; NULL on overflow or failure. */
void *mem_calloc(size_t count, size_t size);

/* Resize a block. On failure NULL is returned and the old block is left
** valid and unchanged. On success the old pointer is invalid. */
void *mem_realloc(void *block, size_t size);

/* Free a block from mem_alloc/mem_calloc/mem_realloc; NULL is ignored. */
void mem_free(void *block);

/* Current counters. */
mem_stats mem_get_stats(void);

/* Start a new measurement window: peak := current, counts := 0.
** live bytes are not touched, because live blocks are still live. */
void mem_reset_window(void);

/* Failure injection: make the nth allocation from now fail (1 = the next
** one). 0 disables injection. Realloc counts as an allocation. */
void mem_fail_nth(size_t nth);

/* Number of allocations that failed on purpose since the last call. */
size_t mem_injected_failures(void);

#endif
