import Foundation
import Testing
@testable import Maillage

/// A file that cannot be read is refused with its path, where it goes wrong and what to do;
/// never a raw system or decoder error.
@Suite struct ImportFileErrorsTests {
    /// The message of the error `body` throws.
    private func message(_ body: () throws -> Any) -> String {
        do { _ = try body() } catch { return error.localizedDescription }
        Issue.record("expected an error")
        return ""
    }

    private func importing(_ kind: ImportKind, _ bytes: [UInt8], name: String = "f.csv") throws -> () throws -> Any {
        let store = try Fixtures.storeWithCommunes()
        return { try store.importData(kind, name: name, data: Data(bytes)) }
    }

    @Test func aFolderIsNamedAsAFolderWithTheFilesItHolds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("id\n".utf8).write(to: folder.appendingPathComponent("lieux.csv"))
        let store = try Fixtures.storeWithCommunes()
        let text = message { try store.importFile(.lieux, path: folder.path) }
        #expect(text.contains("Cannot read \(folder.path): it is a folder, not a file; give the path of a file inside it (it holds lieux.csv)"), "\(text)")
        #expect(!text.contains("NSCocoaErrorDomain"))
    }

    @Test func aMissingFileSaysSoWithItsFullPath() throws {
        let store = try Fixtures.storeWithCommunes()
        let text = message { try store.importFile(.lieux, path: "/nonexistent/lieux.csv") }
        #expect(text.contains("Cannot read /nonexistent/lieux.csv: there is no such file"), "\(text)")
    }

    @Test(arguments: [([UInt8](), "the file is empty (0 bytes)"), (Array("\n\n  \n".utf8), "the file holds only blank lines"),
                      ([0xEF, 0xBB, 0xBF], "the file holds only blank lines")])
    func anEmptyFileIsNamedEmpty(bytes: [UInt8], expected: String) throws {
        let text = message(try importing(.communes, bytes))
        #expect(text.contains("Cannot read f.csv: \(expected)"), "\(text)")
    }

    @Test func aLatin1FileSaysWhereAndHowToConvert() throws {
        let text = message(try importing(.referrals, Array("source_id,target_id\nabc".utf8) + [0xE9] + Array(",x\n".utf8)))
        #expect(text.contains("line 2, byte 4 is not UTF-8 (0xE9, 'é' in Latin-1), at byte 24 of the file"), "\(text)")
        #expect(text.contains("iconv -f WINDOWS-1252 -t UTF-8"), "\(text)")
    }

    @Test(arguments: [([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "a ZIP archive or a spreadsheet (.xlsx, .ods)"),
                      (Array("SQLite format 3".utf8) + [0], "a SQLite database"),
                      ([0x01, 0x02, 0x00, 0x41], "it looks binary (a zero byte at offset 3)"),
                      ([0xFF, 0xFE, 0x69, 0x00], "it is UTF-16 text")])
    func aBinaryFileIsNamedForWhatItIs(bytes: [UInt8], expected: String) throws {
        let text = message(try importing(.lieux, bytes))
        #expect(text.contains(expected), "\(text)")
    }

    @Test func aTruncatedJSONSaysItIsCutShortAndWhere() throws {
        let json = "[\n  {\"id\": \"a\", \"nom\": \"A\", \"date_maj\": \"2024-01-01\"},\n  {\"id\": \"b\", \"nom\": \"B"
        let text = message(try importing(.lieux, Array(json.utf8), name: "lieux.json"))
        #expect(text.contains("Cannot read lieux.json: the JSON is cut short: it ends at line 3, column 24 (byte \(json.utf8.count + 1)), inside a string, where a closing '\"' was expected"), "\(text)")
        #expect(!text.contains("DecodingError") && !text.contains("dataCorrupted"))
    }

    @Test func malformedJSONSaysWhatWasFoundAndExpected() throws {
        let json = "[{\"id\": \"a\",\n  \"nom\" \"A\"}]"
        let text = message(try importing(.lieux, Array(json.utf8), name: "lieux.json"))
        #expect(text.contains("the JSON is malformed at line 2, column 9 (byte 22), inside an object: found '\"' where ':' after the field name was expected"), "\(text)")
    }

    @Test func aLineWithAnotherDelimiterIsReportedAsSuchAndNothingElse() throws {
        let good = Fixtures.lieuRow(Fixtures.lieu("a"))
        let bad = Fixtures.lieuRow(Fixtures.lieu("b")).replacingOccurrences(of: ",", with: ";")
        let store = try Fixtures.storeWithCommunes()
        var report: ImportReport?
        do { _ = try store.importData(.lieux, name: "l.csv", data: Data((Fixtures.lieuxHeader + "\n" + good + bad).utf8)) }
        catch MaillageError.importFailed(let failed) { report = failed }
        let errors = try #require(report?.errors)
        #expect(errors.count == 1 && errors[0].line == 3, "\(errors)")
        #expect(errors[0].message.contains("the row has 1 field where the header has \(LieuColumn.allCases.count) (the file's delimiter is ','; this line seems to use ';')"), "\(errors)")
    }

    @Test func aStrayQuoteIsReportedWhereItOpensWithItsColumn() throws {
        let csv = "id,nom,date_maj\na,Un,2024-01-01\nb,\"Deux,2024-01-01\nc,\"Trois\",2024-01-01\nd,Quatre,2024-01-01\n"
        let text = message(try importing(.lieux, Array(csv.utf8)))
        #expect(text.contains("Cannot read f.csv: line 3: a quote opened at character 3 (field 2, column 'nom') is never closed"), "\(text)")
        #expect(!text.contains("required"))
    }
}
