import GRDB

extension Store {
    /// What diagrams are drawn from, in one read.
    public func diagramSource() throws -> DiagramSource {
        try writer.read(Self.diagramSource)
    }

    /// What diagrams are drawn from, read in `db`.
    static func diagramSource(_ db: Database) throws -> DiagramSource {
        let territories = try Self.territoryTable(db)
        let (graph, dateMaj) = try Self.graphWithDates(db, territories: territories)
        return try Self.diagramSource(graph: graph, dateMaj: dateMaj, territories: territories, db)
    }

    /// What diagrams are drawn from, read in `db` around a graph, its dates and territories already read there.
    static func diagramSource(graph: GraphProjection, dateMaj: [String?], territories: TerritoryTable, _ db: Database) throws -> DiagramSource {
        let taxonomy = try Self.taxonomy(db)
        let labels = Dictionary(uniqueKeysWithValues: taxonomy.services.map { ($0.slug, $0.label) })
        return DiagramSource(graph: graph, territories: territories, serviceLabels: graph.serviceSlugs.map { labels[$0] ?? $0 },
                             actorTypeLabels: Dictionary(uniqueKeysWithValues: taxonomy.actorTypes.map { ($0.slug, $0.label) }),
                             dateMaj: dateMaj)
    }

    /// The DOT graph a request describes, built from the store's current data: what diagrams are
    /// drawn from, and the relay directory only for a coverage diagram (``Snapshot/diagram(_:)``
    /// draws from a snapshot already read).
    public func diagram(_ request: DiagramRequest) throws -> DOTGraph {
        let (source, catalog) = try writer.read { db in (try Self.diagramSource(db), try ServiceCatalog(taxonomy: Self.taxonomy(db))) }
        return try source.diagram(request, catalog: catalog) { try relayDirectory() }
    }
}
