/// Escaping for the two kinds of text a DOT file holds, so that no name or label can inject
/// anything into the DOT syntax, an HTML-like label or the SVG Graphviz writes from them.
public enum DOTText {
    /// A double-quoted DOT string: backslashes and quotes escaped (so `\N`, `\l`… stay literal),
    /// line breaks as `\n` (a centred line break in labels), other control characters dropped.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r", "\t": result += " "
            default: if scalar.properties.generalCategory != .control { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    /// Text shown by Graphviz (labels, tooltips): a quoted string whose backslashes are shown as
    /// "∖" (set minus, which looks the same), because Graphviz expands `\N`, `\G`, `\L`… in such
    /// text even when the backslash itself is escaped.
    public static func shown(_ text: String) -> String {
        quoted(text.replacingOccurrences(of: "\\", with: literalBackslash))
    }

    /// What a backslash in a name is drawn as.
    public static let literalBackslash = "∖"

    /// Text inside an HTML-like label: `&`, `<`, `>` and quotes as entities, line breaks as
    /// `<BR/>`, backslashes as "∖" (see ``shown(_:)``), other control characters dropped.
    public static func html(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += literalBackslash
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n": result += "<BR/>"
            case "\r", "\t": result += " "
            default: if scalar.properties.generalCategory != .control { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// At most `limit` characters (grapheme clusters), with "…" when cut; for labels, so that a
    /// 500-character name stays a readable node.
    public static func shortened(_ text: String, to limit: Int = 48) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}
