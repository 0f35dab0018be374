import Foundation
import Testing
@testable import Maillage

/// A CSV file read a chunk at a time gives the records, line numbers and errors of the whole file
/// read at once, wherever the chunks are cut.
@Suite struct CSVFileRecordsTests {
    private static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-chunks-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// No column required (the header check has its own tests).
    private static let any = RequiredColumns(kind: "test", names: [])

    private static let text = "\u{FEFF}id;nom;note\r\n1;Un;\"deux\nlignes\"\r\n\r\n2;\"Deux ; \"\"quoted\"\"\";x\r3;Trois;é\n4;Quatre;\"\n\n\"\n5;Cinq;fin"

    @Test(arguments: [1, 2, 3, 5, 8, 13, 64, 4_096])
    func recordsAndLinesAreThoseOfTheWholeFile(chunkSize: Int) throws {
        let path = try Self.file(Self.text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = try CSVReader(data: Data(Self.text.utf8), delimiter: UInt8(ascii: ";")).records()
        var chunked = try CSVFileRecords(path: path, required: Self.any, lookahead: 2, chunkSize: chunkSize)
        #expect(chunked.delimiter == UInt8(ascii: ";"))
        #expect(chunked.header == whole[0].fields)
        var records = chunked.lookahead
        try chunked.forEachRecord { records.append($0) }
        #expect(records.map(\.fields) == whole.dropFirst().map(\.fields))
        #expect(records.map(\.line) == whole.dropFirst().map(\.line))
    }

    /// A file with old-Mac line ends (a lone \r) is cut into pieces too, not read whole.
    @Test func loneCarriageReturnsEndPieces() throws {
        let text = "id;nom\r" + (1...200).map { "\($0);\"ligne\r\($0)\"" }.joined(separator: "\r") + "\r"
        let path = try Self.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = try CSVReader(data: Data(text.utf8), delimiter: UInt8(ascii: ";")).records()
        var chunked = try CSVFileRecords(path: path, required: Self.any, chunkSize: 64)
        var records: [CSVRecord] = []
        try chunked.forEachRecord { records.append($0) }
        #expect(records.map(\.fields) == whole.dropFirst().map(\.fields))
        #expect(records.map(\.line) == whole.dropFirst().map(\.line))
        #expect(chunked.piecesRead > 10)
    }

    /// Errors name the line, field and byte offset in the whole file, as when it is read whole.
    @Test(arguments: [16, 64, 4_096])
    func errorsAreThoseOfTheWholeFile(chunkSize: Int) throws {
        var lines = (1...50).map { "\($0),row" }
        lines.insert("id,nom", at: 0)
        let start = Data((lines.joined(separator: "\n") + "\n").utf8)
        for data in [start + Data("41,\"never closed\n".utf8), start + Data([0x34, 0x32, 0x2C, 0xE9, 0x0A])] {
            let path = try Self.file("")
            defer { try? FileManager.default.removeItem(atPath: path) }
            try data.write(to: URL(fileURLWithPath: path))
            let whole = #expect(throws: MaillageError.self) { try TabularFile(name: path, data: data, required: Self.any) }
            let chunked = #expect(throws: MaillageError.self) {
                var records = try CSVFileRecords(path: path, required: Self.any, chunkSize: chunkSize)
                try records.forEachRecord { _ in }
            }
            #expect(chunked == whole && whole != nil)
        }
    }

    @Test func aHeaderWithoutTheRequiredColumnsIsRefusedBeforeTheRows() throws {
        let path = try Self.file("identifiant,nom\n1,\"never closed\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let required = RequiredColumns(kind: "lieux", names: ["id", "nom"])
        #expect(throws: MaillageError.missingColumns(path: path, kind: "lieux", missing: ["id"], found: ["identifiant", "nom"], delimiter: ",")) {
            try CSVFileRecords(path: path, required: required, chunkSize: 8)
        }
    }
}
