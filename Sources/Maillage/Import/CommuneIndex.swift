import Foundation

/// The communes known to the database, indexed for placing rows: by code, by département and
/// by name, with their centroids.
package struct CommuneIndex: Sendable {
    package struct Commune: Sendable {
        package var code: String
        package var nom: String
        package var departement: String
        package var latitude: Double?
        package var longitude: Double?
    }

    package private(set) var communes: [Commune] = []
    private var byCode: [String: Int] = [:]
    private var byDepartement: [String: [Int]] = [:]
    /// Name keys, built per département on the first look-up there (most imports need none or few).
    private let names = NameCache()
    package private(set) var epciCodes: Set<String> = []
    package private(set) var departementCodes: Set<String> = []
    package private(set) var regionCodes: Set<String> = []

    package init(communes: [Commune], epciCodes: Set<String> = [], departementCodes: Set<String> = [], regionCodes: Set<String> = []) {
        self.communes = communes
        for (index, commune) in communes.enumerated() {
            byCode[commune.code] = index
            byDepartement[commune.departement, default: []].append(index)
        }
        self.epciCodes = epciCodes
        self.departementCodes = departementCodes.union(communes.map(\.departement))
        self.regionCodes = regionCodes
    }

    package var isEmpty: Bool { communes.isEmpty }

    package func commune(code: String) -> Commune? { byCode[code].map { communes[$0] } }

    /// The communes named `name` in `departement` (homonyms are rare but exist), ignoring case,
    /// accents, hyphens, apostrophes and spaces, "Saint"/"St" and "Sainte"/"Ste", and a trailing
    /// "Cedex …"; failing an exact match of those, also ignoring a leading article and every
    /// separator ("Pont de Claix" is Le Pont-de-Claix, "Saint-Donat-sur-lHerbasse" is Saint-Donat-sur-l'Herbasse).
    package func communes(named name: String, inDepartement departement: String) -> [Commune] {
        let keys = names.keys(of: departement) { NameKeys(communes: (byDepartement[departement] ?? []).map { ($0, communes[$0].nom) }) }
        let key = Self.nameKey(name)
        let found = keys.strict[key] ?? keys.loose[Self.looseKey(key)] ?? []
        return found.map { communes[$0] }
    }

    /// The communes of `departement` whose name nearly matches `name`, when none matches it
    /// exactly: one name's words begin the other's ("Chamonix" for Chamonix-Mont-Blanc, "Vorey sur
    /// Arzon" for Vorey), the name's words end the commune's (a commune nouvelle named after the
    /// communes it joined: "Pierre-Bénite" for Oullins-Pierre-Bénite), or one letter differs, is missing or is extra, in names of six letters or more.
    package func communes(nearlyNamed name: String, inDepartement departement: String) -> [Commune] {
        let key = Self.nameKey(name)
        let words = key.split(separator: " ")
        let loose = Self.looseKey(key)
        guard !words.isEmpty else { return [] }
        let found = (byDepartement[departement] ?? []).filter { index in
            let other = Self.nameKey(communes[index].nom)
            let otherWords = other.split(separator: " ")
            if words.starts(with: otherWords) || otherWords.starts(with: words) || otherWords.reversed().starts(with: words.reversed()) { return true }
            let otherLoose = Self.looseKey(other)
            return min(loose.count, otherLoose.count) >= 6 && Self.withinOneEdit(loose, otherLoose)
        }
        return found.map { communes[$0] }
    }

    /// Whether two texts differ by at most one inserted, deleted or replaced character.
    static func withinOneEdit(_ a: String, _ b: String) -> Bool {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard abs(a.count - b.count) <= 1 else { return false }
        var i = 0, j = 0, edits = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { i += 1; j += 1; continue }
            edits += 1
            if edits > 1 { return false }
            if a.count > b.count { i += 1 } else if a.count < b.count { j += 1 } else { i += 1; j += 1 }
        }
        return edits + (a.count - i) + (b.count - j) <= 1
    }

    /// The commune whose centroid is nearest to the point, among those of `departement` if given
    /// and known, else among all.
    ///
    /// - Complexity: O(n) in the communes searched.
    package func nearest(latitude: Double, longitude: Double, inDepartement departement: String?) -> (commune: Commune, distanceKm: Double)? {
        let candidates: [Int] = departement.flatMap { byDepartement[$0] } ?? Array(communes.indices)
        var best: (Int, Double)?
        for index in candidates {
            guard let lat = communes[index].latitude, let lon = communes[index].longitude else { continue }
            let distance = Haversine.distanceKm(latitude, longitude, lat, lon)
            if distance < (best?.1 ?? .infinity) { best = (index, distance) }
        }
        return best.map { (communes[$0.0], $0.1) }
    }

    /// The département a postal code belongs to (see ``PostalCodes/departement(ofPostalCode:)``).
    package func departement(ofPostalCode postalCode: String) -> String? { PostalCodes.departement(ofPostalCode: postalCode) }

    /// The département an INSEE commune code belongs to.
    package static func departement(ofInseeCode code: String) -> String {
        code.hasPrefix("97") || code.hasPrefix("98") ? String(code.prefix(3)) : String(code.prefix(2))
    }

    /// A commune name's words, folded, "saint"/"sainte" as "st"/"ste", up to a "cedex" if any.
    static func nameKey(_ name: String) -> String {
        var words: [Substring] = []
        for word in TextKey.fold(name).split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "'" || $0 == "." || $0 == "," }) {
            if word == "cedex" { break }
            words.append(word == "saint" ? "st" : (word == "sainte" ? "ste" : word))
        }
        return words.joined(separator: " ")
    }

    /// A name key without a leading article and without separators.
    static func looseKey(_ key: String) -> String {
        var words = key.split(separator: " ")
        if words.count > 1, ["le", "la", "les", "l"].contains(words[0]) { words.removeFirst() }
        return words.joined()
    }
}

/// The name keys of one département's communes (strict and loose), each to every commune bearing it.
private struct NameKeys {
    var strict: [String: [Int]] = [:]
    var loose: [String: [Int]] = [:]

    init(communes: [(index: Int, nom: String)]) {
        for (index, nom) in communes {
            let key = CommuneIndex.nameKey(nom)
            strict[key, default: []].append(index)
            loose[CommuneIndex.looseKey(key), default: []].append(index)
        }
    }
}

extension StringProtocol {
    /// Whether the text is non-empty and only ASCII digits.
    var isASCIIDigits: Bool { !isEmpty && utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
}

/// Commune name keys by département, computed once each, shared by copies of the index.
private final class NameCache: @unchecked Sendable {
    private let lock = NSLock()
    private var byDepartement: [String: NameKeys] = [:]

    func keys(of departement: String, build: () -> NameKeys) -> NameKeys {
        lock.lock()
        defer { lock.unlock() }
        if let keys = byDepartement[departement] { return keys }
        let keys = build()
        byDepartement[departement] = keys
        return keys
    }
}
