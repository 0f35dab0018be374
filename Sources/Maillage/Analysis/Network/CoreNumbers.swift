extension UndirectedGraph {
    /// The core number of each node: the largest k such that it belongs to a k-core (NetworkX
    /// `core_number`), by the Batagelj–Zaversnik bucket algorithm.
    ///
    /// - Complexity: O(V + E).
    public func coreNumbers() -> [Int] {
        var degree = neighbours.map(\.count)
        let maxDegree = degree.max() ?? 0
        // Nodes sorted by degree, with the start of each degree's bucket.
        var bucketStart = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { bucketStart[d + 1] += 1 }
        for d in 0...maxDegree { bucketStart[d + 1] += bucketStart[d] }
        var order = [Int](repeating: 0, count: count)
        var position = [Int](repeating: 0, count: count)
        var next = bucketStart
        for node in 0..<count {
            position[node] = next[degree[node]]
            order[position[node]] = node
            next[degree[node]] += 1
        }
        for index in 0..<count {
            let node = order[index]
            for neighbour in neighbours[node] where degree[neighbour] > degree[node] {
                // Move the neighbour to the front of its bucket, then shrink its degree by one.
                let d = degree[neighbour]
                let front = bucketStart[d], other = order[front]
                if other != neighbour {
                    order[position[neighbour]] = other
                    position[other] = position[neighbour]
                    order[front] = neighbour
                    position[neighbour] = front
                }
                bucketStart[d] += 1
                degree[neighbour] -= 1
            }
        }
        return degree
    }

    /// Nodes without any neighbour, sorted.
    public func isolatedNodes() -> [Int] {
        neighbours.indices.filter { neighbours[$0].isEmpty }
    }
}
