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

@Suite struct ReferralNetworkTests {
    /// Places a (Privas), b (Alboussière), c (Aubenas), d (Lyon); i1 works at b, i2 has no place.
    /// Referrals: a → i1 (counts as a–b), i1 → c (b–c), c → a, i2 → d (i2 has no place: dropped at
    /// place level), b → a (same undirected link as a → i1).
    static func store() throws -> Store {
        let store = try ReferralPathTests.store()
        _ = try store.importData(.intermediaries, name: "i.csv", data: Data("id,nom,type,place_id,zone\ni1,Équipe,centre-social,b,\ni2,Aidante,aidant-familial,,07186\n".utf8))
        let referrals = "source_id,target_id\na,i1\ni1,c\nc,a\ni2,d\nb,a\n"
        _ = try store.importData(.referrals, name: "r2.csv", data: Data(referrals.utf8))
        return store
    }

    @Test func intermediariesCountAsTheirPlace() throws {
        // ReferralPathTests.store() already holds a→b, b→c, b→d, a→d.
        let report = try Self.store().network()
        #expect(report.nodes == 4 && report.edges == 5)   // a–b, b–c, b–d, a–d, a–c
        #expect(report.isolated.isEmpty && report.articulationPoints.isEmpty && report.bridges.isEmpty)
        // K4 without c–d: every node is in the 2-core, none in a 3-core.
        #expect(report.coreNumber == ["a": 2, "b": 2, "c": 2, "d": 2])
    }

    @Test func scopeAndLevel() throws {
        let store = try Self.store()
        let ardeche = try store.network(within: "07")
        #expect(ardeche.nodes == 3 && ardeche.edges == 3)   // a, b, c: a triangle
        let fine = try store.network(level: .intermediaries)
        #expect(fine.nodes == 6 && fine.isolated.isEmpty)
        // i2 hangs on d alone: d is a cut point and i2–d a bridge.
        #expect(fine.articulationPoints == ["d"] && fine.bridges == [["d", "i2"]])
        #expect(throws: QueryError.unknownTerritory("99")) { try store.network(within: "99") }
    }

    @Test func anEmptyTerritoryAndADisconnectedNetwork() throws {
        // Bourg-en-Bresse holds no place: an empty network, every measure empty, no NaN.
        let empty = try Self.store().network(within: "01053")
        #expect(empty.nodes == 0 && empty.edges == 0 && empty.communities.isEmpty && empty.modularity == 0)
        #expect(empty.betweenness.isEmpty && empty.articulationPoints.isEmpty && empty.isolated.isEmpty)
        // Two triangles and a path of three, apart: only the path's middle is a broker, normalised
        // over all 9 nodes as NetworkX does (1 pair through it / ((9-1)(9-2)/2) = 1/28).
        let graph = UndirectedGraph(count: 9, edges: [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (6, 7), (7, 8)])
        let betweenness = graph.betweenness()
        #expect(betweenness.enumerated().allSatisfy { $0.offset == 7 ? abs($0.element - 1.0 / 28) < 1e-15 : $0.element == 0 })
        #expect(graph.articulationPoints() == [7] && graph.bridges().count == 2 && graph.coreNumbers() == [2, 2, 2, 2, 2, 2, 1, 1, 1])
        #expect(Set(graph.louvainCommunities().map { Set($0) }) == [[0, 1, 2], [3, 4, 5], [6, 7, 8]])
    }
}
