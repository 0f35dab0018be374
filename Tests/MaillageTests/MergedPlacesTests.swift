import Foundation
import GRDB
import Testing
@testable import Maillage

/// One real place, one node: records of several sources merged into a place that answers to
/// every source id, counts once, derives its attributes from its records, follows re-imports and
/// splits back exactly.
@Suite struct MergedPlacesTests {
    /// A France Services listed by the national file (older, with hours and a phone) and by a hub
    /// (newer, another name and service, no phone), an intermediary at each, a referral to each.
    private func twoListings() throws -> Store {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "national.csv", data: Fixtures.lieux([
            Fixtures.lieu("fs-privas", [.nom: "France Services Privas", .source: "national", .dateMaj: "2025-03-01",
                                        .telephone: "+33475000000", .horaires: "Mo-Fr 09:00-12:00", .adresse: "1 rue de la Paix",
                                        .services: "Aide aux démarches administratives",
                                        .publicsSpecifiquementAdresses: "Seniors"]),
            Fixtures.lieu("mairie-privas", [.nom: "Mairie de Privas", .source: "national", .latitude: "44.735", .longitude: "4.599"]),
        ]))
        _ = try store.importData(.lieux, name: "hub.csv", data: Fixtures.lieux([
            Fixtures.lieu("hub-12", [.nom: "FRANCE SERVICES DE PRIVAS", .source: "hub", .dateMaj: "2025-06-01",
                                     .adresse: "1 r. de la Paix", .latitude: "44.7362", .longitude: "4.6003",
                                     .services: "Maîtrise des outils numériques du quotidien",
                                     .publicsSpecifiquementAdresses: "Jeunes"]),
        ]))
        _ = try store.importData(.intermediaries, name: "teams.csv", data: Data("""
            id,nom,type,place_id,headcount,services
            cn-1,Conseillers de Privas,conseiller-numerique,fs-privas,2,Aide aux démarches administratives
            ac-1,Aidants de Privas,france-services,hub-12,3,Aide aux démarches administratives

            """.utf8))
        _ = try store.importData(.referrals, name: "orientations.csv", data: Data("""
            source_id,target_id,weight
            mairie-privas,fs-privas,4
            mairie-privas,hub-12,6

            """.utf8))
        return store
    }

    private func mergeTheTwo(_ store: Store) throws {
        let ids = try store.writer.read { db in
            (try Store.nodeId(ofRecord: "fs-privas", db), try Store.nodeId(ofRecord: "hub-12", db))
        }
        try store.merge([MergeDecision(first: ids.0, second: ids.1, rule: .score, score: 91, reason: "name 82, street 100, distance 91")])
    }

    @Test func aMergedPlaceCountsOnceWithEveryRecordsTeam() throws {
        let store = try twoListings()
        #expect(try store.statistics().places == 3)
        try mergeTheTwo(store)

        let stats = try store.statistics()
        #expect(stats.places == 2 && stats.mergedPlaces == 1 && stats.mergedRecords == 2)
        #expect(stats.intermediaries.headcount == 5, "each team counted once: 2 + 3")
        #expect(stats.referrals == 1, "the two referrals to the two records are one referral to the place")

        let graph = try store.graph()
        #expect(graph.nodeCount == 4, "two places and two intermediaries")
        let place = try #require(graph.node("fs-privas"))
        #expect(graph.node("hub-12") == place, "the hub's id gives the same node")
        #expect(graph.worksAt.targets.map(Int.init) == [place, place], "both teams work at the one place")
        let mairie = try #require(graph.node("mairie-privas"))
        #expect(Array(graph.referrals.neighbours(of: mairie)) == [Int32(place)])
        #expect(graph.referrals.values[graph.referrals.edges(of: mairie)].map(\.weight) == [10], "weights of the merged referrals add up: 4 + 6")
    }

    @Test func accessCountsEachTeamOnceAtTheOnePlace() throws {
        let store = try twoListings()
        func supply() throws -> (sites: Int, supply: Double) {
            let report = try store.relayDirectory().access(AccessQuery(service: "aide-aux-demarches-administratives"), territories: store.territoryTable())
            return (report.sites, report.supply)
        }
        // Before: the two listings (teams of 2 and 3) and the mairie (no team: 1).
        #expect(try supply() == (3, 6))
        try mergeTheTwo(store)
        #expect(try supply() == (2, 6), "one site with both teams, 2 + 3, and the mairie: nobody doubled nor lost")
    }

    @Test func theMergedPlaceAnswersToEitherIdWithDerivedAttributes() throws {
        let store = try twoListings()
        try mergeTheTwo(store)
        for id in ["fs-privas", "hub-12"] {
            let profile = try store.profile(of: id)
            #expect(profile.id == "fs-privas", "the primary record is the national file's (source priority, then first imported)")
            #expect(profile.sourceIds == ["fs-privas", "hub-12"])
            #expect(profile.nom == "FRANCE SERVICES DE PRIVAS", "the most recent record's name (2025-06-01)")
            #expect(profile.telephone == "+33475000000", "a field the newer record leaves blank comes from the older one")
            #expect(profile.adresse == "1 r. de la Paix" && profile.latitude == 44.7362, "address and coordinates from the newer record")
            #expect(profile.horaires == "Mo-Fr 09:00-12:00")
            #expect(Set(profile.services.map(\.label)) == ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"])
            #expect(Set(profile.worksWith.map(\.id)) == ["cn-1", "ac-1"])
            #expect(profile.records.map(\.source) == ["national", "hub"])
        }
        let lieu = try #require(try store.lieux().first { $0.publicId == "fs-privas" })
        #expect(lieu.text[.publicsSpecifiquementAdresses] == "Jeunes|Seniors", "multi-valued fields are the union, newest record first")
        #expect(lieu.text[.dateMaj] == "2025-06-01")
        #expect(try store.lieux().map(\.publicId) == ["fs-privas", "mairie-privas"])
    }

    @Test func relaysAnswerTheMergedPlaceOnceWithItsSourceIds() throws {
        let store = try twoListings()
        try mergeTheTwo(store)
        var query = RelayQuery(service: "Aide aux démarches administratives", origin: .commune("07186"))
        query.radiusKm = 10
        let answer = try store.relayDirectory().relays(query)
        let places = answer.filter { $0.kind == .place && $0.id != "mairie-privas" }
        #expect(places.map(\.id) == ["fs-privas"])
        #expect(places.first?.sourceIds == ["fs-privas", "hub-12"])
        #expect(Set(places.first?.intermediaries.map(\.id) ?? []) == ["cn-1", "ac-1"])
    }

    @Test func unmergingGivesBackTheExportByteForByte() throws {
        let store = try twoListings()
        let before = try exportedLieux(store)
        try mergeTheTwo(store)
        #expect(try exportedLieux(store) != before)
        let split = try store.unmerge("hub-12")
        #expect(split.id == "fs-privas" && split.sourceIds == ["fs-privas", "hub-12"])
        #expect(try exportedLieux(store) == before)
        #expect(try store.statistics().places == 3)
        #expect(throws: MergeError.notMerged("hub-12")) { try store.unmerge("hub-12") }
    }

    @Test func aReimportUpdatesTheRecordAndNeverRecreatesTheMergedAwayNode() throws {
        let store = try twoListings()
        try mergeTheTwo(store)
        let report = try store.importData(.lieux, name: "hub.csv", data: Fixtures.lieux([
            Fixtures.lieu("hub-12", [.nom: "Espace France Services Privas", .source: "hub", .dateMaj: "2025-09-01",
                                     .adresse: "1 r. de la Paix", .latitude: "44.7362", .longitude: "4.6003",
                                     .services: "Maîtrise des outils numériques du quotidien"]),
        ]))
        #expect(report.inserted == 0 && report.updated == 1)
        #expect(try store.statistics().places == 2)
        #expect(try store.profile(of: "hub-12").nom == "Espace France Services Privas", "the place follows its newest record")

        // The hub's list no longer holds the row: the record is kept, marked gone; the place falls back on the national record.
        let gone = try store.importData(.lieux, name: "hub.csv", data: Fixtures.lieux([
            Fixtures.lieu("hub-13", [.nom: "Autre lieu", .source: "hub"]),
        ]))
        #expect(gone.retired == 1)
        let profile = try store.profile(of: "hub-12")
        #expect(profile.nom == "France Services Privas" && profile.active)
        #expect(profile.records.map(\.active) == [true, false])
        #expect(profile.services.map(\.label) == ["Aide aux démarches administratives"], "a gone record's services no longer count")
    }

    @Test func recordsRecordedAsDifferentPlacesAreNeverMerged() throws {
        let store = try twoListings()
        try store.recordDifferentPlaces("fs-privas", "hub-12")
        #expect(throws: MergeError.recordedAsDifferent("fs-privas", "hub-12")) { try mergeTheTwo(store) }
        #expect(try store.statistics().places == 3, "the refused merge changed nothing")
        #expect(throws: MergeError.sameRecord("hub-12")) { try store.recordDifferentPlaces("hub-12", "hub-12") }
    }

    @Test func anIdAnotherSourceHoldsIsPrefixedAndFoundAgainOnReimport() throws {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "hub-a.csv", data: Fixtures.lieux([Fixtures.lieu("0", [.source: "Hub A"]), Fixtures.lieu("1", [.source: "Hub A"])]))
        let hubB = Fixtures.lieux([Fixtures.lieu("0", [.source: "Hub Nord-Ardèche", .nom: "Centre social"])])
        let report = try store.importData(.lieux, name: "hub-b.csv", data: hubB)
        #expect(report.inserted == 1)
        #expect(report.corrections.contains { $0.name == "ids another source already holds, stored prefixed with 'hub-nord-ardeche:'" && $0.value == 1 })
        #expect(try store.profile(of: "hub-nord-ardeche:0").nom == "Centre social")
        #expect(try store.profile(of: "0").nom == "Médiathèque 0", "the first source keeps its id")
        let again = try store.importData(.lieux, name: "hub-b.csv", data: hubB)
        #expect(again.inserted == 0 && again.unchanged == 1, "the prefixed record is found again, not created twice")
    }

    @Test func anUpgradedDatabaseKeepsEveryPlaceReferralAndIntermediary() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("upgrade-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let store = try Store(DatabaseQueue(path: path))
            try store.loadTaxonomy(try Fixtures.taxonomy())
            _ = try store.importData(.communes, name: "communes.csv", data: Data(Fixtures.communes.utf8))
            _ = try store.importData(.lieux, name: "national.csv", data: Fixtures.lieux([Fixtures.lieu("a"), Fixtures.lieu("b")]))
            _ = try store.importData(.intermediaries, name: "teams.csv", data: Data("id,nom,type,place_id,headcount\ni1,Équipe,centre-social,a,2\n".utf8))
            _ = try store.importData(.referrals, name: "o.csv", data: Data("source_id,target_id,weight\na,b,3\n".utf8))
        }
        let before = try DatabaseQueue(path: path).read { db in try Self.contents(db) }
        // The database as the version before merged places left it: without migration v4's tables and views.
        try DatabaseQueue(path: path).write { db in
            for view in ["node_head", "shown_node", "shown_place", "shown_relay", "shown_labelled", "shown_zone", "shown_works_at", "shown_referral"] {
                try db.execute(sql: "DROP VIEW \(view)")
            }
            for table in ["merged_place", "place_group", "merged_relay", "merged_labelled", "merged_zone", "merge_event", "never_merge"] {
                try db.execute(sql: "DROP TABLE \(table)")
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4: merged places'")
        }
        let upgraded = try Store.open(path: path, access: .write)
        #expect(try upgraded.writer.read { db in try Self.contents(db) } == before)
        #expect(try upgraded.statistics().places == 2 && upgraded.statistics().referrals == 1)
        #expect(try upgraded.profile(of: "a").worksWith.map(\.id) == ["i1"])
    }

    private static func contents(_ db: Database) throws -> [String] {
        try ["node", "place", "intermediary", "works_at", "relay", "referral", "labelled", "zone"].flatMap { table in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map { "\(table): \($0)" }
        }
    }

    private func exportedLieux(_ store: Store) throws -> String {
        try LieuxExport.csv(try store.lieux())
    }
}
