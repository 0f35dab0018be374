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

    private let folded: [String]
    private let table: TerritoryTable

    public init(_ table: TerritoryTable) {
        self.table = table
        folded = table.communes.map { Self.fold($0.nom) }
    }

    /// Up to `limit` communes matching `text`: a code given exactly first, then names equal to it,
    /// names starting with it, then names with a word starting with it; the most populous first within each.
    public func suggestions(_ text: String, limit: Int = 10) -> [Suggestion] {
        let key = Self.fold(text)
        guard !key.isEmpty else { return [] }
        var ranked: [(rank: Int, index: Int)] = []
        let byCode = Set(table.postalCodes.communes(withPostalCode: text.trimmingCharacters(in: .whitespaces)))
        for (index, name) in folded.enumerated() {
            let commune = table.communes[index]
            if commune.code == text || byCode.contains(commune.code) { ranked.append((0, index)) }
            else if name == key { ranked.append((1, index)) }
            else if name.hasPrefix(key) { ranked.append((2, index)) }
            else if name.contains(" " + key) { ranked.append((3, index)) }
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
