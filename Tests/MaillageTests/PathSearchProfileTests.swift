import Foundation
import Testing
@testable import Maillage

@Suite struct ReferralPathTests {
    /// a → b (any service), b → c (Aide aux démarches), b → d (Loisirs), a → d (CAF).
    /// a and b relay Loisirs; c relays Aide aux démarches administratives; d relays CAF.
    static func store() throws -> Store {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux([
            Fixtures.lieu("a", [.services: "Loisirs et créations numériques"]),
            Fixtures.lieu("b", [.codeInsee: "07007", .latitude: "44.94", .longitude: "4.73", .services: "Loisirs et créations numériques"]),
            Fixtures.lieu("c", [.codeInsee: "07019", .latitude: "44.62", .longitude: "4.39", .services: "Aide aux démarches administratives"]),
            Fixtures.lieu("d", [.codeInsee: "69123", .latitude: "45.76", .longitude: "4.83", .services: "CAF"]),
        ]))
        let referrals = """
            source_id,target_id,service,weight
            a,b,,
            b,c,Aide aux démarches administratives,
            b,d,Loisirs et créations numériques,
            a,d,CAF,

            """
        _ = try store.importData(.referrals, name: "r.csv", data: Data(referrals.utf8))
        return store
    }

    private func chains(from start: String, _ service: String, maxHops: Int = 3) throws -> [ReferralChain] {
        let store = try Self.store()
        return try ReferralPaths.chains(in: store.graph(), catalog: store.serviceCatalog(), from: start, service: service, maxHops: maxHops)
    }

    @Test func fewestHopsFirstAlongUsableReferrals() throws {
        let found = try chains(from: "a", "aide-aux-demarches-administratives")
        #expect(found.map(\.path) == [["a", "d"], ["a", "b", "c"]])
        #expect(found.map(\.hops) == [1, 2])
        #expect(found[0].services == ["CAF"] && found[1].services == ["Aide aux démarches administratives"])
        // From Privas's fixture point (44.736, 4.6) to Aubenas (44.62, 4.39), computed with Python's haversine.
        let aubenas = try #require(found[1].distanceKm)
        #expect(abs(aubenas - 21.025485443885078) < 1e-9)
    }

    @Test func theStartCountsWhenItRelaysTheService() throws {
        #expect(try chains(from: "a", "Loisirs et créations numériques").map(\.path) == [["a"], ["a", "b"]])
    }

    @Test func maxHopsAndServiceRestrictedReferralsLimitTheSearch() throws {
        #expect(try chains(from: "a", "aide-aux-demarches-administratives", maxHops: 1).map(\.relay) == ["d"])
        // b → d is for Loisirs only, b → c reaches a relay of the parent service, not of CAF.
        #expect(try chains(from: "b", "caf").isEmpty)
        #expect(throws: QueryError.unknownIdentifier("zz", closest: [])) { try chains(from: "zz", "caf") }
    }
}

@Suite struct SearchTests {
    @Test func findsWordsIgnoringCaseAndAccents() throws {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux([
            Fixtures.lieu("ep", [.nom: "Écrivain public — Lyon 3e", .codeInsee: "69123", .latitude: "45.76", .longitude: "4.83", .commune: "Lyon"]),
            Fixtures.lieu("med", [.nom: "Médiathèque", .codeInsee: "07007", .presentationResume: "Ateliers « smartphone » pour les seniors"]),
        ]))
        #expect(try store.search("ecrivain public lyon").map(\.id) == ["ep"])
        #expect(try store.search("ÉCRIVAIN").map(\.id) == ["ep"])
        #expect(try store.search("alboussiere").map(\.id) == ["med"])
        #expect(try store.search("smartph").first?.snippet.contains("[smartphone]") == true)
        #expect(try store.search("ecrivain bordeaux").isEmpty)
        #expect(try store.search("\" OR * NEAR(").isEmpty)
        // New data is found without any explicit re-indexing.
        _ = try store.importData(.intermediaries, name: "i.csv", data: Data("id,nom,type,place_id\ni1,Écrivains du Rhône,ecrivain-public,ep\n".utf8))
        #expect(try store.search("ecrivains rhone").map(\.id) == ["i1"])
    }
}

@Suite struct ProfileTests {
    @Test func aProfileGathersEverythingAboutANode() throws {
        let store = try ReferralPathTests.store()
        _ = try store.importData(.intermediaries, name: "i.csv", data: Data("id,nom,type,place_id,headcount,services,zone\ni1,Conseillers,conseiller-numerique,b,2,CAF,07\n".utf8))
        let b = try store.profile(of: "b")
        #expect(b.kind == .place && b.codeInsee == "07007" && b.commune == "Alboussière" && b.source == "test")
        #expect(b.services == [NodeProfile.Relayed(label: "Loisirs et créations numériques", remote: false)])
        #expect(b.worksWith == [NodeProfile.Link(id: "i1", nom: "Conseillers", type: "conseiller-numerique", headcount: 2, services: ["CAF"])])
        #expect(b.refersTo.map(\.id) == ["c", "d"] && b.refersTo.map(\.service) == ["Aide aux démarches administratives", "Loisirs et créations numériques"])
        #expect(b.referredFrom.map(\.id) == ["a"])
        let i1 = try store.profile(of: "i1")
        #expect(i1.kind == .intermediary && i1.headcount == 2 && i1.zone == ["departement:07"] && i1.worksWith.map(\.id) == ["b"])
        #expect(throws: QueryError.unknownIdentifier("zz", closest: [])) { try store.profile(of: "zz") }
    }
}
