extension Store {
    /// The health of the referral network in scope (`within`: see ``TerritoryTable/communes(within:)``).
    public func network(level: NetworkReport.Level = .places, within scope: String? = nil) throws -> NetworkReport {
        let graph = try graph()
        var communes: Set<Int32>?
        if let scope {
            let table = try territoryTable()
            let codes = Set(try table.communes(within: scope).map { table.communes[$0].code })
            communes = Set(graph.communeCodes.indices.filter { codes.contains(graph.communeCodes[$0]) }.map(Int32.init))
        }
        let network = graph.referralNetwork(level: level, communes: communes)
        return NetworkReport(graph: network.graph, ids: network.ids, level: level)
    }
}
