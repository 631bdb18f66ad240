/*
** registry.c -- the list of demos, in course order.
**
** The one place a new demo is added: declare its demo_info and put it in
** the table. coursecore list, the wasm worker and the site all read this.
*/
#include "../demo.h"

#include <string.h>

extern const demo_info demo_membership;

static const demo_info *const registry[] = {
    /* 03 Time complexity */
    &demo_membership,
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
