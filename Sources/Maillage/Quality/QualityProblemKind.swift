/// The kinds of problem the quality report finds, in the order it lists them.
public enum QualityProblemKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// A source record's value fails the national schema's pattern for its field (postal code,
    /// INSEE code, SIRET with its check digit, phone, e-mail, web address).
    case invalidValue = "invalid_value"
    /// A source record's value is not a label of its field's list (kept aside at import, or stored).
    case unknownEnumeration = "unknown_enumeration"
    /// A place's coordinates lie more than 30 km from its commune's centroid: every distance takes
    /// the centroid instead until they are corrected.
    case farFromCommune = "far_from_commune"
    /// A place's postal code or INSEE code points to another département than its coordinates.
    case otherDepartement = "other_departement"
    /// A place not updated (`date_maj`) for more than 12 months.
    case stale
    /// A place where neither it nor any team there relays any service.
    case relaysNothing = "relays_nothing"
    /// An intermediary that works at no active place and has no zone of intervention.
    case intermediaryUnattached = "intermediary_unattached"
    /// A referral whose target is no longer active.
    case referralToInactive = "referral_to_inactive"
    /// Opening hours that cannot be read as OSM opening_hours (kept as text).
    case unreadableHours = "unreadable_hours"
    /// Two places that are probably one, left unmerged.
    case likelyDuplicate = "likely_duplicate"
    /// A field an editor changed whose source has since brought a different value.
    case editConflict = "edit_conflict"

    /// The problem in a few words, for a report's headings.
    public var summary: String {
        switch self {
        case .invalidValue: "values that fail the national schema's patterns"
        case .unknownEnumeration: "values outside their field's list of labels"
        case .farFromCommune: "coordinates more than 30 km from their commune's centroid (counted at the centroid until corrected)"
        case .otherDepartement: "postal or INSEE codes pointing to another département than the coordinates"
        case .stale: "places not updated for more than 12 months"
        case .relaysNothing: "places relaying nothing"
        case .intermediaryUnattached: "intermediaries attached to no place and with no zone"
        case .referralToInactive: "referrals to inactive places or intermediaries"
        case .unreadableHours: "opening hours that cannot be read (kept as text)"
        case .likelyDuplicate: "likely duplicates left unmerged"
        case .editConflict: "edited fields whose source brought another value since"
        }
    }

    /// Whether its rows name a source record (to be fixed in that source) rather than a real place.
    public var concernsSourceRecord: Bool { self == .invalidValue || self == .unknownEnumeration }

    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
