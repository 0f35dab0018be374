/// Who relays one service (or a finer one) across a territory, and who refers people to them:
/// relays in colour, in clusters by commune (EPCI for a département or région); referrers that
/// do not relay it themselves greyed and dashed.
enum ServiceDiagram {
    static func build(_ source: DiagramSource, service name: String, scope: String?) throws(QueryError) -> DOTGraph {
        let graph = source.graph
        guard let service = serviceIndex(source, name) else {
            throw .unknownService(name, closest: [])
        }
        let family = Set(graph.serviceSlugs.indices.filter { isUnder($0, service, graph) })
        let table = source.territories
        var communes: Set<Int32>?
        var level = TerritoryLevel.france
        var scopeName = "France"
        if let scope {
            let (scopeLevel, code) = try table.resolve(scope)
            level = scopeLevel
            scopeName = "\(table.name(of: code, at: scopeLevel)) (\(code))"
            communes = try graph.communes(within: scope, territories: table)
        }
        var parts = DiagramParts(source: source)
        let workers = parts.workers()
        let relaysIt = { (node: Int) in !family.isDisjoint(with: graph.relays.neighbours(of: node).map(Int.init)) }
        let inScope = { (node: Int) -> Bool in
            guard let communes else { return true }
            if graph.kinds[node] == .place { return communes.contains(graph.commune[node]) }
            // An intermediary without a place only comes in as a referrer (below).
            return graph.worksAt.neighbours(of: node).contains { communes.contains(graph.commune[Int($0)]) }
        }
        var relays = Set<Int>()
        for node in 0..<graph.nodeCount where graph.active[node] && inScope(node) {
            if relaysIt(node) { relays.insert(node) }
            if graph.kinds[node] == .place, (workers[node] ?? []).contains(where: relaysIt) { relays.insert(node) }
        }
        // Intermediaries relaying it at a place shown: with their place.
        for place in relays where graph.kinds[place] == .place { relays.formUnion((workers[place] ?? []).filter(relaysIt)) }
        var referrers = Set<Int>()
        for node in 0..<graph.nodeCount where graph.active[node] && !relays.contains(node) {
            for edge in graph.referrals.edges(of: node) where relays.contains(Int(graph.referrals.targets[edge])) {
                let about = graph.referrals.values[edge].service
                if about < 0 || family.contains(Int(about)) || isUnder(service, Int(about), graph) { referrers.insert(node) }
            }
        }
        let nodes = relays.union(referrers)
        var dot = DOTGraph(name: "service-\(graph.serviceSlugs[service])")
        dot.graphAttributes = DiagramParts.networkAttributes(
            title: parts.title("\(source.serviceLabels[service]) — qui l'assure et qui y oriente — \(scopeName)", nodes: nodes))
        dot.nodeDefaults = DiagramParts.nodeDefaults
        dot.edgeDefaults = DiagramParts.edgeDefaults
        let byEpci = level == .departement || level == .region || level == .france
        let drawn = nodes.sorted { graph.publicIds[$0] < graph.publicIds[$1] }.map { node in
            (parts.node(node, services: source.services(of: node, withWorkers: graph.kinds[node] == .place ? (workers[node] ?? []).filter(nodes.contains) : [])
                            .filter { family.contains($0) || !relays.contains(node) },
                        muted: referrers.contains(node)),
             parts.clusterKey(of: node, among: nodes, byEpci: byEpci))
        }
        parts.arrange(drawn, into: &dot)
        dot.edges = parts.worksAtEdges(among: nodes) + parts.referralEdges(among: nodes) { _, target, _ in relays.contains(target) }
        dot.subgraphs.append(parts.legend(extra: [("#eeeeee", "En pointillés : oriente vers ces relais sans assurer le service")]))
        return dot
    }

    /// The service named by its slug or exact label.
    static func serviceIndex(_ source: DiagramSource, _ name: String) -> Int? {
        source.graph.service(name) ?? source.serviceLabels.firstIndex(of: name)
    }

    /// Whether `service` is `ancestor` or sits under it.
    static func isUnder(_ service: Int, _ ancestor: Int, _ graph: GraphProjection) -> Bool {
        var current = service
        while true {
            if current == ancestor { return true }
            guard graph.serviceParent[current] >= 0 else { return false }
            current = Int(graph.serviceParent[current])
        }
    }
}
