internal import CGraphviz

extension GraphvizLibrary {
    /// What the choice of an engine depends on, read by cgraph after parsing.
    struct ParsedGraph {
        let nodes: Int
        let edges: Int
        /// The graph's own `layout` attribute, which Graphviz obeys over the engine it is given.
        var layout: String? = nil
    }

    /// Parses `dot`, lets `chooseEngine` pick the engine from its size and `layout` (or refuse it), lays it out and
    /// renders it: `agmemread` → `gvLayout` → `gvRenderData`, then `gvFreeRenderData` →
    /// `gvFreeLayout` → `agclose` on every path, thrown errors included. A raster format (png) whose
    /// image would exceed `maxPixels` is refused after the layout, before anything is drawn.
    func render(
        _ dot: String,
        format: GraphvizFormat,
        maxPixels: Int = .max,
        chooseEngine: (ParsedGraph) throws(GraphvizError) -> GraphvizEngine
    ) throws(GraphvizError) -> [UInt8] {
        try withContext { (context) throws(GraphvizError) -> [UInt8] in
            agreadline(1)  // cgraph 2.42 carries its line count over from the previous text
            let parsed = dot.withCString { agmemread($0) }
            aglexbad()  // drop what follows the first graph, which the next parse would read first
            guard let graph = parsed else {
                throw .syntax(message: report(or: "the text holds no graph"))
            }
            defer { agclose(graph) }
            if reportedError { throw .syntax(message: report(or: "unknown error")) }

            let layout = "layout".withCString { agget(graph, UnsafeMutablePointer(mutating: $0)) }
            let engine = try chooseEngine(ParsedGraph(
                nodes: Int(agnnodes(graph)), edges: Int(agnedges(graph)),
                layout: layout.map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }))

            keepOffTriangulation(graph, engine: engine)
            // gvFreeLayout is safe after a failed or partial layout: it frees what was attached.
            defer { gvFreeLayout(context, graph) }
            cgraphviz_reset_random()  // the same drawing every time, as from a fresh `dot` process
            let laidOut = engine.layoutName.withCString { gvLayout(context, graph, $0) }
            if laidOut != 0 {
                // Not recognized: our engine's plugin is missing, or the DOT's own `layout` names an unknown one.
                let message = report(or: "gvLayout returned \(laidOut)")
                throw message.contains("Layout type: \"\(engine.layoutName)\" not recognized")
                    ? .missingLayoutPlugin(engine: engine, message: message)
                    : .layoutFailed(engine: engine, message: message)
            }
            if reportedError { throw .layoutFailed(engine: engine, message: report(or: "unknown error")) }
            if let pixels = format.pixelsPerPoint {
                var width = 0.0, height = 0.0
                cgraphviz_bounding_box(graph, &width, &height)
                // Graphviz pads the drawing with 4 points on each side by default.
                let size = (width: Int(((width + 8) * pixels).rounded(.up)), height: Int(((height + 8) * pixels).rounded(.up)))
                if size.width.multipliedReportingOverflow(by: size.height).partialValue > maxPixels || size.width > 32_767 || size.height > 32_767 {
                    throw .canvasTooLarge(width: size.width, height: size.height, limit: maxPixels)
                }
            }

            var data: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            defer { gvFreeRenderData(data) }
            let rendered = format.rawValue.withCString { gvRenderData(context, graph, $0, &data, &length) }
            if rendered != 0 {
                let message = report(or: "gvRenderData returned \(rendered)")
                // No device for the format at all, or a device without its renderer (png without cairo).
                let missing = message.contains("Format: \"\(format.rawValue)\" not recognized")
                    || message.contains("renderer for \(format.rawValue) is unavailable")
                throw missing
                    ? .missingRenderPlugin(format: format, message: message)
                    : .renderFailed(format: format, message: message)
            }
            if reportedError { throw .renderFailed(format: format, message: report(or: "unknown error")) }
            guard let data, length > 0 else { throw .renderFailed(format: format, message: "the output is empty") }
            return [UInt8](UnsafeRawBufferPointer(start: data, count: Int(length)))
        }
    }
}
