/* Reading and closing graphs, with the private parts where they apply (fence.h). */

#include "trustflow_graphviz.h"
#include "fence.h"

#include <graphviz/cgraph.h>
#include <stdio.h>
#include <string.h>

static unsigned guarantees;

int trustflow_graphviz_private_parts_apply(void) {
#if TRUSTFLOW_GRAPHVIZ_PRIVATE_PARTS
    static const char *const checked[] = { "2.42.2", "2.42.3", "2.42.4", "2.43.0" };
    for (size_t index = 0; index < sizeof checked / sizeof *checked; index++) {
        if (strcmp(PACKAGE_VERSION, checked[index]) == 0) return 1;
    }
#endif
    return 0;
}

const char *trustflow_graphviz_checked_versions(void) { return TRUSTFLOW_GRAPHVIZ_CHECKED_VERSIONS; }

const char *trustflow_graphviz_header_version(void) { return PACKAGE_VERSION; }

unsigned trustflow_graphviz_available_guarantees(void) {
    return trustflow_graphviz_private_parts_apply()
        ? TRUSTFLOW_GRAPHVIZ_REPRODUCIBLE_FDP | TRUSTFLOW_GRAPHVIZ_REPRODUCIBLE_IDS | TRUSTFLOW_GRAPHVIZ_CLEAN_SCANNER
        : 0;
}

unsigned trustflow_graphviz_prepare(void) {
#if TRUSTFLOW_GRAPHVIZ_PRIVATE_PARTS
    if (trustflow_graphviz_private_parts_apply()) trustflow_ordered_memory_install();
#endif
    guarantees = trustflow_graphviz_available_guarantees();
    return guarantees;
}

#if TRUSTFLOW_GRAPHVIZ_PRIVATE_PARTS
/* cgraph's scanner state is global; this drops whatever it still buffers (exported by
 * libcgraph 2.42/2.43, not declared in its header). */
extern void aglexbad(void);

/* cgraph's scanner is global and runs on from graph to graph: its line counter made a
 * syntax error in a process's 10th graph say "line 3272", and a line break it still held
 * from the previous text shifted the count. Each read starts clean, as the first read of a
 * process does, with the ordered ID discipline. */
static Agraph_t *read_with_private_parts(const char *text) {
    FILE *stream = fmemopen((void *)text, strlen(text), "r");
    if (!stream) return NULL;
    aglexbad();
    agreadline(1);
    Agdisc_t discipline = { &AgMemDisc, &trustflow_ordered_id_discipline, &AgIoDisc };
    Agraph_t *graph = agread(stream, &discipline);
    fclose(stream);
    return graph;
}
#endif

void *trustflow_graphviz_read(const char *text) {
#if TRUSTFLOW_GRAPHVIZ_PRIVATE_PARTS
    if (guarantees) return read_with_private_parts(text);
#endif
    return agmemread(text);
}

void trustflow_graphviz_close(void *graph) {
    agclose(graph);
#if TRUSTFLOW_GRAPHVIZ_PRIVATE_PARTS
    /* Every graph the layout opened is closed by now, and with the graph it laid out goes
     * every pointer that could still point into their retired address ranges. */
    if (guarantees) trustflow_ordered_memory_release_retired();
#endif
}
