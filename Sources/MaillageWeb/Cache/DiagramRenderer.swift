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
                   String(request.radiusKm), request.colouring.rawValue, request.openAt?.description ?? "",
                   request.weekOf?.monday.isoDate ?? "", format.rawValue].joined(separator: "|")
        return try await cache.value(version: snapshot.dataVersion, key: key) {
            let dot = try snapshot.diagram(request).linking { Self.page(ofNode: $0, in: snapshot) }
            let engine: GraphvizEngine? = request.kind == .coverage ? .pinned : request.kind == .week ? .dot : nil
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

    /// SVG to put inside a page: without the XML declaration, the DOCTYPE and the comments, in one
    /// pass over the bytes (Graphviz writes a comment per node and edge).
    static func inline(_ svg: [UInt8]) -> String {
        let open = Array("<!--".utf8), close = Array("-->".utf8), start = Array("<svg".utf8)
        func matches(_ pattern: [UInt8], at index: Int) -> Bool {
            index + pattern.count <= svg.count && svg[index..<index + pattern.count].elementsEqual(pattern)
        }
        var output: [UInt8] = []
        output.reserveCapacity(svg.count)
        var index = 0
        while index < svg.count, !matches(start, at: index) { index += 1 }
        while index < svg.count {
            if svg[index] == UInt8(ascii: "<"), matches(open, at: index) {
                index += open.count
                while index < svg.count, !matches(close, at: index) { index += 1 }
                index += close.count
                continue
            }
            output.append(svg[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
