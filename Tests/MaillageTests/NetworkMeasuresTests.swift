import Foundation
import Testing
@testable import Maillage

@Suite struct NetworkMeasuresTests {
    /// a – b – c – d, and e alone.
    static let path = UndirectedGraph(count: 5, edges: [(0, 1), (1, 2), (2, 3), (1, 0), (3, 3)])

    @Test func aPathByHand() {
        let graph = Self.path
        #expect(graph.edges.map { [$0.0, $0.1] } == [[0, 1], [1, 2], [2, 3]])
        #expect(graph.articulationPoints() == [1, 2])
        #expect(graph.bridges().map { [$0.0, $0.1] } == [[0, 1], [1, 2], [2, 3]])
        #expect(graph.coreNumbers() == [1, 1, 1, 1, 0])
        #expect(graph.isolatedNodes() == [4])
        // b lies on the shortest paths a–c and a–d (c likewise on a–d and b–d): 2 pairs of the
        // (n − 1)(n − 2) / 2 = 6 that exclude it, so 2 / 6.
        let expected = [0, 1.0 / 3, 1.0 / 3, 0, 0]
        #expect(zip(graph.betweenness(), expected).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func aTriangleWithATailByHand() {
        // Triangle 0-1-2, tail 2-3: 2 is the only cut vertex, 2-3 the only bridge; the triangle is a 2-core.
        let graph = UndirectedGraph(count: 4, edges: [(0, 1), (1, 2), (0, 2), (2, 3)])
        #expect(graph.articulationPoints() == [2])
        #expect(graph.bridges().map { [$0.0, $0.1] } == [[2, 3]])
        #expect(graph.coreNumbers() == [2, 2, 2, 1])
        // 2 is on the shortest paths 0–3 and 1–3: 2 of 3 pairs → 2/3.
        #expect(abs(graph.betweenness()[2] - 2.0 / 3) < 1e-12)
    }

    @Test func louvainSplitsTwoCliquesJoinedByOneEdge() {
        // Two 4-cliques (6 edges each) joined by 3–4: m = 13. Each community has 6 inner edges and
        // degree 13, so Q = 2 × (6/13 − (13/26)²) = 12/13 − 1/2.
        var edges: [(Int, Int)] = [(3, 4)]
        for group in [[0, 1, 2, 3], [4, 5, 6, 7]] {
            for a in group { for b in group where a < b { edges.append((a, b)) } }
        }
        let graph = UndirectedGraph(count: 9, edges: edges)
        let communities = graph.louvainCommunities()
        #expect(communities == [[0, 1, 2, 3], [4, 5, 6, 7], [8]])
        #expect(abs(graph.modularity(of: communities) - (12.0 / 13 - 0.5)) < 1e-12)
    }

    /// The answers of NetworkX 3.6.1 on seeded random graphs (Benchmarks/compare/network_reference.py).
    @Test func matchesNetworkX() throws {
        struct Reference: Decodable {
            struct Case: Decodable {
                var count: Int
                var edges: [[Int]]
                var articulation_points: [Int]
                var bridges: [[Int]]
                var core_number: [Int]
                var betweenness: [Double]
                var isolated: [Int]
                var louvain_modularity: Double
            }
            var cases: [Case]
        }
        let url = Fixtures.root.appendingPathComponent("Tests/MaillageTests/Resources/network-reference.json")
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        #expect(reference.cases.count == 5)
        for item in reference.cases {
            let graph = UndirectedGraph(count: item.count, edges: item.edges.map { ($0[0], $0[1]) })
            #expect(graph.articulationPoints() == item.articulation_points)
            #expect(graph.bridges().map { [$0.0, $0.1] } == item.bridges)
            #expect(graph.coreNumbers() == item.core_number)
            #expect(graph.isolatedNodes() == item.isolated)
            for (ours, theirs) in zip(graph.betweenness(), item.betweenness) {
                #expect(abs(ours - theirs) <= 1e-9 * max(1, abs(theirs)))
            }
            let communities = graph.louvainCommunities()
            #expect(communities.flatMap { $0 }.sorted() == Array(0..<item.count))
            #expect(graph.modularity(of: communities) >= item.louvain_modularity - 0.01,
                    "ours \(graph.modularity(of: communities)), NetworkX \(item.louvain_modularity)")
        }
    }
}
