import Foundation

/// The patterns a source record's values must match: the national schema's own (``V1Schema``:
/// postal code, INSEE code, phone, SIRET or RNA), with what the schema leaves unchecked: the
/// check digits of a SIRET or SIREN, and the form of each e-mail address and web address.
struct ValueRules {
    /// A value that breaks its field's rule.
    struct Failure: Equatable {
        var expected: String
        var detail: String
    }

    /// One `|`-separated e-mail address: a local part, `@`, a domain with a dot; no space, comma
    /// or semicolon (two addresses in one value must be separated by `|`).
    static let emailPattern = "[^@\\s,;|]+@[^@\\s,;|]+\\.[^@\\s,;|]+"
    /// One `|`-separated web address: `http://` or `https://`, a host with a dot, then any path without spaces.
    static let urlPattern = "https?://[^\\s/?#|]+\\.[^\\s/?#|]+([/?#][^\\s|]*)?"

    private let pivot: NSRegularExpression
    private let codePostal: NSRegularExpression
    private let codeInsee: NSRegularExpression
    private let telephone: NSRegularExpression
    private let email: NSRegularExpression
    private let url: NSRegularExpression

    init() throws {
        func schema(_ column: LieuColumn) throws -> NSRegularExpression { try V1Conformance.fullMatch(V1Schema.patterns[column] ?? ".*") }
        pivot = try schema(.pivot)
        codePostal = try schema(.codePostal)
        codeInsee = try schema(.codeInsee)
        telephone = try schema(.telephone)
        email = try V1Conformance.fullMatch(Self.emailPattern)
        url = try V1Conformance.fullMatch(Self.urlPattern)
    }

    /// `pivot`: the schema's pattern (9 to 14 letters and digits); digits alone must be a SIRET
    /// (14) or SIREN (9) whose check digits are right.
    func pivot(_ value: String) -> Failure? {
        let expected = "a SIRET (14 digits with a valid check digit), a SIREN (9 digits) or an RNA number"
        guard V1Conformance.matches(pivot, value) else {
            return Failure(expected: expected, detail: "not 9 to 14 letters and digits (schema pattern ^[a-zA-Z0-9]{9,14}$)")
        }
        guard value.isASCIIDigits else { return nil }
        switch value.count {
        case 14:
            return CompanyNumber.isValidSiret(value) ? nil : Failure(expected: expected, detail: "a SIRET whose check digit is wrong (Luhn)")
        case 9:
            return CompanyNumber.isValidSiren(value) ? nil : Failure(expected: expected, detail: "a SIREN whose check digit is wrong (Luhn)")
        default:
            return Failure(expected: expected, detail: "\(value.count) digits: neither a SIRET (14) nor a SIREN (9)")
        }
    }

    func codePostal(_ value: String) -> Failure? {
        V1Conformance.matches(codePostal, value) ? nil
            : Failure(expected: "a postal code of five digits", detail: "not five digits (schema pattern ^\\d{5}$)")
    }

    func codeInsee(_ value: String) -> Failure? {
        V1Conformance.matches(codeInsee, value) ? nil
            : Failure(expected: "an INSEE code of five characters", detail: "not an INSEE commune code (schema pattern ^([013-9]\\d|2[AB1-9])\\d{3}$)")
    }

    func telephone(_ value: String) -> Failure? {
        V1Conformance.matches(telephone, value) ? nil
            : Failure(expected: "an international number such as +33123456789",
                      detail: "not a French or overseas number in international form (+33, +590, +594, +262, +596, +269, +687, +689, +508 or +681, then 6 to 9 digits)")
    }

    func courriels(_ value: String) -> Failure? {
        let bad = Self.items(value).filter { !V1Conformance.matches(email, $0) }
        guard !bad.isEmpty else { return nil }
        let hint = bad.contains { $0.contains(",") || $0.contains(";") } ? " (several addresses are separated by |)" : ""
        return Failure(expected: "e-mail addresses separated by |",
                       detail: "not an e-mail address: \(bad.map { "\"\($0)\"" }.joined(separator: ", "))\(hint)")
    }

    func siteWeb(_ value: String) -> Failure? {
        let bad = Self.items(value).filter { !V1Conformance.matches(url, $0) }
        return bad.isEmpty ? nil
            : Failure(expected: "web addresses (http:// or https://) separated by |",
                      detail: "not a web address: \(bad.map { "\"\($0)\"" }.joined(separator: ", "))")
    }

    /// The `|`-separated items of a value, trimmed, empty ones dropped.
    static func items(_ value: String) -> [String] { MultiValue.split(value, separator: "|") }
}
