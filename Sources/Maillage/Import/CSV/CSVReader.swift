import Foundation

/// One record of a CSV file: its fields and the line it starts on.
public struct CSVRecord: Sendable {
    /// 1-based line number of the record's first line in the file.
    public var line: Int
    public var fields: [String]
}

/// A streaming RFC 4180 reader over UTF-8 bytes.
///
/// It accepts a byte-order mark, `\n`, `\r\n` or `\r` line ends, quoted fields with doubled quotes
/// and embedded line breaks, and skips blank lines. It rejects what would silently corrupt data:
/// bytes that are not UTF-8, and a quote that is never closed (at the end of the file, or a quoted
/// value that runs over a line end and then into more text, which is how a stray quote swallows
/// the lines after it).
/// It works on bytes rather than `Character`s, which makes it several times faster than
/// grapheme-based parsers on the national files (see Benchmarks/).
public struct CSVReader: Sendable {
    public let delimiter: UInt8
    private let bytes: [UInt8]

    /// Where reading has got to: the next byte and its line. Records are read one at a time from it.
    public struct Position: Sendable {
        fileprivate var index = 0
        fileprivate var line = 1
        /// The start of the data.
        public init() {}
        fileprivate init(index: Int, line: Int) {
            self.index = index
            self.line = line
        }
    }

    /// Reads `data`, which must be UTF-8 (a leading byte-order mark is dropped).
    public init(data: Data, delimiter: UInt8 = UInt8(ascii: ",")) throws(CSVError) {
        var bytes = [UInt8](data)
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if bom { bytes.removeFirst(3) }
        if let bad = UTF8Validation.firstInvalidByte(in: bytes) {
            throw .notUTF8(line: bad.line, column: bad.column, offset: bad.offset + (bom ? 3 : 0))
        }
        self.bytes = bytes
        self.delimiter = delimiter
    }

    /// Guesses the delimiter from the first line: `;`, `,` or tab, whichever occurs most outside quotes
    /// (`,` when none does).
    public static func sniffDelimiter(_ data: Data) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var inQuotes = false
        for byte in data.prefix(64 * 1024) {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        guard let most = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), most.value > 0 else { return UInt8(ascii: ",") }
        return most.key
    }

    /// Parses every record, calling `body` for each one in order.
    ///
    /// - Complexity: O(n) in the file's size.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        var position = Position()
        while let record = try nextRecord(&position) { try body(record) }
    }

    /// All records, in order.
    public func records() throws -> [CSVRecord] {
        var result: [CSVRecord] = []
        try forEachRecord { result.append($0) }
        return result
    }

    /// The record at `position` (blank lines skipped), moving `position` past it; nil at the end.
    ///
    /// - Complexity: O(length of the record).
    public func nextRecord(_ position: inout Position) throws(CSVError) -> CSVRecord? {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let count = bytes.count
        var index = position.index, line = position.line
        defer { position = Position(index: index, line: line) }
        return try bytes.withUnsafeBufferPointer { buffer throws(CSVError) -> CSVRecord? in
            var fields: [String] = []
            var field: [UInt8] = []
            while index < count {
                let recordLine = line
                fields.removeAll(keepingCapacity: true)
                var atRecordEnd = false
                var recordIsBlank = true
                while !atRecordEnd {
                    // One field.
                    field.removeAll(keepingCapacity: true)
                    if index < count, buffer[index] == quote {
                        recordIsBlank = false
                        let opening = index, openedOn = line
                        index += 1
                        var closed = false
                        while index < count {
                            let byte = buffer[index]
                            if byte == quote {
                                if index + 1 < count, buffer[index + 1] == quote {
                                    field.append(quote); index += 2
                                } else {
                                    index += 1; closed = true; break
                                }
                            } else {
                                if byte == lf || (byte == cr && (index + 1 >= count || buffer[index + 1] != lf)) { line += 1 }
                                field.append(byte); index += 1
                            }
                        }
                        let spansLines = line > openedOn
                        let textFollows = index < count && buffer[index] != delimiter && buffer[index] != lf && buffer[index] != cr
                        // A quote closed only after a line end and followed by more text is a stray
                        // quote that swallowed the lines after it: it was never closed where it should be.
                        if !closed || (spansLines && textFollows) {
                            throw .unterminatedQuote(line: openedOn, field: fields.count + 1,
                                                     character: Self.characterColumn(of: opening, in: buffer))
                        }
                        // Text after the closing quote up to the delimiter is kept, as most readers do.
                        while index < count, buffer[index] != delimiter, buffer[index] != lf, buffer[index] != cr {
                            field.append(buffer[index]); index += 1
                        }
                    } else {
                        let start = index
                        while index < count {
                            let byte = buffer[index]
                            if byte == delimiter || byte == lf || byte == cr { break }
                            index += 1
                        }
                        if index > start { recordIsBlank = false }
                        field.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index]))
                    }
                    fields.append(String(decoding: field, as: UTF8.self))
                    if index >= count {
                        atRecordEnd = true
                    } else if buffer[index] == delimiter {
                        recordIsBlank = false
                        index += 1
                    } else {
                        // A line end: \r\n, \n or \r.
                        if buffer[index] == cr, index + 1 < count, buffer[index + 1] == lf { index += 1 }
                        index += 1
                        line += 1
                        atRecordEnd = true
                    }
                }
                if !recordIsBlank { return CSVRecord(line: recordLine, fields: fields) }
            }
            return nil
        }
    }

    /// The 1-based position, in characters, of the byte at `index` on its line.
    private static func characterColumn(of index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var start = index
        while start > 0, buffer[start - 1] != UInt8(ascii: "\n"), buffer[start - 1] != UInt8(ascii: "\r") { start -= 1 }
        // Continuation bytes (10xxxxxx) do not start a character.
        return buffer[start..<index].filter { $0 & 0xC0 != 0x80 }.count + 1
    }
}

/// What makes a file unreadable as CSV.
public enum CSVError: Error, Equatable, Sendable {
    /// The first byte that is not UTF-8: its line, its byte on that line and its offset in the file (1-based).
    case notUTF8(line: Int, column: Int, offset: Int)
    /// A quote opened on `line`, in its `field`-th field at its `character`-th character, is never closed.
    case unterminatedQuote(line: Int, field: Int, character: Int)
}
