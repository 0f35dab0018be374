/// The lines of a JSON array written a piece at a time: its opening, then the items separated
/// by `,` and a line break, then its closing.
struct JSONLines {
    private(set) var text: String
    private let closing: String
    private var isEmpty = true

    init(opening: String, closing: String) {
        text = opening
        self.closing = closing
    }

    mutating func append(_ item: String) {
        if !isEmpty { text += ",\n" }
        text += item
        isEmpty = false
    }

    /// The text so far, leaving the writer empty.
    mutating func take() -> String {
        defer { text = "" }
        return text
    }

    /// The rest of the text, closing the array.
    mutating func close() -> String {
        take() + (isEmpty ? "" : "\n") + closing
    }
}
