/// Kumu's JSON import ("blueprint", https://docs.kumu.io/guides/import/blueprints):
/// `{"elements": […], "connections": […]}`. Elements and connections carry an `id` (names repeat,
/// so connections name ids, as Kumu asks then), a `label` and a `type` (Kumu colours by it: an
/// intermediary's actor type, `place` or `service`), and every other attribute as a field of its
/// own (a place's typologie as `typologie`, a service's place in the taxonomy as `parent`);
/// connections are directed, their `type` the edge's kind.
public enum KumuWriter {
    public static func document(_ graph: ExportedGraph) -> String {
        let elements = graph.nodes.map { node in
            let typeField = node.kind == "place" ? "typologie" : "parent"
            let typologie = node.kind == "intermediary" ? [] : node.type.map { [(typeField, GraphAttributeValue.string($0))] } ?? []
            return object([("id", .string(node.id)), ("label", .string(node.label)),
                           ("type", .string(node.kind == "intermediary" ? node.type ?? node.kind : node.kind))]
                          + graph.nodeAttributes.filter { $0.name != "type" }.compactMap { attribute in attribute.value(node).map { (attribute.name, $0) } }
                          + typologie)
        }
        let connections = graph.edges.map { edge in
            object([("id", .string(edge.id)), ("from", .string(edge.source)), ("to", .string(edge.target)), ("type", .string(edge.kind)),
                    ("direction", .string("directed"))]
                   + graph.edgeAttributes.filter { $0.name != "kind" }.compactMap { attribute in attribute.value(edge).map { (attribute.name, $0) } })
        }
        return "{\"elements\": [\n" + elements.map { "  " + $0 }.joined(separator: ",\n")
            + "\n], \"connections\": [\n" + connections.map { "  " + $0 }.joined(separator: ",\n") + "\n]}\n"
    }

    private static func object(_ fields: [(String, GraphAttributeValue)]) -> String {
        "{" + fields.map { name, value in
            let json = switch value {
            case .string(let text): JSONText.string(text)
            case .double(let number): number.isFinite ? number.description : "null"
            case .int, .boolean: value.text
            }
            return JSONText.string(name) + ": " + json
        }.joined(separator: ", ") + "}"
    }
}
