/*
** mutate_vs_rebind.c -- demo "mutate-vs-rebind": what a function can do to
** its caller's list. Parameter passing binds one more name to the caller's
** object (call by sharing); a mutation changes that object, a rebinding only
** moves the function's local name.
**
** Mirrors CPython 3.14, Objects/listobject.c: list.append
** (_PyList_AppendTakeRef), `items += other` (list_inplace_concat: extend the
** same list, then rebind the name to that same object), `items + other`
** (list_concat: PyList_New(len(a) + len(b)), a new object), and reference
** counting: a local name's reference is dropped when the call returns, and
** an object whose count reaches 0 is freed. Objects are numbered #1, #2, ...
** in order of first sight: real id() values are addresses and change from
** run to run. Tables only, no chart.
*/
#include "pyobj.h"
#include "../demo.h"
#include "../mem.h"

#include <stdio.h>
#include <string.h>

/* A name bound to an object, as in a frame's locals. */
typedef struct binding {
    const char *name;
    py_object *obj;
} binding;

typedef struct scene {
    py_heap heap;
    const py_object *seen[16];  /* for the #k labels */
    int seen_count;
} scene;

static const char *label_of(scene *s, const py_object *op, char *buf, size_t cap) {
    int k;
    for (k = 0; k < s->seen_count && s->seen[k] != op; k++) {}
    if (k == s->seen_count && s->seen_count < 16) s->seen[s->seen_count++] = op;
    snprintf(buf, cap, "#%d", k + 1);
    return buf;
}

/* ----------------------------------------------------------- statements */

/* @region Mutating the caller's list vs rebinding the local name */
/* items.append(x): changes the object items is bound to -- the caller's. */
static int stmt_append(binding *items, int64_t x) {
    return py_list_append((py_list *)items->obj, py_small_int(x));
}

/* items = [x]: a new list; only the local name moves to it. */
static int stmt_rebind(py_heap *heap, binding *items, int64_t x) {
    py_list *fresh = py_list_new(heap, 1);
    if (fresh == NULL) return -1;
    fresh->ob_item[0] = py_small_int(x);
    py_decref(items->obj);              /* the name lets go of the caller's list */
    items->obj = &fresh->ob_base;
    return 0;
}

/* items += [x]: list_inplace_concat extends the same object, and the name
** is rebound to... that same object. A mutation. */
static int stmt_iadd(binding *items, int64_t x) {
    return py_list_append((py_list *)items->obj, py_small_int(x));
}

/* items = items + [x]: list_concat builds a new list of len + 1 slots;
** the name moves to it, the old object is untouched. */
static int stmt_concat(py_heap *heap, binding *items, int64_t x) {
    py_list *old = (py_list *)items->obj, *fresh = py_list_new(heap, (size_t)old->ob_size + 1);
    ptrdiff_t i;
    if (fresh == NULL) return -1;
    for (i = 0; i < old->ob_size; i++) {
        py_incref(old->ob_item[i]);
        fresh->ob_item[i] = old->ob_item[i];
    }
    fresh->ob_item[old->ob_size] = py_small_int(x);
    py_decref(items->obj);
    items->obj = &fresh->ob_base;
    return 0;
}
/* @endregion */

/* ------------------------------------------------------------- tables -- */

typedef struct snapshot {
    char obj[2][16], value[2][48];      /* [0] data, [1] items */
} snapshot;

static void take(scene *s, snapshot *snap, const binding *data, const binding *items) {
    label_of(s, data->obj, snap->obj[0], sizeof snap->obj[0]);
    py_repr(data->obj, snap->value[0], sizeof snap->value[0]);
    label_of(s, items->obj, snap->obj[1], sizeof snap->obj[1]);
    py_repr(items->obj, snap->value[1], sizeof snap->value[1]);
}

/* data = [1, 2, ...]; the call binds items to the same object. */
static int scene_start(scene *s, size_t length, binding *data, binding *items) {
    py_list *l;
    size_t i;
    py_heap_init(&s->heap);
    s->seen_count = 0;
    l = py_list_new(&s->heap, length);
    if (l == NULL) return -1;
    for (i = 0; i < length; i++) l->ob_item[i] = py_small_int((int64_t)i + 1);
    data->name = "data";
    data->obj = &l->ob_base;
    items->name = "items";
    items->obj = &l->ob_base;
    py_incref(items->obj);              /* the parameter: one more reference */
    return 0;
}

static void before_after_table(demo_ctx *ctx, const char *title, const char *fn,
                               const snapshot *before, const snapshot *after) {
    static const char *const headers[] = {"name", "object before", "value before", "object after", "value after"};
    char names[2][48];
    int t = demo_table(ctx, title, 5, headers), r;
    snprintf(names[0], sizeof names[0], "data (caller)");
    snprintf(names[1], sizeof names[1], "items (inside %s)", fn);
    for (r = 0; t >= 0 && r < 2; r++) {
        const char *cells[5];
        cells[0] = names[r];
        cells[1] = before->obj[r];
        cells[2] = before->value[r];
        cells[3] = after->obj[r];
        cells[4] = after->value[r];
        demo_table_row(ctx, t, cells);
    }
}

/* add_item(data) with `items.append(3)`, or replace_items(data) with
** `items = [9]`. "after" is the function's last line, before it returns. */
static int simple_call(demo_ctx *ctx, size_t length, int mutate, char *freed, size_t cap) {
    scene s;
    binding data, items;
    snapshot before, after;
    int rc;
    if (scene_start(&s, length, &data, &items) != 0) { py_heap_clear(&s.heap); return DEMO_ERR_NOMEM; }
    take(&s, &before, &data, &items);
    rc = mutate ? stmt_append(&items, 3) : stmt_rebind(&s.heap, &items, 9);
    if (rc == 0) {
        take(&s, &after, &data, &items);
        before_after_table(ctx, mutate ? "add_item(data): items.append(3) mutates"
                                       : "replace_items(data): items = [9] rebinds",
                           mutate ? "add_item" : "replace_items", &before, &after);
        snprintf(freed, cap, "%s", after.obj[1]);
        py_decref(items.obj);           /* return: the local name goes away */
    }
    py_heap_clear(&s.heap);
    return rc == 0 ? DEMO_OK : DEMO_ERR_NOMEM;
}

/* grow(data): items += [10]; items = items + [20]; items.append(30) -- the
** object each name is bound to after every statement. */
static int step_table(demo_ctx *ctx, size_t length) {
    static const char *const headers[] = {"after", "data is", "data", "items is", "items"};
    static const char *const steps[] = {"the call grow(data)", "items += [10]", "items = items + [20]",
                                        "items.append(30)", "return (items dropped)"};
    scene s;
    binding data, items;
    int t, k, rc = 0;
    if (scene_start(&s, length, &data, &items) != 0) { py_heap_clear(&s.heap); return DEMO_ERR_NOMEM; }
    t = demo_table(ctx, "grow(data): one mutation, one rebinding, then a mutation of the new list", 5, headers);
    for (k = 0; k < 5 && rc == 0; k++) {
        snapshot snap;
        const char *cells[5];
        if (k == 1) rc = stmt_iadd(&items, 10);
        if (k == 2) rc = stmt_concat(&s.heap, &items, 20);
        if (k == 3) rc = stmt_append(&items, 30);
        if (rc != 0) break;
        take(&s, &snap, &data, &items);
        cells[0] = steps[k];
        cells[1] = snap.obj[0];
        cells[2] = snap.value[0];
        cells[3] = k == 4 ? "-" : snap.obj[1];
        cells[4] = k == 4 ? "(freed)" : snap.value[1];
        if (k == 4) py_decref(items.obj);
        if (t >= 0) demo_table_row(ctx, t, cells);
    }
    py_heap_clear(&s.heap);
    return rc == 0 ? DEMO_OK : DEMO_ERR_NOMEM;
}

static int run(demo_ctx *ctx) {
    size_t length = (size_t)demo_get(ctx, "length");
    char freed[16];
    int status = simple_call(ctx, length, 1, freed, sizeof freed);
    if (status == DEMO_OK) status = simple_call(ctx, length, 0, freed, sizeof freed);
    if (status == DEMO_OK) {
        demo_note(ctx, "Passing data binds items to the same object (#1): nothing is copied.");
        demo_note(ctx, "The mutation changed #1, so the caller sees it. The rebinding made %s; "
                  "data still names #1, unchanged.", freed);
        demo_note(ctx, "When replace_items returns, its name items goes away, %s's count drops to 0 and it is freed.",
                  freed);
        status = step_table(ctx, length);
    }
    return status;
}

static const demo_param params[] = {
    {"length", "items in the caller's list", 0, 6, 2, 1},
};

const demo_info demo_mutate_vs_rebind = {
    .id = "mutate-vs-rebind",
    .topic = "02_references_vs_values",
    .title = "Mutating vs rebinding an argument",
    .caption = "The mutating call changes object #1, which the caller's data names too. The rebinding call makes a new "
               "object and moves only its local name: the caller's row is untouched.",
    .x_label = "",
    .source_file = "c_src/demos/mutate_vs_rebind.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
