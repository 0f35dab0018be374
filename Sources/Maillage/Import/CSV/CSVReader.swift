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
/// bytes that are not UTF-8 and a quoted field left open at the end of the file.
/// It works on bytes rather than `Character`s, which makes it several times faster than
/// grapheme-based parsers on the national files (see Benchmarks/).
public struct CSVReader: Sendable {
    public let delimiter: UInt8
    private let bytes: [UInt8]

    /// Reads `data`, which must be UTF-8 (a leading byte-order mark is dropped).
    public init(data: Data, delimiter: UInt8 = UInt8(ascii: ",")) throws(CSVError) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = UTF8Validation.firstInvalidByte(in: bytes) {
            throw .notUTF8(line: bad.line, column: bad.column)
        }
        self.bytes = bytes
        self.delimiter = delimiter
    }

    /// Guesses the delimiter from the first line: `;`, `,` or tab, whichever occurs most outside quotes.
    public static func sniffDelimiter(_ data: Data) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var inQuotes = false
        for byte in data.prefix(64 * 1024) {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? UInt8(ascii: ",")
    }

    /// Parses every record, calling `body` for each one in order.
    ///
    /// - Complexity: O(n) in the file's size.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let count = bytes.count
        var index = 0
        var line = 1
        var fields: [String] = []
        fields.reserveCapacity(32)
        var field: [UInt8] = []
        field.reserveCapacity(256)

        try bytes.withUnsafeBufferPointer { buffer in
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
                        let openedOn = line
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
                        if !closed { throw CSVError.unterminatedQuote(line: openedOn, column: fields.count + 1) }
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
                if !recordIsBlank {
                    try body(CSVRecord(line: recordLine, fields: fields))
                }
            }
        }
    }

    /// All records, in order.
    public func records() throws -> [CSVRecord] {
        var result: [CSVRecord] = []
        try forEachRecord { result.append($0) }
        return result
    }
}

/// What makes a file unreadable as CSV.
public enum CSVError: Error, Equatable, Sendable {
    case notUTF8(line: Int, column: Int)
    case unterminatedQuote(line: Int, column: Int)
}
