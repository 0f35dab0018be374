import Foundation

/// Why ``GraphvizRenderer`` could not draw a diagram.
public enum GraphvizError: Error, LocalizedError, Equatable {
    /// Graphviz could not read the DOT text; `message` is its own report
    /// (`syntax error in line 3 near '->'`).
    case syntax(message: String)
    /// The layout engine reported an error, such as a node without `pos` for ``GraphvizEngine/pinned``.
    case layoutFailed(engine: GraphvizEngine, message: String)
    /// The renderer reported an error after the layout succeeded.
    case renderFailed(format: GraphvizFormat, message: String)
    /// No layout plugin for this engine is registered with libgvc on this machine.
    case missingLayoutPlugin(engine: GraphvizEngine, message: String)
    /// No render plugin for this format is registered with libgvc on this machine (`png` and `pdf`
    /// need the cairo plugin).
    case missingRenderPlugin(format: GraphvizFormat, message: String)
    /// The graph has more nodes or more edges than `limit`, the most the chosen engine is given
    /// (``GraphvizRenderer/limit(for:)``); `suggestion` is an engine whose limit it fits, if any.
    case tooLarge(nodes: Int, edges: Int, limit: Int, suggestion: GraphvizEngine?)
    /// libgvc could not create its context (`gvContext()` returned nothing).
    case contextUnavailable
    /// A raster image (png) of this many pixels across and down would exceed `limit` pixels in all
    /// (``GraphvizRenderer/maxPixels``), or the 32,767 pixels a side that cairo can draw.
    case canvasTooLarge(width: Int, height: Int, limit: Int)

    public var errorDescription: String? {
        switch self {
        case .syntax(let message):
            "Graphviz could not read the DOT text: \(message)"
        case .layoutFailed(let engine, let message):
            "The \(engine.displayName) layout failed: \(message)"
        case .renderFailed(let format, let message):
            "Graphviz could not render the diagram as \(format.rawValue): \(message)"
        case .missingLayoutPlugin(let engine, _):
            "Graphviz has no \(engine.displayName) layout on this machine. Install the Debian package libgvc6 "
                + "(its \(engine == .dot ? "dot_layout" : "neato_layout") plugin), then register its plugins with "
                + "`sudo libgvc6-config-update -c` (or `sudo dot -c`)."
        case .missingRenderPlugin(let format, _):
            "Graphviz cannot write \(format.rawValue) on this machine. Install the Debian package libgvc6 "
                + "(its \(format.isText ? "core plugin" : "cairo plugin, libgvplugin_pango")), then register its plugins with "
                + "`sudo libgvc6-config-update -c` (or `sudo dot -c`)."
        case .tooLarge(let nodes, let edges, let limit, let suggestion):
            "The diagram has \(nodes) nodes and \(edges) edges, over the limit of \(limit) nodes or edges that "
                + "this layout engine draws in reasonable time. Narrow the scope to a département, an EPCI or a "
                + "commune" + (suggestion.map { ", or use the \($0.displayName) engine" } ?? "") + "."
        case .canvasTooLarge(let width, let height, let limit):
            "The PNG image would be \(width) × \(height) pixels (\(Self.millions(width * height)) million), over the limit of "
                + "\(Self.millions(limit)) million pixels (and 32,767 a side). Draw it as SVG or PDF, which have no pixel size "
                + "and zoom without loss, or narrow the territory."
        case .contextUnavailable:
            "Graphviz could not create its rendering context (out of memory?)."
        }
    }

    /// 172160000 → "172.2".
    private static func millions(_ pixels: Int) -> String {
        String(format: "%.1f", Double(pixels) / 1_000_000)
    }
}
