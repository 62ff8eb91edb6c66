#ifndef TRUSTFLOW_CGRAPHVIZ_SHIM_H
#define TRUSTFLOW_CGRAPHVIZ_SHIM_H

/* libcgraph and libgvc's public API. What TrustFlow adds around them, the parts that depend
 * on Graphviz's private structures included, is the CGraphvizSupport target. */
#include <graphviz/gvc.h>

#endif
