import Foundation
import GRDB
import Testing
@testable import Maillage

/// `dedupe` on a directory: one France Services listed by CNFS, Aidants Connect and a lieux file
/// becomes one place; a dry run changes nothing; merges are recorded, kept apart when a person said
/// so, and undone exactly.
@Suite struct DedupeTests {
    static let cnfsHeader = "Raison sociale;Commune INSEE;Département;Région;Nombre de conseillers validés par le COSELEC;Date de validation en comité de sélection;Type;SIRET;Code département;Adresse;Code commune INSEE;Code postal;Investissement financier estimatif total de l’Etat;ZRR;QPV;France services"
    static let aidantsHeader = "Name,ID,UUID,Is Active,City Insee Code,Address,Zip Code,Siret,France Services Label,City,Nombre d'aidants"

    /// The France Services of Privas three times (its commune's SIRET in both national lists, a
    /// lieux row without SIRET), a library in the same building, and Aubenas's France Services.
    static func threeListings() throws -> Store {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.cnfs, name: "cnfs.csv", data: Data("""
            \(cnfsHeader)
            COMMUNE DE PRIVAS;Privas;Ardèche;Auvergne-Rhône-Alpes;2;16/06/2021;publique;21070186400017;07;12 RUE JEAN JAURES 07000 PRIVAS;07186;07000;50000;non;non;oui
            COMMUNE D'AUBENAS;Aubenas;Ardèche;Auvergne-Rhône-Alpes;1;16/06/2021;publique;21070019700012;07;1 PL DE L HOTEL DE VILLE 07200 AUBENAS;07019;07200;50000;non;non;non

            """.utf8))
        _ = try store.importData(.aidantsConnect, name: "aidants.csv", data: Data("""
            \(aidantsHeader)
            France Services Privas,9,u-9,true,07186,"12 rue Jean-Jaurès, 07000 Privas",07000,21070186400017.0,true,Privas,3
            Médiathèque de Privas,10,u-10,true,07186,"12 rue Jean-Jaurès, 07000 Privas",07000,21070186400025.0,false,Privas,1

            """.utf8))
        _ = try store.importData(.lieux, name: "hub.csv", data: Fixtures.lieux([
            Fixtures.lieu("hub-1", [.nom: "France Services de Privas", .source: "hub", .adresse: "12 r. Jean Jaurès"]),
            Fixtures.lieu("hub-2", [.nom: "Espace numérique d'Aubenas", .source: "hub", .codeInsee: "07019", .commune: "Aubenas",
                                    .codePostal: "07200", .latitude: "44.62", .longitude: "4.39", .adresse: "8 boulevard de Vernon"]),
        ]))
        return store
    }

    private func dataVersion(_ store: Store) throws -> Int {
        try store.writer.read { try Int.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'data_version'") ?? -1 }
    }

    @Test func threeListingsOfOnePlaceChainIntoOneAndADryRunChangesNothing() throws {
        let store = try Self.threeListings()
        let before = try DatabaseDump.text(store), version = try dataVersion(store)
        let proposal = try store.dedupe(dryRun: true)
        #expect(try DatabaseDump.text(store) == before && dataVersion(store) == version, "a dry run changes nothing")
        #expect(proposal.records == 6 && proposal.sources == 3 && proposal.allPairs == 15 && !proposal.applied)
        #expect(proposal.pairsExamined == 6 + 1, "4 records in Privas (6 pairs), 2 in Aubenas (1 pair)")
        #expect(proposal.groups == [["aidants-connect:9", "cnfs:21070186400017", "hub-1"]])
        #expect(proposal.merges.map(\.rule) == [.siret, .score])
        #expect(proposal.merges[0].first.id == "cnfs:21070186400017" && proposal.merges[0].second.id == "aidants-connect:9")
        #expect(proposal.bySourcePair.map(\.name).sorted() == ["Aidants Connect × lieux", "CNFS × Aidants Connect"] ||
                proposal.bySourcePair.map(\.name).sorted() == ["CNFS × Aidants Connect", "CNFS × lieux"])
        #expect(proposal.vetoes.map(\.name) == ["incompatible_kinds"], "the library in the building is a place of its own")
    }

    @Test func applyingMergesCountsThePlaceOnceWithBothTeamsAndRecordsEveryMerge() throws {
        let store = try Self.threeListings()
        let stats = try store.statistics()
        #expect(stats.places == 6)
        let proposal = try store.dedupe(dryRun: false, at: Date(timeIntervalSince1970: 1_764_633_600))
        #expect(proposal.applied && proposal.merges.count == 2)
        let after = try store.statistics()
        #expect(after.places == 4 && after.mergedPlaces == 1 && after.mergedRecords == 3)
        #expect(after.intermediaries.headcount == stats.intermediaries.headcount, "2 conseillers + 3 aidants + 1 + 1: nobody doubled nor lost")
        let place = try store.profile(of: "hub-1")
        #expect(place.id == "hub-1", "the lieux file's record is the primary one")
        #expect(place.sourceIds == ["hub-1", "aidants-connect:9", "cnfs:21070186400017"])
        #expect(Set(place.worksWith.map(\.id)) == ["cnfs:21070186400017:conseillers", "aidants-connect:9:aidants"])
        let events = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT merged_at, rule, score, reason FROM merge_event ORDER BY id")
        }
        #expect(events.map { $0["rule"] as String } == ["siret", "score"])
        #expect(events.allSatisfy { ($0["merged_at"] as String) == "2025-12-02T00:00:00Z" })
        #expect((events[0]["reason"] as String) == "same SIRET 21070186400017 in the same commune")

        let again = try store.dedupe(dryRun: false)
        #expect(again.merges.isEmpty && !again.applied && again.alreadyMerged == 3, "a second run finds them one place already")
    }

    @Test func unmergingEveryGroupGivesBackThePreDedupeExportByteForByte() throws {
        let store = try Self.threeListings()
        let before = try LieuxExport.csv(store.lieux())
        _ = try store.dedupe(dryRun: false)
        #expect(try LieuxExport.csv(store.lieux()) != before)
        for place in try store.mergedPlaces() { try store.unmerge(place.id) }
        let unmerged = try LieuxExport.csv(store.lieux())
        #expect(unmerged == before)
        #expect(try store.statistics().places == 6)
    }

    @Test func recordsRecordedAsDifferentPlacesAreKeptApartEvenThroughAChain() throws {
        let store = try Self.threeListings()
        try store.recordDifferentPlaces("cnfs:21070186400017", "hub-1")
        let proposal = try store.dedupe(dryRun: false)
        // The SIRET pair merges; hub-1 would join through aidants-connect:9, but it cannot be one
        // place with the CNFS record; nor can the library (its name and street match the CNFS
        // record's), which cannot be one place with the France Services.
        #expect(proposal.merges.map { [$0.first.id, $0.second.id] } == [["cnfs:21070186400017", "aidants-connect:9"]])
        #expect(proposal.keptApart == 2)
        #expect(try store.profile(of: "hub-1").sourceIds == ["hub-1"])
    }

    @Test func aFailingMergeLeavesTheDatabaseAsItWas() throws {
        let store = try Self.threeListings()
        try store.recordDifferentPlaces("hub-1", "aidants-connect:9")
        let before = try DatabaseDump.text(store)
        let ids = try store.writer.read { db in
            try ["cnfs:21070186400017", "aidants-connect:9", "hub-1"].map { try Store.nodeId(ofRecord: $0, db) }
        }
        // The first decision would go through; the second is refused: neither is kept.
        #expect(throws: MergeError.recordedAsDifferent("aidants-connect:9", "hub-1")) {
            try store.merge([MergeDecision(first: ids[0], second: ids[1], rule: .siret, score: 100, reason: "test"),
                             MergeDecision(first: ids[1], second: ids[2], rule: .score, score: 90, reason: "test")])
        }
        #expect(try DatabaseDump.text(store) == before)
    }

    @Test func anEmptyOrSingleSourceDirectoryIsLeftAloneAndSaysSo() throws {
        let empty = try Fixtures.storeWithCommunes()
        let nothing = try empty.dedupe(dryRun: false)
        #expect(nothing.note == "The directory holds no active place: there is nothing to deduplicate." && nothing.merges.isEmpty)

        let single = try Fixtures.storeWithCommunes()
        _ = try single.importData(.lieux, name: "hub.csv", data: Fixtures.lieux([
            Fixtures.lieu("a", [.nom: "Le Lien", .source: "hub"]), Fixtures.lieu("b", [.nom: "Le Lien", .source: "hub"]),
        ]))
        let before = try DatabaseDump.text(single)
        let one = try single.dedupe(dryRun: false)
        #expect(one.note?.hasPrefix("Every active place comes from one source (hub)") == true && one.pairsExamined == 0)
        #expect(try DatabaseDump.text(single) == before)
    }

    @Test func withinAndThresholdNarrowWhatIsMerged() throws {
        let store = try Self.threeListings()
        let aubenas = try store.dedupe(DedupeOptions(within: "07019"), dryRun: true)
        #expect(aubenas.records == 2 && aubenas.merges.isEmpty)
        #expect(throws: QueryError.self) { try store.dedupe(DedupeOptions(within: "99999"), dryRun: true) }
        // Aubenas's town hall (CNFS) and its digital space (hub) share a name ("aubenas", once the
        // generic words are left out) but not their street: under 83, over 60.
        let loose = try store.dedupe(DedupeOptions(threshold: 60), dryRun: true)
        let townHall = try #require(loose.merges.first { $0.first.id == "cnfs:21070019700012" })
        #expect(townHall.second.id == "hub-2" && (60..<83).contains(townHall.score))
        #expect(try store.dedupe(dryRun: true).merges.count == loose.merges.count - 1)
    }

    @Test func aLegalEntitysSiretDoesNotChainItsDistinctSitesIntoOnePlace() throws {
        // A département's CNFS entry, and two of its sites that Aidants Connect lists at the
        // département's address and under its SIRET: each matches the CNFS entry, but the two
        // sites, rows of one source scoring under 90, stay two places.
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.cnfs, name: "cnfs.csv", data: Data("""
            \(Self.cnfsHeader)
            DEPARTEMENT DE L'ARDECHE;Privas;Ardèche;Auvergne-Rhône-Alpes;4;16/06/2021;publique;22070001400015;07;2 QUAI DE LA REPUBLIQUE 07000 PRIVAS;07186;07000;50000;non;non;non

            """.utf8))
        _ = try store.importData(.aidantsConnect, name: "aidants.csv", data: Data("""
            \(Self.aidantsHeader)
            Centre médico-social de Privas,1,u-1,true,07186,2 quai de la République,07000,22070001400015.0,false,Privas,2
            Maison de l'Ardèche de Privas,2,u-2,true,07186,2 quai de la République,07000,22070001400015.0,false,Privas,2

            """.utf8))
        let proposal = try store.dedupe(dryRun: true)
        #expect(proposal.merges.count == 1 && proposal.merges[0].rule == .siret && proposal.keptApart == 1, "\(proposal.merges)")
        #expect(proposal.groups.count == 1 && proposal.groups[0].count == 2)
    }
}
