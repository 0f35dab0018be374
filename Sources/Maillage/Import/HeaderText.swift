/// The message of a file refused at its header.
enum HeaderText {
    /// How many found columns a message lists before counting the rest.
    static let listedColumns = 20

    /// Names every missing required column and the columns found, and says what to check.
    static func missingColumns(path: String, kind: String, missing: [String], found: [String], delimiter: String?) -> String {
        let plural = missing.count == 1 ? "column" : "columns"
        let article = "aeiouAEIOU".contains(kind.first ?? "x") ? "an" : "a"
        var text = "\(path) is not \(article) \(kind) file: its header lacks the required \(plural) \(missing.map { "'\($0)'" }.joined(separator: ", ")); nothing was imported."
        let shown = found.prefix(listedColumns).map { "'\(shortened($0))'" }.joined(separator: ", ")
        let more = found.count > listedColumns ? " and \(found.count - listedColumns) more" : ""
        if let delimiter {
            text += " Its first line, split on '\(printable(delimiter))', has \(found.count) column\(found.count == 1 ? "" : "s"): \(shown)\(more)."
            if let first = found.first?.first, first == "[" || first == "{" {
                text += " It looks like JSON, which only lieux files may be; a \(kind) file is read as CSV."
            } else if found.count == 1, let other = [",", ";", "\t"].first(where: { $0 != delimiter && found[0].contains($0) }) {
                text += " It seems to use '\(printable(other))' as its delimiter, where '\(printable(delimiter))' was expected."
            }
        } else {
            text += " Its records have \(found.count) field\(found.count == 1 ? "" : "s"): \(shown)\(more)."
        }
        if let fitting = ImportKind.fitting(found, otherThan: kind) {
            text += " Its columns are those of \(fitting.requiredColumns.kind) (kind '\(fitting.rawValue)'): was it given as the wrong kind?"
        }
        return text + " Check that this is the file you meant, that it holds \(kind), and that its first line is the header."
    }

    private static func printable(_ delimiter: String) -> String { delimiter == "\t" ? "\\t" : delimiter }

    private static func shortened(_ name: String) -> String {
        let flat = String(name.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        return flat.count > 40 ? String(flat.prefix(39)) + "…" : flat
    }
}
