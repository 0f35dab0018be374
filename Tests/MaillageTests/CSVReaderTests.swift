import Foundation
import Testing
@testable import Maillage

@Suite struct CSVReaderTests {
    private func records(_ text: String, delimiter: Character = ",") throws -> [CSVRecord] {
        try CSVReader(data: Data(text.utf8), delimiter: UInt8(ascii: delimiter.unicodeScalars.first ?? ",")).records()
    }

    @Test func readsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() throws {
        let rows = try records("a,b,c\n\"x, y\",\"he said \"\"hi\"\"\",\"two\nlines\"\nlast,,\n")
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["x, y", "he said \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(rows.map(\.line) == [1, 2, 4])
    }

    @Test func dropsByteOrderMarkAndAcceptsEveryLineEnd() throws {
        let rows = try CSVReader(data: Data([0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,2\r3,4\n5,6".utf8))).records()
        #expect(rows.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(rows.map(\.line) == [1, 2, 3, 4])
    }

    @Test func skipsBlankLinesButCountsThem() throws {
        let rows = try records("a\n\n\nb\n\n")
        #expect(rows.map(\.fields) == [["a"], ["b"]])
        #expect(rows.map(\.line) == [1, 4])
    }

    @Test func reportsAnUnterminatedQuoteWhereItOpens() throws {
        #expect(throws: CSVError.unterminatedQuote(line: 3, field: 2, character: 3)) {
            try records("a,b\n1,2\n3,\"truncated\n")
        }
    }

    @Test func aStrayQuoteThatSwallowsTheNextLinesIsReportedWhereItOpens() throws {
        // Line 3's quote is never closed: the reader would otherwise take line 4's quote as its end.
        #expect(throws: CSVError.unterminatedQuote(line: 3, field: 2, character: 3)) {
            try records("id,nom,ville\n1,Un,Privas\n2,\"Deux,Privas\n3,\"Trois\",Aubenas\n")
        }
        // A quoted value over two lines, closed before the delimiter, is still read.
        #expect(try records("a,b\n\"x\ny\",z\n").map(\.fields) == [["a", "b"], ["x\ny", "z"]])
    }

    @Test func reportsTheFirstByteThatIsNotUTF8() throws {
        // "é" in Latin-1 on the second line, fourth byte.
        let data = Data(Array("a,b\nabc".utf8) + [0xE9] + Array(",x\n".utf8))
        #expect(throws: CSVError.notUTF8(line: 2, column: 4, offset: 8)) { try CSVReader(data: data).records() }
    }

    @Test(arguments: [("a;b;c\n1;2;3", ";"), ("a,b,c\n1,2,3", ","), ("a\tb\n1\t2", "\t"), ("\"x;y\",b,c\n", ","), ("one line of text\n", ",")])
    func sniffsTheDelimiterFromTheHeader(text: String, expected: Character) {
        #expect(CSVReader.sniffDelimiter(Data(text.utf8)) == UInt8(ascii: expected.unicodeScalars.first ?? ","))
    }

    @Test func writerAndReaderRoundTrip() throws {
        let fields = ["plain", "with, comma", "with \"quote\"", "multi\nline", " padded ", "", "é|ü"]
        var writer = CSVWriter()
        writer.writeRow(fields)
        #expect(try records(writer.text).first?.fields == fields)
    }
}
