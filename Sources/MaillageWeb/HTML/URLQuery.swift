/// Builds a path with a query string from name–value pairs, each percent-encoded (a value from a
/// request or the data cannot close the attribute or add a parameter).
func link(_ path: String, _ parameters: [(String, String?)] = []) -> String {
    let query = parameters.compactMap { name, value in value.map { "\(encode(name))=\(encode($0))" } }
    return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
}

/// A path segment or query value, percent-encoded: only unreserved characters stay as they are.
func encode(_ text: String) -> String {
    var encoded = ""
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            encoded.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
    }
    return encoded
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
