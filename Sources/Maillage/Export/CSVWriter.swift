/// Writes RFC 4180 CSV: a field is quoted when it holds the separator, a quote or a line break,
/// or starts with a space; quotes inside are doubled. Lines end with `\n`.
package struct CSVWriter {
    package private(set) var text = ""
    package let separator: Character

    package init(separator: Character = ",") { self.separator = separator }

    package mutating func writeRow(_ fields: [String]) {
        text += fields.map(quoted).joined(separator: String(separator))
        text += "\n"
    }

    private func quoted(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.first == " " || field.last == " "
        return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
