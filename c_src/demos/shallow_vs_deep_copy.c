/*
** shallow_vs_deep_copy.c -- demo "shallow-vs-deep-copy": copy.copy versus
** copy.deepcopy of a list of n nested rows, with and without sharing.
**
** Mirrors CPython 3.14:
**   shallow  list_slice / list.copy in Objects/listobject.c: PyList_New(n)
**            and n new references to the same items (O(n), whatever the
**            items hold).
**   deep     Lib/copy.py deepcopy and _deepcopy_list:
**                cls = type(x)
**                if cls in _atomic_types: return x
**                y = memo.get(d, _nil); if y is not _nil: return y
**                ... y = []; memo[id(x)] = y
**                for a in x: append(deepcopy(a, memo))
**            The memo is a dict from id(original) to its copy, filled before
**            recursing, so a shared part is copied once and a cycle ends at
**            the memo. (CPython also stores memo[d] = y again after the
**            copier returns, and appends x to a keep-alive list in the memo;
**            neither changes the shape, so they are left out.)
**   memo     a dict (Objects/dictobject.c): probing
**                perturb >>= PERTURB_SHIFT; i = (i*5 + perturb + 1) & mask;
**            usable fraction 2/3 of the table, growing to the smallest
**            power of two >= used*3 (GROWTH_RATE). Keys are id(x), and
**            hash(int) is the int itself, so the address is the hash.
** The structure: an outer list of n rows; each row is `depth` nested lists
** of `width` items; the innermost list refers back to the outer list (a
** cycle). "deep, shared rows": every slot of the outer list is the same row.
*/
#include "shallow_vs_deep_copy.h"
#include "../demo.h"
#include "../mem.h"
#include "../ops.h"

#include <stdio.h>

#define MEMO_MINSIZE 8              /* PyDict_MINSIZE */
#define MEMO_PERTURB_SHIFT 5
#define MAX_SLOTS 4000000.0         /* n_max * depth * width */

/* ------------------------------------------------------------- memo -- */

int copy_memo_init(copy_memo *m) {
    size_t before = mem_get_stats().current_bytes;
    m->table = mem_calloc(MEMO_MINSIZE, sizeof *m->table);
    if (m->table == NULL) return -1;
    m->bytes = mem_get_stats().current_bytes - before;
    m->mask = MEMO_MINSIZE - 1;
    m->used = m->lookups = m->hits = m->inserts = m->probes = 0;
    return 0;
}

void copy_memo_free(copy_memo *m) {
    mem_free(m->table);
    m->table = NULL;
}

/* @region The memo: a dict from id(original) to its copy */
/* The slot holding key, or the empty slot where it would go. */
static copy_memo_entry *lookup(copy_memo_entry *table, size_t mask, uintptr_t key, size_t *probes) {
    size_t perturb = key, i = key & mask;
    for (;;) {
        (*probes)++;
        if (table[i].key == key || table[i].key == 0) return &table[i];
        perturb >>= MEMO_PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

py_object *copy_memo_get(copy_memo *m, const py_object *x) {
    copy_memo_entry *e = lookup(m->table, m->mask, (uintptr_t)x, &m->probes);
    m->lookups++;
    if (e->key == 0) return NULL;
    m->hits++;
    return e->value;
}
/* @endregion */

/* Grows to the smallest power of two >= used*3; on failure the memo keeps
** its old table and is unchanged. */
static int memo_grow(copy_memo *m) {
    size_t slots = MEMO_MINSIZE, i, before = mem_get_stats().current_bytes;
    copy_memo_entry *table;
    while (slots < m->used * 3) slots <<= 1;
    table = mem_calloc(slots, sizeof *table);
    if (table == NULL) return -1;
    m->bytes = mem_get_stats().current_bytes - before;
    for (i = 0; i <= m->mask; i++) {
        if (m->table[i].key != 0) *lookup(table, slots - 1, m->table[i].key, &m->probes) = m->table[i];
    }
    mem_free(m->table);
    m->table = table;
    m->mask = slots - 1;
    return 0;
}

int copy_memo_set(copy_memo *m, const py_object *x, py_object *y) {
    copy_memo_entry *e = lookup(m->table, m->mask, (uintptr_t)x, &m->probes);
    m->inserts++;
    if (e->key == 0) {
        if ((m->used + 1) > ((m->mask + 1) << 1) / 3) {     /* USABLE_FRACTION */
            if (memo_grow(m) != 0) return -1;
            e = lookup(m->table, m->mask, (uintptr_t)x, &m->probes);
        }
        e->key = (uintptr_t)x;
        m->used++;
    }
    e->value = y;
    return 0;
}

/* -------------------------------------------------------------- copies -- */

/* @region copy.copy and copy.deepcopy (copy.py, listobject.c) */
py_list *copy_shallow(py_heap *heap, const py_list *x) {
    py_list *y = py_list_new(heap, (size_t)x->ob_size);    /* list_slice */
    ptrdiff_t i;
    if (y == NULL) return NULL;
    for (i = 0; i < x->ob_size; i++) {
        py_incref(x->ob_item[i]);                           /* same objects, one more reference */
        y->ob_item[i] = x->ob_item[i];
    }
    return y;
}

static py_object *deepcopy_list(py_list *x, copy_memo *memo, py_heap *heap) {
    py_list *y = py_list_new(heap, 0);
    ptrdiff_t i;
    if (y == NULL || copy_memo_set(memo, &x->ob_base, &y->ob_base) != 0) return NULL;
    OPS_ADD(allocations, 1);                    /* one more object copied */
    for (i = 0; i < x->ob_size; i++) {
        py_object *item = copy_deep(x->ob_item[i], memo, heap);
        if (item == NULL || py_list_append(y, item) != 0) return NULL;
    }
    return &y->ob_base;
}

py_object *copy_deep(py_object *x, copy_memo *memo, py_heap *heap) {
    py_object *y;
    if (!py_is_list(x)) return x;               /* int: atomic, returned as is */
    y = copy_memo_get(memo, x);                 /* copied already (shared or a cycle)? */
    if (y != NULL) return y;
    return deepcopy_list((py_list *)x, memo, heap);
}
/* @endregion */

/* A row: `depth` nested lists; the innermost one's last item is `root`. */
static py_list *build_row(py_heap *heap, size_t depth, size_t width, py_list *root) {
    py_list *level = py_list_new(heap, width), *inner;
    size_t j;
    if (level == NULL) return NULL;
    for (j = 0; j + 1 < width; j++) level->ob_item[j] = py_small_int((int64_t)j);
    inner = depth > 1 ? build_row(heap, depth - 1, width, root) : root;
    if (inner == NULL) return NULL;
    if (depth > 1) level->ob_item[width - 1] = &inner->ob_base;         /* takes our reference */
    else { py_incref(&root->ob_base); level->ob_item[width - 1] = &root->ob_base; }
    return level;
}

py_list *copy_build(py_heap *heap, size_t n, size_t depth, size_t width, int shared) {
    py_list *root = py_list_new(heap, n), *row = NULL;
    size_t i;
    if (root == NULL) return NULL;
    for (i = 0; i < n; i++) {
        if (!shared || row == NULL) {
            row = build_row(heap, depth, width, root);
            if (row == NULL) return NULL;
            root->ob_item[i] = &row->ob_base;
        } else {
            py_incref(&row->ob_base);
            root->ob_item[i] = &row->ob_base;
        }
    }
    return root;
}

/* --------------------------------------------------------------- demo -- */

typedef struct copy_data {
    py_heap heap;               /* the original */
    py_list *root;
    size_t n;
    int failed;
} copy_data;

static void kernel_shallow(void *arg) {
    copy_data *d = arg;
    py_list *y = copy_shallow(&d->heap, d->root);
    if (y == NULL) { d->failed = 1; return; }
    py_decref(&y->ob_base);
}

static void kernel_deep(void *arg) {
    copy_data *d = arg;
    copy_memo memo;
    py_heap copy;
    py_heap_init(&copy);
    if (copy_memo_init(&memo) != 0) { d->failed = 1; return; }
    if (copy_deep(&d->root->ob_base, &memo, &copy) == NULL) d->failed = 1;
    copy_memo_free(&memo);
    py_heap_clear(&copy);
}

typedef struct copy_series {
    const char *id, *label;
    int shared, deep;
    int time, bytes, objects;
    double last_bytes, last_objects, last_hits, last_memo_bytes;
} copy_series;

/* Bytes and objects of one copy, exactly; then its time. */
static int measure(demo_ctx *ctx, copy_data *d, copy_series *s) {
    size_t before = mem_get_stats().current_bytes;
    py_heap copy;
    copy_memo memo;
    tim_stats st;
    int status;
    if (!s->deep) {
        py_list *y = copy_shallow(&d->heap, d->root);
        if (y == NULL) return DEMO_ERR_NOMEM;
        s->last_bytes = (double)(mem_get_stats().current_bytes - before);
        s->last_objects = 1;
        py_decref(&y->ob_base);
    } else {
        py_heap_init(&copy);
        if (copy_memo_init(&memo) != 0) return DEMO_ERR_NOMEM;
        ops_reset();
        if (copy_deep(&d->root->ob_base, &memo, &copy) == NULL) {
            copy_memo_free(&memo);
            py_heap_clear(&copy);
            return DEMO_ERR_NOMEM;
        }
        s->last_objects = (double)ops_get().allocations;
        s->last_hits = (double)memo.hits;
        s->last_memo_bytes = (double)memo.bytes;
        copy_memo_free(&memo);
        s->last_bytes = (double)(mem_get_stats().current_bytes - before);
        py_heap_clear(&copy);
    }
    status = demo_time(ctx, s->deep ? kernel_deep : kernel_shallow, d, &st);
    if (status != DEMO_OK) return status;
    if (d->failed) return DEMO_ERR_NOMEM;
    demo_point(ctx, s->time, (double)d->n, st.per_call_ns * 1e-9, st.uncertainty_ns * 1e-9);
    demo_point(ctx, s->bytes, (double)d->n, s->last_bytes, 0);
    if (s->objects >= 0) demo_point(ctx, s->objects, (double)d->n, s->last_objects, 0);
    return DEMO_OK;
}

static int add_series(demo_ctx *ctx, copy_series *s) {
    s->time = demo_series(ctx, s->id, s->label, "time", "s per copy (freeing it included)", DEMO_FIT);
    s->bytes = demo_series(ctx, s->id, s->label, "bytes", "bytes of the copy", DEMO_FIT);
    s->objects = -1;
    if (s->deep) s->objects = demo_series(ctx, s->id, s->label, "ops", "objects copied", DEMO_FIT);
    return (s->time < 0 || s->bytes < 0 || (s->deep && s->objects < 0)) ? DEMO_ERR_NOMEM : DEMO_OK;
}

/* What each copy shares with the original, on a 2-row structure with one
** shared row: `is` checks as a learner would type them. */
static int identity_table(demo_ctx *ctx) {
    static const char *const headers[] = {"check", "copy.copy(a)", "copy.deepcopy(a)"};
    py_heap heap, deep_heap;
    copy_memo memo;
    py_list *a, *s, *d;
    int t, status = DEMO_ERR_NOMEM;
    py_heap_init(&heap);
    py_heap_init(&deep_heap);
    memo.table = NULL;
    a = copy_build(&heap, 2, 2, 3, 1);
    s = a ? copy_shallow(&heap, a) : NULL;
    d = (s && copy_memo_init(&memo) == 0) ? (py_list *)copy_deep(&a->ob_base, &memo, &deep_heap) : NULL;
    t = demo_table(ctx, "a = [row, row], where row = [0, 1, [0, 1, a]] (shared row, cycle back to a)", 3, headers);
    if (d != NULL && t >= 0) {
        const py_list *s_row = (const py_list *)s->ob_item[0], *d_row = (const py_list *)d->ob_item[0];
        const py_list *s_in = (const py_list *)s_row->ob_item[2], *d_in = (const py_list *)d_row->ob_item[2];
        const char *r1[3], *r2[3], *r3[3];
        r1[0] = "b[0] is a[0] (same row object)";
        r1[1] = s->ob_item[0] == a->ob_item[0] ? "True" : "False";
        r1[2] = d->ob_item[0] == a->ob_item[0] ? "True" : "False";
        r2[0] = "b[0] is b[1] (sharing kept)";
        r2[1] = s->ob_item[0] == s->ob_item[1] ? "True" : "False";
        r2[2] = d->ob_item[0] == d->ob_item[1] ? "True" : "False";
        r3[0] = "b[0][2][2] is b (cycle leads back to the copy)";
        r3[1] = s_in->ob_item[2] == &s->ob_base ? "True" : "False";
        r3[2] = d_in->ob_item[2] == &d->ob_base ? "True" : "False";
        demo_table_row(ctx, t, r1);
        demo_table_row(ctx, t, r2);
        demo_table_row(ctx, t, r3);
        status = DEMO_OK;
    }
    if (memo.table) copy_memo_free(&memo);
    py_heap_clear(&deep_heap);
    if (s) py_decref(&s->ob_base);
    py_heap_clear(&heap);
    return status;
}

static void final_notes(demo_ctx *ctx, const copy_series *series, double n) {
    demo_note(ctx, "copy.copy copies 1 object (the outer list: n pointers); the rows are shared with the original.");
    demo_note(ctx, "At n = %.0f, deepcopy copied %.0f objects when every row is distinct, %.0f when one row is shared.",
              n, series[1].last_objects, series[2].last_objects);
    demo_note(ctx, "With the shared row, %.0f of the memo lookups were hits: each later visit of the row is one lookup, no copy.",
              series[2].last_hits);
    demo_note(ctx, "The memo itself took %.0f bytes (distinct rows) while the copy ran; it is freed afterwards.",
              series[1].last_memo_bytes);
}

static int run(demo_ctx *ctx) {
    copy_series series[3] = {
        {"shallow", "copy.copy (shallow)", 0, 0, 0, 0, 0, 0, 0, 0, 0},
        {"deep", "copy.deepcopy, distinct rows", 0, 1, 0, 0, 0, 0, 0, 0, 0},
        {"deep-shared", "copy.deepcopy, one shared row", 1, 1, 0, 0, 0, 0, 0, 0, 0},
    };
    double sizes[40], last_n = 0;
    size_t depth = (size_t)demo_get(ctx, "depth"), width = (size_t)demo_get(ctx, "width");
    int count = demo_sizes(ctx, sizes, 40), i, k, status = DEMO_OK;
    if (demo_get(ctx, "n_max") * (double)(depth * width) > MAX_SLOTS)
        return demo_fail(ctx, "largest n x depth x width must be at most %.0f slots (got %.0f); lower one of them",
                         MAX_SLOTS, demo_get(ctx, "n_max") * (double)(depth * width));
    for (k = 0; k < 3; k++) if (add_series(ctx, &series[k]) != DEMO_OK) return DEMO_ERR_NOMEM;
    if (identity_table(ctx) != DEMO_OK) return DEMO_ERR_NOMEM;
    for (i = 0; i < count && status == DEMO_OK; i++) {
        copy_data d[2];
        if (demo_progress(ctx, (double)i / count, "copying")) return DEMO_STOPPED;
        for (k = 0; k < 2; k++) {
            py_heap_init(&d[k].heap);
            d[k].n = (size_t)sizes[i];
            d[k].failed = 0;
            d[k].root = copy_build(&d[k].heap, d[k].n, depth, width, k);
            if (d[k].root == NULL) status = DEMO_ERR_NOMEM;
        }
        for (k = 0; k < 3 && status == DEMO_OK; k++) status = measure(ctx, &d[series[k].shared], &series[k]);
        if (status == DEMO_OK) last_n = sizes[i];
        py_heap_clear(&d[0].heap);
        py_heap_clear(&d[1].heap);
    }
    demo_progress(ctx, 1.0, "done");
    if (last_n > 0) final_notes(ctx, series, last_n);
    return status;
}

static const demo_param params[] = {
    DEMO_SWEEP_PARAMS(1, 10, 100000, 10000, 8),
    {"depth", "nesting depth of each row", 1, 8, 3, 1},
    {"width", "items per nested list", 2, 1000, 10, 1},
};

const demo_info demo_shallow_vs_deep_copy = {
    .id = "shallow-vs-deep-copy",
    .topic = "02_references_vs_values",
    .title = "Shallow vs deep copy, and deepcopy's memo",
    .caption = "A shallow copy copies n pointers; a deep copy copies every object it can reach, so its line is far steeper. "
               "When every slot holds the same row, deepcopy copies that row once: each later visit is a memo lookup.",
    .x_label = "n (rows in the outer list)",
    .source_file = "c_src/demos/shallow_vs_deep_copy.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
