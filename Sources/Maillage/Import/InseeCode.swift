/// The shapes of French territorial codes (strings, never integers: `2A004`, `01001`).
package enum InseeCode {
    /// A commune code: `^([013-9]\d|2[AB1-9])\d{3}$`, the national schema's pattern.
    package static func isValid(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard bytes.count == 5 else { return false }
        let isDigit = { (byte: UInt8) in byte >= 48 && byte <= 57 }
        guard bytes[2...].allSatisfy(isDigit) else { return false }
        switch bytes[0] {
        case UInt8(ascii: "2"): return bytes[1] == UInt8(ascii: "A") || bytes[1] == UInt8(ascii: "B") || (isDigit(bytes[1]) && bytes[1] != UInt8(ascii: "0"))
        case UInt8(ascii: "0"), UInt8(ascii: "1"), UInt8(ascii: "3")...UInt8(ascii: "9"): return isDigit(bytes[1])
        default: return false
        }
    }

    /// A département code: two digits (not 00, not 20), 2A, 2B, or 97x.
    package static func isDepartement(_ code: String) -> Bool {
        if code == "2A" || code == "2B" { return true }
        guard code.isASCIIDigits else { return false }
        if code.count == 3 { return code.hasPrefix("97") }
        return code.count == 2 && code != "00" && code != "20"
    }

    /// The territory level a zone code names: commune (5 chars), EPCI (9 digits), département, région, or `france`.
    package static func zoneLevel(of code: String) -> TerritoryLevel? {
        if code.lowercased() == "france" || code == "99100" { return .france }  // 99100: France in the COG's country codes
        if isValid(code) { return .commune }
        if code.count == 9, code.isASCIIDigits { return .epci }
        if isDepartement(code) { return .departement }
        return nil
    }
}
