import Foundation

/// The communes by name, for suggestions as a person types ("saint ag" → Saint-Agrève): names
/// folded once (case, accents, hyphens and apostrophes as spaces), matched by prefix of the whole
/// name or of a word, and by INSEE or postal code.
public struct CommuneNames: Sendable {
    /// One commune as a suggestion.
    public struct Suggestion: Sendable, Equatable, Codable {
        public var code: String
        public var nom: String
        public var departement: String
        public var population: Int
    }

    /// Each commune's folded name as bytes, with a space before it, so that a word start is " " + key.
    private let folded: [[UInt8]]
    private let table: TerritoryTable

    public init(_ table: TerritoryTable) {
        self.table = table
        folded = table.communes.map { [UInt8(ascii: " ")] + Array(Self.fold($0.nom).utf8) }
    }

    /// Up to `limit` communes matching `text`: a code given exactly first, then names equal to it,
    /// names starting with it, then names with a word starting with it; the most populous first within each.
    public func suggestions(_ text: String, limit: Int = 10) -> [Suggestion] {
        let key = Array(Self.fold(text).utf8)
        guard !key.isEmpty else { return [] }
        var ranked: [(rank: Int, index: Int)] = []
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let byCode = Set(([trimmed] + table.postalCodes.communes(withPostalCode: trimmed)).compactMap(index(of:)))
        ranked = byCode.map { (0, $0) }
        for (index, name) in folded.enumerated() where !byCode.contains(index) {
            if let rank = Self.rank(of: key, in: name) { ranked.append((rank, index)) }
        }
        ranked.sort { ($0.rank, -table.communes[$0.index].population, table.communes[$0.index].code)
            < ($1.rank, -table.communes[$1.index].population, table.communes[$1.index].code) }
        return ranked.prefix(limit).map { entry in
            let commune = table.communes[entry.index]
            return Suggestion(code: commune.code, nom: commune.nom, departement: commune.departement, population: commune.population)
        }
    }

    /// The one commune `text` names: its INSEE code, or a name (accents and case aside) that only
    /// one commune bears, or the most populous of those bearing it; nil when none does.
    public func commune(named text: String) -> Suggestion? {
        let found = suggestions(text, limit: 1)
        guard let first = found.first else { return nil }
        return first.code == text || Self.fold(first.nom) == Self.fold(text) ? first : nil
    }

    /// The position of the commune with this INSEE code in the table (sorted by code).
    private func index(of code: String) -> Int? {
        var low = 0, high = table.communes.count
        while low < high {
            let middle = (low + high) / 2
            if table.communes[middle].code < code { low = middle + 1 } else { high = middle }
        }
        return low < table.communes.count && table.communes[low].code == code ? low : nil
    }

    /// 1 when `name` (with its leading space) is `key`, 2 when it starts with it, 3 when a later word does; nil otherwise.
    private static func rank(of key: [UInt8], in name: [UInt8]) -> Int? {
        guard name.count > key.count else { return nil }
        if name[1...].starts(with: key) { return name.count == key.count + 1 ? 1 : 2 }
        let last = name.count - key.count
        var start = 1
        while start < last {
            if name[start] == UInt8(ascii: " "), name[(start + 1)...].starts(with: key) { return 3 }
            start += 1
        }
        return nil
    }

    /// ``TextKey/fold(_:)`` (which already makes apostrophes straight), then hyphens and
    /// apostrophes as single spaces: "Saint-Étienne-d'Albagnac" → "saint etienne d albagnac".
    private static func fold(_ text: String) -> String {
        var bytes: [UInt8] = []
        for byte in TextKey.fold(text).utf8 {
            let spaced = byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'") ? UInt8(ascii: " ") : byte
            if spaced == UInt8(ascii: " "), bytes.last == UInt8(ascii: " ") { continue }
            bytes.append(spaced)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
