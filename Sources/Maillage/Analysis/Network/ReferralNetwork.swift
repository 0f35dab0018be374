/// The refers-to network taken as undirected, and its health: `maillage network`.
public struct NetworkReport: Sendable, Equatable, Codable {
    public enum Level: String, Sendable, Codable, CaseIterable {
        /// Places only; a referral from or to an intermediary counts as one from or to its place.
        case places
        /// Places and intermediaries as they are.
        case intermediaries
    }

    public var level: Level
    public var nodes: Int
    public var edges: Int
    public var articulationPoints: [String]
    public var bridges: [[String]]
    /// Normalised as NetworkX's `betweenness_centrality` defaults, over every node in scope.
    public var betweenness: [String: Double]
    public var coreNumber: [String: Int]
    /// Louvain communities, largest first.
    public var communities: [[String]]
    public var modularity: Double
    public var isolated: [String]
    /// The name of each node in the network, by public id (an intermediary without a name: its id).
    public var names: [String: String] = [:]

    enum CodingKeys: String, CodingKey {
        case level, nodes, edges
        case articulationPoints = "articulation_points"
        case bridges, betweenness
        case coreNumber = "core_number"
        case communities, modularity, isolated, names
    }
}

extension GraphProjection {
    /// The undirected referral network of the nodes in scope: every active place whose commune is
    /// in `communes` (all when nil), and at the intermediaries level the active intermediaries
    /// working there (or all intermediaries when there is no scope).
    ///
    /// - Complexity: O(V + E).
    public func referralNetwork(level: NetworkReport.Level, communes: Set<Int32>?) -> (graph: UndirectedGraph, ids: [String]) {
        var represent = [Int](repeating: -1, count: nodeCount)  // node → network node
        var ids: [String] = []
        for node in 0..<nodeCount where kinds[node] == .place && active[node] && (communes.map { $0.contains(commune[node]) } ?? true) {
            represent[node] = ids.count
            ids.append(publicIds[node])
        }
        for node in 0..<nodeCount where kinds[node] == .intermediary && active[node] {
            let places = worksAt.neighbours(of: node).map { represent[Int($0)] }.filter { $0 >= 0 }
            switch level {
            case .places:
                // An intermediary stands for its (first) place in scope.
                if let place = places.min() { represent[node] = place }
            case .intermediaries:
                if communes == nil || !places.isEmpty {
                    represent[node] = ids.count
                    ids.append(publicIds[node])
                }
            }
        }
        var edges: [(Int, Int)] = []
        for source in 0..<nodeCount where represent[source] >= 0 {
            for target in referrals.neighbours(of: source) where represent[Int(target)] >= 0 {
                edges.append((represent[source], represent[Int(target)]))
            }
        }
        return (UndirectedGraph(count: ids.count, edges: edges), ids)
    }
}

extension NetworkReport {
    /// Every measure of the network, named by public ids.
    public init(graph: UndirectedGraph, ids: [String], level: Level) {
        let name = { (node: Int) in ids[node] }
        let communities = graph.louvainCommunities()
        self.init(
            level: level, nodes: graph.count, edges: graph.edges.count,
            articulationPoints: graph.articulationPoints().map(name).sorted(),
            bridges: graph.bridges().map { [name($0.0), name($0.1)].sorted() }.sorted { $0.lexicographicallyPrecedes($1) },
            betweenness: Dictionary(uniqueKeysWithValues: graph.betweenness().enumerated().map { (ids[$0], $1) }),
            coreNumber: Dictionary(uniqueKeysWithValues: graph.coreNumbers().enumerated().map { (ids[$0], $1) }),
            communities: communities.map { $0.map(name).sorted() }.sorted { ($0.count, $1.first ?? "") > ($1.count, $0.first ?? "") },
            modularity: graph.modularity(of: communities),
            isolated: graph.isolatedNodes().map(name).sorted())
    }
}
