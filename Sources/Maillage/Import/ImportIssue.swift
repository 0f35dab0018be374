/// A problem found in an input file, located precisely enough to fix it.
public struct ImportIssue: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        /// The row cannot be taken.
        case error
        /// The value is suspicious but usable: kept as read (or as corrected).
        case warning
    }

    public var severity: Severity
    public var file: String
    /// 1-based line of the row (for JSON input, the record's 1-based position).
    public var line: Int?
    /// Name of the column or field.
    public var column: String?
    /// 1-based position of the column in the header, when known.
    public var columnNumber: Int?
    public var value: String?
    /// What was expected, or what was done.
    public var message: String
    /// Whether `line` counts JSON records rather than text lines.
    public var isRecordNumber = false

    /// Every property under its snake_case name and its former camelCase one (deprecated).
    public func encode(to encoder: any Encoder) throws {
        try DualCaseEncoding.encode(self, to: encoder)
    }

    public var description: String {
        var text = file
        if let line { text += isRecordNumber ? ", record \(line)" : ":\(line)" }
        if let column {
            text += ": column \(column)"
            if let columnNumber { text += " (\(columnNumber))" }
        }
        if let value { text += ": value \"\(Self.shortened(value))\"" }
        return "\(text): \(severity.rawValue): \(message)"
    }

    private static func shortened(_ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\n", with: "\\n")
        return flat.count > 80 ? String(flat.prefix(77)) + "…" : flat
    }
}
