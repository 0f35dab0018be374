extension UndirectedGraph {
    /// Communities by the Louvain method (resolution 1, every edge of weight 1), visiting nodes in
    /// index order so the result is deterministic: each community sorted, communities by their
    /// smallest node. Isolated nodes are communities of their own.
    ///
    /// - Complexity: about O(E) per pass, a few passes per level, a few levels.
    public func louvainCommunities() -> [[Int]] {
        var level = WeightedGraph(self)
        var membership = Array(0..<count)  // original node → node of the current level
        while true {
            let (community, moved) = level.localMoves()
            guard moved else { break }
            // Renumber communities 0..<k and fold the level into a smaller graph.
            var number: [Int: Int] = [:]
            for c in community where number[c] == nil { number[c] = number.count }
            membership = membership.map { number[community[$0]] ?? 0 }
            level = level.aggregated(by: community.map { number[$0] ?? 0 }, groups: number.count)
        }
        var groups: [Int: [Int]] = [:]
        for node in 0..<count { groups[membership[node], default: []].append(node) }
        return groups.values.map { $0.sorted() }.sorted { ($0.first ?? 0) < ($1.first ?? 0) }
    }

    /// Newman's modularity of a partition (NetworkX `community.modularity`, resolution 1).
    public func modularity(of communities: [[Int]]) -> Double {
        let twiceEdges = Double(neighbours.reduce(0) { $0 + $1.count })
        guard twiceEdges > 0 else { return 0 }
        var community = [Int](repeating: -1, count: count)
        for (index, members) in communities.enumerated() { for node in members { community[node] = index } }
        var inside = [Double](repeating: 0, count: communities.count)
        var degrees = [Double](repeating: 0, count: communities.count)
        for node in 0..<count where community[node] >= 0 {
            degrees[community[node]] += Double(neighbours[node].count)
            for neighbour in neighbours[node] where community[neighbour] == community[node] { inside[community[node]] += 1 }
        }
        return zip(inside, degrees).reduce(0) { $0 + $1.0 / twiceEdges - ($1.1 / twiceEdges) * ($1.1 / twiceEdges) }
    }
}

/// A weighted graph with self-loops, the shape of Louvain's aggregated levels.
private struct WeightedGraph {
    /// Neighbour → weight, self-loops included (a self-loop of weight w adds 2w to the node's degree).
    var adjacency: [[Int: Double]]
    var degree: [Double]
    var twiceTotal: Double

    init(_ graph: UndirectedGraph) {
        adjacency = graph.neighbours.map { Dictionary(uniqueKeysWithValues: $0.map { ($0, 1.0) }) }
        degree = graph.neighbours.map { Double($0.count) }
        twiceTotal = degree.reduce(0, +)
    }

    init(adjacency: [[Int: Double]]) {
        self.adjacency = adjacency
        degree = adjacency.enumerated().map { node, list in list.reduce(0) { $0 + ($1.key == node ? 2 * $1.value : $1.value) } }
        twiceTotal = degree.reduce(0, +)
    }

    /// Moves nodes to the neighbouring community with the best modularity gain until none
    /// improves; returns each node's community and whether anything moved.
    func localMoves() -> (community: [Int], moved: Bool) {
        let count = adjacency.count
        var community = Array(0..<count)
        var total = degree  // sum of degrees per community
        guard twiceTotal > 0 else { return (community, false) }
        var movedAtAll = false
        var improved = true
        while improved {
            improved = false
            for node in 0..<count {
                let current = community[node]
                var links: [Int: Double] = [:]
                for (neighbour, weight) in adjacency[node] where neighbour != node { links[community[neighbour], default: 0] += weight }
                total[current] -= degree[node]
                func gain(_ target: Int) -> Double { (links[target] ?? 0) - total[target] * degree[node] / twiceTotal }
                var best = current, bestGain = gain(current)
                for target in links.keys.sorted() where gain(target) > bestGain + 1e-12 {
                    best = target
                    bestGain = gain(target)
                }
                total[best] += degree[node]
                if best != current {
                    community[node] = best
                    improved = true
                    movedAtAll = true
                }
            }
        }
        return (community, movedAtAll)
    }

    /// The graph of communities: each community a node, weights summed, inner weights as self-loops.
    func aggregated(by group: [Int], groups: Int) -> WeightedGraph {
        var adjacency = [[Int: Double]](repeating: [:], count: groups)
        for (node, list) in self.adjacency.enumerated() {
            for (neighbour, weight) in list {
                let a = group[node], b = group[neighbour]
                // Each undirected edge is seen from both ends; a self-loop once.
                if neighbour == node {
                    adjacency[a][a, default: 0] += weight
                } else if a == b {
                    adjacency[a][a, default: 0] += weight / 2
                } else {
                    adjacency[a][b, default: 0] += weight
                }
            }
        }
        return WeightedGraph(adjacency: adjacency)
    }
}
