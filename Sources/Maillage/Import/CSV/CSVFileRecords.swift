import Foundation

/// The records of a CSV file read a megabyte at a time, so that a large file is never held whole:
/// each piece, cut after a line end that lies outside quotes, is parsed by ``CSVReader`` and its
/// line numbers and byte offsets carried on from the pieces before.
///
/// It reads and refuses a file as ``TabularFile/init(name:data:delimiter:required:)`` does, with the
/// same messages: an empty file, a header that lacks a required column (refused before any row is
/// read), a byte that is not UTF-8, a quote never closed.
package struct CSVFileRecords {
    package let path: String
    package let delimiter: UInt8
    /// The header, as read (cells trimmed).
    package let header: [String]
    /// The records read ahead of ``forEachRecord(_:)`` (to tell a layout from the first rows).
    package private(set) var lookahead: [CSVRecord] = []
    private var pieces: Pieces

    /// Opens the file, reads its header, checks it against `required` and reads the first
    /// `lookahead` records; `delimiter` is sniffed from the header when not given.
    package init(path: String, delimiter: UInt8? = nil, required: RequiredColumns, lookahead count: Int = 0,
                 chunkSize: Int = 1 << 20) throws(MaillageError) {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadableFile(path: path, reason: "it cannot be opened; check that it is a readable file")
        }
        pieces = Pieces(handle: handle, path: path, chunkSize: chunkSize)
        let delimiter = if let delimiter { delimiter } else { CSVReader.sniffDelimiter(try pieces.peek()) }
        self.delimiter = delimiter
        guard let first = try pieces.nextRecord(delimiter: delimiter, header: []) else {
            throw .unreadableFile(path: path, reason: InputFile.emptyReason(byteCount: pieces.bytesRead))
        }
        header = first.fields.map(\.trimmed)
        do {
            try TabularFile.check(header, against: required, name: path, delimiter: delimiter)
        } catch {
            // Read whole, a file is refused for a byte that is not UTF-8 before its header is looked at.
            try pieces.checkEncodingOfTheRest(delimiter: delimiter)
            throw error
        }
        while lookahead.count < count, let record = try pieces.nextRecord(delimiter: delimiter, header: header) {
            lookahead.append(record)
        }
    }

    /// The header and the look-ahead records as a table, for what reads rows by the header's columns.
    package var table: TabularFile {
        TabularFile(name: path, header: header, records: lookahead, recordsAreNumbered: false, delimiter: delimiter)
    }

    /// How many pieces the file has been cut into so far.
    package var piecesRead: Int { pieces.count }

    /// Calls `body` with each record after the look-ahead ones, in file order.
    package mutating func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        while let record = try pieces.nextRecord(delimiter: delimiter, header: header) { try body(record) }
    }

    /// The file cut into pieces that end at a record's end, and the records of the piece being read.
    private struct Pieces {
        let handle: FileHandle
        let path: String
        let chunkSize: Int
        /// Bytes read but not yet parsed: the start of a record cut by the chunk's end.
        var pending = Data()
        var atEnd = false
        /// Bytes read from the file so far.
        var bytesRead = 0
        /// The piece whose records are being read, its reader and where reading has got to in it.
        var piece = Data()
        var reader: CSVReader?
        var position = CSVReader.Position()
        /// Pieces taken so far.
        var count = 0
        /// Lines and bytes of the file before `piece`.
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
                throw .unreadableFile(path: path, reason: "the system could not read it (\((error as NSError).localizedDescription)); check that it is a regular file")
            }
            if let chunk, !chunk.isEmpty {
                pending.append(chunk)
                bytesRead += chunk.count
            } else {
                atEnd = true
                try? handle.close()
            }
        }

        /// The next record of the file (blank lines skipped), or nil at its end; errors name the
        /// line, column and offset in the whole file.
        mutating func nextRecord(delimiter: UInt8, header: [String]) throws(MaillageError) -> CSVRecord? {
            while true {
                if let reader {
                    let record: CSVRecord?
                    do { record = try reader.nextRecord(&position) } catch {
                        throw TabularFile.failure(error, name: path, header: header, data: piece, linesBefore: linesBefore, bytesBefore: bytesBefore)
                    }
                    if var record {
                        record.line += linesBefore
                        return record
                    }
                    linesBefore += Self.lineEnds(in: piece)
                    bytesBefore += piece.count
                    self.reader = nil
                }
                guard try nextPiece(delimiter: delimiter) else { return nil }
                do { reader = try CSVReader(data: piece, delimiter: delimiter) } catch {
                    throw TabularFile.failure(error, name: path, header: header, data: piece, linesBefore: linesBefore, bytesBefore: bytesBefore)
                }
                position = CSVReader.Position()
            }
        }

        /// Throws for the first byte that is not UTF-8 in the pieces not yet read (without reading their records).
        mutating func checkEncodingOfTheRest(delimiter: UInt8) throws(MaillageError) {
            if reader != nil {
                linesBefore += Self.lineEnds(in: piece)
                bytesBefore += piece.count
                reader = nil
            }
            while try nextPiece(delimiter: delimiter) {
                do { _ = try CSVReader(data: piece, delimiter: delimiter) } catch {
                    guard case .notUTF8 = error else { return }
                    throw TabularFile.failure(error, name: path, header: [], data: piece, linesBefore: linesBefore, bytesBefore: bytesBefore)
                }
                linesBefore += Self.lineEnds(in: piece)
                bytesBefore += piece.count
            }
        }

        /// Takes the next piece into `piece`: a chunk or more of the file that ends at a record's
        /// end (or the file's end); false at the end of the file.
        private mutating func nextPiece(delimiter: UInt8) throws(MaillageError) -> Bool {
            var cut: Int
            while true {
                if pending.count >= chunkSize, let end = Self.lastRecordEnd(in: pending, delimiter: delimiter) {
                    cut = end
                    break
                }
                if atEnd {
                    guard !pending.isEmpty else { return false }
                    cut = pending.count
                    break
                }
                try fill()
            }
            piece = pending.prefix(cut)
            pending = Data(pending.dropFirst(cut))
            count += 1
            return true
        }

        /// The offset just after the last line end that ends a record, if any. Quotes are read as
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
                    } else if byte == cr {
                        // A lone \r ends a record too (old Mac files); before \n, the \n does.
                        guard offset + 1 < buffer.count else { break }
                        atFieldStart = true
                        if buffer[offset + 1] != lf { end = offset + 1 }
                    } else if byte == delimiter {
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
