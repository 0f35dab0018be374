import Dispatch

/// Lays out and renders DOT text in process, through libgvc.
///
/// A `final class` holding only constants, so it is `Sendable` without a lock of its own: the lock
/// is process-wide (in `GraphvizLibrary`), because libgvc's state is. Every renderer, however many
/// are made with different limits, takes turns with the others. Not an actor: a layout is one C call
/// that cannot suspend, so an actor would run it on the cooperative pool all the same, and it would
/// force `await` on the command line and in tests. Async callers with long layouts (the web server)
/// use ``renderInBackground(_:engine:format:)``, which waits off the pool.
public final class GraphvizRenderer: Sendable {
    /// A renderer with the default limits.
    public static let shared = GraphvizRenderer()

    /// Up to this many nodes, `render` without an engine uses dot; above it, sfdp.
    public static let dotNodeLimit = 1_000

    /// The default ceilings for the engines that slow down sharply with size, in nodes or edges.
    ///
    /// Measured with the `dot` program (Graphviz 2.43 on Debian 12, 2 shared cores) on territory-like
    /// graphs (16 nodes per commune cluster, 1.5 edges per node, three in ten between communes):
    /// dot 0.4–1 s at 1,000 nodes, but over 5 minutes at 1,500 (long directed paths make thousands of
    /// ranks of virtual nodes); neato 4 s at 1,000, 28 s at 2,000; circo 1 s at 100, 8 s at 200, 83 s
    /// at 400; twopi 4 s at 2,000, 15 s at 3,000; fdp 1 s at 2,000, 11 s at 5,000. sfdp (0.6 s at
    /// 1,000, about 35 s at 5,000 and 10,000, 2 minutes at 20,000 with `overlap=false`) and pinned
    /// positions are bound by ``maxNodes`` only.
    public static let defaultEngineLimits: [GraphvizEngine: Int] = [
        .dot: 2_000, .neato: 1_000, .fdp: 5_000, .circo: 200, .twopi: 3_000,
    ]

    /// The most nodes, or edges, given to any engine: beyond it, ``render(_:engine:format:)`` throws
    /// ``GraphvizError/tooLarge(nodes:edges:limit:suggestion:)`` instead of running for minutes.
    public let maxNodes: Int

    /// Lower ceilings for some engines; see ``defaultEngineLimits``.
    public let engineLimits: [GraphvizEngine: Int]

    /// The most pixels a raster image (png) may have: beyond it, ``render(_:engine:format:)`` throws
    /// ``GraphvizError/canvasTooLarge(width:height:limit:)`` after the layout instead of drawing it.
    public let maxPixels: Int

    /// The default ``maxPixels``: 40 million pixels (about 6,300 × 6,300, 160 MB of image memory).
    public static let defaultMaxPixels = 40_000_000

    /// A renderer refusing graphs with more than `maxNodes` nodes or edges, or more than
    /// `engineLimits[engine]` for the engines listed there, and raster images over `maxPixels`.
    public init(maxNodes: Int = 20_000, engineLimits: [GraphvizEngine: Int] = GraphvizRenderer.defaultEngineLimits,
                maxPixels: Int = GraphvizRenderer.defaultMaxPixels) {
        self.maxNodes = maxNodes
        self.engineLimits = engineLimits
        self.maxPixels = maxPixels
    }

    /// The most nodes, or edges, that `engine` is given.
    public func limit(for engine: GraphvizEngine) -> Int {
        min(maxNodes, engineLimits[engine] ?? maxNodes)
    }

    /// Lays out `dot` with `engine` and renders it as `format`.
    ///
    /// Without an engine, dot lays out graphs of up to ``dotNodeLimit`` nodes (counted by cgraph
    /// after parsing) and sfdp larger ones. A `layout` attribute in the DOT text overrides the engine,
    /// as in Graphviz, and its limit applies. Blocks while another render holds the process-wide lock.
    public func render(_ dot: String, engine: GraphvizEngine? = nil, format: GraphvizFormat) throws(GraphvizError) -> [UInt8] {
        try GraphvizLibrary.shared.render(dot, format: format, maxPixels: maxPixels) { (graph) throws(GraphvizError) in
            try self.engine(engine, for: graph)
        }
    }

    /// The engine that lays out `graph`: the one its `layout` attribute names, else `requested`, else
    /// dot or sfdp by size; an error if the graph is over that engine's limit.
    func engine(_ requested: GraphvizEngine?, for graph: GraphvizLibrary.ParsedGraph) throws(GraphvizError) -> GraphvizEngine {
        let named = graph.layout.flatMap { name in
            name.hasPrefix("nop") ? .pinned : GraphvizEngine.allCases.first { $0.layoutName == name }
        }
        let engine = named ?? requested ?? (graph.nodes <= Self.dotNodeLimit ? .dot : .sfdp)
        let limit = limit(for: engine)
        guard graph.nodes > limit || graph.edges > limit else { return engine }
        let sfdpLimit = self.limit(for: .sfdp)
        let fitsSFDP = engine != .sfdp && graph.nodes <= sfdpLimit && graph.edges <= sfdpLimit
        throw .tooLarge(nodes: graph.nodes, edges: graph.edges, limit: limit, suggestion: fitsSFDP ? .sfdp : nil)
    }

    /// Renders as ``render(_:engine:format:)`` does, on a dispatch queue of its own, so that waiting
    /// for the lock and the layout itself hold no thread of Swift's cooperative pool.
    public func renderInBackground(_ dot: String, engine: GraphvizEngine? = nil, format: GraphvizFormat) async throws(GraphvizError) -> [UInt8] {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<[UInt8], GraphvizError>, Never>) in
            Self.queue.async {
                continuation.resume(returning: Result { () throws(GraphvizError) -> [UInt8] in
                    try self.render(dot, engine: engine, format: format)
                })
            }
        }
        return try result.get()
    }

    /// Where ``renderInBackground(_:engine:format:)`` runs: serial, as the lock would make it anyway.
    private static let queue = DispatchQueue(label: "maillage.graphviz-render", qos: .userInitiated)
}
