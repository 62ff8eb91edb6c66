#ifndef TRUSTFLOW_GRAPHVIZ_FENCE_H
#define TRUSTFLOW_GRAPHVIZ_FENCE_H

/*
 * The fence around Graphviz's private structures.
 *
 * ordered_memory.c, ordered_ids.c and the scanner reset in read_dot.c rely on how libcgraph
 * 2.42/2.43 works inside: its memory discipline (Agmemdisc_t, AgMemDisc, removed in later
 * releases), the lifetime of cdt "holder" objects, the ID discipline's contract, and
 * aglexbad(), which the library exports but does not declare. They were checked against the
 * sources of Graphviz 2.42.2 (Debian 12 and 13, Ubuntu 22.04 and 24.04 ship 2.42.2-2.42.4,
 * whose headers say 2.43.0).
 *
 * Compile time: Graphviz releases since the 2.4x series define GRAPHVIZ_VERSION_MAJOR in
 * graphviz_version.h; those headers lack the memory discipline, so nothing private is
 * compiled against them. Run time: the private parts switch on only when the headers'
 * version is one of the checked ones (TRUSTFLOW_GRAPHVIZ_CHECKED_VERSIONS).
 */

#include <graphviz/graphviz_version.h>

#if !defined(GRAPHVIZ_VERSION_MAJOR) && defined(GVPLUGIN_VERSION) && GVPLUGIN_VERSION == 6
#define TRUSTFLOW_GRAPHVIZ_PRIVATE_PARTS 1
#else
#define TRUSTFLOW_GRAPHVIZ_PRIVATE_PARTS 0
#endif

#define TRUSTFLOW_GRAPHVIZ_CHECKED_VERSIONS "2.42.2, 2.42.3, 2.42.4, 2.43.0"

/* Whether the private parts are compiled and the headers' version was checked. */
int trustflow_graphviz_private_parts_apply(void);

#if TRUSTFLOW_GRAPHVIZ_PRIVATE_PARTS
#include <graphviz/cgraph.h>

/* ordered_memory.c */
void trustflow_ordered_memory_install(void);
void trustflow_ordered_memory_release_retired(void);

/* ordered_ids.c */
extern Agiddisc_t trustflow_ordered_id_discipline;
#endif

#endif
