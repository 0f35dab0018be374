internal import CGraphviz

/// Keeps every layout off GTS, the triangulated-surface library Debian's Graphviz 2.43 is built
/// with: its constrained Delaunay triangulation aborts the whole process
/// (`Gts:ERROR:cdt.c:887:remove_intersected_edge: assertion failed`) or corrupts memory on
/// ordinary clustered graphs, the Ardèche territory among them (the `dot` program dies on it the
/// same way), and an in-process render must never bring its host down.
extension GraphvizLibrary {
    /// Rewrites the two attributes that lead into GTS, before layout:
    /// - `overlap` values meaning prism (`prism…`, and the false values `false`, `no`, `0`, which
    ///   mean prism when Graphviz has GTS) become `scale`, with every engine;
    /// - obstacle-routed `splines` (`true`, `yes`, `spline`, `polyline`, `compound`) become
    ///   `curved` with every engine but dot, whose own router does not use GTS.
    func keepOffTriangulation(_ graph: UnsafeMutablePointer<Agraph_t>, engine: GraphvizEngine) {
        replace("overlap", in: graph, with: "scale", when: Self.meansPrism)
        if engine != .dot {
            replace("splines", in: graph, with: "curved") { Self.obstacleRoutedSplines.contains($0) }
        }
    }

    /// Spline values that make neato, fdp, sfdp, twopi and circo route edges around the nodes
    /// through GTS's constrained triangulation (`splineEdges` → `mkRouter` → `mkSurface`).
    static let obstacleRoutedSplines: Set<String> = ["true", "yes", "spline", "polyline", "compound"]

    /// Whether an `overlap` value removes overlaps with prism, whose proximity graph is GTS's
    /// Delaunay triangulation.
    static func meansPrism(_ value: String) -> Bool {
        value.hasPrefix("prism") || value == "false" || value == "no"
            || (value.first?.isNumber == true && Int(value.prefix { $0.isNumber }) == 0)
    }

    /// Sets the graph attribute `name` to `replacement` when its current value, lowercased, passes `test`.
    private func replace(_ name: String, in graph: UnsafeMutablePointer<Agraph_t>, with replacement: String,
                         when test: (String) -> Bool) {
        name.withCString { name in
            let key = UnsafeMutablePointer(mutating: name)
            guard let current = agget(graph, key).map({ String(cString: $0).lowercased() }), test(current) else { return }
            // cgraph copies the strings it is given.
            _ = replacement.withCString { value in
                "".withCString { none in agsafeset(graph, key, UnsafeMutablePointer(mutating: value), UnsafeMutablePointer(mutating: none)) }
            }
        }
    }
}
