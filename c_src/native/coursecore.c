/*
** coursecore.c -- the native command-line tool over the C core.
**
**   coursecore list [--json]
**   coursecore run ID [--n MIN:MAX] [--PARAM VALUE ...] [--progress]
**   coursecore fit [--json] [--target CLASS [--steps STEPS.csv]
**                  [--too-slow N,SECONDS,REF_SECONDS]] FILE.csv
**   coursecore classes [--json]
**   coursecore status
**
** Mirrors the shape of CPython's `python -m timeit` (Lib/timeit.py, 3.14
** main): parse, validate, run, print; errors are one line with exit 2.
*/
#include "../api.h"
#include "../demo.h"
#include "../fit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_fit_main(int argc, char **argv);
void plat_native_set_verbose(int on);

static int usage(void) {
    fprintf(stderr,
            "usage: coursecore list [--json]\n"
            "       coursecore run ID [--n MIN:MAX] [--PARAM VALUE ...] [--progress]\n"
            "       coursecore fit [--json] [--target CLASS [--steps STEPS.csv]\n"
            "                      [--too-slow N,SECONDS,REF_SECONDS]] FILE.csv\n"
            "       coursecore classes [--json]\n"
            "       coursecore status\n");
    return 2;
}

static int print_and_free(char *json) {
    if (json == NULL) {
        fprintf(stderr, "coursecore: out of memory\n");
        return 1;
    }
    puts(json);
    api_free(json);
    return 0;
}

static int cmd_list(int argc, char **argv) {
    int i;
    if (argc > 1 && strcmp(argv[1], "--json") == 0) return print_and_free(api_demo_list());
    for (i = 0; i < demo_count(); i++) {
        const demo_info *d = demo_at(i);
        printf("%s\t%s\t%s\n", d->id, d->topic, d->title);
    }
    return 0;
}

/* The complexity classes, smallest first, one per line (or api_classes). */
static int cmd_classes(int argc, char **argv) {
    int c;
    if (argc > 2 || (argc == 2 && strcmp(argv[1], "--json") != 0)) return usage();
    if (argc == 2) return print_and_free(api_classes());
    for (c = 0; c < FIT_CLASS_COUNT; c++) printf("%s\n", fit_class_label(c));
    return 0;
}

/* Finds a parameter's index by name; -1 if the demo has none. */
static int param_index(const demo_info *info, const char *name) {
    int i;
    for (i = 0; i < info->param_count; i++)
        if (strcmp(info->params[i].name, name) == 0) return i;
    return -1;
}

static int parse_number(const char *text, double *out) {
    char *end;
    *out = strtod(text, &end);
    return end != text && *end == '\0';
}

/* --n MIN:MAX sets n_min and n_max together. */
static int set_range(const demo_info *info, double *values, const char *text) {
    char buf[64], *colon;
    int lo = param_index(info, "n_min"), hi = param_index(info, "n_max");
    snprintf(buf, sizeof buf, "%s", text);
    colon = strchr(buf, ':');
    if (lo < 0 || hi < 0 || colon == NULL) return 0;
    *colon = '\0';
    return parse_number(buf, &values[lo]) && parse_number(colon + 1, &values[hi]);
}

static int cmd_run(int argc, char **argv) {
    const demo_info *info;
    double values[DEMO_MAX_PARAMS];
    char *json;
    int i, status;
    if (argc < 2) return usage();
    info = demo_find(argv[1]);
    if (info == NULL) {
        fprintf(stderr, "coursecore: unknown demo '%s' (coursecore list shows the demos)\n", argv[1]);
        return 2;
    }
    for (i = 0; i < DEMO_MAX_PARAMS; i++) values[i] = NAN;
    for (i = 2; i < argc; i++) {
        const char *flag = argv[i];
        int index;
        if (strcmp(flag, "--progress") == 0) { plat_native_set_verbose(1); continue; }
        if (strncmp(flag, "--", 2) != 0 || i + 1 >= argc) {
            fprintf(stderr, "coursecore: expected --PARAM VALUE, got '%s'\n", flag);
            return 2;
        }
        if (strcmp(flag, "--n") == 0) {
            if (!set_range(info, values, argv[++i])) {
                fprintf(stderr, "coursecore: --n wants MIN:MAX, got '%s'\n", argv[i]);
                return 2;
            }
            continue;
        }
        index = param_index(info, flag + 2);
        if (index < 0 || !parse_number(argv[i + 1], &values[index])) {
            fprintf(stderr, "coursecore: demo '%s' has no numeric parameter %s=%s\n", info->id, flag, argv[i + 1]);
            return 2;
        }
        i++;
    }
    json = NULL;
    status = demo_run(info->id, values, info->param_count, &json);
    if (status < 0 && json != NULL && status == DEMO_ERR_ARG) {
        fprintf(stderr, "coursecore: %s\n", json);
        api_free(json);
        return 2;
    }
    print_and_free(json);
    return status < 0 ? 1 : 0;
}

int main(int argc, char **argv) {
    if (argc < 2) return usage();
    if (strcmp(argv[1], "list") == 0) return cmd_list(argc - 1, argv + 1);
    if (strcmp(argv[1], "run") == 0) return cmd_run(argc - 1, argv + 1);
    if (strcmp(argv[1], "fit") == 0) return cli_fit_main(argc - 1, argv + 1);
    if (strcmp(argv[1], "classes") == 0) return cmd_classes(argc - 1, argv + 1);
    if (strcmp(argv[1], "status") == 0) return print_and_free(api_status());
    return usage();
}
