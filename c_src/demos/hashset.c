/*
** hashset.c -- CPython-style integer hash set (see hashset.h).
**
** Mirrors Objects/setobject.c, CPython 3.14: set_lookkey, set_add_entry,
** set_insert_clean and set_table_resize. The cost model in its header
** comment: a lookup inspects one slot, then up to LINEAR_PROBES neighbours
** (cheap: same cache line), then jumps with i = (i*5 + 1 + perturb) & mask.
*/
#include "hashset.h"
#include "../mem.h"
#include "../ops.h"

static int64_t int_hash(int64_t key) {
    return key == -1 ? -2 : key;     /* CPython reserves -1 for errors */
}

static hset_entry *alloc_table(size_t slots) {
    hset_entry *t = mem_alloc(slots * sizeof *t);
    size_t i;
    if (t == NULL) return NULL;
    for (i = 0; i < slots; i++) { t[i].key = HSET_EMPTY; t[i].hash = 0; }
    return t;
}

hset *hset_new(void) {
    hset *s = mem_alloc(sizeof *s);
    if (s == NULL) return NULL;
    s->table = alloc_table(HSET_MINSIZE);
    if (s->table == NULL) { mem_free(s); return NULL; }
    s->mask = HSET_MINSIZE - 1;
    s->fill = s->used = s->resizes = 0;
    return s;
}

void hset_free(hset *s) {
    if (s == NULL) return;
    mem_free(s->table);
    mem_free(s);
}

size_t hset_slots(const hset *s) {
    return s ? s->mask + 1 : 0;
}

/* @region Set lookup (setobject.c set_lookkey) */
int hset_contains(const hset *s, int64_t key) {
    int64_t hash = int_hash(key);
    size_t perturb = (size_t)hash, mask = s->mask, i = (size_t)hash & mask;
    for (;;) {
        const hset_entry *entry = &s->table[i];
        int probes = (i + HSET_LINEAR_PROBES <= mask) ? HSET_LINEAR_PROBES : 0;
        do {
            OPS_ADD(probes, 1);
            if (entry->key == HSET_EMPTY) return 0;       /* an empty slot ends the search */
            OPS_ADD(comparisons, 1);
            if (entry->hash == hash && entry->key == key) return 1;
            entry++;
        } while (probes--);
        perturb >>= HSET_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}
/* @endregion */

/* Place a key known to be absent into a table with free slots. */
static void insert_clean(hset_entry *table, size_t mask, int64_t key, int64_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        hset_entry *entry = &table[i];
        int j;
        if (entry->key == HSET_EMPTY) goto found;
        if (i + HSET_LINEAR_PROBES <= mask) {
            for (j = 0; j < HSET_LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == HSET_EMPTY) goto found;
            }
        }
        perturb >>= HSET_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

/* set_table_resize: the smallest power of two above minused, at least 8.
** On failure the old table is kept, so the set is unchanged. */
static int resize(hset *s, size_t minused) {
    size_t slots = HSET_MINSIZE, i;
    hset_entry *table;
    while (slots <= minused) slots <<= 1;
    table = alloc_table(slots);
    if (table == NULL) return -1;
    for (i = 0; i <= s->mask; i++) {
        if (s->table[i].key != HSET_EMPTY)
            insert_clean(table, slots - 1, s->table[i].key, s->table[i].hash);
    }
    mem_free(s->table);
    s->table = table;
    s->mask = slots - 1;
    s->fill = s->used;
    s->resizes++;
    return 0;
}

int hset_add(hset *s, int64_t key) {
    size_t need;
    if (s == NULL || key == HSET_EMPTY) return -1;
    if (hset_contains(s, key)) return 0;
    /* Grow before inserting when the insert would trip the 3/5 threshold,
    ** so a failed resize leaves the set exactly as it was. CPython inserts
    ** first and then resizes; the table it ends with is the same. */
    if ((s->fill + 1) * 5 >= s->mask * 3) {
        need = s->used + 1;
        if (resize(s, need > 50000 ? need * 2 : need * 4) != 0) return -1;
    }
    insert_clean(s->table, s->mask, key, int_hash(key));
    s->fill++;
    s->used++;
    return 1;
}
