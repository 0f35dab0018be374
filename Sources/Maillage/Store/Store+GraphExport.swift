import GRDB

extension Store {
    /// The network to export (``ExportedGraph``) of the territory `within` (see
    /// ``TerritoryTable/communes(within:)``; everything when nil), read in one transaction.
    public func exportedGraph(_ kind: ExportedGraph.Kind, within scope: String? = nil) throws -> ExportedGraph {
        try writer.read { db in
            let territories = try Self.territoryTable(db)
            let graph = try Self.graphWithDates(db, territories: territories).graph
            let communes = try scope.map { try graph.communes(within: $0, territories: territories) }
            let labels = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT slug, label FROM service").map { ($0["slug"] as String, $0["label"] as String) })
            let typologies = Dictionary(try Row.fetchAll(db, sql: """
                SELECT n.public_id, p.typologie FROM shown_place p JOIN node n ON n.id = p.node_id WHERE p.typologie IS NOT NULL
                """).map { ($0["public_id"] as String, $0["typologie"] as String) }, uniquingKeysWith: { first, _ in first })
            return graph.exportedGraph(kind, communes: communes, serviceLabels: graph.serviceSlugs.map { labels[$0] ?? $0 }, typologies: typologies)
        }
    }
}
