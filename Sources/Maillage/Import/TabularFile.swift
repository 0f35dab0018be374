import Foundation

/// A delimited text file read whole: its header and its records, with the file's name for messages.
package struct TabularFile: Sendable {
    package let name: String
    package let delimiter: UInt8
    package let header: [String]
    package let records: [CSVRecord]
    /// Whether record numbers count JSON records rather than text lines.
    package let recordsAreNumbered: Bool

    /// A file already split into fields (JSON records laid out as rows, a CSV file read in pieces
    /// by ``CSVFileRecords``, or tests).
    package init(name: String, header: [String], records: [CSVRecord], recordsAreNumbered: Bool, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.name = name
        self.delimiter = delimiter
        self.header = header
        self.records = records
        self.recordsAreNumbered = recordsAreNumbered
    }

    /// Reads and parses `data`; `delimiter` is sniffed from the header when not given.
    ///
    /// The header is read first and checked against `required`: a file that lacks a required
    /// column is refused before any row is read (one error, not one per row).
    package init(name: String, data: Data, delimiter: UInt8? = nil, required: RequiredColumns) throws(MaillageError) {
        self.name = name
        let delimiter = delimiter ?? CSVReader.sniffDelimiter(data)
        self.delimiter = delimiter
        recordsAreNumbered = false
        let reader: CSVReader
        do { reader = try CSVReader(data: data, delimiter: delimiter) } catch { throw Self.failure(error, name: name, header: [], data: data) }
        var position = CSVReader.Position()
        let first: CSVRecord?
        do { first = try reader.nextRecord(&position) } catch { throw Self.failure(error, name: name, header: [], data: data) }
        guard let first else { throw .unreadableFile(path: name, reason: InputFile.emptyReason(byteCount: data.count)) }
        let header = first.fields.map(\.trimmed)
        try Self.check(header, against: required, name: name, delimiter: delimiter)
        var records: [CSVRecord] = []
        do {
            while let record = try reader.nextRecord(&position) { records.append(record) }
        } catch {
            throw Self.failure(error, name: name, header: header, data: data)
        }
        self.header = header
        self.records = records
    }

    /// The position of the first header cell named `name` (compared as ``LabelMatcher/key(_:)``).
    package func column(_ name: String) -> Int? {
        let key = LabelMatcher.key(name)
        return header.firstIndex { LabelMatcher.key($0) == key }
    }

    /// The positions of the required columns, in their order; throws naming every missing one.
    package func positions(of required: RequiredColumns) throws(MaillageError) -> [Int] {
        try Self.check(header, against: required, name: name, delimiter: recordsAreNumbered ? nil : delimiter)
        return required.names.compactMap(column)
    }

    /// Throws ``MaillageError/missingColumns(path:kind:missing:found:delimiter:)`` unless `header` has every required column.
    static func check(_ header: [String], against required: RequiredColumns, name: String, delimiter: UInt8?) throws(MaillageError) {
        let missing = required.missing(from: header)
        guard missing.isEmpty else {
            throw .missingColumns(path: name, kind: required.kind, missing: missing, found: header,
                                  delimiter: delimiter.map { String(UnicodeScalar($0)) })
        }
    }

    /// The message for a file the CSV reader cannot read, naming the column of an unclosed quote.
    ///
    /// When `data` is a piece of the file that starts on a line of its own (``CSVFileRecords``),
    /// `linesBefore` and `bytesBefore` are the lines and bytes of the file before it, so that the
    /// message names the line and offset in the whole file.
    static func failure(_ error: CSVError, name: String, header: [String], data: Data,
                        linesBefore: Int = 0, bytesBefore: Int = 0) -> MaillageError {
        switch error {
        case .notUTF8(let line, let column, let offset):
            return .unreadableFile(path: name, reason: InputFile.notUTF8Reason(name: name, line: line + linesBefore, column: column,
                                                                                offset: offset + bytesBefore,
                                                                                byte: offset <= data.count ? data[data.startIndex + offset - 1] : nil))
        case .unterminatedQuote(let line, let field, let character):
            let columnName = field <= header.count ? ", column '\(header[field - 1])'" : ""
            return .unreadableFile(path: name, reason: "line \(line + linesBefore): a quote opened at character \(character) (field \(field)\(columnName)) is never closed; expected a closing \" at the end of that value. A quote inside a value must be doubled (\"\"); if the line was cut, restore its end")
        }
    }
}

/// One record with its file, for reading fields and reporting issues about them.
package struct RowReader {
    package let file: TabularFile
    package let record: CSVRecord
    package var issues: [ImportIssue] = []
    /// Systematic repairs made on this row, counted in the report by name.
    package var corrections: [String] = []

    package init(file: TabularFile, record: CSVRecord) {
        self.file = file
        self.record = record
    }

    package var line: Int { record.line }

    /// The trimmed value at `position`, or nil when absent or blank.
    package func value(at position: Int?) -> String? {
        guard let position, position < record.fields.count else { return nil }
        let value = record.fields[position].trimmed
        return value.isEmpty ? nil : value
    }

    package mutating func error(_ position: Int?, _ value: String?, _ message: String) {
        issues.append(issue(.error, position, value, message))
    }

    package mutating func warning(_ position: Int?, _ value: String?, _ message: String) {
        issues.append(issue(.warning, position, value, message))
    }

    package var hasErrors: Bool { issues.contains { $0.severity == .error } }

    /// Adds this row's issues and corrections to `report`; true when the row can be taken.
    package func finish(into report: inout ImportReport) -> Bool {
        for issue in issues {
            if issue.severity == .error { report.errors.append(issue) } else { report.warnings.append(issue) }
        }
        if hasErrors {
            report.rowsRejected += 1
            return false
        }
        for correction in corrections { report.correct(correction) }
        return true
    }

    /// Checks the record's width against the header; false (with an error) when its fields do not
    /// line up with the header's columns, so that reading them would only report consequences.
    ///
    /// Missing trailing fields read as empty (a warning); extra non-empty fields (a delimiter
    /// inside an unquoted value) and a line written with another delimiter are errors.
    package mutating func checkWidth() -> Bool {
        let width = record.fields.count, expected = file.header.count
        guard width != expected else { return true }
        let delimiter = Character(UnicodeScalar(file.delimiter))
        if let other = misusedDelimiter(besides: delimiter) {
            error(nil, nil, "the row has \(width) field\(width == 1 ? "" : "s") where the header has \(expected) (the file's delimiter is '\(Self.shown(delimiter))'; this line seems to use '\(Self.shown(other))'); expected one value per column, separated by '\(Self.shown(delimiter))'")
            return false
        }
        if width < expected {
            warning(nil, nil, "the row has \(width) field(s) where the header has \(expected); the missing ones are read as empty (truncated line?)")
        } else if record.fields[expected...].contains(where: { !$0.trimmed.isEmpty }) {
            error(nil, nil, "the row has \(width) fields where the header has \(expected); expected one value per column (an unquoted '\(Self.shown(delimiter))' inside a value? Quote that value)")
            return false
        }
        return true
    }

    /// Another usual delimiter that, counted in this short row, makes up the header's width.
    private func misusedDelimiter(besides delimiter: Character) -> Character? {
        let width = record.fields.count, expected = file.header.count
        guard width < expected else { return nil }
        return [",", ";", "\t"].first { (other: Character) in
            guard other != delimiter else { return false }
            let count = record.fields.reduce(0) { $0 + $1.filter { $0 == other }.count }
            return count > 0 && (width + count == expected || width == 1)
        }
    }

    private static func shown(_ delimiter: Character) -> String { delimiter == "\t" ? "\\t" : String(delimiter) }

    private func issue(_ severity: ImportIssue.Severity, _ position: Int?, _ value: String?, _ message: String) -> ImportIssue {
        ImportIssue(severity: severity, file: file.name, line: record.line,
                    column: position.map { $0 < file.header.count ? file.header[$0] : "#\($0 + 1)" },
                    columnNumber: file.recordsAreNumbered ? nil : position.map { $0 + 1 }, value: value, message: message,
                    isRecordNumber: file.recordsAreNumbered)
    }
}
