/// How two records compare: a veto, a strong match on SIRET, or a score from its parts.
public struct PairComparison: Sendable, Equatable, Codable {
    /// Why two records cannot be one place.
    public enum Veto: String, Sendable, Codable, CaseIterable {
        case differentCommunes = "different_communes"
        case incompatibleKinds = "incompatible_kinds"
        case missingName = "missing_name"
    }

    public var veto: Veto?
    /// The SIRET both records give, when it makes the match.
    public var siret: String?
    /// Each part 0 to 100; nil when a record lacks what the part compares.
    public var name: Double
    public var street: Double?
    public var distance: Double?
    /// 100 for a SIRET match; otherwise the mean of the parts there are.
    public var score: Double
    /// The mean of the parts there are, SIRET match or not (what orders SIRET matches among themselves).
    public var similarity: Double
    /// The kinds the records' names or typologies tell, when a veto comes from them.
    public var kinds: [String]?

    /// The distance part: 100 up to 50 m, then 100 × 50 / d (d in metres).
    static func distanceScore(metres: Double) -> Double {
        metres <= 50 ? 100 : 100 * 50 / metres
    }

    /// The parts in words: "same SIRET 13002526500013", or "name 92, street 100, distance 100".
    public var reason: String {
        if let veto {
            switch veto {
            case .differentCommunes: return "different communes"
            case .incompatibleKinds: return "incompatible structure kinds (\((kinds ?? []).joined(separator: " / ")))"
            case .missingName: return "a record has no name to compare"
            }
        }
        if let siret { return "same SIRET \(siret) in the same commune" }
        var parts = ["name \(Self.rounded(name))"]
        parts.append("street " + (street.map(Self.rounded) ?? "unknown"))
        parts.append("distance " + (distance.map(Self.rounded) ?? "unknown"))
        return parts.joined(separator: ", ")
    }

    /// A score with at most one decimal ("91", "82.5").
    public static func rounded(_ value: Double) -> String {
        let tenth = (value * 10).rounded() / 10
        return tenth == tenth.rounded() ? String(Int(tenth)) : String(tenth)
    }
}

extension PairComparison {
    /// Two SIRET matches whose streets are both known and less similar than this are two sites of
    /// one legal entity (a commune's town hall and its library share its SIRET): they are scored
    /// like any pair instead.
    static let differentSiteStreet: Double = 50

    /// Compares two records. The SIRET makes a match across sources only: within one source, rows
    /// sharing a SIRET are that source's own distinct entries (Aidants Connect lists a commune's
    /// library, CCAS and town hall under the commune's SIRET), scored like any pair.
    init(_ a: ComparableRecord, _ b: ComparableRecord) {
        name = ComparableName.similarity(a.name, b.name)
        street = a.street.isEmpty || b.street.isEmpty ? nil : IndelRatio.of(a.street, b.street)
        if let p = a.coordinates, let q = b.coordinates {
            distance = Self.distanceScore(metres: Haversine.distanceKm(p.latitude, p.longitude, q.latitude, q.longitude) * 1000)
        }
        let parts = [name] + [street, distance].compactMap { $0 }
        similarity = parts.reduce(0, +) / Double(parts.count)
        score = similarity
        if let (veto, kinds) = Self.veto(a, b) {
            self.veto = veto
            self.kinds = kinds
        } else if let siret = a.record.siret, siret == b.record.siret, a.record.source != b.record.source,
                  a.record.codeInsee != nil, (street ?? 100) >= Self.differentSiteStreet {
            self.siret = siret
            score = 100
        }
    }

    /// Why two records cannot be one place, if they cannot: a missing name, different communes
    /// (both known), or incompatible structure kinds (with the kinds).
    static func veto(_ a: ComparableRecord, _ b: ComparableRecord) -> (Veto, [String]?)? {
        if a.name.isEmpty || b.name.isEmpty { return (.missingName, nil) }
        if let first = a.record.codeInsee, let second = b.record.codeInsee, first != second { return (.differentCommunes, nil) }
        if !StructureKind.compatible(a.kind, b.kind) { return (.incompatibleKinds, [a.kind, b.kind].compactMap { $0?.rawValue }) }
        return nil
    }
}
