// The parts of Graphviz's C API that GraphvizRender calls: libgvc (layout and rendering) and
// cgraph (parsing, counting, error reporting). Include paths come from `pkg-config libgvc`.
#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <gvc.h>
#include <cgraph.h>

/// Puts the C library's random generators back in the state a new process starts with: `rand()`
/// as after `srand(1)`, `drand48()` with its all-zero initial state. sfdp draws from `rand()`
/// without seeding it, so without this each layout in a process differs from the previous one
/// and from what the `dot` program draws.
static inline void cgraphviz_reset_random(void) {
    unsigned short zero[3] = {0, 0, 0};
    srand(1);
    seed48(zero);
}

/// Discards what cgraph's lexer has read past the end of the last graph parsed. Exported by
/// libcgraph but left out of cgraph.h. Without it, text after the first graph of one `agmemread`
/// (even a newline) is prepended to the next one's: one render's input would leak into the next.
void aglexbad(void);

/// Replaces cgraph's default object-ID discipline, which every graph uses (`agmemread` and the
/// graphs that layout engines open alike). Call before the first graph exists.
static inline void cgraphviz_set_id_discipline(Agiddisc_t discipline) { AgIdDisc = discipline; }

/// The `agerrlevel_t` of errors (as opposed to warnings), as a plain int for comparison with
/// `agerrors()`, which returns the highest level reported since the last `agreseterrors()`.
static inline int cgraphviz_error_level(void) { return (int)AGERR; }

/// The size of a laid-out graph's bounding box, in points (72 to the inch): what a raster
/// renderer will draw, before any `pad`.
static inline void cgraphviz_bounding_box(Agraph_t *graph, double *width, double *height) {
    boxf box = GD_bb(graph);
    *width = box.UR.x - box.LL.x;
    *height = box.UR.y - box.LL.y;
}

/// Whether an `overlap` value makes neato, fdp or sfdp remove overlaps with the prism algorithm,
/// whose proximity graph comes from GTS's Delaunay triangulation: `prism`, `prism0`…`prism1000`,
/// and the false values (`false`, `no`, `0`), which mean prism when Graphviz is built with GTS.
static inline int cgraphviz_overlap_uses_triangulation(const char *value) {
    if (value == NULL || value[0] == '\0') return 0;
    if (strncasecmp(value, "prism", 5) == 0) return 1;
    if (strcasecmp(value, "false") == 0 || strcasecmp(value, "no") == 0) return 1;
    return isdigit((unsigned char)value[0]) && atoi(value) == 0;
}

/// Replaces an `overlap` that would go through GTS by `scale`. GTS's constrained Delaunay
/// triangulation aborts the whole process (`cdt.c:887 remove_intersected_edge: assertion failed`)
/// on some inputs, and an in-process render must never abort its host.
static inline void cgraphviz_avoid_triangulation(Agraph_t *graph) {
    char name[] = "overlap", scale[] = "scale", empty[] = "";
    if (cgraphviz_overlap_uses_triangulation(agget(graph, name))) agsafeset(graph, name, scale, empty);
}

#endif
