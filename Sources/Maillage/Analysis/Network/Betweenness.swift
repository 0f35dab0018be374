extension UndirectedGraph {
    /// Betweenness centrality of each node, normalised as NetworkX's `betweenness_centrality`
    /// defaults (normalized=True, endpoints=False): Brandes' accumulation over every source,
    /// scaled by 1 / ((n − 1)(n − 2)) when n > 2.
    ///
    /// - Complexity: O(V·E) time, O(V + E) memory.
    public func betweenness() -> [Double] {
        var centrality = [Double](repeating: 0, count: count)
        var sigma = [Double](repeating: 0, count: count)
        var distance = [Int](repeating: -1, count: count)
        var delta = [Double](repeating: 0, count: count)
        var order: [Int] = []
        order.reserveCapacity(count)
        var queue = [Int](repeating: 0, count: count)
        for source in 0..<count {
            // Breadth-first search counting shortest paths.
            order.removeAll(keepingCapacity: true)
            for index in 0..<count { sigma[index] = 0; distance[index] = -1; delta[index] = 0 }
            sigma[source] = 1
            distance[source] = 0
            var head = 0, tail = 0
            queue[tail] = source; tail += 1
            while head < tail {
                let node = queue[head]; head += 1
                order.append(node)
                for neighbour in neighbours[node] {
                    if distance[neighbour] < 0 {
                        distance[neighbour] = distance[node] + 1
                        queue[tail] = neighbour; tail += 1
                    }
                    if distance[neighbour] == distance[node] + 1 { sigma[neighbour] += sigma[node] }
                }
            }
            // Dependencies, farthest first; predecessors are the neighbours one step closer.
            for node in order.reversed() {
                for neighbour in neighbours[node] where distance[neighbour] == distance[node] - 1 {
                    delta[neighbour] += sigma[neighbour] / sigma[node] * (1 + delta[node])
                }
                if node != source { centrality[node] += delta[node] }
            }
        }
        guard count > 2 else { return centrality }
        let scale = 1 / Double((count - 1) * (count - 2))
        return centrality.map { $0 * scale }
    }
}
