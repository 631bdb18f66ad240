/*
** shared_rows.c -- demo "shared-rows": the grid [[0] * m] * n, which is one
** row referenced n times, versus [[0] * m for _ in range(n)], n rows.
**
** Mirrors CPython 3.14, Objects/listobject.c: list_repeat builds `[x] * n`
** with one allocation of n slots, each a new reference to the same x (for
** the outer `* n`, x is the row); a list comprehension appends one new row
** per iteration (_PyList_AppendTakeRef -> list_resize, so the outer list is
** over-allocated as it grows). Sizes are sys.getsizeof's on this platform:
** a list is a 56-byte object (28 in wasm32/Pyodide) plus one pointer per
** allocated slot; the 0s are the one immortal small int and cost nothing.
** "cells reached by one write": after grid[0][0] = 9, how many of the n * m
** visible cells grid[i][j] changed -- counted by looking at every cell.
*/
#include "pyobj.h"
#include "../demo.h"
#include "../mem.h"

#include <stdio.h>

#define MAX_CELLS 10000000.0    /* n_max * m: 80 MB of slots natively */

/* @region Two ways to build an n x m grid */
/* [[0] * m] * n: one row, and an outer list with n references to it. */
static py_list *grid_shared(py_heap *heap, size_t n, size_t m) {
    py_list *row = py_list_repeat(heap, py_small_int(0), m), *grid;
    if (row == NULL) return NULL;
    grid = py_list_repeat(heap, &row->ob_base, n);      /* n new references */
    py_decref(&row->ob_base);                           /* the temporary [0] * m */
    return grid;
}

/* [[0] * m for _ in range(n)]: the row expression runs n times. */
static py_list *grid_independent(py_heap *heap, size_t n, size_t m) {
    py_list *grid = py_list_new(heap, 0);
    size_t i;
    if (grid == NULL) return NULL;
    for (i = 0; i < n; i++) {
        py_list *row = py_list_repeat(heap, py_small_int(0), m);
        if (row == NULL || py_list_append(grid, &row->ob_base) != 0) return NULL;  /* caller clears */
        py_decref(&row->ob_base);                       /* now only the grid holds it */
    }
    return grid;
}
/* @endregion */

/* @region One write, and the cells it reaches */
/* grid[i][j] = value: replace one slot of the row that grid[i] refers to. */
static void set_cell(py_list *grid, size_t i, size_t j, int64_t value) {
    py_list *row = (py_list *)grid->ob_item[i];
    py_object *old = row->ob_item[j];
    row->ob_item[j] = py_small_int(value);
    py_decref(old);
}

/* sum(cell != 0 for row in grid for cell in row): every visible cell. */
static size_t nonzero_cells(const py_list *grid) {
    size_t count = 0;
    ptrdiff_t i, j;
    for (i = 0; i < grid->ob_size; i++) {
        const py_list *row = (const py_list *)grid->ob_item[i];
        for (j = 0; j < row->ob_size; j++) count += py_int_value(row->ob_item[j]) != 0;
    }
    return count;
}
/* @endregion */

typedef struct rows_series { int bytes, cells; } rows_series;

typedef py_list *(*grid_builder)(py_heap *, size_t, size_t);

/* Builds one layout, measures its bytes, writes one cell and counts what
** changed. */
static int measure(demo_ctx *ctx, grid_builder build, const rows_series *s, size_t n, size_t m,
                   double *bytes, size_t *objects) {
    py_heap heap;
    size_t before = mem_get_stats().current_bytes;
    py_list *grid;
    py_heap_init(&heap);
    grid = build(&heap, n, m);
    if (grid == NULL) { py_heap_clear(&heap); return DEMO_ERR_NOMEM; }
    *bytes = (double)(mem_get_stats().current_bytes - before);
    *objects = py_heap_count(&heap);
    set_cell(grid, 0, 0, 9);
    demo_point(ctx, s->bytes, (double)n, *bytes, 0);
    demo_point(ctx, s->cells, (double)n, (double)nonzero_cells(grid), 0);
    py_heap_clear(&heap);
    return DEMO_OK;
}

/* A label per object, in order of first sight: "#1", "#2", ... */
static const char *object_label(const py_object **seen, int *count, const py_object *op, char *buf, size_t cap) {
    int k;
    for (k = 0; k < *count && seen[k] != op; k++) {}
    if (k == *count && *count < 8) seen[(*count)++] = op;
    snprintf(buf, cap, "#%d", k + 1);
    return buf;
}

/* The two layouts of a 3 x 3 grid after grid[0][0] = 9. */
static int small_table(demo_ctx *ctx) {
    static const char *const headers[] = {"row", "shared: object", "shared: value",
                                          "independent: object", "independent: value"};
    py_heap heap;
    py_list *shared, *indep;
    const py_object *seen[8];
    int t, count = 0, status = DEMO_OK;
    size_t i;
    py_heap_init(&heap);
    shared = grid_shared(&heap, 3, 3);
    indep = shared ? grid_independent(&heap, 3, 3) : NULL;
    t = demo_table(ctx, "After grid[0][0] = 9 in a 3 x 3 grid (objects numbered in order of first sight)", 5, headers);
    if (indep == NULL) status = DEMO_ERR_NOMEM;
    for (i = 0; status == DEMO_OK && t >= 0 && i < 3; i++) {
        char name[24], so[16], sv[32], io[16], iv[32];
        const char *cells[5];
        if (i == 0) { set_cell(shared, 0, 0, 9); set_cell(indep, 0, 0, 9); }
        snprintf(name, sizeof name, "grid[%lu]", (unsigned long)i);
        cells[0] = name;
        cells[1] = object_label(seen, &count, shared->ob_item[i], so, sizeof so);
        py_repr(shared->ob_item[i], sv, sizeof sv);
        cells[2] = sv;
        cells[3] = object_label(seen, &count, indep->ob_item[i], io, sizeof io);
        py_repr(indep->ob_item[i], iv, sizeof iv);
        cells[4] = iv;
        demo_table_row(ctx, t, cells);
    }
    py_heap_clear(&heap);
    return status;
}

static int run(demo_ctx *ctx) {
    rows_series shared, indep;
    double sizes[40], b_shared = 0, b_indep = 0;
    size_t m = (size_t)demo_get(ctx, "m"), o_shared = 0, o_indep = 0;
    int count = demo_sizes(ctx, sizes, 40), i, status;
    if (demo_get(ctx, "n_max") * (double)m > MAX_CELLS)
        return demo_fail(ctx, "largest n x m must be at most %.0f cells (got %.0f); lower n or m",
                         MAX_CELLS, demo_get(ctx, "n_max") * (double)m);
    shared.bytes = demo_series(ctx, "shared", "[[0] * m] * n (one shared row)", "bytes", "bytes", DEMO_FIT);
    indep.bytes = demo_series(ctx, "independent", "[[0] * m for _ in range(n)]", "bytes", "bytes", DEMO_FIT);
    shared.cells = demo_series(ctx, "shared", "[[0] * m] * n (one shared row)", "cells", "cells changed by grid[0][0] = 9", DEMO_FIT);
    indep.cells = demo_series(ctx, "independent", "[[0] * m for _ in range(n)]", "cells", "cells changed by grid[0][0] = 9", DEMO_FIT);
    if (shared.bytes < 0 || indep.bytes < 0 || shared.cells < 0 || indep.cells < 0) return DEMO_ERR_NOMEM;
    status = small_table(ctx);
    for (i = 0; i < count && status == DEMO_OK; i++) {
        size_t n = (size_t)sizes[i];
        if (demo_progress(ctx, (double)i / count, "building grids")) return DEMO_STOPPED;
        status = measure(ctx, grid_shared, &shared, n, m, &b_shared, &o_shared);
        if (status == DEMO_OK) status = measure(ctx, grid_independent, &indep, n, m, &b_indep, &o_indep);
        if (status == DEMO_OK && i == count - 1)
            demo_note(ctx, "At n = %lu, m = %lu: %.0f bytes in %lu list objects shared, %.0f bytes in %lu independent.",
                      (unsigned long)n, (unsigned long)m, b_shared, (unsigned long)o_shared, b_indep, (unsigned long)o_indep);
    }
    demo_progress(ctx, 1.0, "done");
    demo_note(ctx, "Each extra row costs %u bytes shared (one pointer) and %lu independent (a %u-byte list with %lu slots, plus the pointer).",
              (unsigned)sizeof(py_object *), (unsigned long)(PY_LIST_OBJECT_BYTES + (m + 1) * sizeof(py_object *)),
              (unsigned)PY_LIST_OBJECT_BYTES, (unsigned long)m);
    demo_note(ctx, "One write to a shared row shows up in every row: n cells, the whole column.");
    return status;
}

static const demo_param params[] = {
    {"n_min", "fewest rows n", 1, 100000, 10, 1},
    {"n_max", "most rows n", 1, 100000, 10000, 1},
    {"points", "points", 2, 40, 8, 1},
    {"m", "row width m", 1, 10000, 100, 1},
};

const demo_info demo_shared_rows = {
    .id = "shared-rows",
    .topic = "02_references_vs_values",
    .title = "[[0] * m] * n: one row, n references",
    .caption = "The shared grid's memory rises by one pointer per row, the independent grid's by a whole row. "
               "One write reaches n cells in the shared grid (a whole column) and exactly one in the independent grid.",
    .x_label = "n (rows)",
    .source_file = "c_src/demos/shared_rows.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
