import Foundation
import GRDB
import Testing
@testable import Maillage

@Suite struct CommunesImportTests {
    @Test func buildsTheHierarchyWithHandComputedAggregates() throws {
        let store = try Fixtures.storeWithCommunes()
        let epci = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT population, latitude, longitude FROM epci WHERE siren = '200071413'")
        }
        let row = try #require(epci)
        // Privas 8000 at (44.735, 4.599) and Alboussière 2000 at (44.94, 4.73).
        #expect(row[0] as Int == 10_000)
        #expect(abs((row[1] as Double) - (8000 * 44.735 + 2000 * 44.94) / 10_000) < 1e-12)
        #expect(abs((row[2] as Double) - (8000 * 4.599 + 2000 * 4.73) / 10_000) < 1e-12)
        let counts = try store.writer.read { db in
            try ["region", "departement", "epci", "commune"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") }
        }
        #expect(counts == [1, 3, 4, 5])
        let ardeche = try store.writer.read { try Int.fetchOne($0, sql: "SELECT population FROM departement WHERE code = '07'") }
        #expect(ardeche == 22_000)
        let region = try store.writer.read { try Row.fetchOne($0, sql: "SELECT population, latitude FROM region WHERE code = '84'") }
        let weighted = (8000 * 44.735 + 2000 * 44.94 + 12000 * 44.62 + 520_000 * 45.76 + 42000 * 46.2) / 584_000
        #expect(region?[0] as Int? == 584_000)
        #expect(abs((region?[1] as Double? ?? 0) - weighted) < 1e-12)
    }

    @Test func importingTwiceChangesNothing() throws {
        let store = try Fixtures.storeWithCommunes()
        let before = try DatabaseDump.text(store)
        let report = try store.importData(.communes, name: "communes.csv", data: Data(Fixtures.communes.utf8))
        #expect(report.inserted == 0 && report.updated == 0 && report.unchanged == 5)
        #expect(try DatabaseDump.text(store) == before)
    }

    @Test func badRowsAreLocatedAndNothingIsImported() throws {
        let store = try Fixtures.store()
        let text = Fixtures.communesHeader + "\n"
            + "7186,Privas,07,Ardèche,84,ARA,,,,8000,8200,44.7,4.6,commune\n"
            + "07007,Alboussière,07,Ardèche,84,ARA,,,,-5,2050,44.9,4.7,commune\n"
            + "07019,Aubenas,07,Ardèche,84,ARA,,,,12000,12400,144.6,4.4,commune\n"
            + "07019,Aubenas,07,Ardèche,84,ARA,,,,12000,12400,44.6,4.4,commune\n"
            + "07020,Ailhon,07,Ardèche,84,ARA,,,,300,310,44.6,4.4,commune\n"
        let error = #expect(throws: MaillageError.self) {
            try store.importData(.communes, name: "c.csv", data: Data(text.utf8))
        }
        guard case .importFailed(let report)? = error else { Issue.record("expected importFailed"); return }
        #expect(report.errors.map(\.line) == [2, 3, 4])
        #expect(report.errors[0].column == "code_insee" && report.errors[0].value == "7186" && report.errors[0].columnNumber == 1)
        #expect(report.errors[1].column == "population_municipale")
        #expect(report.errors[2].message.contains("±90"))
        #expect(report.errors[0].description.contains("c.csv:2: column code_insee (1): value \"7186\""))
        #expect(try store.statistics().communes == 0)

        let skipped = try store.importData(.communes, name: "c.csv", data: Data(text.utf8), options: ImportOptions(skipInvalid: true))
        #expect(skipped.rowsRejected == 3 && skipped.rowsImported == 2)
        #expect(try store.statistics().communes == 2)
    }
}

/// A textual dump of every data table, to compare database states (bookkeeping left out: the
/// `meta` counters and the full-text index, rebuilt on demand).
enum DatabaseDump {
    static func text(_ store: Store) throws -> String {
        try store.writer.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb_%' AND name <> 'meta' AND name NOT LIKE 'search_index%' ORDER BY name")
            return try tables.map { table in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).sorted()
                return "\(table)\n" + rows.joined(separator: "\n")
            }.joined(separator: "\n")
        }
    }
}
