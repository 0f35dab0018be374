/// "Who can take someone from here for this service?": the question `maillage relays` asks.
public struct RelayQuery: Sendable {
    public enum Origin: Sendable, Equatable {
        case commune(String)
        case point(latitude: Double, longitude: Double)
    }

    /// A service label, slug or alias.
    public var service: String
    public var origin: Origin
    /// Relays within this distance (inclusive) of the origin, in km.
    public var radiusKm: Double = 10
    /// Keep places that specifically address these publics (labels of `publics_specifiquement_adresses`).
    public var publics: [String] = []
    /// Keep places with these specific kinds of support (labels of `prise_en_charge_specifique`).
    public var priseEnCharge: [String] = []
    /// Keep places whose `frais_a_charge` says Gratuit.
    public var free = false
    /// Keep relays offering these modalités d'accompagnement.
    public var modalites: [String] = []
    /// Keep places carrying these programmes or labels (France Services, Aidants Connect…).
    public var labels: [String] = []
    /// Keep places open at this moment, by their opening hours.
    public var openAt: LocalDateTime?
    public var limit: Int?

    public init(service: String, origin: Origin) {
        self.service = service
        self.origin = origin
    }
}

/// One answer to a ``RelayQuery``: a place with the intermediaries there who relay the service,
/// or an intermediary with no fixed place.
public struct RelayResult: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case place, intermediary }

    public var id: String
    /// Every source record's id: the place's own id first, then those of the records merged into it.
    public var sourceIds: [String]
    public var nom: String
    public var codeInsee: String?
    /// From the origin to the place (its own coordinates, else its commune's centroid); nil when it has no location.
    public var distanceKm: Double?
    /// Labels of the services matched: the one asked or finer ones under it.
    public var services: [String]
    public var intermediaries: [Member]
    public var kind: Kind
    /// Offers the service remotely.
    public var remote: Bool
    /// Matched through its zone of intervention.
    public var zone: Bool
    public var horaires: String?
    /// Where it is (its own coordinates, else its commune's centroid); nil for an intermediary without a place.
    public var latitude: Double? = nil
    public var longitude: Double? = nil

    public struct Member: Sendable, Equatable, Codable {
        public var id: String
        public var nom: String?
        public var type: String
        public var headcount: Int?
    }

    enum CodingKeys: String, CodingKey {
        case id, nom
        case sourceIds = "source_ids"
        case codeInsee = "code_insee"
        case distanceKm = "distance_km"
        case services, intermediaries, kind, remote, zone, horaires, latitude, longitude
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(sourceIds, forKey: .sourceIds)
        try container.encode(nom, forKey: .nom)
        try container.encode(codeInsee, forKey: .codeInsee)
        try container.encode(distanceKm, forKey: .distanceKm)
        try container.encode(services, forKey: .services)
        try container.encode(intermediaries, forKey: .intermediaries)
        try container.encode(kind, forKey: .kind)
        try container.encode(remote, forKey: .remote)
        try container.encode(zone, forKey: .zone)
        try container.encode(horaires, forKey: .horaires)
        try container.encode(latitude, forKey: .latitude)
        try container.encode(longitude, forKey: .longitude)
    }
}
