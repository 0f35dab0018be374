import GRDB

extension Store {
    /// What diagrams are drawn from, in one read.
    public func diagramSource() throws -> DiagramSource {
        try writer.read { db in try Self.diagramSource(graph: Self.graph(db), territories: Self.territoryTable(db), db) }
    }

    /// What diagrams are drawn from, read in `db` around a graph and territories already read there.
    static func diagramSource(graph: GraphProjection, territories: TerritoryTable, _ db: Database) throws -> DiagramSource {
        let taxonomy = try Self.taxonomy(db)
        let labels = Dictionary(uniqueKeysWithValues: taxonomy.services.map { ($0.slug, $0.label) })
        var dateMaj = [String?](repeating: nil, count: graph.nodeCount)
        let rows = try Row.fetchCursor(db, sql: "SELECT n.public_id, p.date_maj FROM shown_place p JOIN shown_node n ON n.id = p.node_id")
        while let row = try rows.next() {
            if let node = graph.node(row["public_id"]) { dateMaj[node] = row["date_maj"] }
        }
        return DiagramSource(graph: graph, territories: territories, serviceLabels: graph.serviceSlugs.map { labels[$0] ?? $0 },
                             actorTypeLabels: Dictionary(uniqueKeysWithValues: taxonomy.actorTypes.map { ($0.slug, $0.label) }),
                             dateMaj: dateMaj)
    }

    /// The DOT graph a request describes, built from the store's current data (``Snapshot/diagram(_:)``).
    public func diagram(_ request: DiagramRequest) throws -> DOTGraph {
        try snapshot().diagram(request)
    }
}
