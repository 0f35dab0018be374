/// Writes RFC 4180 CSV: a field is quoted when it holds the separator, a quote or a line break,
/// or starts or ends with a space; quotes inside are doubled. Lines end with `\n`.
package struct CSVWriter {
    package private(set) var text = ""
    package let separator: Character
    private let separatorByte: UInt8

    /// `separator` is one ASCII character (`,`, `;`, tab).
    package init(separator: Character = ",") {
        self.separator = separator
        separatorByte = separator.asciiValue ?? UInt8(ascii: ",")
    }

    /// A whole table as CSV text: the header, then one row of `fields` for each element.
    package static func table<Element>(header: [String], rows: some Sequence<Element>, fields: (Element) -> [String]) -> String {
        var writer = CSVWriter()
        writer.writeRow(header)
        for element in rows { writer.writeRow(fields(element)) }
        return writer.text
    }

    package mutating func writeRow(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { text.append(separator) }
            appendQuoted(field)
        }
        text += "\n"
    }

    /// The text written so far, leaving the writer empty (to write a large file a chunk at a time).
    package mutating func take() -> String {
        defer { text = "" }
        return text
    }

    /// Appends `field`, quoted if it needs to be. Works on UTF-8 bytes: the characters that matter are
    /// ASCII, and a byte scan is many times faster than walking `Character`s (the v1 export of 300,000
    /// places spent most of its time here).
    private mutating func appendQuoted(_ field: String) {
        let quote = UInt8(ascii: "\""), space = UInt8(ascii: " ")
        let bytes = field.utf8
        let needsQuotes = bytes.first == space || bytes.last == space
            || bytes.contains { $0 == separatorByte || $0 == quote || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard needsQuotes else {
            text += field
            return
        }
        text += "\""
        var start = bytes.startIndex
        while let found = bytes[start...].firstIndex(of: quote) {
            let next = bytes.index(after: found)
            text += field[start..<next]
            text += "\""
            start = next
        }
        text += field[start...]
        text += "\""
    }
}
