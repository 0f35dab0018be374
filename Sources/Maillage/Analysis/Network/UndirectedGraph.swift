/// A simple undirected graph on nodes `0..<count`, as sorted adjacency lists without self-loops
/// or repeated edges: the shape the network measures work on.
public struct UndirectedGraph: Sendable, Equatable {
    public let count: Int
    /// Neighbours of each node, sorted.
    public let neighbours: [[Int]]

    /// Builds the graph; self-loops are dropped and repeated edges (either direction) kept once.
    public init(count: Int, edges: [(Int, Int)]) {
        var sets = [Set<Int>](repeating: [], count: count)
        for (a, b) in edges where a != b && (0..<count).contains(a) && (0..<count).contains(b) {
            sets[a].insert(b)
            sets[b].insert(a)
        }
        self.count = count
        neighbours = sets.map { $0.sorted() }
    }

    /// Every edge once, as (smaller, larger), sorted.
    public var edges: [(Int, Int)] {
        neighbours.enumerated().flatMap { node, list in list.filter { $0 > node }.map { (node, $0) } }
    }

    public static func == (a: UndirectedGraph, b: UndirectedGraph) -> Bool { a.count == b.count && a.neighbours == b.neighbours }
}
