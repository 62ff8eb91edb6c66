#ifndef TRUSTFLOW_GRAPHVIZ_H
#define TRUSTFLOW_GRAPHVIZ_H

/*
 * What TrustFlow adds around libcgraph and libgvc, as one small C interface.
 *
 * The parts that depend on Graphviz's private structures (a memory discipline, an ID
 * discipline, the DOT scanner's state) are compiled only for the Graphviz versions they
 * were checked against (fence.h): the version is read from the headers at compile time, and
 * the library linked must be the same release (Debian's libgraphviz-dev and libgvc6 are).
 * With any other Graphviz every function here falls back to Graphviz's public API, and
 * trustflow_graphviz_available_guarantees() says which guarantees are lost.
 *
 * Graphs are passed as void * so that this header needs no Graphviz header of its own.
 * Callers serialise every call, as they serialise every call into Graphviz.
 */

/* Bits of the guarantees. */
/* fdp lays the same DOT out the same way in every process (ordered memory). */
#define TRUSTFLOW_GRAPHVIZ_REPRODUCIBLE_FDP 1u
/* Object IDs follow the order of appearance in the DOT text, not heap addresses, so cluster
 * order (and with it the SVG) does not depend on what the process did before. */
#define TRUSTFLOW_GRAPHVIZ_REPRODUCIBLE_IDS 2u
/* Every read starts with a clean DOT scanner, so a syntax error names its real line. */
#define TRUSTFLOW_GRAPHVIZ_CLEAN_SCANNER 4u

/* Installs what this Graphviz supports; once per process, before the first gvContext().
 * Returns the guarantees that hold. */
unsigned trustflow_graphviz_prepare(void);

/* The guarantees trustflow_graphviz_prepare gives with this Graphviz, without preparing. */
unsigned trustflow_graphviz_available_guarantees(void);

/* The version of the Graphviz headers this was compiled with, e.g. "2.43.0". */
const char *trustflow_graphviz_header_version(void);

/* The Graphviz versions the private parts were checked against, e.g. "2.42.2-2.43.0". */
const char *trustflow_graphviz_checked_versions(void);

/* Reads DOT text into a graph (an Agraph_t *); NULL on a syntax error. */
void *trustflow_graphviz_read(const char *text);

/* Closes a graph trustflow_graphviz_read returned, and with it everything its layout left. */
void trustflow_graphviz_close(void *graph);

/*
 * The crash guard. Between arm and disarm, a crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL,
 * SIGABRT) on any thread writes `before`, the signal's name ("SIGSEGV, a bad memory
 * access") and `after` to `descriptor` (standard error, even while it is redirected) and
 * ends the process with `status`, instead of a
 * bare "Segmentation fault". Only for programs that own their process (the trustflow
 * command); a library user keeps its own handlers. The handlers run on an alternate stack,
 * so a stack overflow is caught too. Both texts are copied (at most 4 KiB each).
 */
void trustflow_crash_guard_arm(const char *before, const char *after, int status, int descriptor);
void trustflow_crash_guard_disarm(void);

#endif
