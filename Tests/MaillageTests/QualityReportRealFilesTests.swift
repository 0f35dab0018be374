import Foundation
import Testing
@testable import Maillage

/// The quality report on the real national files (CNFS, Aidants Connect, the Hinaura lieux, the
/// v1 example), with the counts Benchmarks/compare/check_reference.py computes independently
/// (Python, sqlite3, python-stdnum) on the same database, row for row.
@Suite(.requiresSharedData)
struct QualityReportRealFilesTests {
    private func path(_ name: String) -> String { Fixtures.sharedData.appendingPathComponent(name).path }

    @Test func theNationalFilesReportTheProblemsTheReferenceFinds() throws {
        let store = try Fixtures.store()
        _ = try store.importFile(.communes, path: path("communes-france.csv"))
        _ = try store.importFile(.cnfs, path: path("conseillers-numeriques-structures-20230405.csv"))
        _ = try store.importFile(.aidantsConnect, path: path("aidants-connect-structures-2024.csv"), options: ImportOptions(dataDate: "2024-02-22"))
        _ = try store.importFile(.lieux, path: path("lieux-mediation-numerique-hinaura-schema-v0.1.json"))
        _ = try store.importFile(.lieux, path: path("lieux-v1-exemple-officiel.csv"))

        let report = try store.qualityReport(today: LocalDateTime(year: 2024, month: 2, day: 22))
        #expect(report.checked == QualityReport.Checked(sourceRecords: 8_758, places: 8_758, intermediaries: 8_070, referrals: 0))
        let counts = Dictionary(uniqueKeysWithValues: report.counts.map { ($0.kind, $0.count) })
        #expect(counts == [
            .invalidValue: 10, .unknownEnumeration: 1, .farFromCommune: 2, .otherDepartement: 4, .stale: 3_526,
            .relaysNothing: 0, .intermediaryUnattached: 0, .referralToInactive: 0, .unreadableHours: 0, .likelyDuplicate: 0, .editConflict: 0,
        ])
        // Seven Aidants Connect SIRETs fail (four check digits, two of 15 digits, one of 13), one postal code has six
        // digits; the v1 example's phone lacks its +, its two e-mail addresses are separated by a comma.
        #expect(report.problems(of: .invalidValue).map { "\($0.id) \($0.field ?? "")" } == [
            "aidants-connect:4010 code_postal", "aidants-connect:4720 pivot", "aidants-connect:5459 pivot", "aidants-connect:5478 pivot",
            "aidants-connect:5561 pivot", "aidants-connect:5564 pivot", "aidants-connect:5588 pivot", "aidants-connect:5604 pivot",
            "structure-1 courriels", "structure-1 telephone",
        ])
        #expect(report.problems(of: .unknownEnumeration).map(\.value) == ["SUD LABS"])
        // The v1 example stands near Aix-en-Provence for Reims (645 km); a Hinaura place of Annecy stands in the Loire (135 km).
        #expect(report.problems(of: .farFromCommune).map(\.id) == ["1139", "structure-1"])
        #expect(report.problems(of: .otherDepartement).map { "\($0.id) \($0.field ?? "")" } == [
            "1139 code_insee", "1139 code_postal", "structure-1 code_insee", "structure-1 code_postal",
        ])

        // Both now count at their commune's centroid: found within 1 km of it.
        let directory = try store.relayDirectory()
        for (id, commune) in [("1139", "74010"), ("structure-1", "51454")] {
            var query = RelayQuery(service: "aide-aux-demarches-administratives", origin: .commune(commune))
            query.radiusKm = 1
            #expect(try directory.relays(query).contains { $0.id == id && $0.distanceKm == 0 }, "\(id)")
        }
    }
}
