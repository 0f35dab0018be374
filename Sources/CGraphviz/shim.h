// The parts of Graphviz's C API that GraphvizRender calls: libgvc (layout and rendering) and
// cgraph (parsing, counting, error reporting). Include paths come from `pkg-config libgvc`.
#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

#include <stdlib.h>
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

#endif
