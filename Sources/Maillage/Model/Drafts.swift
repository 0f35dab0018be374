/// A place as read from a source file, validated, ready to be stored.
package struct PlaceDraft: Sendable, Equatable {
    package var publicId: String
    /// Where the row was read, for messages.
    package var line: Int
    /// The v1 text fields, by column (only non-empty values).
    package var text: [LieuColumn: String] = [:]
    package var codeInsee: String?
    package var placement: Placement = .none
    package var latitude: Double?
    package var longitude: Double?
    /// The row's own `source` value.
    package var sourceLabel: String?
    package var serviceSlugs: [String] = []
    package var programmeSlugs: [String] = []
    package var zone: [ZoneEntry] = []
    package var unrecognised: [String: [String]] = [:]
    package var details: [String: String] = [:]
    package var active = true
}

/// An intermediary as read from a source file, validated, ready to be stored.
package struct IntermediaryDraft: Sendable, Equatable {
    package var publicId: String
    package var line: Int
    package var nom: String?
    package var actorType: String
    package var headcount: Int?
    /// Public ids of the places where it works.
    package var placeIds: [String] = []
    package var serviceSlugs: [String] = []
    package var remote = false
    package var zone: [ZoneEntry] = []
    package var itinerance: String?
    package var modalitesAccompagnement: String?
    package var details: [String: String] = [:]
    package var active = true
}

/// A referral ("orientation") from one place or intermediary to another.
package struct ReferralDraft: Sendable, Equatable {
    package var line: Int
    package var sourceId: String
    package var targetId: String
    package var serviceSlug: String?
    package var weight: Double?
}

/// One territory of a zone of intervention.
public struct ZoneEntry: Sendable, Hashable, Codable {
    public var level: TerritoryLevel
    public var code: String

    public init(level: TerritoryLevel, code: String) {
        self.level = level
        self.code = code
    }
}

/// The levels of the territorial hierarchy (plus the whole country, for zones).
public enum TerritoryLevel: String, Sendable, Codable, CaseIterable {
    case commune, epci, departement, region, france
}

/// How a place's commune was found, in the order they are tried.
public enum Placement: String, Sendable, Codable, CaseIterable {
    /// The file's INSEE code, as given.
    case file
    /// The file's INSEE code, repaired (leading zero, arrondissement).
    case corrected
    /// The commune named in the row, found through its postal code's département.
    case postal
    /// The one commune the row's postal code is known to serve (``PostalCodes``).
    case postalCode = "postal_code"
    /// The nearest commune centroid to the coordinates among the communes the postal code is known to serve.
    case coordinates
    /// The nearest commune centroid to the coordinates in the département: the last resort, reported.
    case nearest
    /// Not placed.
    case none

    /// The value stored in `place.placement`, whose check constraint predates the finer kinds:
    /// a postal code alone is stored as `postal`, the last resort as `coordinates`.
    package var storedValue: String {
        switch self {
        case .postalCode: Placement.postal.rawValue
        case .nearest: Placement.coordinates.rawValue
        default: rawValue
        }
    }
}

/// Everything one file brings, stored in one transaction.
package struct ImportBatch: Sendable {
    /// The source every node of the batch belongs to.
    package var source: String
    package var places: [PlaceDraft] = []
    package var intermediaries: [IntermediaryDraft] = []
    package var referrals: [ReferralDraft] = []

    package init(source: String) { self.source = source }
}
