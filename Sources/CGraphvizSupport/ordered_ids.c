/*
 * A deterministic ID discipline for cgraph. Private to Graphviz 2.42/2.43 (see fence.h):
 * later releases changed Agiddisc_t (its alloc member is gone in 13).
 *
 * cgraph's default discipline uses the address of an interned string as the ID of a named
 * object, and keeps subgraphs in a dictionary ordered by ID. Cluster order -- and with it
 * the SVG and parts of the layout -- then depends on the heap, i.e. on what the process did
 * before: the same DOT rendered twice in one process came out different. Here a name's ID is
 * its order of first appearance (even numbers, as cgraph expects for named objects) and
 * anonymous objects count up separately (odd numbers), so a graph's IDs depend on its text
 * alone.
 */

#define _GNU_SOURCE /* tdestroy */
#include "fence.h"

#if TRUSTFLOW_GRAPHVIZ_PRIVATE_PARTS

#include <search.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *name;
    IDTYPE id;
} name_t;

typedef struct {
    Agraph_t *graph; /* the root graph, whose string pool holds the names */
    void *tree;      /* tsearch tree of name_t*, by name */
    name_t **by_index;
    size_t count;
    size_t capacity;
    IDTYPE next_anonymous;
} ids_t;

static int compare_names(const void *a, const void *b) {
    return strcmp(((const name_t *)a)->name, ((const name_t *)b)->name);
}

static void *id_open(Agraph_t *graph, Agdisc_t *disc) {
    (void)disc;
    ids_t *state = calloc(1, sizeof *state);
    if (state) {
        state->graph = graph;
        state->next_anonymous = 1;
    }
    return state;
}

static long id_map(void *opaque, int objtype, char *name, IDTYPE *id, int create) {
    (void)objtype;
    ids_t *state = opaque;
    if (!name) {
        *id = state->next_anonymous;
        state->next_anonymous += 2;
        return 1;
    }
    name_t key = { name, 0 };
    void *found = tfind(&key, &state->tree, compare_names);
    if (found) {
        *id = (*(name_t **)found)->id;
        return 1;
    }
    if (!create) return 0;
    if (state->count == state->capacity) {
        size_t capacity = state->capacity ? state->capacity * 2 : 64;
        name_t **grown = realloc(state->by_index, capacity * sizeof *grown);
        if (!grown) return 0;
        state->by_index = grown;
        state->capacity = capacity;
    }
    name_t *entry = malloc(sizeof *entry);
    if (!entry) return 0;
    /* Interned like cgraph's own ID discipline does: agnameof() returns this pointer, and
     * cgraph's writers call aghtmlstr() on it, which reads a flag in the header before the
     * characters -- garbage for a strdup'ed name, which then printed as <name> at random. */
    entry->name = agstrdup(state->graph, name);
    if (!entry->name) {
        free(entry);
        return 0;
    }
    entry->id = (IDTYPE)(state->count + 1) * 2;
    if (!tsearch(entry, &state->tree, compare_names)) {
        agstrfree(state->graph, entry->name);
        free(entry);
        return 0;
    }
    state->by_index[state->count++] = entry;
    *id = entry->id;
    return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE request) {
    (void)state;
    (void)objtype;
    (void)request;
    return 0; /* nobody asks for a particular ID */
}

static void id_free(void *state, int objtype, IDTYPE id) {
    (void)state;
    (void)objtype;
    (void)id; /* names are freed with the graph */
}

static char *id_print(void *opaque, int objtype, IDTYPE id) {
    (void)objtype;
    ids_t *state = opaque;
    if (id % 2 != 0 || id == 0) return NULL;
    size_t index = (size_t)(id / 2) - 1;
    return index < state->count ? state->by_index[index]->name : NULL;
}

static void ignore_node(void *node) { (void)node; }

static void id_close(void *opaque) {
    ids_t *state = opaque;
    if (!state) return;
    tdestroy(state->tree, ignore_node);
    /* The names go with the graph's string pool. */
    for (size_t index = 0; index < state->count; index++) free(state->by_index[index]);
    free(state->by_index);
    free(state);
}

static void id_register(void *state, int objtype, void *object) {
    (void)state;
    (void)objtype;
    (void)object;
}

Agiddisc_t trustflow_ordered_id_discipline = {
    id_open, id_map, id_alloc, id_free, id_print, id_close, id_register,
};

#endif
