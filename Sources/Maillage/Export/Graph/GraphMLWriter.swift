/// GraphML (http://graphml.graphdrawing.org), valid against its XSD: one `key` per attribute with
/// its type, nodes numbered `n0, n1…` (GraphML ids are XML name tokens; the public id is the
/// attribute `public_id`), edges `e0, e1…`, all directed. Read by Gephi, yEd, Cytoscape, NetworkX.
public enum GraphMLWriter {
    public static func document(_ graph: ExportedGraph) -> String {
        let nodeAttributes = graph.nodeAttributes, edgeAttributes = graph.edgeAttributes
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" "#
                + #"xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#,
            "  <desc>\(XMLText.text(graph.summary))</desc>",
            #"  <key id="label" for="node" attr.name="label" attr.type="string"/>"#,
        ]
        lines += nodeAttributes.map { key($0.name, for: "node", type: $0.type) }
        lines += edgeAttributes.map { key($0.name, for: "edge", type: $0.type, prefix: "edge_") }
        lines.append(#"  <graph id="maillage-\#(graph.kind.rawValue)" edgedefault="directed">"#)
        let number = Dictionary(graph.nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, node) in graph.nodes.enumerated() {
            lines.append(#"    <node id="n\#(index)">"#)
            lines.append(data("label", .string(node.label)))
            lines += nodeAttributes.compactMap { attribute in attribute.value(node).map { data(attribute.name, $0) } }
            lines.append("    </node>")
        }
        for edge in graph.edges {
            lines.append(#"    <edge id="\#(edge.id)" source="n\#(number[edge.source] ?? 0)" target="n\#(number[edge.target] ?? 0)">"#)
            lines += edgeAttributes.compactMap { attribute in attribute.value(edge).map { data("edge_" + attribute.name, $0) } }
            lines.append("    </edge>")
        }
        lines += ["  </graph>", "</graphml>", ""]
        return lines.joined(separator: "\n")
    }

    private static func key(_ name: String, for domain: String, type: GraphAttributeType, prefix: String = "") -> String {
        #"  <key id="\#(prefix + name)" for="\#(domain)" attr.name="\#(name)" attr.type="\#(type.rawValue)"/>"#
    }

    private static func data(_ key: String, _ value: GraphAttributeValue) -> String {
        #"      <data key="\#(key)">\#(XMLText.text(value.text))</data>"#
    }
}
