/// What one import did: counts, and every problem found.
public struct ImportReport: Sendable, Equatable, Codable {
    public var kind: String
    public var file: String
    /// Rows (or JSON records) read from the file, blank lines excluded.
    public var rowsRead = 0
    /// Rows taken: stored or updated.
    public var rowsImported = 0
    /// Rows that created their place, intermediary or referral.
    public var inserted = 0
    /// Rows already stored that changed something stored about them.
    public var updated = 0
    /// Rows already stored exactly as the file has them.
    public var unchanged = 0
    /// Structures of the file's sources that the file no longer holds, marked gone (inactive,
    /// not deleted); only for list files (lieux, CNFS, Aidants Connect) read as complete.
    public var retired = 0
    /// Rows refused because of an error (only with `--skip-invalid`; otherwise nothing is stored).
    public var rowsRejected = 0
    /// Named figures specific to the file kind, in display order ("conseillers": 3925…).
    public var figures: [Figure] = []
    /// Systematic repairs, counted rather than listed ("SIRET written as a float": 5227).
    public var corrections: [Figure] = []
    public var errors: [ImportIssue] = []
    public var warnings: [ImportIssue] = []
    /// Whether the rows were written (false when errors stopped the import).
    public var committed = false

    public struct Figure: Sendable, Equatable, Codable {
        public var name: String
        public var value: Int
    }

    public init(kind: String, file: String) {
        self.kind = kind
        self.file = file
    }

    /// Adds `value` to the figure called `name`, creating it in display order.
    mutating func add(_ name: String, _ value: Int) {
        Self.increment(&figures, name, by: value)
    }

    /// Counts a systematic repair.
    mutating func correct(_ name: String, count: Int = 1) {
        Self.increment(&corrections, name, by: count)
    }

    private static func increment(_ list: inout [Figure], _ name: String, by value: Int) {
        if let index = list.firstIndex(where: { $0.name == name }) { list[index].value += value } else {
            list.append(Figure(name: name, value: value))
        }
    }

    /// The message of a refused import: every error (the first ``listedIssues``, then a count).
    var failureDescription: String {
        var lines = ["\(file): \(errors.count) error(s) in \(rowsRejected) row(s); nothing was imported. Fix them, or import the valid rows only."]
        lines += errors.prefix(Self.listedIssues).map(\.description)
        if errors.count > Self.listedIssues { lines.append("… and \(errors.count - Self.listedIssues) more error(s), \(errors.count) in all.") }
        return lines.joined(separator: "\n")
    }

    /// Every property under its snake_case name and its former camelCase one (deprecated), with the
    /// totals `error_count` and `warning_count`.
    public func encode(to encoder: any Encoder) throws {
        try DualCaseEncoding.encode(self, extra: ["error_count": errors.count, "warning_count": warnings.count], to: encoder)
    }

    /// How many issues of each severity a message lists before counting the rest.
    public static let listedIssues = 50
}

extension ImportReport {
    /// Takes in the issues, counts and corrections of `other` (read under v1 names), naming each
    /// column as the file does.
    mutating func absorb(_ other: ImportReport, renaming v1Names: [String: String]) {
        let fileName = Dictionary(v1Names.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        func renamed(_ issue: ImportIssue) -> ImportIssue {
            var issue = issue
            if let column = issue.column, let original = fileName[column] { issue.column = original }
            return issue
        }
        errors += other.errors.map(renamed)
        warnings += other.warnings.map(renamed)
        rowsRead += other.rowsRead
        rowsRejected += other.rowsRejected
        for figure in other.figures { add(figure.name, figure.value) }
        for figure in other.corrections { correct(figure.name, count: figure.value) }
    }
}
