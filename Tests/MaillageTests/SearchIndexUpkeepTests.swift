import Foundation
import GRDB
import Testing
@testable import Maillage

/// Imports keep the full-text index current in their own transaction, and only when they changed
/// something: an unchanged file, or the fragility index, does not rebuild it.
@Suite struct SearchIndexUpkeepTests {
    private func versions(_ store: Store) throws -> (data: Int, search: Int) {
        try store.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'data_version'") ?? -1,
             try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'search_version'") ?? -1)
        }
    }

    @Test func onlyAnImportThatChangesSomethingMovesTheVersions() throws {
        let store = try Fixtures.storeWithCommunes()
        let file = Fixtures.lieux([Fixtures.lieu("p1", [.nom: "Médiathèque des Tilleuls"])])
        _ = try store.importData(.lieux, name: "lieux.csv", data: file)
        let first = try versions(store)
        #expect(first.data == first.search, "the index is current after an import")
        #expect(try store.search("mediatheque").map(\.id) == ["p1"])

        _ = try store.importData(.lieux, name: "lieux.csv", data: file)
        #expect(try versions(store) == first, "the same file again changes nothing, so nothing is rebuilt")

        _ = try store.importData(.lieux, name: "lieux.csv", data: Fixtures.lieux([Fixtures.lieu("p1", [.nom: "Bibliothèque des Tilleuls"])]))
        let renamed = try versions(store)
        #expect(renamed.data == first.data + 1 && renamed.search == renamed.data)
        #expect(try store.search("mediatheque").isEmpty && store.search("bibliotheque").map(\.id) == ["p1"])
    }

    @Test func theFragilityIndexLeavesTheSearchIndexCurrent() throws {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "lieux.csv", data: Fixtures.lieux([Fixtures.lieu("p1")]))
        let before = try versions(store)
        let header = "name,division,code,total"
        _ = try store.importData(.fragility, name: "fragilite.csv", data: Data("\(header)\nPrivas,city,07186,6.5\n".utf8))
        let after = try versions(store)
        #expect(after.data == before.data + 1 && after.data == after.search, "the data moved on, and the index is still current")
    }
}
