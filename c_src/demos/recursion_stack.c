/*
** recursion_stack.c -- demo "recursion-stack": summing a linked list
** recursively vs with a loop, the stack each uses, and a clean
** RecursionError where the recursion must stop.
**
** Mirrors CPython 3.14: every Python call pushes a _PyInterpreterFrame that
** points to its caller's (`previous`, Include/internal/
** pycore_interpframe_structs.h), and _Py_EnterRecursivePy
** (Python/ceval_macros.h: `tstate->py_recursion_remaining-- <= 0`) raises
** RecursionError("maximum recursion depth exceeded") once the depth passes
** sys.getrecursionlimit() (default 1000). Separately, C code checks the real
** stack that is left (_Py_ReachedRecursionLimitWithMargin in Python/ceval.c)
** so a deep C recursion fails cleanly instead of crashing; stk_probe() does
** that here against a stack budget. On failure the recursion unwinds call by
** call, like an exception propagating, and the caller reports it.
*/
#include "../demo.h"
#include "../mem.h"
#include "../ops.h"
#include "../stk.h"

#include <stdint.h>
#include <stdio.h>

typedef struct rs_node {
    int64_t value;
    struct rs_node *next;
} rs_node;

/* What a waiting call keeps alive, laid out like CPython 3.14's
** _PyInterpreterFrame: its code, a link to its caller, its globals, where
** to resume, and `localsplus`, the locals followed by the value stack.
** 144 bytes on 64-bit and 120 in wasm; with what the call itself keeps
** (return address, saved registers) about 176 and 128 bytes per call. */
#define RS_LOCALSPLUS 12

typedef struct rs_frame {
    const char *f_executable;         /* the code being run */
    const struct rs_frame *previous;  /* the caller's frame */
    const void *f_globals;
    size_t instr_ptr;                 /* where to resume */
    int64_t *stackpointer;
    uint16_t return_offset;
    char owner;
    int64_t localsplus[RS_LOCALSPLUS]; /* [0] node value, [1] depth, then the value stack */
} rs_frame;

static void frame_push(rs_frame *f, const rs_frame *previous, const char *code, int64_t value, size_t depth) {
    f->f_executable = code;
    f->previous = previous;
    f->f_globals = NULL;
    f->instr_ptr = 0;
    f->localsplus[0] = value;
    f->localsplus[1] = (int64_t)depth;
    f->stackpointer = &f->localsplus[2];
    f->return_offset = 0;
    f->owner = 0;
}

typedef struct rs_state {
    size_t limit;             /* like sys.getrecursionlimit() */
    size_t failed_depth;      /* 0, or the depth that raised RecursionError */
    int by_budget;            /* 1 if the stack budget stopped it, not the limit */
    const rs_frame *top;      /* the innermost frame: frames form a chain */
} rs_state;

static int64_t sum_recursive(rs_state *st, const rs_node *p, size_t depth);

/* Called through a volatile pointer, so the compiler can neither inline the
** recursion nor turn it into a loop (no tail-call optimisation). */
static int64_t (*volatile recurse)(rs_state *, const rs_node *, size_t) = sum_recursive;

/* @region Recursive sum: one frame per node, and a clean RecursionError */
static int64_t sum_recursive(rs_state *st, const rs_node *p, size_t depth) {
    rs_frame f;
    int64_t rest = 0;
    frame_push(&f, st->top, "total", p->value, depth);   /* push this call's frame */
    st->top = &f;
    OPS_ADD(calls, 1);
    if (depth > st->limit || stk_probe()) {      /* too deep: raise */
        st->failed_depth = depth;
        st->by_budget = depth <= st->limit;
    } else if (p->next != NULL) {
        rest = recurse(st, p->next, depth + 1);  /* wait for the rest */
    }
    st->top = f.previous;              /* pop: also while unwinding */
    return st->failed_depth ? 0 : f.localsplus[0] + rest;
}
/* @endregion */

/* @region Iterative sum: one frame and a running total, at any n */
static int64_t sum_iterative(rs_state *st, const rs_node *p) {
    rs_frame f;                        /* the one frame of this call */
    frame_push(&f, st->top, "total_loop", 0, 1);
    st->top = &f;
    OPS_ADD(calls, 1);
    for (; p != NULL; p = p->next) {
        f.localsplus[0] += p->value;   /* the running total */
        stk_probe();                   /* the depth never changes */
    }
    st->top = f.previous;
    return f.localsplus[0];
}
/* @endregion */

static int64_t (*volatile iterate)(rs_state *, const rs_node *) = sum_iterative;

/* ------------------------------------------------------------ measuring */

typedef struct rs_data {
    rs_node *nodes;           /* the list 1 -> 2 -> ... -> n, in one block */
    size_t n;
    size_t budget;            /* stack budget in bytes, for stk_begin */
    rs_state st;
    int64_t result;
} rs_data;

static void kernel_recursive(void *arg) {
    rs_data *d = arg;
    d->st.failed_depth = 0;
    d->st.by_budget = 0;
    d->st.top = NULL;
    stk_begin(d->budget);
    d->result = recurse(&d->st, d->nodes, 1);
}

static void kernel_iterative(void *arg) {
    rs_data *d = arg;
    d->st.top = NULL;
    stk_begin(d->budget);
    d->result = iterate(&d->st, d->nodes);
}

static int build(rs_data *d, size_t n) {
    size_t i;
    d->nodes = mem_alloc(n * sizeof *d->nodes);
    if (d->nodes == NULL) return DEMO_ERR_NOMEM;
    for (i = 0; i < n; i++) {
        d->nodes[i].value = (int64_t)(i + 1);
        d->nodes[i].next = i + 1 < n ? &d->nodes[i + 1] : NULL;
    }
    d->n = n;
    return DEMO_OK;
}

typedef struct rs_series {
    int stack, time;          /* series indices */
    double first_n, first_bytes, last_n, last_bytes;
    int points;
} rs_series;

/* Runs the kernel once for its stack depth, then times it. */
static int measure(demo_ctx *ctx, rs_data *d, rs_series *s, tim_kernel kernel) {
    tim_stats st;
    double bytes;
    int status;
    kernel(d);
    if (d->st.failed_depth) return DEMO_OK;      /* the caller reports it */
    bytes = (double)stk_deepest();
    if (d->result != (int64_t)d->n * ((int64_t)d->n + 1) / 2) return demo_fail(ctx, "wrong sum at n = %lu", (unsigned long)d->n);
    status = demo_time(ctx, kernel, d, &st);
    if (status != DEMO_OK) return status;
    demo_point(ctx, s->stack, (double)d->n, bytes, 0);
    demo_point(ctx, s->time, (double)d->n, st.per_call_ns * 1e-9, st.uncertainty_ns * 1e-9);
    if (s->points++ == 0) { s->first_n = (double)d->n; s->first_bytes = bytes; }
    s->last_n = (double)d->n;
    s->last_bytes = bytes;
    return DEMO_OK;
}

static void report_failure(demo_ctx *ctx, const rs_data *d, double frame_bytes) {
    char label[DEMO_CELL];
    snprintf(label, sizeof label, "RecursionError at depth %lu", (unsigned long)d->st.failed_depth);
    demo_marker(ctx, (double)d->st.failed_depth, label);
    if (d->st.by_budget)
        demo_note(ctx, "RecursionError at depth %lu: the stack budget of %lu KiB ran out (about %.0f bytes per call) "
                  "before the limit of %lu was reached.", (unsigned long)d->st.failed_depth,
                  (unsigned long)(stk_budget() / 1024), frame_bytes, (unsigned long)d->st.limit);
    else
        demo_note(ctx, "RecursionError at depth %lu: maximum recursion depth exceeded (limit %lu). "
                  "The error unwound every waiting call cleanly.", (unsigned long)d->st.failed_depth,
                  (unsigned long)d->st.limit);
}

static int add_series(demo_ctx *ctx, rs_series *s, const char *id, const char *label) {
    s->stack = demo_series(ctx, id, label, "stack", "bytes of stack at the deepest point", DEMO_FIT);
    s->time = demo_series(ctx, id, label, "time", "s per sum", DEMO_FIT);
    s->points = 0;
    return (s->stack < 0 || s->time < 0) ? DEMO_ERR_NOMEM : DEMO_OK;
}

static int sweep(demo_ctx *ctx, rs_data *d, rs_series *rec, rs_series *iter, int *failed) {
    double sizes[40];
    int count = demo_sizes(ctx, sizes, 40), i, status = DEMO_OK;
    for (i = 0; i < count && status == DEMO_OK; i++) {
        if (demo_progress(ctx, (double)i / count, "recursing")) return DEMO_STOPPED;
        if (build(d, (size_t)sizes[i]) != DEMO_OK) return DEMO_ERR_NOMEM;
        d->st.failed_depth = 0;
        status = measure(ctx, d, iter, kernel_iterative);
        if (status == DEMO_OK && !*failed) {
            status = measure(ctx, d, rec, kernel_recursive);
            if (d->st.failed_depth) {
                double per_call = rec->points > 0 ? rec->last_bytes / rec->last_n : (double)stk_deepest() / (double)d->st.failed_depth;
                *failed = 1;
                report_failure(ctx, d, per_call);
            }
        }
        mem_free(d->nodes);
        d->nodes = NULL;
    }
    return status;
}

static int run(demo_ctx *ctx) {
    rs_data d = {0};
    rs_series rec, iter;
    int failed = 0, status;
    d.st.limit = (size_t)demo_get(ctx, "limit");
    d.budget = (size_t)demo_get(ctx, "stack_kib") * 1024;
    if (add_series(ctx, &rec, "recursive", "recursive sum (one call per node)") != DEMO_OK ||
        add_series(ctx, &iter, "iterative", "loop with a running total") != DEMO_OK) return DEMO_ERR_NOMEM;
    status = sweep(ctx, &d, &rec, &iter, &failed);
    if (status != DEMO_OK) return status;
    demo_progress(ctx, 1.0, "done");
    if (rec.points >= 2)
        demo_note(ctx, "Recursion: about %.0f bytes of stack per waiting call (%.0f bytes at depth %.0f). "
                  "The loop: %.0f bytes at every n.", (rec.last_bytes - rec.first_bytes) / (rec.last_n - rec.first_n),
                  rec.last_bytes, rec.last_n, iter.last_bytes);
    if (!failed && rec.points >= 2)
        demo_note(ctx, "No RecursionError up to n = %.0f: it comes past the limit of %lu or when the %lu KiB "
                  "stack budget is full (about %.0f calls), whichever is first.", iter.last_n,
                  (unsigned long)d.st.limit, (unsigned long)(stk_budget() / 1024),
                  (double)stk_budget() * (rec.last_n - rec.first_n) / (rec.last_bytes - rec.first_bytes));
    else if (iter.points > 0)
        demo_note(ctx, "The loop carried on to n = %.0f with the same %.0f bytes of stack.", iter.last_n, iter.last_bytes);
    demo_note(ctx, "Stack budget in force: %lu KiB (like the C stack CPython guards).", (unsigned long)(stk_budget() / 1024));
    return DEMO_OK;
}

static const demo_param params[] = {
    DEMO_SWEEP_PARAMS(10, 100, 1000000, 3000, 12),
    {"limit", "recursion limit (as sys.setrecursionlimit)", 10, 1000000, 1000, 1},
    {"stack_kib", "stack budget in KiB", 16, 512, 256, 1},
};

const demo_info demo_recursion_stack = {
    .id = "recursion-stack",
    .topic = "04_space_complexity",
    .title = "Recursion uses stack: recursive vs iterative sum",
    .caption = "The recursive sum's stack grows in a straight line with the depth, one frame per waiting call, until it "
               "stops cleanly with a RecursionError at the limit; the loop's stack stays flat at every n.",
    .x_label = "n (list length = recursion depth)",
    .source_file = "c_src/demos/recursion_stack.c",
    .params = params,
    .param_count = sizeof params / sizeof params[0],
    .run = run,
};
