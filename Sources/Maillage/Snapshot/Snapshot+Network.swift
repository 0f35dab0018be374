extension Snapshot {
    /// The health of the referral network in scope (`within`: see ``TerritoryTable/communes(within:)``).
    public func network(level: NetworkReport.Level = .places, within scope: String? = nil) throws -> NetworkReport {
        let communes = try scope.map { try graph.communes(within: $0, territories: territories) }
        let network = graph.referralNetwork(level: level, communes: communes)
        var report = NetworkReport(graph: network.graph, ids: network.ids, level: level)
        let inNetwork = Set(network.ids)
        for (id, name) in zip(graph.publicIds, graph.names) where inNetwork.contains(id) { report.names[id] = name }
        return report
    }
}
