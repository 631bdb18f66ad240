/*
** registry.c -- the list of demos, in course order.
**
** The one place a new demo is added: declare its demo_info and put it in
** the table. coursecore list, the wasm worker and the site all read this.
*/
#include "../demo.h"

#include <string.h>

extern const demo_info demo_boxed_ints;
extern const demo_info demo_refcount_and_cycles;
extern const demo_info demo_small_int_cache;
extern const demo_info demo_slice_copy_vs_view;
extern const demo_info demo_mutate_vs_rebind;
extern const demo_info demo_shared_rows;
extern const demo_info demo_shallow_vs_deep_copy;
extern const demo_info demo_find_duplicates;
extern const demo_info demo_membership;
extern const demo_info demo_front_insert;
extern const demo_info demo_string_building;
extern const demo_info demo_profile_a_pipeline;
extern const demo_info demo_memoization;
extern const demo_info demo_lru_cache;
extern const demo_info demo_builtin_vs_loop;
extern const demo_info demo_in_place_vs_copy;
extern const demo_info demo_list_growth;
extern const demo_info demo_recursion_stack;
extern const demo_info demo_stream_vs_materialize;
extern const demo_info demo_class_gallery;
extern const demo_info demo_crossover;
extern const demo_info demo_amortized_append;

static const demo_info *const registry[] = {
    /* 01 Memory basics */
    &demo_boxed_ints,
    &demo_refcount_and_cycles,
    &demo_small_int_cache,
    &demo_slice_copy_vs_view,
    /* 02 References vs values */
    &demo_mutate_vs_rebind,
    &demo_shared_rows,
    &demo_shallow_vs_deep_copy,
    /* 03 Time complexity */
    &demo_find_duplicates,
    &demo_membership,
    &demo_front_insert,
    &demo_string_building,
    /* 04 Space complexity */
    &demo_in_place_vs_copy,
    &demo_list_growth,
    &demo_recursion_stack,
    &demo_stream_vs_materialize,
    /* 05 Big-O notation */
    &demo_class_gallery,
    &demo_crossover,
    &demo_amortized_append,
    /* 06 Optimization techniques */
    &demo_profile_a_pipeline,
    &demo_memoization,
    &demo_lru_cache,
    &demo_builtin_vs_loop,
};

int demo_count(void) {
    return (int)(sizeof registry / sizeof registry[0]);
}

const demo_info *demo_at(int index) {
    if (index < 0 || index >= demo_count()) return NULL;
    return registry[index];
}

const demo_info *demo_find(const char *id) {
    int i;
    if (id == NULL) return NULL;
    for (i = 0; i < demo_count(); i++) {
        if (strcmp(registry[i]->id, id) == 0) return registry[i];
    }
    return NULL;
}
