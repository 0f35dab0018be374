import GraphvizRender
import Maillage

/// Draws the pages' diagrams through Graphviz, each render kept for the data version it was drawn
/// from: a département's map is laid out once per version, and the cache, bounded, also bounds
/// the memory Graphviz keeps per layout. Requests for a render under way wait for it.
final class DiagramRenderer: Sendable {
    private let cache: VersionedCache<[UInt8]>

    /// `capacity`: how many renders are kept; the oldest goes first.
    init(capacity: Int = 48) {
        cache = VersionedCache(capacity: capacity)
    }

    /// The diagram `request` describes, drawn from `snapshot` as `format`, its nodes linked to their pages.
    func render(_ request: DiagramRequest, from snapshot: Snapshot, format: GraphvizFormat) async throws -> [UInt8] {
        let key = [request.kind.rawValue, request.scope ?? "", request.id ?? "", String(request.hops), request.service ?? "",
                   String(request.radiusKm), request.colouring.rawValue, format.rawValue].joined(separator: "|")
        return try await cache.value(version: snapshot.dataVersion, key: key) {
            let dot = try snapshot.diagram(request).linking { Self.page(ofNode: $0, in: snapshot) }
            let engine: GraphvizEngine? = request.kind == .coverage ? .pinned : nil
            return try await GraphvizRenderer.shared.renderInBackground(dot.text, engine: engine, format: format)
        }
    }

    /// The page a diagram's node links to: a place's or intermediary's profile, a commune's page.
    static func page(ofNode id: String, in snapshot: Snapshot) -> String? {
        if snapshot.graph.node(id) != nil { return "/lieux/" + encode(id) }
        if id.hasPrefix("r"), snapshot.graph.node(String(id.dropFirst())) != nil { return "/lieux/" + encode(String(id.dropFirst())) }
        if id.hasPrefix("c"), snapshot.territories.communeRow(code: String(id.dropFirst())) != nil { return "/communes/" + encode(String(id.dropFirst())) }
        return nil
    }

    /// SVG to put inside a page: without the XML declaration, the DOCTYPE and the comments.
    static func inline(_ svg: [UInt8]) -> String {
        var text = String(decoding: svg, as: UTF8.self)
        if let start = text.range(of: "<svg") { text = String(text[start.lowerBound...]) }
        while let open = text.range(of: "<!--"), let close = text.range(of: "-->", range: open.upperBound..<text.endIndex) {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return text
    }
}
