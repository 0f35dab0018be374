import GRDB

extension Store {
    /// What diagrams are drawn from, in one read.
    public func diagramSource() throws -> DiagramSource {
        try writer.read { db in
            let (graph, dateMaj) = try Self.graphWithDates(db)
            return try Self.diagramSource(graph: graph, dateMaj: dateMaj, territories: Self.territoryTable(db), db)
        }
    }

    /// What diagrams are drawn from, read in `db` around a graph, its dates and territories already read there.
    static func diagramSource(graph: GraphProjection, dateMaj: [String?], territories: TerritoryTable, _ db: Database) throws -> DiagramSource {
        let taxonomy = try Self.taxonomy(db)
        let labels = Dictionary(uniqueKeysWithValues: taxonomy.services.map { ($0.slug, $0.label) })
        return DiagramSource(graph: graph, territories: territories, serviceLabels: graph.serviceSlugs.map { labels[$0] ?? $0 },
                             actorTypeLabels: Dictionary(uniqueKeysWithValues: taxonomy.actorTypes.map { ($0.slug, $0.label) }),
                             dateMaj: dateMaj)
    }

    /// The DOT graph a request describes, built from the store's current data (``Snapshot/diagram(_:)``).
    public func diagram(_ request: DiagramRequest) throws -> DOTGraph {
        try snapshot().diagram(request)
    }
}
