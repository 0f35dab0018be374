extension UndirectedGraph {
    /// Betweenness centrality of each node, normalised as NetworkX's `betweenness_centrality`
    /// defaults (normalized=True, endpoints=False): Brandes' accumulation over every source,
    /// scaled by 1 / ((n − 1)(n − 2)) when n > 2.
    ///
    /// - Complexity: O(V·E) time, O(V + E) memory.
    public func betweenness() -> [Double] {
        // Compressed rows: the neighbours of v are targets[offsets[v]..<offsets[v + 1]].
        var offsets = [Int](repeating: 0, count: count + 1)
        for node in 0..<count { offsets[node + 1] = offsets[node] + neighbours[node].count }
        let targets = neighbours.flatMap { $0 }
        var centrality = [Double](repeating: 0, count: count)
        var sigma = [Double](repeating: 0, count: count)
        var distance = [Int](repeating: -1, count: count)
        var delta = [Double](repeating: 0, count: count)
        var order = [Int](repeating: 0, count: count)
        offsets.withUnsafeBufferPointer { offsets in
            targets.withUnsafeBufferPointer { targets in
                for source in 0..<count {
                    // Breadth-first search counting shortest paths; `order` doubles as the queue.
                    for index in 0..<count { sigma[index] = 0; distance[index] = -1; delta[index] = 0 }
                    sigma[source] = 1
                    distance[source] = 0
                    order[0] = source
                    var head = 0, tail = 1
                    while head < tail {
                        let node = order[head]; head += 1
                        let next = distance[node] + 1
                        for edge in offsets[node]..<offsets[node + 1] {
                            let neighbour = targets[edge]
                            if distance[neighbour] < 0 {
                                distance[neighbour] = next
                                order[tail] = neighbour; tail += 1
                            }
                            if distance[neighbour] == next { sigma[neighbour] += sigma[node] }
                        }
                    }
                    // Dependencies, farthest first; predecessors are the neighbours one step closer.
                    var position = tail - 1
                    while position >= 0 {
                        let node = order[position]; position -= 1
                        let previous = distance[node] - 1
                        let share = (1 + delta[node]) / sigma[node]
                        for edge in offsets[node]..<offsets[node + 1] {
                            let neighbour = targets[edge]
                            if distance[neighbour] == previous { delta[neighbour] += sigma[neighbour] * share }
                        }
                        if node != source { centrality[node] += delta[node] }
                    }
                }
            }
        }
        guard count > 2 else { return centrality }
        let scale = 1 / Double((count - 1) * (count - 2))
        return centrality.map { $0 * scale }
    }
}
