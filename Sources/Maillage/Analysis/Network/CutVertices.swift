/// Articulation points and bridges: where one closure cuts people off from help.
extension UndirectedGraph {
    /// The nodes whose removal disconnects their component, sorted (NetworkX `articulation_points`).
    ///
    /// - Complexity: O(V + E), iterative depth-first search (no recursion limit).
    public func articulationPoints() -> [Int] {
        cutStructure().points
    }

    /// The edges whose removal disconnects their component, as (smaller, larger), sorted (NetworkX `bridges`).
    ///
    /// - Complexity: O(V + E).
    public func bridges() -> [(Int, Int)] {
        cutStructure().bridges
    }

    /// One depth-first pass computing discovery times and low links (Tarjan).
    private func cutStructure() -> (points: [Int], bridges: [(Int, Int)]) {
        var discovery = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var isPoint = [Bool](repeating: false, count: count)
        var bridges: [(Int, Int)] = []
        var time = 0
        for root in 0..<count where discovery[root] < 0 {
            discovery[root] = time; low[root] = time; time += 1
            var rootChildren = 0
            // Stack of (node, parent, next neighbour index).
            var stack: [(node: Int, parent: Int, next: Int)] = [(root, -1, 0)]
            while let top = stack.last {
                let node = top.node
                if top.next < neighbours[node].count {
                    stack[stack.count - 1].next += 1
                    let neighbour = neighbours[node][top.next]
                    if neighbour == top.parent { continue }
                    if discovery[neighbour] < 0 {
                        discovery[neighbour] = time; low[neighbour] = time; time += 1
                        if node == root { rootChildren += 1 }
                        stack.append((neighbour, node, 0))
                    } else {
                        low[node] = min(low[node], discovery[neighbour])
                    }
                } else {
                    stack.removeLast()
                    guard let parent = stack.last?.node else { continue }
                    low[parent] = min(low[parent], low[node])
                    if low[node] > discovery[parent] { bridges.append((min(parent, node), max(parent, node))) }
                    if parent != root, low[node] >= discovery[parent] { isPoint[parent] = true }
                }
            }
            if rootChildren > 1 { isPoint[root] = true }
        }
        return (isPoint.indices.filter { isPoint[$0] }, bridges.sorted { ($0.0, $0.1) < ($1.0, $1.1) })
    }
}
