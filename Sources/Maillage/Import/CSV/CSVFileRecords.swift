import Foundation

/// The records of a CSV file read a few megabytes at a time, so that a large file is never held
/// whole: each piece, cut after a line end that lies outside quotes, is parsed by ``CSVReader``
/// and its line numbers carried on from the pieces before.
package struct CSVFileRecords {
    package let path: String
    package let delimiter: UInt8
    /// The header, as read (cells trimmed).
    package let header: [String]
    /// The records read with the header, ahead of ``forEachRecord(_:)``: at least the `lookahead`
    /// asked for (to tell a layout from the first rows), and the rest of the pieces they came in.
    package private(set) var lookahead: [CSVRecord] = []
    private var pieces: Pieces

    /// Opens the file and reads its header (checked against `required`, when given) and the first
    /// `lookahead` records; `delimiter` is sniffed from the header when not given.
    package init(path: String, delimiter: UInt8? = nil, lookahead count: Int = 0, required: RequiredColumns? = nil,
                 chunkSize: Int = 1 << 20) throws(MaillageError) {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadableFile(path: path, reason: "it does not exist or cannot be opened; expected a readable file")
        }
        pieces = Pieces(handle: handle, path: path, chunkSize: chunkSize)
        let first = try pieces.peek()
        try InputFile.checkText(first, name: path)
        self.delimiter = delimiter ?? CSVReader.sniffDelimiter(first)
        var header: [String]?
        var ahead: [CSVRecord] = []
        while header == nil || ahead.count < count, let records = try pieces.next(delimiter: self.delimiter, header: header ?? []) {
            for record in records {
                if header == nil {
                    header = record.fields.map(\.trimmed)
                    if let required, let header { try TabularFile.check(header, against: required, name: path, delimiter: self.delimiter) }
                } else {
                    ahead.append(record)
                }
            }
        }
        guard let header else { throw .unreadableFile(path: path, reason: InputFile.emptyReason(byteCount: pieces.bytesBefore)) }
        self.header = header
        lookahead = ahead
    }

    /// Calls `body` with each record after the look-ahead ones (the rest of the pieces the header
    /// and look-ahead were read from), in file order.
    package mutating func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        while let records = try pieces.next(delimiter: delimiter, header: header) {
            for record in records { try body(record) }
        }
    }

    /// The file cut into pieces that end at a record's end.
    private struct Pieces {
        let handle: FileHandle
        let path: String
        let chunkSize: Int
        /// Bytes read but not yet parsed: the start of a record cut by the chunk's end.
        var pending = Data()
        var atEnd = false
        /// Lines and bytes before `pending`.
        var linesBefore = 0
        var bytesBefore = 0

        /// The first line of the file (or more), left to be read again.
        mutating func peek() throws(MaillageError) -> Data {
            repeat { try fill() } while !atEnd && !pending.contains(UInt8(ascii: "\n")) && !pending.contains(UInt8(ascii: "\r"))
            return pending
        }

        private mutating func fill() throws(MaillageError) {
            guard !atEnd else { return }
            let chunk: Data?
            do { chunk = try handle.read(upToCount: chunkSize) } catch {
                throw .unreadableFile(path: path, reason: (error as NSError).localizedDescription)
            }
            if let chunk, !chunk.isEmpty { pending.append(chunk) } else {
                atEnd = true
                try? handle.close()
            }
        }

        /// The records of the next piece, or nil at the end of the file.
        mutating func next(delimiter: UInt8, header: [String]) throws(MaillageError) -> [CSVRecord]? {
            // Read on until the pending bytes hold a whole chunk that ends at a record's end, or the file ends.
            var cut: Int
            while true {
                if pending.count >= chunkSize, let end = Self.lastRecordEnd(in: pending, delimiter: delimiter) {
                    cut = end
                    break
                }
                if atEnd {
                    guard !pending.isEmpty else { return nil }
                    cut = pending.count
                    break
                }
                try fill()
            }
            let piece = pending.prefix(cut)
            pending = Data(pending.dropFirst(cut))
            var records: [CSVRecord]
            do {
                records = try CSVReader(data: piece, delimiter: delimiter).records()
            } catch let error as CSVError {
                // In the first piece the header is not known yet: its first line is.
                var position = CSVReader.Position()
                let named = header.isEmpty ? ((try? CSVReader(data: piece, delimiter: delimiter).nextRecord(&position)) ?? nil)?.fields.map(\.trimmed) ?? [] : header
                throw TabularFile.failure(error, name: path, header: named, data: piece, linesBefore: linesBefore, bytesBefore: bytesBefore)
            } catch {
                throw .unreadableFile(path: path, reason: String(describing: error))
            }
            for index in records.indices { records[index].line += linesBefore }
            linesBefore += Self.lineEnds(in: piece)
            bytesBefore += piece.count
            return records
        }

        /// The offset just after the last line feed that ends a record, if any. Quotes are read as
        /// ``CSVReader`` reads them: a quote opens a quoted field only at the start of a field, and
        /// a doubled quote inside one stands for a quote.
        static func lastRecordEnd(in bytes: Data, delimiter: UInt8) -> Int? {
            bytes.withUnsafeBytes { buffer in
                let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
                var inQuotes = false, atFieldStart = true
                var end: Int?
                var offset = 0
                while offset < buffer.count {
                    let byte = buffer[offset]
                    if inQuotes {
                        if byte == quote {
                            // A quote as the last byte read: doubled or closing, the next chunk will tell.
                            guard offset + 1 < buffer.count else { break }
                            if buffer[offset + 1] == quote { offset += 1 } else { inQuotes = false }
                        }
                    } else if byte == quote, atFieldStart {
                        inQuotes = true
                        atFieldStart = false
                    } else if byte == delimiter || byte == cr {
                        atFieldStart = true
                    } else if byte == lf {
                        atFieldStart = true
                        end = offset + 1
                    } else {
                        atFieldStart = false
                    }
                    offset += 1
                }
                return end
            }
        }

        /// Line ends as ``CSVReader`` counts them: `\n`, `\r\n` or a lone `\r`.
        static func lineEnds(in bytes: Data) -> Int {
            bytes.withUnsafeBytes { buffer in
                var count = 0, previous: UInt8 = 0
                for byte in buffer {
                    if byte == UInt8(ascii: "\n") || previous == UInt8(ascii: "\r") { count += 1 }
                    previous = byte == UInt8(ascii: "\n") ? 0 : byte
                }
                return previous == UInt8(ascii: "\r") ? count + 1 : count
            }
        }
    }
}
