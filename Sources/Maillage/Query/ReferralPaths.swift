/// One answer of `maillage path`: a chain of referrals from where the person is to someone who
/// relays the service.
public struct ReferralChain: Sendable, Equatable, Codable {
    /// The relay reached.
    public var relay: String
    public var hops: Int
    /// Ids from the start to the relay, both included.
    public var path: [String]
    public var names: [String]
    /// As the crow flies from the start to the relay, when both have a location.
    public var distanceKm: Double?
    /// The labels of the matched services the relay offers.
    public var services: [String]

    enum CodingKeys: String, CodingKey {
        case relay, hops, path, names
        case distanceKm = "distance_km"
        case services
    }
}

/// Breadth-first search along referrals ("where do I send this person").
public enum ReferralPaths {
    /// The shortest referral chain from `start` to each active relay of the service within
    /// `maxHops`, fewest hops first, then nearest, then by id. The start itself comes first
    /// (0 hops) when it relays the service.
    ///
    /// A referral restricted to a service is followed when that service is the one asked, under
    /// it or above it; an unrestricted referral is always followed.
    ///
    /// - Complexity: O(V + E).
    public static func chains(in graph: GraphProjection, catalog: ServiceCatalog, from start: String, service: String,
                              maxHops: Int) throws(QueryError) -> [ReferralChain] {
        guard let origin = graph.node(start) else { throw .unknownIdentifier(start, closest: []) }
        let asked = try catalog.service(named: service)
        let wanted = catalog.descendants[asked]
        let followed = wanted | catalog.ancestors[asked]
        let offered = offeredServices(graph)
        let locations = locations(graph)

        var hops = [Int](repeating: -1, count: graph.nodeCount)
        var parent = [Int](repeating: -1, count: graph.nodeCount)
        hops[origin] = 0
        var frontier = [origin]
        while !frontier.isEmpty, hops[frontier[0]] < maxHops {
            var next: [Int] = []
            for node in frontier {
                let edges = graph.referrals.edges(of: node)
                let targets = edges.map { (Int(graph.referrals.targets[$0]), graph.referrals.values[$0].service) }.sorted { $0.0 < $1.0 }
                for (target, restriction) in targets where hops[target] < 0 && graph.active[target] {
                    guard restriction < 0 || (UInt64(1) << UInt64(restriction)) & followed != 0 else { continue }
                    hops[target] = hops[node] + 1
                    parent[target] = node
                    next.append(target)
                }
            }
            frontier = next
        }

        var chains: [ReferralChain] = []
        for node in 0..<graph.nodeCount where hops[node] >= 0 && offered[node] & wanted != 0 {
            var path = [node]
            while let last = path.last, parent[last] >= 0 { path.append(parent[last]) }
            path.reverse()
            let distance: Double? = {
                guard let a = locations[origin], let b = locations[node] else { return nil }
                return Haversine.distanceKm(a.0, a.1, b.0, b.1)
            }()
            chains.append(ReferralChain(
                relay: graph.publicIds[node], hops: hops[node], path: path.map { graph.publicIds[$0] },
                names: path.map { graph.names[$0] }, distanceKm: distance, services: catalog.labels(in: offered[node] & wanted)))
        }
        return chains.sorted { a, b in
            a.hops != b.hops ? a.hops < b.hops : NearestFirst.precedes((a.distanceKm, a.relay), (b.distanceKm, b.relay))
        }
    }

    /// What each node relays: its own services, and for a place those of the intermediaries working there.
    static func offeredServices(_ graph: GraphProjection) -> [UInt64] {
        var masks = (0..<graph.nodeCount).map { node in
            graph.relays.neighbours(of: node).reduce(UInt64(0)) { $0 | UInt64(1) << UInt64($1) }
        }
        for intermediary in 0..<graph.nodeCount {
            for place in graph.worksAt.neighbours(of: intermediary) { masks[Int(place)] |= masks[intermediary] }
        }
        return masks
    }

    /// Each node's location: its coordinates, else its commune's centroid; an intermediary stands at its first place.
    static func locations(_ graph: GraphProjection) -> [(Double, Double)?] {
        var result: [(Double, Double)?] = (0..<graph.nodeCount).map { node in
            if graph.latitude[node].isFinite, graph.longitude[node].isFinite { return (graph.latitude[node], graph.longitude[node]) }
            let commune = Int(graph.commune[node])
            guard commune >= 0, graph.communeLatitude[commune].isFinite else { return nil }
            return (graph.communeLatitude[commune], graph.communeLongitude[commune])
        }
        for node in 0..<graph.nodeCount where graph.kinds[node] == .intermediary {
            if let place = graph.worksAt.neighbours(of: node).first { result[node] = result[Int(place)] }
        }
        return result
    }
}
