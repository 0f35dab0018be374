import GRDB

extension Store {
    /// Everything the answers are computed from, read in one transaction (``Snapshot``).
    public func snapshot() throws -> Snapshot {
        try writer.read { db in
            let territories = try Self.territoryTable(db)
            let (graph, dateMaj) = try Self.graphWithDates(db, territories: territories)
            return Snapshot(dataVersion: try Self.dataVersion(db),
                            directory: try Self.relayDirectory(territories: territories, db),
                            diagramSource: try Self.diagramSource(graph: graph, dateMaj: dateMaj, territories: territories, db),
                            fragility: try Self.fragilityIndex(db, territories: territories))
        }
    }

    /// The data version now: it moves on with every committed import, merge or edit, so a snapshot
    /// whose version differs is out of date.
    public func dataVersion() throws -> Int {
        try writer.read(Self.dataVersion)
    }

    static func dataVersion(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'data_version'") ?? 0
    }
}
