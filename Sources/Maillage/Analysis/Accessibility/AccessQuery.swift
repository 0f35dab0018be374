/// "Where is access thin even if not zero?": `maillage access`.
public struct AccessQuery: Sendable {
    public enum Method: String, Sendable, Codable, CaseIterable {
        /// Two-step floating catchment area: every site within the catchment counts fully.
        case twoStep = "2sfca"
        /// Enhanced 2SFCA: sites count less with distance, by bands.
        case enhanced = "e2sfca"
    }

    public enum Demand: String, Sendable, Codable, CaseIterable {
        /// The commune's population (population municipale).
        case population
        /// The population weighted by the commune's digital fragility index: population × index / 10.
        case fragility
    }

    /// A service label, slug or alias.
    public var service: String
    public var method: Method = .enhanced
    /// The catchment in km; by default the last band's bound (E2SFCA) or 30 km (2SFCA).
    public var catchmentKm: Double?
    /// The E2SFCA bands; PySAL access's defaults when nil.
    public var bands: [DistanceWeighting.Band]?
    public var demand: Demand = .population
    /// Only report the communes of this territory (the scores are always computed nationally,
    /// since catchments cross borders).
    public var within: String?
    /// Only sites open then count (local time in France); those whose hours are unknown are left out, counted.
    public var openAt: LocalDateTime?

    public init(service: String) {
        self.service = service
    }

    /// The distance weighting of the method.
    public var weighting: DistanceWeighting {
        method == .twoStep ? .uniform : .bands(bands ?? DistanceWeighting.defaultBands)
    }

    /// The catchment actually used.
    public var effectiveCatchmentKm: Double {
        if let catchmentKm { return catchmentKm }
        if method == .enhanced { return (bands ?? DistanceWeighting.defaultBands).last?.maxKm ?? 30 }
        return 30
    }
}

/// The accessibility of a service for every commune (or those of a territory).
public struct AccessReport: Sendable, Equatable, Codable {
    public var service: String
    public var method: AccessQuery.Method
    public var catchmentKm: Double
    /// The distance bands (E2SFCA only).
    public var bands: [DistanceWeighting.Band]?
    public var demand: AccessQuery.Demand
    /// Supply sites: places relaying the service, with a location.
    public var sites: Int
    /// Their total supply (known headcounts, 1 where none is known).
    public var supply: Double
    /// Places relaying the service that have no location (neither their own nor their commune's).
    public var sitesWithoutLocation: Int
    /// The demand-weighted mean score over every commune loaded with a location (France, on national data): what `normalized` divides by.
    public var meanScore: Double
    /// Communes whose demand is their EPCI's index (absent from the index's COG), or the national
    /// mean index (absent from both), with `--demand fragility`.
    public var fragilityFromEpci: Int?
    public var fragilityFromMean: Int?
    /// Inhabitants (of the reported communes) with no site within the catchment.
    public var populationWithoutAccess: Int
    public var communes: [CommuneAccess]
    /// The territory of `within`, as understood (nil when the query had none).
    public var within: ResolvedTerritory? = nil
    /// Communes of the scope with no coordinates: left out of every figure above, counted here.
    public var communesWithoutLocation = CommunesWithoutLocation()
    /// The moment sites had to be open, and how many relaying the service were left out for hours unknown.
    public var openAt: String? = nil
    public var unknownHoursLeftOut: Int? = nil

    enum CodingKeys: String, CodingKey {
        case within
        case communesWithoutLocation = "communes_without_location"
        case service, method
        case catchmentKm = "catchment_km"
        case bands, demand, sites, supply
        case sitesWithoutLocation = "sites_without_location"
        case meanScore = "mean_score"
        case fragilityFromEpci = "fragility_from_epci"
        case fragilityFromMean = "fragility_from_mean"
        case populationWithoutAccess = "population_without_access"
        case openAt = "open_at"
        case unknownHoursLeftOut = "unknown_hours_left_out"
        case communes
    }
}

/// One commune's accessibility: supply per unit of demand within reach, and that score relative
/// to the mean.
public struct CommuneAccess: Sendable, Equatable, Codable {
    public var code: String
    public var nom: String
    public var population: Int
    public var demand: Double
    public var score: Double
    /// The score divided by the demand-weighted mean score of France: 1 is average, 0 is no access.
    public var normalized: Double
}
