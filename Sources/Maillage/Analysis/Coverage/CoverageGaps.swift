/// "Where does nobody relay service S?": `maillage gaps`.
public struct GapQuery: Sendable {
    public var service: String
    public var radiusKm: Double
    public var level: TerritoryLevel = .commune
    /// Only the communes inside this territory (see ``TerritoryTable/communes(within:)``).
    public var within: String?
    /// A commune is covered when at least this many relays reach it.
    public var minRelays = 1
    public var publics: [String] = []
    public var priseEnCharge: [String] = []
    public var free = false
    public var labels: [String] = []
    /// Only relays open then count (local time in France): places whose opening hours say so.
    /// Relays whose hours are unknown, relays without a place and zones of intervention have no
    /// hours to say it: they are left out, and counted (``AppliedFilters``).
    public var openAt: LocalDateTime?

    public init(service: String, radiusKm: Double) {
        self.service = service
        self.radiusKm = radiusKm
    }
}

/// The coverage of a service, by territory, most uncovered population first.
public struct GapReport: Sendable, Equatable, Codable {
    public var service: String
    public var radiusKm: Double
    public var level: TerritoryLevel
    public var minRelays: Int
    public var population: Int
    public var uncoveredPopulation: Int
    public var territories: [TerritoryGap]
    /// The territory of `within`, as understood (nil when the query had none).
    public var within: ResolvedTerritory? = nil
    /// Communes of the scope with no coordinates: left out of every figure above, counted here.
    public var communesWithoutLocation = CommunesWithoutLocation()

    enum CodingKeys: String, CodingKey {
        case within
        case communesWithoutLocation = "communes_without_location"
        case service
        case radiusKm = "radius_km"
        case level
        case minRelays = "min_relays"
        case population
        case uncoveredPopulation = "uncovered_population"
        case territories
    }
}

public struct TerritoryGap: Sendable, Equatable, Codable {
    public var code: String
    public var nom: String
    public var population: Int
    public var uncoveredPopulation: Int
    /// At commune level: the distance from the centroid to the nearest relay; nil when there is none.
    public var nearestKm: Double?
    /// At commune level: relays within the radius of the centroid.
    public var relaysWithin: Int?
    /// At commune level: relays beyond the radius whose zone of intervention covers the commune.
    public var relaysByZone: Int?
    public var communes: Int
    public var uncoveredCommunes: Int

    enum CodingKeys: String, CodingKey {
        case code, nom, population
        case uncoveredPopulation = "uncovered_population"
        case nearestKm = "nearest_km"
        case relaysWithin = "relays_within"
        case relaysByZone = "relays_by_zone"
        case communes
        case uncoveredCommunes = "uncovered_communes"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(nom, forKey: .nom)
        try container.encode(population, forKey: .population)
        try container.encode(uncoveredPopulation, forKey: .uncoveredPopulation)
        try container.encode(nearestKm, forKey: .nearestKm)
        try container.encode(relaysWithin, forKey: .relaysWithin)
        try container.encode(relaysByZone, forKey: .relaysByZone)
        try container.encode(communes, forKey: .communes)
        try container.encode(uncoveredCommunes, forKey: .uncoveredCommunes)
    }
}

extension RelayDirectory {
    /// Coverage of the query's service: a commune is covered when at least `minRelays` relays of
    /// it (or of a finer service under it) passing the filters lie within the radius of its
    /// centroid (inclusive) or have a zone of intervention that includes it. Remote help does not
    /// cover. Communes without coordinates are left out of every figure and counted apart.
    ///
    /// - Complexity: O(communes × relays near each), with a grid for the radius and ring search for the nearest.
    public func gaps(_ query: GapQuery, territories: TerritoryTable) throws(QueryError) -> GapReport {
        let candidates = try candidates(for: query)
        let nearest = NearestPoint(latitudes: entries.map(\.latitude), longitudes: entries.map(\.longitude)) { candidates.eligible[$0] }
        let within = try query.within.map(territories.territory)
        let (scope, withoutLocation) = territories.locatedCommunes(in: within)

        var rows: [String: TerritoryGap] = [:]
        var order: [String] = []
        var population = 0, uncovered = 0
        for index in scope {
            let commune = territories.communes[index]
            let coverers = coverers(of: commune, radiusKm: query.radiusKm, candidates)
            let distances = coverers.compactMap(\.distanceKm)
            let within = distances.count, byZoneOnly = coverers.count - within
            let isCovered = coverers.count >= query.minRelays
            let gap = isCovered ? 0 : commune.population
            population += commune.population
            uncovered += gap
            guard let code = commune.code(at: query.level) else { continue }
            if rows[code] == nil {
                order.append(code)
                rows[code] = TerritoryGap(code: code, nom: territories.name(of: code, at: query.level), population: 0, uncoveredPopulation: 0,
                                          nearestKm: nil, relaysWithin: nil, relaysByZone: nil, communes: 0, uncoveredCommunes: 0)
            }
            rows[code]?.population += commune.population
            rows[code]?.uncoveredPopulation += gap
            rows[code]?.communes += 1
            rows[code]?.uncoveredCommunes += isCovered ? 0 : 1
            if query.level == .commune {
                rows[code]?.relaysWithin = within
                rows[code]?.relaysByZone = byZoneOnly
                rows[code]?.nearestKm = distances.min() ?? nearest.nearest(latitude: commune.latitude, longitude: commune.longitude)?.distanceKm
            }
        }
        let territories = order.compactMap { rows[$0] }.sorted {
            ($0.uncoveredPopulation, $0.population, $1.code) > ($1.uncoveredPopulation, $1.population, $0.code)
        }
        return GapReport(service: catalog.labels[candidates.service], radiusKm: query.radiusKm, level: query.level,
                         minRelays: query.minRelays, population: population, uncoveredPopulation: uncovered, territories: territories,
                         within: within, communesWithoutLocation: withoutLocation)
    }
}
