/*
** jsonw.h -- a small JSON writer into a growing buffer.
**
** Results cross to JavaScript as JSON text (small metadata) while bulk
** series go as typed arrays; this writer only has to be correct, not fast.
** Commas are placed automatically from a nesting stack, like Redis's
** RESP writers track aggregate lengths.
**
** Every key the core writes is snake_case ("x_label", "runner_up",
** "elapsed_ms"), and so is every key it reads from the page (the judge's
** "too_slow" with "ref_seconds"): Python, JavaScript and C use the same
** names for the same payload. Objects that live only in JavaScript keep
** JavaScript's camelCase.
*/
#ifndef CC_JSONW_H
#define CC_JSONW_H

#include <stddef.h>

#define JW_MAX_DEPTH 32

typedef struct jw_buf {
    char *data;             /* NUL-terminated while ok */
    size_t len, cap;
    int depth;
    int need_comma[JW_MAX_DEPTH];
    int after_key;
    int failed;             /* sticky: an allocation failed or nesting broke */
} jw_buf;

void jw_init(jw_buf *w);
void jw_free(jw_buf *w);

/* Hand the text to the caller (free with mem_free); NULL if writing failed.
** The writer is reset either way. */
char *jw_take(jw_buf *w);

void jw_object_begin(jw_buf *w);
void jw_object_end(jw_buf *w);
void jw_array_begin(jw_buf *w);
void jw_array_end(jw_buf *w);
void jw_key(jw_buf *w, const char *key);
void jw_string(jw_buf *w, const char *s);
void jw_number(jw_buf *w, double v);   /* non-finite -> null */
void jw_int(jw_buf *w, long long v);
void jw_bool(jw_buf *w, int v);
void jw_null(jw_buf *w);
/* Insert pre-formatted JSON (e.g. from fit_result_to_json) as one value. */
void jw_raw_value(jw_buf *w, const char *json);

/* Insert the members of a pre-formatted JSON object into the object being
** written, so that keys can be added beside them. renames holds pairs
** {from, to, ..., NULL}: a member whose key is `from` is written under `to`,
** or left out when `to` is NULL (renames may be NULL). Keys are compared as
** written, escapes and all. Text that is not one JSON object marks the
** writer failed. */
void jw_raw_members(jw_buf *w, const char *object_json, const char *const *renames);

/* {"error": message} as a new string (free with mem_free); NULL on OOM. */
char *jw_error_object(const char *message);

/* Shorthands for "key": value pairs. */
void jw_kv_string(jw_buf *w, const char *key, const char *s);
void jw_kv_number(jw_buf *w, const char *key, double v);
void jw_kv_int(jw_buf *w, const char *key, long long v);
void jw_kv_bool(jw_buf *w, const char *key, int v);

#endif
