import Foundation
import GRDB
import Testing
@testable import Maillage

/// The data-quality report: each kind of problem found on a small hand-made directory, and
/// nothing on a clean one.
@Suite struct QualityReportTests {
    private let today = LocalDateTime(year: 2025, month: 6, day: 1)

    /// A valid place: a SIRET with a right check digit, international phone, e-mail, web address, hours.
    private func clean(_ id: String, _ overrides: [LieuColumn: String] = [:]) -> [LieuColumn: String] {
        var values: [LieuColumn: String] = [
            .pivot: "73282932000074", .telephone: "+33475000000", .courriels: "contact@mediatheque.fr|accueil@mediatheque.fr",
            .siteWeb: "https://mediatheque.fr/horaires", .horaires: "Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00",
            .typologie: "BIB", .publicsSpecifiquementAdresses: "Seniors", .modalitesAcces: "Se présenter|Téléphoner",
            .formationsLabels: "Fabriques de Territoire", .dateMaj: "2025-03-01",
        ]
        values.merge(overrides) { _, new in new }
        return Fixtures.lieu(id, values)
    }

    private func store(_ rows: [[LieuColumn: String]]) throws -> Store {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "lieux.csv", data: Fixtures.lieux(rows))
        return store
    }

    private func setInactive(_ publicId: String, in store: Store) throws {
        try store.writer.write { db in try db.execute(sql: "UPDATE node SET active = 0 WHERE public_id = ?", arguments: [publicId]) }
    }

    @Test func aCleanDirectoryHasNoProblem() throws {
        let store = try store([clean("a"), clean("b", [.nom: "Centre social", .dateMaj: "2024-06-01"])])
        let report = try store.qualityReport(today: today)
        #expect(report.problems == [], "\(report.problems)")
        #expect(report.isClean)
        #expect(report.counts.allSatisfy { $0.count == 0 } && report.counts.count == QualityProblemKind.allCases.count)
        #expect(report.checked == QualityReport.Checked(sourceRecords: 2, places: 2, intermediaries: 0, referrals: 0))
        #expect(report.today == "2025-06-01" && report.staleBefore == "2024-06-01")
    }

    @Test func siretAndSirenCheckDigitsAsINSEEDefinesThem() {
        // 73282932000074 by hand, from the right, every second digit doubled (less 9 above 9):
        // 4 + 5 (7·2=14) + 0 + 0 + 0 + 0 + 2 + 6 (3·2) + 9 + 4 (2·2) + 8 + 4 (2·2) + 3 + 5 (7·2=14) = 50, a multiple of 10.
        #expect(CompanyNumber.isValidSiret("73282932000074"))
        #expect(!CompanyNumber.isValidSiret("73282932000075"), "sum 51")
        #expect(CompanyNumber.isValidSiret("13002603200016"), "an Aidants Connect SIRET once its .0 is dropped")
        // 732829320 by hand: 0 + 4 (2·2) + 3 + 9 (9·2=18) + 2 + 7 (8·2=16) + 2 + 6 (3·2) + 7 = 40.
        #expect(CompanyNumber.isValidSiren("732829320") && !CompanyNumber.isValidSiren("732829321"))
        // La Poste's establishments: a digit sum divisible by 5 (3+5+6+1+2+3+4+6 = 30), not Luhn; its head office is Luhn.
        #expect(CompanyNumber.isValidSiret("35600000012346") && !CompanyNumber.isValidSiret("35600000012345"))
        #expect(CompanyNumber.isValidSiret("35600000000048"))
        #expect(!CompanyNumber.isValidSiret("7328293200007") && !CompanyNumber.isValidSiret("7328293200007A"))
        // Real rows of the Aidants Connect list whose check digit is wrong (python-stdnum agrees).
        #expect(!CompanyNumber.isValidSiret("20004200000013") && !CompanyNumber.isValidSiret("22210001822219"))
    }

    @Test func invalidValuesNameTheSourceRecordFieldAndValue() throws {
        let store = try store([clean("bad", [
            .pivot: "73282932000075", .codePostal: "07-000", .telephone: "04 75 00 00 00",
            .courriels: "contact@mediatheque.fr, accueil@mediatheque.fr", .siteWeb: "www.mediatheque.fr|https://ok.fr",
        ]), clean("rna", [.pivot: "W071234567"]), clean("siren", [.pivot: "732829320"]), clean("short", [.pivot: "7328293200"])])
        let problems = try store.qualityReport(today: today).problems(of: .invalidValue)
        #expect(problems.map { "\($0.id) \($0.field ?? "") \($0.value ?? "")" } == [
            "bad code_postal 07-000",
            "bad courriels contact@mediatheque.fr, accueil@mediatheque.fr",
            "bad pivot 73282932000075",
            "bad site_web www.mediatheque.fr|https://ok.fr",
            "bad telephone 04 75 00 00 00",
            "short pivot 7328293200",
        ])
        #expect(problems.allSatisfy { $0.source == "test" && $0.nom == "Médiathèque \($0.id)" && $0.expected != nil })
        #expect(problems.first { $0.field == "pivot" }?.detail == "pivot \"73282932000075\": a SIRET whose check digit is wrong (Luhn)")
        #expect(problems.first { $0.field == "site_web" }?.detail.contains("\"www.mediatheque.fr\"") == true)
        #expect(problems.first { $0.field == "courriels" }?.detail.contains("separated by |") == true)
    }

    @Test func unknownLabelsKeptAsideOrStoredAreListed() throws {
        let store = try store([clean("odd", [
            .publicsSpecifiquementAdresses: "Seniors|Astronautes", .typologie: "BIB|XYZ", .formationsLabels: "SUD LABS|Fabriques de Territoire",
        ])])
        let problems = try store.qualityReport(today: today).problems(of: .unknownEnumeration)
        #expect(problems.map { "\($0.field ?? "") \($0.value ?? "")" } == [
            "formations_labels SUD LABS", "publics_specifiquement_adresses Astronautes", "typologie XYZ",
        ])
    }

    @Test func aPlaceThousandsOfKilometresAwayStandsAtItsCommuneForEveryDistance() throws {
        // Privas (07186) with coordinates in Sydney: 16,926 km from Privas's centroid (Python's haversine, R = 6371.0).
        let store = try store([clean("far", [.latitude: "-33.87", .longitude: "151.21"]), clean("near")])
        let far = try store.qualityReport(today: today).problems(of: .farFromCommune)
        #expect(far.map(\.id) == ["far"])
        #expect(far.first?.value == "-33.87, 151.21")
        #expect(far.first?.detail.hasPrefix("the coordinates lie 16926 km from the centroid of commune 07186 (Privas)") == true, "\(far)")

        var query = RelayQuery(service: "aide-aux-demarches-administratives", origin: .commune("07186"))
        query.radiusKm = 1
        let found = try store.relayDirectory().relays(query)
        #expect(found.map(\.id) == ["far", "near"], "found within 1 km of Privas, at its centroid")
        #expect(found.first?.distanceKm == 0)

        let graph = try store.graph()
        let node = try #require(graph.node("far"))
        #expect(graph.latitude[node] == 44.735 && graph.longitude[node] == 4.599)
        let near = try #require(graph.node("near"))
        #expect(graph.latitude[near] == 44.736, "coordinates near their commune are kept")
    }

    @Test func effectiveLocationKeepsNearCoordinatesAndFallsBackToTheCentroid() {
        let privas = (latitude: 44.735, longitude: 4.599)
        #expect(EffectiveLocation.of(latitude: 44.9, longitude: 4.7, communeCentroid: privas)! == (44.9, 4.7), "20 km: kept")
        #expect(EffectiveLocation.of(latitude: 45.76, longitude: 4.83, communeCentroid: privas)! == privas, "115 km: the centroid")
        #expect(EffectiveLocation.of(latitude: nil, longitude: nil, communeCentroid: privas)! == privas)
        #expect(EffectiveLocation.of(latitude: 45.76, longitude: 4.83, communeCentroid: nil)! == (45.76, 4.83))
        #expect(EffectiveLocation.of(latitude: nil, longitude: nil, communeCentroid: (.nan, .nan)) == nil)
    }

    @Test func codesPointingToAnotherDepartementThanTheCoordinates() throws {
        // Valence (26) and Guilherand-Granges (07) face each other across the Rhône, 1.5 km apart.
        let store = try Fixtures.store()
        _ = try store.importData(.communes, name: "communes.csv", data: Data("""
            \(Fixtures.communesHeader)
            26362,Valence,26,Drôme,84,Auvergne-Rhône-Alpes,200068781,CA Valence Romans Agglo,CA,65000,66000,44.9334,4.8924,commune
            07102,Guilherand-Granges,07,Ardèche,84,Auvergne-Rhône-Alpes,200071413,CA Privas Centre Ardèche,CA,11000,11200,44.9325,4.8733,commune
            07186,Privas,07,Ardèche,84,Auvergne-Rhône-Alpes,200071413,CA Privas Centre Ardèche,CA,8000,8200,44.735,4.599,commune
            69123,Lyon,69,Rhône,84,Auvergne-Rhône-Alpes,200046977,Métropole de Lyon,MET69,520000,530000,45.76,4.83,moyenne_sous_entites

            """.utf8))
        _ = try store.importData(.lieux, name: "lieux.csv", data: Fixtures.lieux([
            // Nearer Guilherand-Granges's centroid than Valence's, but Valence's is 0.6 km farther: a border, not a mistake.
            clean("valence", [.commune: "Valence", .codePostal: "26000", .codeInsee: "26362", .latitude: "44.9330", .longitude: "4.8790"]),
            // Privas's codes, Lyon's coordinates.
            clean("lyon", [.latitude: "45.7601", .longitude: "4.8301"]),
        ]))
        let report = try store.qualityReport(today: today)
        let other = report.problems(of: .otherDepartement)
        #expect(other.map { "\($0.id) \($0.field ?? "") \($0.value ?? "")" } == ["lyon code_insee 07186", "lyon code_postal 07000"])
        #expect(other.first?.detail.contains("lie in 69 (nearest commune 69123 Lyon") == true, "\(other)")
        #expect(other.first?.expected == "a code of département 69, where the coordinates lie")
        #expect(report.problems(of: .farFromCommune).map(\.id) == ["lyon"])
    }

    @Test func staleMeansBeforeTheSameDayAYearEarlier() throws {
        let store = try store([clean("old", [.dateMaj: "2024-05-31"]), clean("year", [.dateMaj: "2024-06-01"])])
        let stale = try store.qualityReport(today: today).problems(of: .stale)
        #expect(stale.map { "\($0.id) \($0.value ?? "")" } == ["old 2024-05-31"])
        #expect(PlaceChecks.twelveMonthsBefore(LocalDateTime(year: 2024, month: 2, day: 29)) == "2023-02-28")
        #expect(PlaceChecks.twelveMonthsBefore(LocalDateTime(year: 2025, month: 1, day: 5)) == "2024-01-05")
    }

    @Test func placesRelayingNothingIntermediariesUnattachedAndReferralsToInactivePlaces() throws {
        let store = try store([
            clean("empty", [.services: ""]), clean("staffed", [.services: ""]), clean("closed"), clean("open"),
        ])
        _ = try store.importData(.intermediaries, name: "equipes.csv", data: Data("""
            id,nom,type,place_id,headcount,services,zone
            team,Équipe,conseiller-numerique,staffed,1,Aide aux démarches administratives,
            roaming,Itinérant sans zone,ecrivain-public,,1,Aide aux démarches administratives,
            zoned,Itinérant de l'Ardèche,ecrivain-public,,1,Aide aux démarches administratives,07
            stranded,Équipe d'un lieu fermé,conseiller-numerique,closed,1,Aide aux démarches administratives,

            """.utf8))
        _ = try store.importData(.referrals, name: "orientations.csv", data: Data("""
            source_id,target_id,weight
            open,closed,2
            closed,open,1
            open,staffed,1

            """.utf8))
        try setInactive("closed", in: store)
        let report = try store.qualityReport(today: today)
        #expect(report.problems(of: .relaysNothing).map(\.id) == ["empty"], "a team's services count for its place")
        #expect(report.problems(of: .intermediaryUnattached).map(\.id) == ["roaming", "stranded"])
        let referrals = report.problems(of: .referralToInactive)
        #expect(referrals.map { "\($0.id) → \($0.otherId ?? "")" } == ["open → closed"], "a referral from an inactive place is left out")
        #expect(referrals.first?.detail == "refers people to closed (Médiathèque closed), a place no longer active")
        #expect(report.checked.places == 3 && report.checked.intermediaries == 4 && report.checked.referrals == 2)
    }

    @Test func unreadableHoursKeepWhereReadingStoppedAndWhatWasExpected() throws {
        let store = try store([clean("late", [.horaires: "Mo-Fr 09:00-18:00+"])])
        let hours = try store.qualityReport(today: today).problems(of: .unreadableHours)
        let problem = try #require(hours.first)
        #expect(hours.count == 1 && problem.id == "late" && problem.value == "Mo-Fr 09:00-18:00+")
        #expect(problem.position == 17 && problem.expected != nil, "\(problem)")
        #expect(problem.detail.contains("at character 18"))
    }

    @Test func likelyDuplicatesAreListedWithTheirSource() throws {
        let store = try store([clean("a"), clean("b")])
        let report = try store.qualityReport(today: today, likelyDuplicates: [
            LikelyDuplicate(firstId: "a", firstNom: "Médiathèque a", secondId: "b", secondNom: "Médiathèque b", score: 78.5),
        ])
        let pair = try #require(report.problems(of: .likelyDuplicate).first)
        #expect(pair.id == "a" && pair.otherId == "b" && pair.source == "test")
        #expect(pair.detail.contains("likeness 78.5 of 100"))
    }

    @Test func aMergedPlaceIsReportedOnceButEachRecordsValuesApart() throws {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "national.csv", data: Fixtures.lieux([
            clean("fs-privas", [.source: "national", .dateMaj: "2023-01-01", .telephone: "04 75 00 00 00"]),
        ]))
        _ = try store.importData(.lieux, name: "hub.csv", data: Fixtures.lieux([
            clean("hub-12", [.source: "hub", .dateMaj: "2024-01-01", .telephone: "0475000001"]),
        ]))
        let ids = try store.writer.read { db in (try Store.nodeId(ofRecord: "fs-privas", db), try Store.nodeId(ofRecord: "hub-12", db)) }
        try store.merge([MergeDecision(first: ids.0, second: ids.1, rule: .score, score: 91, reason: "test")])
        let report = try store.qualityReport(today: today)
        #expect(report.problems(of: .invalidValue).map { "\($0.id) \($0.source)" } == ["fs-privas national", "hub-12 hub"])
        let stale = report.problems(of: .stale)
        #expect(stale.count == 1 && stale.first?.value == "2024-01-01", "the place's newest date")
        #expect(stale.first?.source == "hub|national")
        #expect(report.checked.sourceRecords == 2 && report.checked.places == 1)
    }

    @Test func theJSONShapeHasEveryKeyAndEveryCount() throws {
        let store = try store([clean("late", [.horaires: "Mo-Fr 09:00-18:00+"])])
        let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(try store.qualityReport(today: today))) as? [String: Any])
        #expect(Set(object.keys) == ["today", "stale_before", "checked", "counts", "problems"])
        let counts = try #require(object["counts"] as? [String: Int])
        #expect(Set(counts.keys) == Set(QualityProblemKind.allCases.map(\.rawValue)) && counts["unreadable_hours"] == 1)
        let problem = try #require((object["problems"] as? [[String: Any]])?.first)
        #expect(Set(problem.keys) == ["kind", "id", "nom", "source", "field", "value", "expected", "position", "other_id", "detail"])
        #expect(problem["other_id"] is NSNull)
    }
}
