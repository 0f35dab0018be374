import Foundation
import Testing
@testable import Maillage

@Suite struct GraphProjectionTests {
    private func smallDirectory() throws -> Store {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux([
            Fixtures.lieu("p1", [.services: "Loisirs et créations numériques"]),
            Fixtures.lieu("p2", [.codeInsee: "07019", .latitude: "", .longitude: ""]),
        ]))
        let intermediaries = "id,nom,type,place_id,headcount,services\ni1,Conseillers,conseiller-numerique,p1,3,CAF|ANTS\n"
        _ = try store.importData(.intermediaries, name: "i.csv", data: Data(intermediaries.utf8))
        let referrals = "source_id,target_id,service,weight\np1,p2,,2\ni1,p2,CAF,\n"
        _ = try store.importData(.referrals, name: "r.csv", data: Data(referrals.utf8))
        return store
    }

    @Test func nodesAreNumberedByPublicIdWithTheirAttributes() throws {
        let graph = try smallDirectory().graph()
        #expect(graph.publicIds == ["i1", "p1", "p2"])
        #expect(graph.kinds == [.intermediary, .place, .place])
        #expect(graph.headcount == [3, -1, -1])
        #expect(graph.actorType == ["conseiller-numerique", "", ""])
        #expect(graph.communeCodes == ["01053", "07007", "07019", "07186", "69123"])
        #expect(graph.commune == [-1, 3, 2])
        #expect(graph.latitude[1] == 44.736 && graph.latitude[2].isNaN)
        #expect(graph.communePopulation[3] == 8000)
    }

    @Test func edgesArePackedPerNode() throws {
        let graph = try smallDirectory().graph()
        let i1 = try #require(graph.node("i1")), p1 = try #require(graph.node("p1")), p2 = try #require(graph.node("p2"))
        let caf = try #require(graph.service("caf")), ants = try #require(graph.service("ants"))
        let loisirs = try #require(graph.service("loisirs-et-creations-numeriques"))
        #expect(Array(graph.relays.neighbours(of: i1)) == [Int32(caf), Int32(ants)])
        #expect(Array(graph.relays.neighbours(of: p1)) == [Int32(loisirs)])
        // p2 keeps the fixture's default services: the first two national ones.
        #expect(Array(graph.relays.neighbours(of: p2)) == [0, 1])
        #expect(graph.serviceSlugs[0] == "aide-aux-demarches-administratives" && graph.serviceSlugs[1] == "maitrise-des-outils-numeriques-du-quotidien")
        #expect(Array(graph.referrals.neighbours(of: p1)) == [Int32(p2)])
        #expect(graph.referrals.values[graph.referrals.edges(of: p1)] == [GraphProjection.Referral(weight: 2, service: -1)])
        #expect(graph.referrals.values[graph.referrals.edges(of: i1)] == [GraphProjection.Referral(weight: 1, service: Int32(caf))])
        #expect(Array(graph.worksAt.neighbours(of: i1)) == [Int32(p1)])
        let aide = try #require(graph.service("aide-aux-demarches-administratives"))
        #expect(graph.serviceParent[caf] == Int32(aide) && graph.serviceParent[aide] == -1)
    }

    @Test func packingKeepsOrderWithinASource() {
        let adjacency = CompressedAdjacency(count: 3, edges: [(2, 0, "c"), (0, 1, "a"), (2, 1, "d"), (0, 2, "b")])
        #expect(adjacency.offsets == [0, 2, 2, 4])
        #expect(adjacency.targets == [1, 2, 0, 1])
        #expect(adjacency.values == ["a", "b", "c", "d"])
    }
}
