/// The parameters of a request's query string, read as forms send them: `+` is a space, `%XX`
/// escapes are decoded, a name may repeat (`public=Seniors&public=Jeunes`). A value that cannot be
/// read, or out of its range, is a ``WebError`` naming the parameter (400).
struct QueryString: Sendable {
    /// Every name–value pair, in order, empty values left out: to rebuild links with the same query.
    private(set) var pairs: [(String, String?)] = []
    /// Every name given, empty values included (a form's field left blank).
    private(set) var names: Set<String> = []

    init(_ query: String?) throws(WebError) {
        guard let query, !query.isEmpty else { return }
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(halves[0])
            let value = halves.count > 1 ? try Self.decode(halves[1]) : ""
            names.insert(name)
            if !value.isEmpty { pairs.append((name, value)) }
        }
    }

    /// Every value given for `name`, empty ones left out, in order.
    func all(_ name: String) -> [String] {
        pairs.filter { $0.0 == name }.compactMap(\.1)
    }

    /// The pairs with `name` given this one value instead.
    func replacing(_ name: String, with value: String) -> [(String, String?)] {
        pairs.filter { $0.0 != name } + [(name, value)]
    }

    /// The value of `name` trimmed, nil when absent or empty.
    func text(_ name: String) -> String? {
        all(name).last.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The value of `name`, required.
    func required(_ name: String) throws(WebError) -> String {
        guard let value = text(name) else { throw .missingParameter(name) }
        return value
    }

    /// A decimal number (a comma is read as the decimal point, as French users type it) within `range`.
    func number(_ name: String, in range: ClosedRange<Double>) throws(WebError) -> Double? {
        guard let text = text(name) else { return nil }
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite, range.contains(value) else {
            throw .badParameter(name, value: text, expected: "a number from \(Self.shown(range.lowerBound)) to \(Self.shown(range.upperBound))")
        }
        return value
    }

    /// A whole number within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(WebError) -> Int? {
        guard let text = text(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw .badParameter(name, value: text, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A yes/no flag: `1`, `true`, `on` (a checked box) or `yes`; `0`, `false`, `no` or absent.
    func flag(_ name: String) throws(WebError) -> Bool {
        guard let text = text(name)?.lowercased() else { return false }
        switch text {
        case "1", "true", "on", "yes": return true
        case "0", "false", "off", "no": return false
        default: throw .badParameter(name, value: text, expected: "1 or 0")
        }
    }

    /// One of the raw values of `Choice`.
    func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, as: Choice.Type) throws(WebError) -> Choice? where Choice.RawValue == String {
        guard let text = text(name) else { return nil }
        guard let value = Choice(rawValue: text) else {
            throw .badParameter(name, value: text, expected: "one of " + Choice.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))
        }
        return value
    }

    private static func decode(_ part: Substring) throws(WebError) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else { throw .unreadableQuery(String(part)) }
        return decoded
    }

    private static func shown(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
