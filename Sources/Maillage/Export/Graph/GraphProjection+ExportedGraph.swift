extension GraphProjection {
    /// The graph `kind` of the nodes in scope: the active places whose commune is in `communes`
    /// (all when nil) and the active intermediaries working there (all when there is no scope),
    /// the node set of `maillage network --level intermediaries`.
    ///
    /// - Parameters:
    ///   - serviceLabels: the label of each service, by its number.
    ///   - typologies: a place's typologie, by public id.
    public func exportedGraph(_ kind: ExportedGraph.Kind, communes: Set<Int32>?, serviceLabels: [String],
                              typologies: [String: String]) -> ExportedGraph {
        let network = referralNetwork(level: .intermediaries, communes: communes)
        let members = network.ids.compactMap(node)
        let inScope = Set(members)
        var nodes = members.map { exportedNode($0, serviceLabels: serviceLabels, typologies: typologies) }
        var edges: [ExportedGraph.Edge] = []
        func add(_ source: Int, _ target: String, kind: String, weight: Double = 1, service: String? = nil, remote: Bool? = nil) {
            edges.append(ExportedGraph.Edge(id: "e\(edges.count)", source: publicIds[source], target: target, kind: kind, weight: weight,
                                            service: service, remote: remote))
        }
        switch kind {
        case .referrals:
            for source in members {
                for place in worksAt.neighbours(of: source) where inScope.contains(Int(place)) { add(source, publicIds[Int(place)], kind: "works_at") }
                for edge in referrals.edges(of: source) where inScope.contains(Int(referrals.targets[edge])) {
                    let referral = referrals.values[edge]
                    add(source, publicIds[Int(referrals.targets[edge])], kind: "referral", weight: referral.weight,
                        service: referral.service >= 0 ? serviceLabels[Int(referral.service)] : nil)
                }
            }
            let report = NetworkReport(graph: network.graph, ids: network.ids, level: .intermediaries)
            let community = Dictionary(report.communities.enumerated().flatMap { number, ids in ids.map { ($0, number) } },
                                       uniquingKeysWith: { first, _ in first })
            for (index, neighbours) in network.graph.neighbours.enumerated() {
                nodes[index].degree = neighbours.count
                nodes[index].betweenness = report.betweenness[nodes[index].id]
                nodes[index].coreNumber = report.coreNumber[nodes[index].id]
                nodes[index].community = community[nodes[index].id]
            }
        case .services:
            var relayed = Set<Int>()
            for source in members {
                for edge in relays.edges(of: source) {
                    let service = Int(relays.targets[edge])
                    relayed.insert(service)
                    add(source, Self.serviceNodeId(serviceSlugs[service]), kind: "relays", remote: relays.values[edge])
                }
            }
            nodes = zip(members, nodes).filter { !relays.neighbours(of: $0.0).isEmpty }.map(\.1)
            nodes += relayed.sorted().map { service in
                ExportedGraph.Node(id: Self.serviceNodeId(serviceSlugs[service]), label: serviceLabels[service], kind: "service",
                                   type: serviceParent[service] < 0 ? "national" : serviceSlugs[Int(serviceParent[service])],
                                   degree: 0)
            }
            var degree: [String: Int] = [:]
            for edge in edges {
                degree[edge.source, default: 0] += 1
                degree[edge.target, default: 0] += 1
            }
            for index in nodes.indices { nodes[index].degree = degree[nodes[index].id] ?? 0 }
        }
        return ExportedGraph(kind: kind, nodes: nodes, edges: edges)
    }

    /// The id of a service's node in the services graph.
    static func serviceNodeId(_ slug: String) -> String { "service:" + slug }

    /// A place or intermediary with its attributes (measures to fill).
    private func exportedNode(_ node: Int, serviceLabels: [String], typologies: [String: String]) -> ExportedGraph.Node {
        // An intermediary is where its first place is.
        let anchor = kinds[node] == .intermediary ? worksAt.neighbours(of: node).first.map(Int.init) : node
        let communeNumber = anchor.map { Int(commune[$0]) } ?? -1
        var latitude = anchor.map { self.latitude[$0] } ?? .nan, longitude = anchor.map { self.longitude[$0] } ?? .nan
        if latitude.isNaN, communeNumber >= 0 {
            latitude = communeLatitude[communeNumber]
            longitude = communeLongitude[communeNumber]
        }
        let services = relays.neighbours(of: node).map(Int.init).sorted().map { serviceLabels[$0] }
        return ExportedGraph.Node(
            id: publicIds[node], label: names[node], kind: kinds[node].rawValue,
            type: kinds[node] == .intermediary ? actorType[node] : typologies[publicIds[node]],
            codeInsee: communeNumber >= 0 ? communeCodes[communeNumber] : nil,
            latitude: latitude.isNaN ? nil : latitude, longitude: longitude.isNaN ? nil : longitude,
            headcount: headcount[node] >= 0 ? Int(headcount[node]) : nil,
            services: services.isEmpty ? nil : services.joined(separator: "|"), degree: 0)
    }
}
