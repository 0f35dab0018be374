extension Snapshot {
    /// The health of the referral network in scope (`within`: see ``TerritoryTable/communes(within:)``).
    public func network(level: NetworkReport.Level = .places, within scope: String? = nil) throws -> NetworkReport {
        try graph.networkReport(level: level, within: scope, territories: territories)
    }
}

extension GraphProjection {
    /// The referral network's health among the places (or places and intermediaries) in scope.
    func networkReport(level: NetworkReport.Level, within scope: String?, territories: TerritoryTable) throws -> NetworkReport {
        let communes = try scope.map { try self.communes(within: $0, territories: territories) }
        let network = referralNetwork(level: level, communes: communes)
        var report = NetworkReport(graph: network.graph, ids: network.ids, level: level)
        let inNetwork = Set(network.ids)
        for (id, name) in zip(publicIds, names) where inNetwork.contains(id) { report.names[id] = name }
        return report
    }
}
