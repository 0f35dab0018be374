/// The mediation network of a territory: its places in clusters by commune (by EPCI for a
/// département or région), the intermediaries working there (shape and colour by type) with the
/// national services they relay as chips, refers-to edges (pen width from weight) and works-at links.
enum TerritoryDiagram {
    static func build(_ source: DiagramSource, scope: String) throws(QueryError) -> DOTGraph {
        let table = source.territories
        let (level, code) = try table.resolve(scope)
        let communes = try source.graph.communes(within: scope, territories: table)
        var parts = DiagramParts(source: source)
        let graph = source.graph
        let workers = parts.workers()
        let places = parts.places(in: communes)
        var nodes = Set(places)
        for place in places { nodes.formUnion(workers[place] ?? []) }
        // Intermediaries without a place who refer people to or from this network.
        for node in 0..<graph.nodeCount where graph.kinds[node] == .intermediary && graph.active[node] && graph.worksAt.neighbours(of: node).isEmpty {
            let refersIn = graph.referrals.neighbours(of: node).contains { nodes.contains(Int($0)) }
            if refersIn || nodes.contains(where: { graph.referrals.neighbours(of: $0).contains(Int32(node)) }) { nodes.insert(node) }
        }

        let name = level == .commune ? table.name(of: code, at: .commune) : table.name(of: code, at: level)
        var dot = DOTGraph(name: "territoire-\(code)")
        dot.graphAttributes = DiagramParts.networkAttributes(
            title: parts.title("Réseau de médiation numérique — \(name) (\(code))", nodes: nodes))
        dot.nodeDefaults = DiagramParts.nodeDefaults
        dot.edgeDefaults = DiagramParts.edgeDefaults
        let byEpci = level == .departement || level == .region
        let ordered = nodes.sorted { graph.publicIds[$0] < graph.publicIds[$1] }
        let drawn = ordered.map { node in
            (parts.node(node, services: source.services(of: node, withWorkers: graph.kinds[node] == .place ? workers[node] ?? [] : [])),
             parts.clusterKey(of: node, among: nodes, byEpci: byEpci))
        }
        parts.arrange(drawn, into: &dot)
        dot.edges = parts.worksAtEdges(among: nodes) + parts.referralEdges(among: nodes)
        dot.subgraphs.append(parts.legend())
        return dot
    }
}
