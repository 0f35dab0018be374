/// A Graphviz layout engine.
///
/// The raw values are the names a user types (`--engine sfdp`); ``layoutName`` is the name of the
/// libgvc layout plugin that runs it.
public enum GraphvizEngine: String, CaseIterable, Sendable {
    /// Layered drawing of directed graphs (hierarchies, flows); slow beyond a few thousand nodes.
    case dot
    /// Spring model (stress majorization); quadratic in time and memory.
    case neato
    /// Force-directed placement, with clusters drawn as boxes. The only engine whose drawing of a
    /// graph can change from one render to the next in a long-lived process: Graphviz 2.42's fdp
    /// depends on more than the DOT text. The others give the same bytes every time.
    case fdp
    /// Multiscale force-directed placement: the engine for large graphs.
    case sfdp
    /// Circular layout of biconnected components; very slow beyond a few hundred nodes.
    case circo
    /// Radial layout around a root node.
    case twopi
    /// Keeps each node at its `pos` attribute, in points, and routes the edges: what `neato -n`
    /// does (the neato plugin's `nop` layout, the same as `nop1`; `nop2` would also keep edge
    /// positions given in the input). Every node needs a `pos`; a trailing `!` is accepted.
    case pinned

    /// The libgvc layout plugin's name, as passed to `gvLayout`.
    var layoutName: String {
        self == .pinned ? "nop" : rawValue
    }

    /// The engine as Graphviz's own tools name it, for messages: `sfdp`, or `neato -n` when pinned.
    public var displayName: String {
        self == .pinned ? "neato -n" : rawValue
    }
}
