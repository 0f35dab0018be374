import Foundation

/// Small, deterministic JSON writing: keys in the order given (or sorted), every string escaped.
package enum JSONText {
    /// A JSON string literal for `text`, escaping quotes, backslashes and control characters.
    package static func string(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// A JSON number for a finite double (shortest round-trip form), or `null`.
    package static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A JSON object of strings, keys sorted.
    package static func object(_ values: [String: String]) -> String {
        "{" + values.keys.sorted().map { "\(string($0)):\(string(values[$0] ?? ""))" }.joined(separator: ",") + "}"
    }

    /// A JSON object of string arrays, keys sorted.
    package static func object(_ values: [String: [String]]) -> String {
        "{" + values.keys.sorted().map { key in
            "\(string(key)):[" + (values[key] ?? []).map(string).joined(separator: ",") + "]"
        }.joined(separator: ",") + "}"
    }
}
