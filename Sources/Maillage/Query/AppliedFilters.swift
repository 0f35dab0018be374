import Foundation

/// What a question was understood to ask: the service by its label, the radius, and each filter in
/// its canonical label (`surdite` asked is `Surdité` applied). Answers carry one, and ``summary``
/// is the one wording of it, shared by the command line and any other front end.
public struct AppliedFilters: Sendable, Equatable, Codable {
    /// The service's label (the answer also counts the finer services under it).
    public var service: String
    /// The distance that counts as reachable, in km; nil where the question has none.
    public var radiusKm: Double?
    /// Where the distance is measured from, as the front end words it (`07186 Privas`, `44.73,
    /// 4.6`); nil where the question has no origin.
    public var near: String?
    /// The territory the answer keeps (`département 07 Ardèche`, from ``TerritoryTable/label(of:)``);
    /// nil for the whole directory.
    public var within: String?
    public var publics: [String] = []
    public var priseEnCharge: [String] = []
    public var free = false
    public var modalites: [String] = []
    public var labels: [String] = []
    /// The moment places must be open, local time in France (`2025-03-15T10:00`).
    public var openAt: String?
    /// With ``openAt``: the relays that matched everything else but were left out because their
    /// opening hours are unknown (none given, unreadable, or a comment only).
    public var unknownHoursLeftOut: Int?
    /// With ``openAt``, in a coverage question: the relays without a place left out, which have no
    /// opening hours (and neither have zones of intervention, which do not count at a moment).
    public var withoutPlaceLeftOut: Int?

    public init(service: String, radiusKm: Double? = nil) {
        self.service = service
        self.radiusKm = radiusKm
    }

    /// "Aide aux démarches administratives within 30 km of 07186 Privas; in département 07 Ardèche;
    /// public: Seniors; prise en charge: Surdité; free; modalité: À distance; label: France
    /// Services; open at 2025-03-15T10:00 (3 relays whose opening hours are unknown left out)".
    /// Only the origin, territory and filters given are named.
    public var summary: String {
        let radius = radiusKm.map { " within \(Self.kilometres($0)) km" + (near.map { " of \($0)" } ?? "") } ?? ""
        var parts = [service + radius]
        if let within { parts.append("in " + within) }
        if !publics.isEmpty { parts.append("public: " + publics.joined(separator: ", ")) }
        if !priseEnCharge.isEmpty { parts.append("prise en charge: " + priseEnCharge.joined(separator: ", ")) }
        if free { parts.append("free") }
        if !modalites.isEmpty { parts.append("modalité: " + modalites.joined(separator: ", ")) }
        if !labels.isEmpty { parts.append("label: " + labels.joined(separator: ", ")) }
        if let openAt {
            var part = "open at \(openAt)"
            var notes: [String] = []
            if let leftOut = unknownHoursLeftOut, leftOut > 0 {
                notes.append("\(leftOut) relay\(leftOut == 1 ? "" : "s") whose opening hours are unknown left out")
            }
            if let leftOut = withoutPlaceLeftOut {
                notes.append((leftOut > 0 ? "\(leftOut) relay\(leftOut == 1 ? "" : "s") without a place and " : "") + "zones of intervention left out: they have no opening hours")
            }
            if !notes.isEmpty { part += " (" + notes.joined(separator: "; ") + ")" }
            parts.append(part)
        }
        return parts.joined(separator: "; ")
    }

    /// 30 → "30", 12.5 → "12.5".
    public static func kilometres(_ value: Double) -> String {
        String(format: "%g", value)
    }

    enum CodingKeys: String, CodingKey {
        case service
        case radiusKm = "radius_km"
        case near, within
        case publics
        case priseEnCharge = "prise_en_charge"
        case free, modalites, labels
        case openAt = "open_at"
        case unknownHoursLeftOut = "unknown_hours_left_out"
        case withoutPlaceLeftOut = "without_place_left_out"
        case summary
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        service = try container.decode(String.self, forKey: .service)
        radiusKm = try container.decodeIfPresent(Double.self, forKey: .radiusKm)
        near = try container.decodeIfPresent(String.self, forKey: .near)
        within = try container.decodeIfPresent(String.self, forKey: .within)
        publics = try container.decodeIfPresent([String].self, forKey: .publics) ?? []
        priseEnCharge = try container.decodeIfPresent([String].self, forKey: .priseEnCharge) ?? []
        free = try container.decodeIfPresent(Bool.self, forKey: .free) ?? false
        modalites = try container.decodeIfPresent([String].self, forKey: .modalites) ?? []
        labels = try container.decodeIfPresent([String].self, forKey: .labels) ?? []
        openAt = try container.decodeIfPresent(String.self, forKey: .openAt)
        unknownHoursLeftOut = try container.decodeIfPresent(Int.self, forKey: .unknownHoursLeftOut)
        withoutPlaceLeftOut = try container.decodeIfPresent(Int.self, forKey: .withoutPlaceLeftOut)
    }

    /// Every key, nulls included, and the ``summary``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(service, forKey: .service)
        try container.encode(radiusKm, forKey: .radiusKm)
        try container.encode(near, forKey: .near)
        try container.encode(within, forKey: .within)
        try container.encode(publics, forKey: .publics)
        try container.encode(priseEnCharge, forKey: .priseEnCharge)
        try container.encode(free, forKey: .free)
        try container.encode(modalites, forKey: .modalites)
        try container.encode(labels, forKey: .labels)
        try container.encode(openAt, forKey: .openAt)
        try container.encode(unknownHoursLeftOut, forKey: .unknownHoursLeftOut)
        try container.encodeIfPresent(withoutPlaceLeftOut, forKey: .withoutPlaceLeftOut)
        try container.encode(summary, forKey: .summary)
    }
}

/// A report with the filters it was computed with: the report's own keys, plus `filters`.
public struct FilteredReport<Report: Encodable & Sendable>: Encodable, Sendable {
    public var report: Report
    public var filters: AppliedFilters

    public init(_ report: Report, filters: AppliedFilters) {
        self.report = report
        self.filters = filters
    }

    private enum CodingKeys: String, CodingKey { case filters }

    public func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(filters, forKey: .filters)
    }
}

/// The answer to a ``RelayQuery``: the relays found and what was understood.
public struct RelayAnswer: Sendable, Equatable, Encodable {
    public var filters: AppliedFilters
    public var relays: [RelayResult]
    /// The commune asked about, as understood (nil for a point).
    public var commune: ResolvedTerritory? = nil
}
