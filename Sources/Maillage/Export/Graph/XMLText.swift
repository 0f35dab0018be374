/// Text escaped for XML 1.0, for the GraphML and GEXF exports.
///
/// `&`, `<` and `>` always (so `]]>` cannot end anything); in attribute values also `"`, `'` and
/// tab, line feed and carriage return as character references, which attribute normalisation
/// would otherwise turn into spaces; a carriage return in text too, which line-end normalisation
/// would drop. C1 controls go as references. The characters XML 1.0 cannot carry at all, even
/// escaped (the C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF), become
/// U+FFFD, the replacement character: a reader sees that something was there.
enum XMLText {
    static func text(_ value: String) -> String { escaped(value, inAttribute: false) }

    static func attribute(_ value: String) -> String { escaped(value, inAttribute: true) }

    private static func escaped(_ value: String, inAttribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where inAttribute: result += "&quot;"
            case "'" where inAttribute: result += "&apos;"
            case "\t" where inAttribute, "\n" where inAttribute: result += "&#\(scalar.value);"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": result += "\u{FFFD}"
            case "\u{7F}"..."\u{9F}": result += "&#\(scalar.value);"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
