import Foundation
@testable import Maillage
import Testing

/// `Store.open(path:access:)`, `Store.deleteDatabase(path:)` and `Store.backup(to:)` on files,
/// through the library (the command-line wording is tested in MaillageCLITests).
@Suite struct StoreOpeningTests {
    /// A new empty folder, removed by the caller.
    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func onlyCreatingMakesADatabase() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("typo.sqlite").path
        for access in [Store.Access.read, .write] {
            #expect(throws: DatabaseFileError.missing(path: path)) { try Store.open(path: path, access: access) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let store = try Store.open(path: path, access: .create)
        try store.loadTaxonomy(Fixtures.taxonomy())
        #expect(try Store.open(path: path, access: .read).statistics().communes == 0)
    }

    @Test func aFileThatIsNotAMaillageDatabaseIsNeverTouched() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("precious.csv").path
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: path))
        for access in [Store.Access.read, .write, .create] {
            #expect(throws: DatabaseFileError.notMaillage(path: path, holds: .notSQLite)) { try Store.open(path: path, access: access) }
        }
        #expect(throws: DatabaseFileError.notMaillage(path: path, holds: .notSQLite)) { try Store.deleteDatabase(path: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\n1,2\n")
    }

    @Test func aBackupHoldsEverything() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.sqlite").path, copy = folder.appendingPathComponent("b.sqlite").path
        let store = try Store.open(path: path, access: .create)
        try store.loadTaxonomy(Fixtures.taxonomy())
        _ = try store.importData(.communes, name: "communes.csv", data: Data(Fixtures.communes.utf8))
        try Store.open(path: path, access: .read).backup(to: copy)
        #expect(try Store.open(path: copy, access: .read).statistics() == store.statistics())
        #expect(throws: DatabaseFileError.sameFile(path: path)) { try store.backup(to: path) }
    }

    @Test func theSeedsFolderIsReadAsItsTaxonomy() throws {
        #expect(try Taxonomy.load(from: Fixtures.seeds) == Taxonomy.load(from: Fixtures.seeds.appendingPathComponent("taxonomy")))
    }
}
