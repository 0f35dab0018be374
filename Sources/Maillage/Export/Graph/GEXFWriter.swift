import Foundation

/// GEXF 1.3 (https://gexf.net), Gephi's own format: typed node and edge attributes, and for each
/// node a `viz:color` by what it is (places one colour, intermediaries their actor type's, as the
/// diagrams draw them) and a `viz:position` from its coordinates, so that Gephi opens the network
/// already laid out on the map: x east and y north, in kilometres from the nodes' centre scaled so
/// that the wider side spans 1,000 units. Intermediaries at one place are set around it; nodes
/// without coordinates get no position (Gephi places them), but for services, set on a ring.
public enum GEXFWriter {
    /// - Parameter date: the `lastmodifieddate`, `YYYY-MM-DD`.
    public static func document(_ graph: ExportedGraph, date: String) -> String {
        let nodeAttributes = graph.nodeAttributes, edgeAttributes = graph.edgeAttributes.filter { $0.name != "weight" }
        let positions = MapLayout(graph.nodes).positions
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" "#
                + #"xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#,
            #"  <meta lastmodifieddate="\#(XMLText.attribute(date))">"#,
            "    <creator>maillage</creator>",
            "    <description>\(XMLText.text(graph.summary))</description>",
            "  </meta>",
            #"  <graph defaultedgetype="directed" mode="static">"#,
        ]
        lines += declarations(nodeAttributes, class: "node") + declarations(edgeAttributes, class: "edge")
        lines.append("    <nodes>")
        for (index, node) in graph.nodes.enumerated() {
            lines.append(#"      <node id="\#(XMLText.attribute(node.id))" label="\#(XMLText.attribute(node.label))">"#)
            lines += values(nodeAttributes, of: node)
            let colour = Self.colour(of: node)
            lines.append(#"        <viz:color r="\#(colour.red)" g="\#(colour.green)" b="\#(colour.blue)"/>"#)
            if let position = positions[index] {
                lines.append(#"        <viz:position x="\#(position.x)" y="\#(position.y)" z="0.0"/>"#)
            }
            lines.append(#"        <viz:size value="\#(node.kind == "place" ? 8.0 : node.kind == "service" ? 12.0 : 5.0)"/>"#)
            lines.append("      </node>")
        }
        lines += ["    </nodes>", "    <edges>"]
        for edge in graph.edges {
            lines.append(#"      <edge id="\#(edge.id)" source="\#(XMLText.attribute(edge.source))" target="\#(XMLText.attribute(edge.target))" weight="\#(edge.weight)">"#)
            lines += values(edgeAttributes, of: edge)
            lines.append("      </edge>")
        }
        lines += ["    </edges>", "  </graph>", "</gexf>", ""]
        return lines.joined(separator: "\n")
    }

    private static func declarations<Element>(_ attributes: [GraphAttribute<Element>], class domain: String) -> [String] {
        [#"    <attributes class="\#(domain)">"#]
            + attributes.map { #"      <attribute id="\#($0.name)" title="\#($0.name)" type="\#(type($0.type))"/>"# }
            + ["    </attributes>"]
    }

    private static func values<Element>(_ attributes: [GraphAttribute<Element>], of element: Element) -> [String] {
        let present = attributes.compactMap { attribute in attribute.value(element).map { (attribute.name, $0) } }
        guard !present.isEmpty else { return [] }
        return ["        <attvalues>"]
            + present.map { #"          <attvalue for="\#($0.0)" value="\#(XMLText.attribute($0.1.text))"/>"# }
            + ["        </attvalues>"]
    }

    /// GEXF's name of an attribute type.
    private static func type(_ type: GraphAttributeType) -> String {
        type == .int ? "integer" : type.rawValue
    }

    /// Places dark blue, services green, intermediaries their actor type's colour in the diagrams.
    static func colour(of node: ExportedGraph.Node) -> (red: Int, green: Int, blue: Int) {
        let hex = switch node.kind {
        case "place": "#1f78b4"
        case "service": "#33a02c"
        default: DiagramStyle.look(ofActorType: node.type ?? "").fill
        }
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        return (value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff)
    }
}

/// Positions on the map for the GEXF export (see ``GEXFWriter``).
struct MapLayout {
    /// By node, in the graph's order; nil where there is none.
    private(set) var positions: [(x: Double, y: Double)?]

    /// The span of the wider side, in layout units.
    static let span = 1000.0

    init(_ nodes: [ExportedGraph.Node]) {
        let located = nodes.compactMap { node in node.latitude.flatMap { latitude in node.longitude.map { (latitude, $0) } } }
        guard !located.isEmpty else {
            positions = Array(repeating: nil, count: nodes.count)
            return
        }
        let latitudes = located.map(\.0), longitudes = located.map(\.1)
        let centre = (latitude: (latitudes.min()! + latitudes.max()!) / 2, longitude: (longitudes.min()! + longitudes.max()!) / 2)
        let kilometresPerDegree = (north: 110.574, east: 111.320 * cos(centre.latitude * .pi / 180))
        let extent = max((latitudes.max()! - latitudes.min()!) * kilometresPerDegree.north,
                         (longitudes.max()! - longitudes.min()!) * kilometresPerDegree.east, 1)
        let scale = Self.span / extent
        positions = nodes.map { node in
            guard let latitude = node.latitude, let longitude = node.longitude else { return nil }
            return ((longitude - centre.longitude) * kilometresPerDegree.east * scale, (latitude - centre.latitude) * kilometresPerDegree.north * scale)
        }
        spreadSharedPositions(radius: 6)
        placeServicesOnARing(nodes, radius: Self.span * 0.65)
    }

    /// Nodes at one point (the intermediaries of a place) set around it, the first in the middle.
    private mutating func spreadSharedPositions(radius: Double) {
        var groups: [String: [Int]] = [:]
        for (index, position) in positions.enumerated() {
            guard let position else { continue }
            groups["\(position.x) \(position.y)", default: []].append(index)
        }
        for members in groups.values where members.count > 1 {
            let others = members.dropFirst()
            for (turn, index) in others.enumerated() {
                guard let centre = positions[index] else { continue }
                let angle = 2 * Double.pi * Double(turn) / Double(others.count)
                positions[index] = (centre.x + radius * cos(angle), centre.y + radius * sin(angle))
            }
        }
    }

    /// The services of a services graph, evenly on a ring around the map.
    private mutating func placeServicesOnARing(_ nodes: [ExportedGraph.Node], radius: Double) {
        let services = nodes.indices.filter { nodes[$0].kind == "service" }
        for (turn, index) in services.enumerated() {
            let angle = 2 * Double.pi * Double(turn) / Double(services.count)
            positions[index] = (radius * cos(angle), radius * sin(angle))
        }
    }
}
