/// One place or intermediary and everything within K hops of it, along referrals (either way)
/// and works-at links: the focus view of stakeholder-mapping tools.
enum EgoDiagram {
    static func build(_ source: DiagramSource, id: String, hops: Int) throws(QueryError) -> DOTGraph {
        let graph = source.graph
        guard let focus = graph.node(id) else {
            throw .unknownIdentifier(id, closest: graph.publicIds.filter { $0.localizedCaseInsensitiveContains(id) }.prefix(5).map { $0 })
        }
        var parts = DiagramParts(source: source)
        let workers = parts.workers()
        let reached = neighbourhood(of: focus, hops: hops, in: graph, workers: workers)
        var dot = DOTGraph(name: "ego-\(id)")
        dot.graphAttributes = DiagramParts.networkAttributes(
            title: parts.title("Autour de \(DOTText.shortened(graph.names[focus], to: 80)) — \(hops) pas", nodes: reached))
        dot.nodeDefaults = DiagramParts.nodeDefaults
        dot.edgeDefaults = DiagramParts.edgeDefaults
        let drawn = reached.sorted { graph.publicIds[$0] < graph.publicIds[$1] }.map { node in
            (parts.node(node, services: source.services(of: node, withWorkers: graph.kinds[node] == .place ? (workers[node] ?? []).filter(reached.contains) : []),
                        emphasis: node == focus),
             parts.clusterKey(of: node, among: reached, byEpci: false))
        }
        parts.arrange(drawn, into: &dot)
        dot.edges = parts.worksAtEdges(among: reached) + parts.referralEdges(among: reached)
        dot.subgraphs.append(parts.legend())
        return dot
    }

    /// The active nodes within `hops` links of `focus` (referrals both ways, works-at both ways;
    /// `workers`: the active intermediaries working at each place, ``DiagramParts/workers()``).
    static func neighbourhood(of focus: Int, hops: Int, in graph: GraphProjection, workers: [Int: [Int]]) -> Set<Int> {
        var incoming: [Int: [Int]] = [:]
        for source in 0..<graph.nodeCount {
            for target in graph.referrals.neighbours(of: source) { incoming[Int(target), default: []].append(source) }
        }
        var reached: Set<Int> = [focus], frontier = [focus]
        for _ in 0..<max(0, hops) {
            var next: [Int] = []
            for node in frontier {
                let links = graph.referrals.neighbours(of: node).map(Int.init) + (incoming[node] ?? [])
                    + graph.worksAt.neighbours(of: node).map(Int.init) + (workers[node] ?? [])
                for other in links where graph.active[other] && reached.insert(other).inserted { next.append(other) }
            }
            frontier = next
        }
        return reached
    }
}
