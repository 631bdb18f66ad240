/*
** refcount_and_cycles.c -- demo "refcount-and-cycles": a loop that makes a
** small reference cycle and drops it, on a reference-counted heap, run three
** ways: reference counting only, with CPython's generational cycle
** collector triggered by allocation thresholds, and with gc.collect() by
** hand every K iterations.
**
** Mirrors the collector of CPython up to 3.13 (Python/gc.c in 3.12-3.13,
** Modules/gcmodule.c before): three generations. gc.get_threshold() is
** (2000, 10, 10) on 3.13 and was (700, 10, 10) up to 3.12; the demo's
** default is 3.13's 2000. _PyObject_GC_Link counts an allocation,
**     gcstate->generations[0].count++; // number of allocated GC objects
** PyObject_GC_Del counts a deallocation,
**     if (gcstate->generations[0].count > 0) gcstate->generations[0].count--;
** so generation 0 is collected when allocations minus deallocations exceed
** its threshold (2000 on 3.13, 700 before); each collection of generation
** g adds 1 to the count of g+1, so generation 1 is collected after more
** than 10 collections of generation 0, and generation 2 after more than 10
** of generation 1 -- and then only when
**     long_lived_pending >= long_lived_total / 4.
** A collection (gc_collect_main, deduce_unreachable) sets gc_refs =
** ob_refcnt for every object examined (update_refs), subtracts the
** references those objects hold to each other (subtract_refs), keeps what is
** still referenced from outside plus everything reachable from it
** (move_unreachable), moves survivors one generation up, and frees the rest
** (delete_garbage: clear each object's references, then its count drops).
** CPython 3.14 replaced this with an incremental collector (a young and an
** old generation, the old one examined a slice at a time;
** gc.get_threshold() reports (2000, 10, 0)); the counting idea is the same.
** Not modelled: finalizers (__del__), weak references, untracking tuples.
*/
#include "refcount_and_cycles.h"
#include "../clk.h"
#include "../demo.h"
#include "../mem.h"

#define RCGC_COLLECTING 1       /* PREV_MASK_COLLECTING */
#define RCGC_UNREACHABLE 2      /* NEXT_MASK_UNREACHABLE */

/* ------------------------------------------------------------ lists -- */

static void list_init(rcgc_link *head) {
    head->next = head->prev = head;
}

static int list_is_empty(const rcgc_link *head) {
    return head->next == head;
}

static void list_remove(rcgc_link *node) {
    node->prev->next = node->next;
    node->next->prev = node->prev;
}

static void list_append(rcgc_link *node, rcgc_link *head) {
    node->prev = head->prev;
    node->next = head;
    head->prev->next = node;
    head->prev = node;
}

static void list_move(rcgc_link *node, rcgc_link *head) {
    list_remove(node);
    list_append(node, head);
}

/* gc_list_merge: append all of from to to; from becomes empty. */
static void list_merge(rcgc_link *from, rcgc_link *to) {
    if (list_is_empty(from)) return;
    to->prev->next = from->next;
    from->next->prev = to->prev;
    to->prev = from->prev;
    from->prev->next = to;
    list_init(from);
}

static size_t list_size(const rcgc_link *head) {
    const rcgc_link *p;
    size_t n = 0;
    for (p = head->next; p != head; p = p->next) n++;
    return n;
}

#define OBJ(link) ((rcgc_obj *)(link))

/* ------------------------------------------------------ ref counting -- */

void rcgc_init(rcgc_state *st, long t0, long t1, long t2) {
    int i;
    long thresholds[RCGC_GENERATIONS];
    thresholds[0] = t0;
    thresholds[1] = t1;
    thresholds[2] = t2;
    for (i = 0; i < RCGC_GENERATIONS; i++) {
        list_init(&st->gen[i].head);
        st->gen[i].count = 0;
        st->gen[i].threshold = thresholds[i];
        st->collections[i] = 0;
    }
    st->enabled = 1;
    st->collecting = 0;
    st->long_lived_total = st->long_lived_pending = 0;
    st->last_generation = -1;
    st->last_examined = st->last_collected = st->collected_total = 0;
    st->on_collect = NULL;
    st->on_collect_arg = NULL;
}

void rcgc_teardown(rcgc_state *st) {
    int i;
    for (i = 0; i < RCGC_GENERATIONS; i++) {
        while (!list_is_empty(&st->gen[i].head)) {
            rcgc_link *g = st->gen[i].head.next;
            list_remove(g);
            mem_free(g);
        }
        st->gen[i].count = 0;
    }
}

void rcgc_incref(rcgc_obj *op) {
    op->ob_refcnt++;
}

/* The object's count reached 0: free it, and whatever it alone kept alive.
** A freed object's gc.next links the stack of objects still to free. */
static void dealloc(rcgc_state *st, rcgc_obj *op) {
    rcgc_obj *stack = op;
    list_remove(&op->gc);
    op->gc.next = NULL;
    while (stack != NULL) {
        rcgc_obj *o = stack;
        int k;
        stack = OBJ(o->gc.next);
        for (k = 0; k < RCGC_REFS; k++) {
            rcgc_obj *r = o->ref[k];
            if (r != NULL && --r->ob_refcnt == 0) {
                list_remove(&r->gc);
                r->gc.next = (rcgc_link *)stack;
                stack = r;
            }
        }
        if (st->gen[0].count > 0) st->gen[0].count--;    /* PyObject_GC_Del */
        mem_free(o);
    }
}

void rcgc_decref(rcgc_state *st, rcgc_obj *op) {
    if (op != NULL && --op->ob_refcnt == 0) dealloc(st, op);
}

/* ------------------------------------------------------- the collector -- */

/* visit_reachable: r is reachable. If it was set aside as unreachable,
** bring it back to the end of young, where the scan will reach it. */
static void visit_reachable(rcgc_obj *r, rcgc_link *young) {
    if (r == NULL || !(r->flags & RCGC_COLLECTING)) return;
    if (r->flags & RCGC_UNREACHABLE) {
        r->flags &= ~RCGC_UNREACHABLE;
        list_move(&r->gc, young);
        r->gc_refs = 1;
    } else if (r->gc_refs == 0) {
        r->gc_refs = 1;
    }
}

/* @region Finding the unreachable: gc_refs = refcount - internal refs (gc.c) */
/* update_refs: gc_refs = ob_refcnt, for every object being examined. */
static void update_refs(rcgc_link *young) {
    rcgc_link *g;
    for (g = young->next; g != young; g = g->next) {
        OBJ(g)->gc_refs = OBJ(g)->ob_refcnt;
        OBJ(g)->flags = RCGC_COLLECTING;
    }
}

/* subtract_refs: every reference from one examined object to another is
** internal; take it away. What remains counts references from outside. */
static void subtract_refs(rcgc_link *young) {
    rcgc_link *g;
    int k;
    for (g = young->next; g != young; g = g->next) {
        for (k = 0; k < RCGC_REFS; k++) {
            rcgc_obj *r = OBJ(g)->ref[k];
            if (r != NULL && (r->flags & RCGC_COLLECTING)) r->gc_refs--;
        }
    }
}

/* move_unreachable: objects with gc_refs > 0 are referenced from outside,
** so they and all they reach survive; the others go to unreachable. */
static void move_unreachable(rcgc_link *young, rcgc_link *unreachable) {
    rcgc_link *g = young->next;
    while (g != young) {
        rcgc_link *next = g->next;
        rcgc_obj *op = OBJ(g);
        int k;
        if (op->gc_refs > 0) {
            for (k = 0; k < RCGC_REFS; k++) visit_reachable(op->ref[k], young);
            op->flags &= ~RCGC_COLLECTING;
            next = g->next;             /* visits may have appended after g */
        } else {
            op->flags |= RCGC_UNREACHABLE;     /* tentatively */
            list_move(g, unreachable);
        }
        g = next;
    }
}
/* @endregion */

/* delete_garbage: clear each unreachable object's references (tp_clear);
** counts drop to zero and the objects free each other. */
static void delete_garbage(rcgc_state *st, rcgc_link *unreachable, rcgc_link *old) {
    while (!list_is_empty(unreachable)) {
        rcgc_obj *op = OBJ(unreachable->next);
        int k;
        op->flags = 0;
        op->ob_refcnt++;                        /* Py_INCREF(op) */
        for (k = 0; k < RCGC_REFS; k++) {
            rcgc_obj *r = op->ref[k];
            op->ref[k] = NULL;
            rcgc_decref(st, r);
        }
        if (op->ob_refcnt > 1) {                /* still alive: it may die later */
            op->ob_refcnt--;
            list_move(&op->gc, old);
        } else {
            rcgc_decref(st, op);
        }
    }
}

/* @region A collection of one generation (gc_collect_main, gc.c <= 3.13) */
static size_t collect_main(rcgc_state *st, int generation, size_t *examined) {
    rcgc_link *young, *old, unreachable;
    size_t collected;
    int i;
    /* update collection and allocation counters */
    if (generation + 1 < RCGC_GENERATIONS) st->gen[generation + 1].count += 1;
    for (i = 0; i <= generation; i++) st->gen[i].count = 0;
    /* merge younger generations with one we are currently collecting */
    for (i = 0; i < generation; i++) list_merge(&st->gen[i].head, &st->gen[generation].head);
    young = &st->gen[generation].head;
    old = generation < RCGC_GENERATIONS - 1 ? &st->gen[generation + 1].head : young;
    *examined = list_size(young);

    update_refs(young);                         /* deduce_unreachable */
    subtract_refs(young);
    list_init(&unreachable);
    move_unreachable(young, &unreachable);
    collected = list_size(&unreachable);

    if (young != old) {                         /* survivors move up */
        if (generation == RCGC_GENERATIONS - 2) st->long_lived_pending += list_size(young);
        list_merge(young, old);
    } else {
        st->long_lived_pending = 0;
        st->long_lived_total = list_size(young);
    }
    delete_garbage(st, &unreachable, old);     /* clear references: counts drop to 0 */
    return collected;
}
/* @endregion */

size_t rcgc_collect(rcgc_state *st, int generation) {
    size_t examined = 0, collected;
    double t0 = clk_now_ns();
    if (st->collecting || generation < 0 || generation >= RCGC_GENERATIONS) return 0;
    st->collecting = 1;
    collected = collect_main(st, generation, &examined);
    st->collections[generation]++;
    st->collected_total += collected;
    st->last_generation = generation;
    st->last_examined = examined;
    st->last_collected = collected;
    st->collecting = 0;
    if (st->on_collect) st->on_collect(st->on_collect_arg, generation, examined, collected, clk_now_ns() - t0);
    return collected;
}

/* gc_select_generation: the oldest generation whose count exceeds its
** threshold; the oldest only when enough objects await it. */
static void collect_generations(rcgc_state *st) {
    int i;
    for (i = RCGC_GENERATIONS - 1; i >= 0; i--) {
        if (st->gen[i].count > st->gen[i].threshold) {
            if (i == RCGC_GENERATIONS - 1 && st->long_lived_pending < st->long_lived_total / 4)
                continue;
            rcgc_collect(st, i);
            break;
        }
    }
}

/* @region Allocation counts toward the next collection (_PyObject_GC_Link) */
rcgc_obj *rcgc_new(rcgc_state *st) {
    rcgc_obj *op = mem_alloc(sizeof *op);
    int k;
    if (op == NULL) return NULL;
    op->gc_refs = 0;
    op->flags = 0;
    op->ob_refcnt = 1;
    for (k = 0; k < RCGC_REFS; k++) op->ref[k] = NULL;
    list_append(&op->gc, &st->gen[0].head);
    st->gen[0].count++;                         /* number of allocated GC objects */
    if (st->gen[0].count > st->gen[0].threshold && st->enabled &&
        st->gen[0].threshold && !st->collecting)
        collect_generations(st);
    return op;
}
/* @endregion */

size_t rcgc_tracked(const rcgc_state *st) {
    size_t n = 0;
    int i;
    for (i = 0; i < RCGC_GENERATIONS; i++) n += list_size(&st->gen[i].head);
    return n;
}

size_t rcgc_gen_size(const rcgc_state *st, int generation) {
    return list_size(&st->gen[generation].head);
}

/* --------------------------------------------------------------- demo -- */

/* One iteration of the workload, in Python:
**     a = Node(); b = Node(); a.next = b; b.next = a; del a, b
** for a cycle of `size` objects (size 1: a.next = a). With keep != NULL
** the cycle is also stored there (a long-lived reference). 0, or -1 when an
** allocation fails (then nothing of this cycle stays allocated). */
static int make_cycle(rcgc_state *st, int size, rcgc_obj **keep) {
    rcgc_obj *first = rcgc_new(st), *last;
    int j;
    if (first == NULL) return -1;
    last = first;
    for (j = 1; j < size; j++) {
        rcgc_obj *o = rcgc_new(st);
        if (o == NULL) { rcgc_decref(st, first); return -1; }   /* a chain, not yet a cycle */
        last->ref[0] = o;                       /* our reference to o moves into last */
        last = o;
    }
    last->ref[0] = first;                       /* close the cycle */
    rcgc_incref(first);
    if (keep != NULL) {
        rcgc_incref(first);
        *keep = first;
    }
    rcgc_decref(st, first);                     /* del a: only the cycle holds it now */
    return 0;
}

typedef struct rc_case {
    const char *id, *label;
    int automatic;          /* thresholds trigger collections */
    int by_hand;            /* gc.collect() every K iterations */
    int live, examined, pause;   /* series indices (-1: none) */
} rc_case;

typedef struct rc_run {
    demo_ctx *ctx;
    rc_case *c;
    long iteration;
    double max_pause_ns, total_pause_ns;
    size_t max_examined;
} rc_run;

static void on_collect(void *arg, int generation, size_t examined, size_t collected, double ns) {
    rc_run *r = arg;
    (void)generation;
    (void)collected;
    if (r->c->examined >= 0) demo_point(r->ctx, r->c->examined, (double)r->iteration, (double)examined, 0);
    if (r->c->pause >= 0) demo_point(r->ctx, r->c->pause, (double)r->iteration, ns * 1e-9, 0);
    if (ns > r->max_pause_ns) r->max_pause_ns = ns;
    if (examined > r->max_examined) r->max_examined = examined;
    r->total_pause_ns += ns;
}

typedef struct rc_params {
    long iterations, every, threshold, keep_every;
    int cycle;
} rc_params;

/* The roots: cycles kept alive on purpose (a growing list of references). */
typedef struct rc_roots {
    rcgc_obj **items;
    size_t count, cap;
} rc_roots;

static rcgc_obj **roots_slot(rc_roots *r) {
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        rcgc_obj **items = mem_realloc(r->items, cap * sizeof *items);
        if (items == NULL) return NULL;
        r->items = items;
        r->cap = cap;
    }
    return &r->items[r->count];
}

static void roots_release(rcgc_state *st, rc_roots *r) {
    size_t i;
    for (i = 0; i < r->count; i++) rcgc_decref(st, r->items[i]);
    mem_free(r->items);
    r->items = NULL;
    r->count = r->cap = 0;
}

static void case_notes(demo_ctx *ctx, const rc_case *c, const rcgc_state *st, const rc_run *r,
                       double live, long done) {
    size_t runs = st->collections[0] + st->collections[1] + st->collections[2];
    if (runs == 0) {
        demo_note(ctx, "%s: %.0f bytes still live after %ld iterations; no collection ran, every cycle leaked.",
                  c->label, live, done);
        return;
    }
    demo_note(ctx, "%s: %lu collections (generation 0: %lu, 1: %lu, 2: %lu), %lu objects freed; "
              "longest pause %.1f us, all pauses %.1f us.",
              c->label, (unsigned long)runs, (unsigned long)st->collections[0], (unsigned long)st->collections[1],
              (unsigned long)st->collections[2], (unsigned long)st->collected_total,
              r->max_pause_ns / 1e3, r->total_pause_ns / 1e3);
}

/* Runs the workload for one case. */
static int run_case(demo_ctx *ctx, rc_case *c, const rc_params *p, int index) {
    rcgc_state st;
    rc_roots roots = {NULL, 0, 0};
    rc_run r;
    size_t base = mem_get_stats().current_bytes;
    long step = (p->iterations + 999) / 1000, it;
    int status = DEMO_OK;
    double live = 0;
    rcgc_init(&st, p->threshold, 10, 10);
    st.enabled = c->automatic;
    r.ctx = ctx;
    r.c = c;
    r.iteration = 0;
    r.max_pause_ns = r.total_pause_ns = 0;
    r.max_examined = 0;
    st.on_collect = on_collect;
    st.on_collect_arg = &r;
    for (it = 1; it <= p->iterations && status == DEMO_OK; it++) {
        rcgc_obj **keep = NULL;
        r.iteration = it;
        if (it % 1000 == 0 && demo_progress(ctx, (index + (double)it / p->iterations) / 3, c->label)) {
            status = DEMO_STOPPED;
            break;
        }
        if (p->keep_every > 0 && it % p->keep_every == 0 && (keep = roots_slot(&roots)) == NULL) {
            status = DEMO_ERR_NOMEM;
            break;
        }
        if (make_cycle(&st, p->cycle, keep) != 0) { status = DEMO_ERR_NOMEM; break; }
        if (keep != NULL) roots.count++;
        if (c->by_hand && it % p->every == 0) rcgc_collect(&st, RCGC_GENERATIONS - 1);
        live = (double)(mem_get_stats().current_bytes - base);
        if (it % step == 0 || it == p->iterations) demo_point(ctx, c->live, (double)it, live, 0);
    }
    if (status == DEMO_OK) case_notes(ctx, c, &st, &r, live, p->iterations);
    roots_release(&st, &roots);
    rcgc_teardown(&st);
    return status;
}

static int add_series(demo_ctx *ctx, rc_case *cases) {
    int k;
    for (k = 0; k < 3; k++) {
        cases[k].live = demo_series(ctx, cases[k].id, cases[k].label, "bytes", "live bytes", DEMO_NOFIT);
        if (cases[k].live < 0) return DEMO_ERR_NOMEM;
    }
    for (k = 1; k < 3; k++) {
        cases[k].examined = demo_series(ctx, cases[k].id, cases[k].label, "objects examined",
                                        "objects examined per collection", DEMO_NOFIT | DEMO_POINTS_ONLY);
        cases[k].pause = demo_series(ctx, cases[k].id, cases[k].label, "time", "s per collection (pause)",
                                     DEMO_NOFIT | DEMO_POINTS_ONLY);
        if (cases[k].examined < 0 || cases[k].pause < 0) return DEMO_ERR_NOMEM;
    }
    return DEMO_OK;
}

static int run(demo_ctx *ctx) {
    rc_case cases[3] = {
        {"refcount", "reference counting only", 0, 0, -1, -1, -1},
        {"generational", "generational collector", 1, 0, -1, -1, -1},
        {"by-hand", "gc.collect() by hand", 0, 1, -1, -1, -1},
    };
    rc_params p;
    int k, status = DEMO_OK;
    p.iterations = (long)demo_get(ctx, "iterations");
    p.cycle = (int)demo_get(ctx, "cycle");
    p.every = (long)demo_get(ctx, "every");
    p.threshold = (long)demo_get(ctx, "threshold");
    p.keep_every = (long)demo_get(ctx, "keep_every");
    if (add_series(ctx, cases) != DEMO_OK) return DEMO_ERR_NOMEM;
    for (k = 0; k < 3 && status == DEMO_OK; k++) status = run_case(ctx, &cases[k], &p, k);
    demo_progress(ctx, 1.0, "done");
    demo_note(ctx, "Each object here is %u bytes; a cycle of %d is %u bytes that reference counting alone never frees.",
              (unsigned)sizeof(rcgc_obj), p.cycle, (unsigned)(sizeof(rcgc_obj) * (size_t)p.cycle));
    demo_note(ctx, "Thresholds here: (%ld, 10, 10). Defaults: (700, 10, 10) on CPython 3.11-3.12, (2000, 10, 10) on 3.13; 3.14's incremental collector reports (2000, 10, 0).",
              p.threshold);
    return status;
}

static const demo_param params[] = {
    {"iterations", "iterations (one cycle made and dropped each)", 100, 100000, 5000, 1},
    {"cycle", "objects per cycle", 1, 8, 2, 1},
    {"every", "gc.collect() by hand every K iterations", 50, 100000, 1000, 1},
    {"threshold", "generation 0 threshold", 1, 100000, 2000, 1},
    {"keep_every", "keep every Nth cycle alive (0 = none)", 0, 1000, 0, 1},
};

const demo_info demo_refcount_and_cycles = {
    .id = "refcount-and-cycles",
    .topic = "01_memory_basics",
    .title = "Reference cycles: counting alone vs the cycle collector",
    .caption = "With reference counting only, live memory climbs in a straight line: no cycle's count ever reaches zero. "
               "The collector turns it into a sawtooth; each drop is a collection, and each collection is a pause.",
    .x_label = "iteration",
    .source_file = "c_src/demos/refcount_and_cycles.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
