/// Everything in one commune: its places with the intermediaries working there, the services
/// relayed there, and for each service relayed nowhere in it, the nearest relay.
public struct CommuneSummary: Sendable, Equatable, Codable {
    public struct Place: Sendable, Equatable, Codable {
        public var id: String
        public var nom: String
        public var services: [String]
        public var intermediaries: [RelayResult.Member]
    }

    /// A service not relayed in the commune, with its nearest relay (nil when none within ``CommuneSummary/searchRadiusKm``).
    public struct Elsewhere: Sendable, Equatable, Codable {
        public var service: String
        public var nearest: RelayResult?
    }

    public var code: String
    public var nom: String
    public var population: Int
    public var places: [Place]
    /// Labels of the services relayed at a place of the commune, in the taxonomy's order.
    public var servicesHere: [String]
    public var elsewhere: [Elsewhere]

    /// How far the nearest relay of a service missing here is looked for, in km.
    public static let searchRadiusKm = 100.0
}

extension Snapshot {
    /// What ``CommuneSummary`` says about the commune with this INSEE code.
    public func commune(_ code: String) throws(QueryError) -> CommuneSummary {
        guard let commune = territories.communeRow(code: code), let number = graph.communeCodes.firstIndex(of: code) else {
            throw QueryError.unknownCommune(code)
        }
        var workers: [Int: [Int]] = [:]
        for intermediary in 0..<graph.nodeCount where graph.kinds[intermediary] == .intermediary && graph.active[intermediary] {
            for place in graph.worksAt.neighbours(of: intermediary) { workers[Int(place), default: []].append(intermediary) }
        }
        var relayed = Set<Int>()
        var places: [CommuneSummary.Place] = []
        for node in 0..<graph.nodeCount where graph.kinds[node] == .place && graph.active[node] && graph.commune[node] == Int32(number) {
            let here = workers[node] ?? []
            let services = diagramSource.services(of: node, withWorkers: here)
            relayed.formUnion(services)
            places.append(CommuneSummary.Place(
                id: graph.publicIds[node], nom: graph.names[node], services: diagramSource.serviceLabels.indices.filter(services.contains).map { diagramSource.serviceLabels[$0] },
                intermediaries: here.map { RelayResult.Member(id: graph.publicIds[$0], nom: graph.names[$0], type: graph.actorType[$0],
                                                              headcount: graph.headcount[$0] < 0 ? nil : Int(graph.headcount[$0])) }))
        }
        // A service counts as relayed here when it or a finer one is.
        var covered = relayed
        for service in relayed {
            var parent = graph.serviceParent[service]
            while parent >= 0 { covered.insert(Int(parent)); parent = graph.serviceParent[Int(parent)] }
        }
        var elsewhere: [CommuneSummary.Elsewhere] = []
        for service in graph.serviceSlugs.indices where !covered.contains(service) {
            var query = RelayQuery(service: graph.serviceSlugs[service], origin: .commune(code))
            query.radiusKm = CommuneSummary.searchRadiusKm
            query.limit = 1
            elsewhere.append(.init(service: diagramSource.serviceLabels[service], nearest: try directory.relays(query).first))
        }
        return CommuneSummary(code: code, nom: commune.nom, population: commune.population, places: places,
                              servicesHere: graph.serviceSlugs.indices.filter(covered.contains).map { diagramSource.serviceLabels[$0] },
                              elsewhere: elsewhere)
    }
}
