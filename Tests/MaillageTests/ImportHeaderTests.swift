import Foundation
import Testing
@testable import Maillage

/// A file whose header lacks required columns is refused at its header: one error naming every
/// missing column and the columns found, never one error per row.
@Suite struct ImportHeaderTests {
    /// A text of `lines` lines under `header`, as a large wrong file would be (kept small in tests).
    private func text(header: String, lines: Int = 3000) -> Data {
        var text = header + "\n"
        for index in 0..<lines { text += "lorem ipsum \(index) dolor sit amet\n" }
        return Data(text.utf8)
    }

    /// The refusal of `data` imported as `kind`: its missing and found columns.
    private func refusal(_ kind: ImportKind, _ data: Data, name: String = "wrong.txt") throws -> (missing: [String], found: [String], message: String) {
        let store = try Fixtures.storeWithCommunes()
        do {
            let report = try store.importData(kind, name: name, data: data)
            Issue.record("imported \(report.rowsImported) rows instead of refusing the header")
        } catch MaillageError.missingColumns(let path, _, let missing, let found, _) {
            #expect(path == name)
            let message = MaillageError.missingColumns(path: path, kind: "", missing: missing, found: found, delimiter: ",").localizedDescription
            return (missing, found, message)
        } catch MaillageError.importFailed(let report) {
            Issue.record("\(report.errors.count) row errors instead of one header error: \(report.errors.prefix(2))")
        }
        return ([], [], "")
    }

    @Test(arguments: [
        (ImportKind.communes, CommunesImporter.required.names),
        (.lieux, ["id", "nom", "date_maj"]),
        (.cnfs, CNFSImporter.required.names),
        (.aidantsConnect, AidantsConnectImporter.required.names),
        (.intermediaries, ["id", "type"]),
        (.referrals, ["source_id", "target_id"]),
        (.fragility, ["name", "division", "code", "total"]),
    ])
    func aTextFileIsRefusedAtItsHeaderNamingEveryMissingColumn(kind: ImportKind, required: [String]) throws {
        let refused = try refusal(kind, text(header: "Lorem ipsum dolor sit amet"))
        #expect(refused.missing == required)
        #expect(refused.found == ["Lorem ipsum dolor sit amet"])
    }

    @Test func aLieuxFileWithoutItsDateColumnIsRefusedAtItsHeaderNotRowByRow() throws {
        var csv = "id,nom,commune,services\n"
        for index in 0..<3000 { csv += "p\(index),Lieu \(index),Privas,Aide aux démarches administratives\n" }
        let refused = try refusal(.lieux, Data(csv.utf8), name: "lieux.csv")
        #expect(refused.missing == ["date_maj"])
        #expect(refused.found == ["id", "nom", "commune", "services"])
        #expect(refused.message.contains("lacks the required column 'date_maj'"))
        #expect(refused.message.contains("has 4 columns: 'id', 'nom', 'commune', 'services'"))
    }

    @Test func aV01JSONWithoutIdsIsRefusedAtItsFields() throws {
        let json = #"[{"nom": "A", "date_maj": "2024-01-01"}, {"nom": "B", "date_maj": "2024-01-01"}]"#
        let refused = try refusal(.lieux, Data(json.utf8), name: "lieux.json")
        #expect(refused.missing == ["id"])
        #expect(refused.found == ["date_maj", "nom"])
    }

    @Test func aCommaFileGivenAsCNFSSaysWhichDelimiterItSeemsToUse() throws {
        let header = CNFSImporter.required.names.joined(separator: ",")
        let store = try Fixtures.storeWithCommunes()
        let error = #expect(throws: MaillageError.self) { try store.importData(.cnfs, name: "cnfs.csv", data: text(header: header, lines: 10)) }
        let message = error?.localizedDescription ?? ""
        #expect(message.contains("cnfs.csv is not a conseillers numériques (CNFS) structures file"))
        #expect(message.contains("split on ';', has 1 column"))
        #expect(message.contains("It seems to use ',' as its delimiter, where ';' was expected"))
    }

    @Test func aLongHeaderIsListedShortened() throws {
        let header = (1...30).map { "colonne_\($0)" }.joined(separator: ",")
        let store = try Fixtures.storeWithCommunes()
        let error = #expect(throws: MaillageError.self) { try store.importData(.referrals, name: "r.csv", data: text(header: header, lines: 5)) }
        let message = error?.localizedDescription ?? ""
        #expect(message.contains("'colonne_20' and 10 more"))
        #expect(!message.contains("colonne_21"))
    }

    @Test func theKindTakesItsArticle() throws {
        let store = try Fixtures.storeWithCommunes()
        let error = #expect(throws: MaillageError.self) { try store.importData(.intermediaries, name: "i.csv", data: text(header: "id,nom", lines: 2)) }
        #expect(error?.localizedDescription.hasPrefix("i.csv is not an intermediaries file: its header lacks the required column 'type'") == true)
    }

    @Test func aJSONFileGivenForACSVKindIsNamedAsJSON() throws {
        let store = try Fixtures.storeWithCommunes()
        let json = Data(#"[{"source_id": "a", "target_id": "b"}]"#.utf8)
        let error = #expect(throws: MaillageError.self) { try store.importData(.referrals, name: "r.json", data: json) }
        #expect(error?.localizedDescription.contains("It looks like JSON, which only lieux files may be; a referrals file is read as CSV.") == true, "\(String(describing: error))")
    }

    @Test func aFileGivenAsTheWrongKindNamesTheKindItFits() throws {
        let store = try Fixtures.storeWithCommunes()
        let cnfs = Data((StructureListsImportTests.cnfsHeader + "\nX;Privas\n").utf8)
        let error = #expect(throws: MaillageError.self) { try store.importData(.aidantsConnect, name: "cnfs.csv", data: cnfs) }
        #expect(error?.localizedDescription.contains("Its columns are those of conseillers numériques (CNFS) structures (kind 'cnfs'): was it given as the wrong kind?") == true, "\(String(describing: error))")
        let communes = #expect(throws: MaillageError.self) { try store.importData(.fragility, name: "c.csv", data: Data(Fixtures.communes.utf8)) }
        #expect(communes?.localizedDescription.contains("(kind 'communes')") == true)
    }
}
