/*
** jsonw.c -- JSON writer (see jsonw.h). Allocates through mem.h.
*/
#include "jsonw.h"
#include "mem.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void jw_init(jw_buf *w) {
    memset(w, 0, sizeof *w);
}

void jw_free(jw_buf *w) {
    mem_free(w->data);
    jw_init(w);
}

char *jw_take(jw_buf *w) {
    char *out = w->failed || w->depth != 0 ? NULL : w->data;
    if (out == NULL) mem_free(w->data);
    jw_init(w);
    return out;
}

static void append(jw_buf *w, const char *s, size_t n) {
    if (w->failed) return;
    if (w->len + n + 1 > w->cap) {
        size_t cap = w->cap ? w->cap : 256;
        char *grown;
        while (cap < w->len + n + 1) cap *= 2;
        grown = mem_realloc(w->data, cap);
        if (grown == NULL) { w->failed = 1; return; }
        w->data = grown;
        w->cap = cap;
    }
    memcpy(w->data + w->len, s, n);
    w->len += n;
    w->data[w->len] = '\0';
}

static void append_str(jw_buf *w, const char *s) {
    append(w, s, strlen(s));
}

/* Every value and key starts here: it writes the separating comma. */
static void before_value(jw_buf *w) {
    if (w->after_key) { w->after_key = 0; return; }
    if (w->depth > 0) {
        if (w->need_comma[w->depth - 1]) append(w, ",", 1);
        w->need_comma[w->depth - 1] = 1;
    }
}

static void nest_open(jw_buf *w, const char *bracket) {
    before_value(w);
    if (w->depth >= JW_MAX_DEPTH) { w->failed = 1; return; }
    append_str(w, bracket);
    w->need_comma[w->depth++] = 0;
}

static void nest_close(jw_buf *w, const char *bracket) {
    if (w->depth <= 0) { w->failed = 1; return; }
    w->depth--;
    append_str(w, bracket);
}

void jw_object_begin(jw_buf *w) { nest_open(w, "{"); }
void jw_object_end(jw_buf *w) { nest_close(w, "}"); }
void jw_array_begin(jw_buf *w) { nest_open(w, "["); }
void jw_array_end(jw_buf *w) { nest_close(w, "]"); }

static void quoted(jw_buf *w, const char *s) {
    char esc[8];
    append(w, "\"", 1);
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') { esc[0] = '\\'; esc[1] = (char)c; append(w, esc, 2); }
        else if (c == '\n') append(w, "\\n", 2);
        else if (c == '\t') append(w, "\\t", 2);
        else if (c < 0x20) { snprintf(esc, sizeof esc, "\\u%04x", c); append_str(w, esc); }
        else append(w, (const char *)&c, 1);
    }
    append(w, "\"", 1);
}

void jw_key(jw_buf *w, const char *key) {
    before_value(w);
    quoted(w, key);
    append(w, ":", 1);
    w->after_key = 1;
}

void jw_string(jw_buf *w, const char *s) {
    before_value(w);
    if (s == NULL) append_str(w, "null");
    else quoted(w, s);
}

void jw_number(jw_buf *w, double v) {
    char num[32];
    before_value(w);
    if (!isfinite(v)) { append_str(w, "null"); return; }
    if (v == floor(v) && fabs(v) < 9e15) snprintf(num, sizeof num, "%.0f", v);
    else snprintf(num, sizeof num, "%.9g", v);
    append_str(w, num);
}

void jw_int(jw_buf *w, long long v) {
    char num[32];
    before_value(w);
    snprintf(num, sizeof num, "%lld", v);
    append_str(w, num);
}

void jw_bool(jw_buf *w, int v) {
    before_value(w);
    append_str(w, v ? "true" : "false");
}

void jw_null(jw_buf *w) {
    before_value(w);
    append_str(w, "null");
}

void jw_raw_value(jw_buf *w, const char *json) {
    before_value(w);
    append_str(w, json ? json : "null");
}

void jw_kv_string(jw_buf *w, const char *key, const char *s) { jw_key(w, key); jw_string(w, s); }
void jw_kv_number(jw_buf *w, const char *key, double v) { jw_key(w, key); jw_number(w, v); }
void jw_kv_int(jw_buf *w, const char *key, long long v) { jw_key(w, key); jw_int(w, v); }
void jw_kv_bool(jw_buf *w, const char *key, int v) { jw_key(w, key); jw_bool(w, v); }

char *jw_error_object(const char *message) {
    jw_buf w;
    jw_init(&w);
    jw_object_begin(&w);
    jw_kv_string(&w, "error", message);
    jw_object_end(&w);
    return jw_take(&w);
}
