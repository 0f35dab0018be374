import Foundation
import Testing
@testable import Maillage

/// The national directory's v1 export is valid against the national schema, and the directory
/// rebuilt from it plus the original lists equals the original.
@Suite(.requiresSharedData)
struct RealFilesExportTests {
    private func path(_ name: String) -> String { Fixtures.sharedData.appendingPathComponent(name).path }

    private func importLists(into store: Store) throws {
        _ = try store.importFile(.cnfs, path: path("conseillers-numeriques-structures-20230405.csv"))
        _ = try store.importFile(.aidantsConnect, path: path("aidants-connect-structures-2024.csv"), options: ImportOptions(dataDate: "2024-02-22"))
    }

    /// The national directory, as `Scripts/france` builds it (without the fragility index).
    private func national() throws -> Store {
        let store = try Fixtures.store()
        _ = try store.importFile(.communes, path: path("communes-france.csv"))
        try importLists(into: store)
        _ = try store.importFile(.lieux, path: path("lieux-mediation-numerique-hinaura-schema-v0.1.json"))
        _ = try store.importFile(.lieux, path: path("lieux-v1-exemple-officiel.csv"))
        return store
    }

    @Test(.enabled(if: Frictionless.path != nil, "needs the frictionless program (pip install frictionless; Scripts/setup installs it)"))
    func theNationalExportIsValidAgainstTheNationalSchema() throws {
        var summary = V1ExportSummary()
        let csv = try LieuxExport.csv(try national().lieux(), summary: &summary)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-national-\(UUID().uuidString).csv")
        try Data(csv.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let errors = try Frictionless.errors(file: file, schema: Fixtures.sharedData.appendingPathComponent("schema-lieux-mediation-numerique-v1.json"))
        #expect(errors.isEmpty, "\(errors.prefix(20).joined(separator: "\n"))")
        // 46 inactive Aidants Connect structures; the one 6-digit postal code cannot be repaired.
        #expect(summary.inactive.count == 46)
        #expect(summary.leftOut.map(\.id) == ["aidants-connect:4010"])
        #expect(summary.written == 2_889 + 5_227 + 687 + 1 - 46 - 1)
    }

    @Test func theSchemaConstraintsAreTheNationalSchemas() throws {
        let data = try Data(contentsOf: Fixtures.sharedData.appendingPathComponent("schema-lieux-mediation-numerique-v1.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(schema["version"] as? String == "v" + V1Schema.version)
        let fields = try #require(schema["fields"] as? [[String: Any]])
        #expect(fields.map { $0["name"] as? String } == LieuColumn.allCases.map(\.rawValue))
        for field in fields {
            let column = try #require(LieuColumn(rawValue: field["name"] as? String ?? ""))
            let constraints = field["constraints"] as? [String: Any] ?? [:]
            #expect((constraints["required"] as? Bool == true) == V1Schema.required.contains(column), "\(column)")
            if column != .dateMaj { #expect(constraints["pattern"] as? String == V1Schema.patterns[column], "\(column)") }
            #expect(constraints["maxLength"] as? Int == V1Schema.maxLengths[column], "\(column)")
        }
    }

    @Test func theNationalDirectoryRebuiltFromItsExportAndTheListsEqualsIt() throws {
        let original = try national()
        let exported = try LieuxExport.csv(try original.lieux())
        let rebuilt = try Fixtures.store()
        _ = try rebuilt.importFile(.communes, path: path("communes-france.csv"))
        let reimport = try rebuilt.importData(.lieux, name: "export.csv", data: Data(exported.utf8))
        #expect(reimport.errors.isEmpty && reimport.rowsImported == 2_889 + 5_227 + 687 + 1 - 46 - 1)
        try importLists(into: rebuilt)
        #expect(try LieuxExport.csv(try rebuilt.lieux()) == exported)
        let census = (rebuilt: try DirectoryCensus(rebuilt), original: try DirectoryCensus(original))
        #expect(census.rebuilt == census.original, "\(census.rebuilt) against \(census.original)")
    }
}
