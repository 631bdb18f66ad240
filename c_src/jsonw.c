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

/* ------------------------------------------- members of a JSON object */

static const char *skip_space(const char *p) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    return p;
}

/* p at an opening quote: the character after the closing one, or NULL. */
static const char *skip_string(const char *p) {
    for (p++; *p != '"'; p++) {
        if (*p == '\0') return NULL;
        if (*p == '\\' && *++p == '\0') return NULL;
    }
    return p + 1;
}

/* p at a value: the end of it (a ',' or '}' of the enclosing object), or
** NULL. Brackets are balanced by depth only; the text came from our own
** writers, so this is a check, not a validator. */
static const char *skip_value(const char *p) {
    int depth = 0;
    for (;;) {
        if (*p == '\0') return NULL;
        if (*p == '"') { if ((p = skip_string(p)) == NULL) return NULL; continue; }
        if (*p == '{' || *p == '[') depth++;
        else if (*p == '}' || *p == ']') { if (depth == 0) return p; depth--; }
        else if (*p == ',' && depth == 0) return p;
        p++;
    }
}

/* The name a member's key is written under, in *name: itself (copied to
** own), its rename, or NULL to leave it out. 0, or -1 when a key too long
** to copy (never from our writers) must be written. */
static int renamed(const char *key, size_t len, const char *const *renames, const char **name,
                   char *own, size_t cap) {
    for (; renames != NULL && renames[0] != NULL; renames += 2)
        if (strlen(renames[0]) == len && memcmp(renames[0], key, len) == 0) {
            *name = renames[1];
            return 0;
        }
    if (len >= cap) return -1;
    memcpy(own, key, len);
    own[len] = '\0';
    *name = own;
    return 0;
}

static void raw_member(jw_buf *w, const char *name, const char *value, size_t len) {
    while (len > 0 && (value[len - 1] == ' ' || value[len - 1] == '\n')) len--;
    jw_key(w, name);
    before_value(w);
    append(w, value, len);
}

void jw_raw_members(jw_buf *w, const char *object_json, const char *const *renames) {
    const char *p = object_json ? skip_space(object_json) : NULL, *key, *value, *end, *name;
    char own[128];
    if (p == NULL || *p != '{' || w->depth <= 0) { w->failed = 1; return; }
    for (p = skip_space(p + 1); *p != '}'; p = skip_space(end + 1)) {
        if (*p != '"' || (end = skip_string(p)) == NULL) { w->failed = 1; return; }
        key = p + 1;
        if (renamed(key, (size_t)(end - 1 - key), renames, &name, own, sizeof own) < 0
            || *(p = skip_space(end)) != ':') { w->failed = 1; return; }
        value = skip_space(p + 1);
        if ((end = skip_value(value)) == NULL || end == value) { w->failed = 1; return; }
        if (name != NULL) raw_member(w, name, value, (size_t)(end - value));
        if (*end == '}') break;
    }
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
