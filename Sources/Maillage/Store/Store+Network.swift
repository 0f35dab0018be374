extension Store {
    /// The health of the referral network in scope (`within`: see ``TerritoryTable/communes(within:)``),
    /// from the graph and the territories read in one transaction.
    public func network(level: NetworkReport.Level = .places, within scope: String? = nil) throws -> NetworkReport {
        try writer.read { db in
            let territories = try Self.territoryTable(db)
            return try Self.graphWithDates(db, territories: territories).graph.networkReport(level: level, within: scope, territories: territories)
        }
    }
}
