import Foundation

/// A delimited text file read whole: its header and its records, with the file's name for messages.
package struct TabularFile: Sendable {
    package let name: String
    package let delimiter: UInt8
    package let header: [String]
    package let records: [CSVRecord]
    /// Whether record numbers count JSON records rather than text lines.
    package let recordsAreNumbered: Bool

    /// A file already split into fields (JSON records laid out as rows, or tests).
    package init(name: String, header: [String], records: [CSVRecord], recordsAreNumbered: Bool) {
        self.name = name
        self.delimiter = UInt8(ascii: ",")
        self.header = header
        self.records = records
        self.recordsAreNumbered = recordsAreNumbered
    }

    /// Reads and parses `data`; `delimiter` is sniffed from the header when not given.
    package init(name: String, data: Data, delimiter: UInt8? = nil) throws(MaillageError) {
        self.name = name
        let delimiter = delimiter ?? CSVReader.sniffDelimiter(data)
        self.delimiter = delimiter
        var all: [CSVRecord]
        do {
            all = try CSVReader(data: data, delimiter: delimiter).records()
        } catch let error as CSVError {
            throw Self.unreadable(name, error)
        } catch {
            throw .unreadableFile(path: name, reason: String(describing: error))
        }
        guard !all.isEmpty else { throw .unreadableFile(path: name, reason: "the file is empty; expected a header line") }
        header = all.removeFirst().fields.map(\.trimmed)
        records = all
        recordsAreNumbered = false
    }

    /// What makes the file at `path` unreadable as CSV, its line numbers moved on by `linesBefore`
    /// (when the file is read in pieces).
    static func unreadable(_ path: String, _ error: CSVError, linesBefore: Int = 0) -> MaillageError {
        switch error {
        case .notUTF8(let line, let column):
            .unreadableFile(path: path, reason: "line \(line + linesBefore), byte \(column) is not UTF-8; expected a UTF-8 file (re-save it as UTF-8, e.g. `iconv -f latin1 -t utf-8`)")
        case .unterminatedQuote(let line, let column):
            .unreadableFile(path: path, reason: "line \(line + linesBefore), field \(column) opens a quote that is never closed; expected a closing \" (is the last line truncated?)")
        }
    }

    /// Reads the file at `path`.
    package static func read(path: String, delimiter: UInt8? = nil) throws(MaillageError) -> TabularFile {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadableFile(path: path, reason: (error as NSError).localizedDescription)
        }
        return try TabularFile(name: path, data: data, delimiter: delimiter)
    }

    /// The position of the first header cell named `name` (compared as ``LabelMatcher/key(_:)``).
    package func column(_ name: String) -> Int? {
        let key = LabelMatcher.key(name)
        return header.firstIndex { LabelMatcher.key($0) == key }
    }

    /// Throws unless every named column is present.
    package func require(_ names: [String], kind: String) throws(MaillageError) -> [Int] {
        var positions: [Int] = []
        for name in names {
            guard let position = column(name) else {
                throw .unknownImportFormat(path: self.name, expected: "a \(kind) file with a column '\(name)' (header found: \(header.prefix(12).joined(separator: ", ")))")
            }
            positions.append(position)
        }
        return positions
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

    /// Checks the record's width against the header: missing trailing fields read as empty,
    /// extra non-empty fields are an error (a delimiter inside an unquoted value).
    package mutating func checkWidth() {
        let width = record.fields.count, expected = file.header.count
        if width < expected {
            warning(nil, nil, "the row has \(width) field(s) where the header has \(expected); the missing ones are read as empty (truncated line?)")
        } else if width > expected, record.fields[expected...].contains(where: { !$0.trimmed.isEmpty }) {
            error(nil, nil, "the row has \(width) fields where the header has \(expected); expected one value per column (an unquoted separator inside a value?)")
        }
    }

    private func issue(_ severity: ImportIssue.Severity, _ position: Int?, _ value: String?, _ message: String) -> ImportIssue {
        ImportIssue(severity: severity, file: file.name, line: record.line,
                    column: position.map { $0 < file.header.count ? file.header[$0] : "#\($0 + 1)" },
                    columnNumber: file.recordsAreNumbered ? nil : position.map { $0 + 1 }, value: value, message: message,
                    isRecordNumber: file.recordsAreNumbered)
    }
}
