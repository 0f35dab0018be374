/// Adjacency lists packed in two arrays (compressed sparse rows): the neighbours of node `i` are
/// `targets[offsets[i]..<offsets[i + 1]]`, with a parallel value per edge.
public struct CompressedAdjacency<Value: Sendable>: Sendable {
    public private(set) var offsets: [Int32]
    public private(set) var targets: [Int32]
    public private(set) var values: [Value]

    /// Packs `edges` (source, target, value) for `count` sources; within a source, edges keep their order.
    ///
    /// - Complexity: O(count + edges.count).
    public init(count: Int, edges: [(source: Int32, target: Int32, value: Value)]) {
        var offsets = [Int32](repeating: 0, count: count + 1)
        for edge in edges { offsets[Int(edge.source) + 1] += 1 }
        for index in 0..<count { offsets[index + 1] += offsets[index] }
        var next = offsets
        var targets = [Int32](repeating: 0, count: edges.count)
        var values = [Value?](repeating: nil, count: edges.count)
        for edge in edges {
            let slot = Int(next[Int(edge.source)])
            targets[slot] = edge.target
            values[slot] = edge.value
            next[Int(edge.source)] += 1
        }
        self.offsets = offsets
        self.targets = targets
        self.values = values.compactMap { $0 }
    }

    /// How many sources the structure has.
    public var count: Int { offsets.count - 1 }

    /// The range of `source`'s edges in ``targets`` and ``values``.
    public func edges(of source: Int) -> Range<Int> { Int(offsets[source])..<Int(offsets[source + 1]) }

    /// The targets of `source`'s edges.
    public func neighbours(of source: Int) -> ArraySlice<Int32> { targets[edges(of: source)] }
}
