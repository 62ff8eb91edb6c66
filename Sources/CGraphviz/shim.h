#ifndef TRUSTFLOW_CGRAPHVIZ_SHIM_H
#define TRUSTFLOW_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ordered_memory.h"

/*
 * A deterministic ID discipline for cgraph.
 *
 * cgraph's default discipline uses the address of an interned string as the ID of a named
 * object, and keeps subgraphs in a dictionary ordered by ID. Cluster order — and with it
 * the SVG and parts of the layout — then depends on the heap, i.e. on what the process did
 * before: the same DOT rendered twice in one process came out different. Here a name's ID
 * is its order of first appearance (even numbers, as cgraph expects for named objects) and
 * anonymous objects count up separately (odd numbers), so a graph's IDs depend on its text
 * alone.
 */

typedef struct {
    char *name;
    IDTYPE id;
} trustflow_name_t;

typedef struct {
    Agraph_t *graph;            /* the root graph, whose string pool holds the names */
    void *tree;                 /* tsearch tree of trustflow_name_t*, by name */
    trustflow_name_t **by_index;
    size_t count;
    size_t capacity;
    IDTYPE next_anonymous;
} trustflow_ids_t;

static int trustflow_compare_names(const void *a, const void *b) {
    return strcmp(((const trustflow_name_t *)a)->name, ((const trustflow_name_t *)b)->name);
}

static void *trustflow_id_open(Agraph_t *graph, Agdisc_t *disc) {
    (void)disc;
    trustflow_ids_t *state = calloc(1, sizeof *state);
    if (state) {
        state->graph = graph;
        state->next_anonymous = 1;
    }
    return state;
}

static long trustflow_id_map(void *opaque, int objtype, char *name, IDTYPE *id, int create) {
    (void)objtype;
    trustflow_ids_t *state = opaque;
    if (!name) {
        *id = state->next_anonymous;
        state->next_anonymous += 2;
        return 1;
    }
    trustflow_name_t key = { name, 0 };
    void *found = tfind(&key, &state->tree, trustflow_compare_names);
    if (found) {
        *id = (*(trustflow_name_t **)found)->id;
        return 1;
    }
    if (!create) return 0;
    if (state->count == state->capacity) {
        size_t capacity = state->capacity ? state->capacity * 2 : 64;
        trustflow_name_t **grown = realloc(state->by_index, capacity * sizeof *grown);
        if (!grown) return 0;
        state->by_index = grown;
        state->capacity = capacity;
    }
    trustflow_name_t *entry = malloc(sizeof *entry);
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
    if (!tsearch(entry, &state->tree, trustflow_compare_names)) {
        agstrfree(state->graph, entry->name);
        free(entry);
        return 0;
    }
    state->by_index[state->count++] = entry;
    *id = entry->id;
    return 1;
}

static long trustflow_id_alloc(void *state, int objtype, IDTYPE request) {
    (void)state;
    (void)objtype;
    (void)request;
    return 0; /* nobody asks for a particular ID */
}

static void trustflow_id_free(void *state, int objtype, IDTYPE id) {
    (void)state;
    (void)objtype;
    (void)id; /* names are freed with the graph */
}

static char *trustflow_id_print(void *opaque, int objtype, IDTYPE id) {
    (void)objtype;
    trustflow_ids_t *state = opaque;
    if (id % 2 != 0 || id == 0) return NULL;
    size_t index = (size_t)(id / 2) - 1;
    return index < state->count ? state->by_index[index]->name : NULL;
}

static void trustflow_ignore_node(void *node) { (void)node; }

static void trustflow_id_close(void *opaque) {
    trustflow_ids_t *state = opaque;
    if (!state) return;
    tdestroy(state->tree, trustflow_ignore_node);
    /* The names go with the graph's string pool. */
    for (size_t index = 0; index < state->count; index++) free(state->by_index[index]);
    free(state->by_index);
    free(state);
}

static void trustflow_id_register(void *state, int objtype, void *object) {
    (void)state;
    (void)objtype;
    (void)object;
}

static Agiddisc_t trustflow_id_discipline = {
    trustflow_id_open, trustflow_id_map, trustflow_id_alloc, trustflow_id_free,
    trustflow_id_print, trustflow_id_close, trustflow_id_register,
};

/* cgraph's scanner state is global; this drops whatever it still buffers (exported by
 * libcgraph, not declared in its header). */
extern void aglexbad(void);

/* Reads DOT text with the deterministic ID discipline; NULL on a syntax error.
 * cgraph's scanner is global and runs on from graph to graph: its line counter made a
 * syntax error in a process's 10th graph say "line 3272", and a line break it still held
 * from the previous text shifted the count. Each read starts clean, as the first read of
 * a process does. */
static inline Agraph_t *trustflow_read_dot(const char *text) {
    FILE *stream = fmemopen((void *)text, strlen(text), "r");
    if (!stream) return NULL;
    aglexbad();
    agreadline(1);
    Agdisc_t discipline = { &AgMemDisc, &trustflow_id_discipline, &AgIoDisc };
    Agraph_t *graph = agread(stream, &discipline);
    fclose(stream);
    return graph;
}

#endif
