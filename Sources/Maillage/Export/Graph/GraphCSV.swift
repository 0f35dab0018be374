/// The graph as two CSV tables for spreadsheets, with the headers Gephi's spreadsheet import
/// reads: nodes (`Id`, `Label`, then every attribute) and edges (`Id`, `Source`, `Target`,
/// `Type` = Directed, then every attribute). An attribute a node lacks is an empty cell.
public enum GraphCSV {
    public static func nodes(_ graph: ExportedGraph) -> String {
        let attributes = graph.nodeAttributes
        return CSVWriter.table(header: ["Id", "Label"] + attributes.map(\.name), rows: graph.nodes) { node in
            [node.id, node.label] + attributes.map { $0.value(node)?.text ?? "" }
        }
    }

    public static func edges(_ graph: ExportedGraph) -> String {
        let attributes = graph.edgeAttributes
        return CSVWriter.table(header: ["Id", "Source", "Target", "Type"] + attributes.map(\.name), rows: graph.edges) { edge in
            [edge.id, edge.source, edge.target, "Directed"] + attributes.map { $0.value(edge)?.text ?? "" }
        }
    }
}
