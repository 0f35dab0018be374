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

    private static let text = "\u{FEFF}id;nom;note\r\n1;Un;\"deux\nlignes\"\r\n\r\n2;\"Deux ; \"\"quoted\"\"\";x\r3;Trois;é\n4;Quatre;\"\n\n\"\n5;Cinq;fin"

    @Test(arguments: [1, 2, 3, 5, 8, 13, 64, 4_096])
    func recordsAndLinesAreThoseOfTheWholeFile(chunkSize: Int) throws {
        let path = try Self.file(Self.text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = try CSVReader(data: Data(Self.text.utf8), delimiter: UInt8(ascii: ";")).records()
        var chunked = try CSVFileRecords(path: path, lookahead: 2, chunkSize: chunkSize)
        #expect(chunked.delimiter == UInt8(ascii: ";"))
        #expect(chunked.header == whole[0].fields)
        var records = chunked.lookahead
        try chunked.forEachRecord { records.append($0) }
        #expect(records.map(\.fields) == whole.dropFirst().map(\.fields))
        #expect(records.map(\.line) == whole.dropFirst().map(\.line))
    }

    @Test func errorsNameTheirLineInTheWholeFile() throws {
        var lines = (1...50).map { "\($0),row" }
        lines.insert("id,nom", at: 0)
        let path = try Self.file(lines.joined(separator: "\n") + "\n41,\"never closed\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var records = try CSVFileRecords(path: path, chunkSize: 16)
        #expect(throws: MaillageError.unreadableFile(path: path, reason: "line 52: a quote opened at character 4 (field 2, column 'nom') is never closed; expected a closing \" at the end of that value. A quote inside a value must be doubled (\"\"); if the line was cut, restore its end")) {
            try records.forEachRecord { _ in }
        }
    }
}
