/*
** cli_fit.c -- `coursecore fit [--json] FILE.csv`: classify a CSV of
** (n, value) measurements with fit_classify; with --target, judge them.
**
**   coursecore fit [--json] [--target CLASS [--steps STEPS.csv]
**                  [--too-slow N,SECONDS,REF_SECONDS]] FILE.csv
**
** --target CLASS ("O(n)"; `coursecore classes` lists them) judges FILE's
** growth against the class with api_judge, which the page calls too:
** --steps adds the counted Python lines (same file format), --too-slow a
** call that passed its time limit (SECONDS at size N, where the reference
** takes REF_SECONDS). Text output: the verdict (pass, fail, inconclusive)
** on the first line, the reason on the second, what decided on the third;
** --json: api_judge's JSON.
**
** The file has a header row `n,<value name>` and then one `n,value` row
** per measurement (repeated n allowed, blank lines ignored, CRLF and a
** missing final newline tolerated). Text output: the class label alone on
** the first line (or "inconclusive"), then a short summary. --json: the
** full fit_result as one JSON object. A malformed file is one line on
** stderr, `FILE:LINE: what is wrong`, and exit status 2, like the errors
** of CPython's csv-reading tools (Lib/csv.py reports reader.line_num).
*/
#include "../api.h"
#include "../demo.h"
#include "../fit.h"
#include "../mem.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_fit_main(int argc, char **argv);

#define CLI_OK 0
#define CLI_FAIL 1      /* out of memory */
#define CLI_USAGE 2     /* bad arguments, unreadable or malformed file */

typedef struct csv_data {
    double *n, *y;
    int count, cap;
    int last_line;          /* line of the last data row, for fit errors */
    char name[64];          /* the value column's name */
} csv_data;

typedef struct fit_args {
    const char *path, *steps_path;  /* FILE.csv, --steps STEPS.csv */
    int json;
    int target;                     /* a fit_class, or -1 without --target */
    int have_slow;
    double slow[3];                 /* --too-slow N,SECONDS,REF_SECONDS */
} fit_args;

static int usage(void) {
    fprintf(stderr, "usage: coursecore fit [--json] [--target CLASS [--steps STEPS.csv] "
                    "[--too-slow N,SECONDS,REF_SECONDS]] FILE.csv\n"
                    "       (FILE may be - for stdin; coursecore classes lists the classes)\n");
    return CLI_USAGE;
}

/* ------------------------------------------------------------ reading */

/* Whole file (or stdin) into one NUL-terminated block; NULL on error with
** the message already printed and *status set. *len excludes the NUL. */
static char *read_all(const char *path, size_t *len, int *status) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    size_t cap = 4096, used = 0, got;
    char *buf;
    *status = CLI_USAGE;
    if (f == NULL) {
        fprintf(stderr, "coursecore fit: cannot open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    buf = mem_alloc(cap);
    while (buf != NULL && (got = fread(buf + used, 1, cap - used - 1, f)) > 0) {
        char *bigger;
        used += got;
        if (cap - used > 1) continue;
        bigger = mem_realloc(buf, cap * 2);
        if (bigger == NULL) { mem_free(buf); buf = NULL; break; }
        buf = bigger;
        cap *= 2;
    }
    if (buf != NULL && ferror(f)) {
        fprintf(stderr, "coursecore fit: cannot read %s: %s\n", path, strerror(errno));
        mem_free(buf);
        buf = NULL;
    } else if (buf == NULL) {
        fprintf(stderr, "coursecore fit: out of memory reading %s\n", path);
        *status = CLI_FAIL;
    }
    if (f != stdin) fclose(f);
    if (buf != NULL) { buf[used] = '\0'; *len = used; }
    return buf;
}

/* ------------------------------------------------------------- parsing */

static char *trim(char *s) {
    char *end;
    while (*s == ' ' || *s == '\t') s++;
    end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r')) end--;
    *end = '\0';
    return s;
}

/* Strip one pair of surrounding double quotes (spreadsheets add them). */
static char *unquote(char *s) {
    size_t len = strlen(s);
    if (len >= 2 && s[0] == '"' && s[len - 1] == '"') { s[len - 1] = '\0'; return s + 1; }
    return s;
}

/* Split a line at commas into at most 3 fields; returns the field count
** (3 means "too many"). */
static int split(char *line, char **fields) {
    int count = 0;
    char *p = line;
    for (;;) {
        char *comma = strchr(p, ',');
        if (count < 3) fields[count] = p;
        count++;
        if (comma == NULL) break;
        *comma = '\0';
        p = comma + 1;
    }
    return count > 3 ? 3 : count;
}

static int parse_number(const char *text, double *out) {
    char *end;
    double v;
    if (*text == '\0') return 0;
    errno = 0;
    v = strtod(text, &end);
    if (*end != '\0' || !isfinite(v)) return 0;
    *out = v;
    return 1;
}

static int fail_at(const char *path, int line, const char *what, const char *detail) {
    if (detail) fprintf(stderr, "%s:%d: %s: '%s'\n", path, line, what, detail);
    else fprintf(stderr, "%s:%d: %s\n", path, line, what);
    return CLI_USAGE;
}

static int parse_header(char *line, const char *path, int lineno, csv_data *d) {
    char *f[3];
    int count = split(line, f);
    if (count != 2 || strcmp(unquote(trim(f[0])), "n") != 0 || *unquote(trim(f[1])) == '\0')
        return fail_at(path, lineno, "the header must be 'n,<value name>'", NULL);
    strncpy(d->name, unquote(trim(f[1])), sizeof d->name - 1);
    d->name[sizeof d->name - 1] = '\0';
    return CLI_OK;
}

static int append(csv_data *d, double n, double y) {
    if (d->count == d->cap) {
        int cap = d->cap ? 2 * d->cap : 64;
        double *nn = mem_realloc(d->n, (size_t)cap * sizeof(double)), *yy;
        if (nn == NULL) return CLI_FAIL;
        d->n = nn;
        yy = mem_realloc(d->y, (size_t)cap * sizeof(double));
        if (yy == NULL) return CLI_FAIL;
        d->y = yy;
        d->cap = cap;
    }
    d->n[d->count] = n;
    d->y[d->count] = y;
    d->count++;
    return CLI_OK;
}

static int parse_row(char *line, const char *path, int lineno, csv_data *d) {
    char *f[3], *a, *b;
    double n, y;
    int count = split(line, f);
    if (count != 2) return fail_at(path, lineno, count < 2
        ? "expected 2 fields (n,value), got 1" : "expected 2 fields (n,value), got more", NULL);
    a = trim(f[0]);
    b = trim(f[1]);
    if (!parse_number(a, &n)) return fail_at(path, lineno, "n is not a finite number", a);
    if (!parse_number(b, &y)) return fail_at(path, lineno, "the value is not a finite number", b);
    if (n <= 0) return fail_at(path, lineno, "n must be > 0", a);
    if (y < 0) return fail_at(path, lineno, "the value must be >= 0", b);
    if (append(d, n, y) != CLI_OK) {
        fprintf(stderr, "coursecore fit: out of memory\n");
        return CLI_FAIL;
    }
    d->last_line = lineno;
    return CLI_OK;
}

static int is_blank(const char *s) {
    while (*s == ' ' || *s == '\t' || *s == '\r') s++;
    return *s == '\0';
}

static int line_of(const char *text, const char *at) {
    int line = 1;
    for (; text < at; text++) line += *text == '\n';
    return line;
}

/* Walk the lines of text (modified in place). */
static int parse_csv(char *text, size_t len, const char *path, csv_data *d) {
    char *line = text, *end = text + len;
    int lineno = 0, have_header = 0, err = CLI_OK;
    const char *nul = memchr(text, '\0', len);
    if (nul != NULL) return fail_at(path, line_of(text, nul), "a NUL byte in a text file", NULL);
    while (err == CLI_OK && line < end) {
        char *nl = strchr(line, '\n');
        if (nl != NULL) *nl = '\0';
        lineno++;
        if (!is_blank(line)) {
            err = have_header ? parse_row(line, path, lineno, d)
                              : parse_header(line, path, lineno, d);
            have_header = 1;
        }
        line = nl != NULL ? nl + 1 : end;
    }
    if (err != CLI_OK) return err;
    if (!have_header) return fail_at(path, lineno > 0 ? lineno : 1,
                                     "empty file: expected the header 'n,<value name>'", NULL);
    if (d->count == 0) return fail_at(path, lineno, "no data rows after the header", NULL);
    return CLI_OK;
}

/* ------------------------------------------------------------ printing */

static void print_summary(const fit_result *r, const csv_data *d) {
    double ratio = r->weight[r->runner_up] > 0 ? r->weight[r->top] / r->weight[r->runner_up] : 0;
    printf("%s\n", fit_class_label(r->best));
    printf("top %s (confidence %.0f%%), runner-up %s", fit_class_label(r->top),
           100.0 * r->confidence, fit_class_label(r->runner_up));
    if (ratio > 0 && ratio < 1e6) printf(" (%.3gx less likely)", ratio);
    printf("\n%s vs n: %d points at %d sizes, noise %.1f%%, log-log slope %.2f\n",
           d->name, r->points, r->distinct_n, 100.0 * r->noise, r->loglog_slope);
    if (r->quantum > 0) printf("values are multiples of %g (timer tick or counts)\n", r->quantum);
    if (r->top == FIT_2N && r->exp_base > 0.0)
        printf("fit: %s ~ %.4g + %.4g * %.4g^n (exponential)\n", d->name, r->a[r->top],
               r->b[r->top], r->exp_base);
    else
        printf("fit: %s ~ %.4g + %.4g * f(n) for %s\n", d->name, r->a[r->top], r->b[r->top],
               fit_class_label(r->top));
    printf("why: %s\n", r->reason);
}

/* The fit as JSON: demo_fit_json(), the one measure-then-allocate step the
** page's payloads use too. */
static int print_json(const fit_result *r) {
    char *text = demo_fit_json(r);
    if (text == NULL) {
        fprintf(stderr, "coursecore fit: the fit could not be written (out of memory)\n");
        return CLI_FAIL;
    }
    puts(text);
    mem_free(text);
    return CLI_OK;
}

/* --------------------------------------------------------- arguments */

static int unknown_class(const char *text) {
    int c;
    fprintf(stderr, "coursecore fit: unknown class '%s' for --target; the classes are", text);
    for (c = 0; c < FIT_CLASS_COUNT; c++) fprintf(stderr, "%s %s", c ? "," : "", fit_class_label(c));
    fprintf(stderr, "\n");
    return CLI_USAGE;
}

/* N,SECONDS,REF_SECONDS: N and SECONDS > 0, REF_SECONDS >= 0. */
static int parse_too_slow(const char *text, double *slow) {
    char buf[128], *f[3];
    const char *p;
    int i, commas = 0;
    for (p = text; *p; p++) commas += *p == ',';
    if (commas == 2 && strlen(text) < sizeof buf) {
        strcpy(buf, text);
        split(buf, f);
        for (i = 0; i < 3 && parse_number(trim(f[i]), &slow[i]); i++) {}
        if (i == 3 && slow[0] > 0 && slow[1] > 0 && slow[2] >= 0) return CLI_OK;
    }
    fprintf(stderr, "coursecore fit: --too-slow wants N,SECONDS,REF_SECONDS (N and SECONDS > 0, "
                    "REF_SECONDS >= 0), got '%s'\n", text);
    return CLI_USAGE;
}

/* The value after a flag, or NULL (the usage is printed by the caller). */
static const char *flag_value(int argc, char **argv, int *i) {
    return *i + 1 < argc ? argv[++*i] : NULL;
}

static int parse_args(int argc, char **argv, fit_args *a) {
    const char *target = NULL, *slow = NULL;
    int i;
    memset(a, 0, sizeof *a);
    a->target = -1;
    for (i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--json") == 0) a->json = 1;
        else if (strcmp(arg, "--target") == 0) { if ((target = flag_value(argc, argv, &i)) == NULL) return usage(); }
        else if (strcmp(arg, "--steps") == 0) { if ((a->steps_path = flag_value(argc, argv, &i)) == NULL) return usage(); }
        else if (strcmp(arg, "--too-slow") == 0) { if ((slow = flag_value(argc, argv, &i)) == NULL) return usage(); }
        else if (arg[0] == '-' && arg[1] != '\0') return usage();
        else if (a->path == NULL) a->path = arg;
        else return usage();
    }
    if (a->path == NULL) return usage();
    if (target == NULL && (a->steps_path != NULL || slow != NULL)) {
        fprintf(stderr, "coursecore fit: --steps and --too-slow need --target CLASS\n");
        return CLI_USAGE;
    }
    if (target != NULL) {
        a->target = fit_class_from_label(target);
        if (a->target < 0) return unknown_class(target);
    }
    if (slow != NULL && parse_too_slow(slow, a->slow) != CLI_OK) return CLI_USAGE;
    a->have_slow = slow != NULL;
    return CLI_OK;
}

/* ---------------------------------------------------------------- main */

/* Read and parse one CSV into d (zeroed first; free d->n and d->y). */
static int load_csv(const char *path, csv_data *d) {
    size_t len = 0;
    int status;
    char *text;
    memset(d, 0, sizeof *d);
    text = read_all(path, &len, &status);
    if (text == NULL) return status;
    status = parse_csv(text, len, path, d);
    mem_free(text);
    return status;
}

static int classify_and_print(const csv_data *d, const char *path, int json) {
    fit_result r;
    int err = fit_classify(d->n, d->y, d->count, &r);
    if (err == FIT_ERR_NOMEM) {
        fprintf(stderr, "coursecore fit: out of memory\n");
        return CLI_FAIL;
    }
    if (err != 0) return fail_at(path, d->last_line, fit_error_message(err), NULL);
    if (json) return print_json(&r);
    print_summary(&r, d);
    return CLI_OK;
}

/* --target: api_judge, printed as JSON or as three lines of text. */
static int judge_and_print(const fit_args *a, const csv_data *t, const csv_data *s) {
    judge_result j;
    char *json = NULL;
    int err = api_judge_into(fit_class_label(a->target), t->n, t->y, t->count, s->n, s->y, s->count,
                             a->have_slow ? a->slow[0] : 0.0, a->slow[1], a->slow[2], &j, &json);
    if (json == NULL) {
        fprintf(stderr, "coursecore fit: out of memory\n");
        return CLI_FAIL;
    }
    if (a->json) puts(json);
    else if (err != 0) fprintf(stderr, "coursecore fit: cannot judge: %s\n", json);
    else printf("%s\n%s\ndecided by: %s%s\n", judge_verdict_label(j.verdict), j.reason,
                judge_decided_by_label(j.decided_by), j.disagree ? " (time and steps disagree)" : "");
    api_free(json);
    return err != 0 ? CLI_FAIL : CLI_OK;
}

int cli_fit_main(int argc, char **argv) {
    fit_args a;
    csv_data t, s;
    int status = parse_args(argc, argv, &a);
    if (status != CLI_OK) return status;
    memset(&s, 0, sizeof s);
    status = load_csv(a.path, &t);
    if (status == CLI_OK && a.steps_path != NULL) status = load_csv(a.steps_path, &s);
    if (status == CLI_OK)
        status = a.target < 0 ? classify_and_print(&t, a.path, a.json) : judge_and_print(&a, &t, &s);
    mem_free(t.n);
    mem_free(t.y);
    mem_free(s.n);
    mem_free(s.y);
    return status;
}
