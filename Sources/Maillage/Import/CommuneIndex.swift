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

    /// The commune named `name` in `departement`, ignoring case, accents, hyphens and "Saint"/"St".
    package func commune(named name: String, inDepartement departement: String) -> Commune? {
        let keys = names.keys(of: departement) {
            Dictionary((byDepartement[departement] ?? []).map { (Self.nameKey(communes[$0].nom), $0) }) { first, _ in first }
        }
        return keys[Self.nameKey(name)].map { communes[$0] }
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

    /// The département a postal code belongs to (`20xxx` is Corsica, `97x` overseas), if it is known.
    package func departement(ofPostalCode postalCode: String) -> String? {
        guard postalCode.count == 5, postalCode.isASCIIDigits else { return nil }
        let two = String(postalCode.prefix(2))
        if two == "20" { return postalCode >= "20200" ? "2B" : "2A" }
        if two == "97" || two == "98" { return String(postalCode.prefix(3)) }
        return two
    }

    /// The département an INSEE commune code belongs to.
    package static func departement(ofInseeCode code: String) -> String {
        code.hasPrefix("97") || code.hasPrefix("98") ? String(code.prefix(3)) : String(code.prefix(2))
    }

    static func nameKey(_ name: String) -> String {
        var key = ""
        var first = true
        for word in TextKey.fold(name).utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x2D || $0 == 0x27 }) {
            if !first { key += " " }
            first = false
            let text = Substring(word)
            key += text == "saint" ? "st" : (text == "sainte" ? "ste" : text)
        }
        return key
    }
}

extension StringProtocol {
    /// Whether the text is non-empty and only ASCII digits.
    var isASCIIDigits: Bool { !isEmpty && utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
}

/// Commune name keys by département, computed once each, shared by copies of the index.
private final class NameCache: @unchecked Sendable {
    private let lock = NSLock()
    private var byDepartement: [String: [String: Int]] = [:]

    func keys(of departement: String, build: () -> [String: Int]) -> [String: Int] {
        lock.lock()
        defer { lock.unlock() }
        if let keys = byDepartement[departement] { return keys }
        let keys = build()
        byDepartement[departement] = keys
        return keys
    }
}
