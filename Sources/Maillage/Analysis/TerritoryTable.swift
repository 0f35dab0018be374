/// The territorial hierarchy with names and populations, for aggregating analyses per territory.
public struct TerritoryTable: Sendable {
    public struct Commune: Sendable, Equatable {
        public var code: String
        public var nom: String
        public var population: Int
        public var latitude: Double
        public var longitude: Double
        public var epci: String?
        public var departement: String
        public var region: String

        /// The code of the territory of `level` this commune belongs to.
        public func code(at level: TerritoryLevel) -> String? {
            switch level {
            case .commune: code
            case .epci: epci
            case .departement: departement
            case .region: region
            case .france: "france"
            }
        }
    }

    /// Every commune, ordered by code.
    public var communes: [Commune]
    /// Names of the EPCI, départements and régions, by level and code.
    public var names: [TerritoryLevel: [String: String]]
    /// The municipal arrondissements of the communes loaded (Paris, Lyon, Marseille), ordered by code:
    /// their codes are accepted wherever a commune is asked for, and answered for their commune.
    public var arrondissements: [MunicipalArrondissement]
    /// The postal codes the directory knows for its communes, to say when a code given is also one.
    public var postalCodes: PostalCodes

    public init(communes: [Commune], names: [TerritoryLevel: [String: String]], postalCodes: PostalCodes = PostalCodes()) {
        self.communes = communes
        self.names = names
        self.postalCodes = postalCodes
        let loaded = Set(communes.map(\.code))
        arrondissements = MunicipalArrondissement.all.filter { loaded.contains($0.commune) }
    }

    /// The name of a territory.
    public func name(of code: String, at level: TerritoryLevel) -> String {
        level == .france ? "France" : names[level]?[code] ?? code
    }

    /// The commune with this INSEE code (the communes are ordered by code: a binary search).
    public func communeRow(code: String) -> Commune? {
        var low = 0, high = communes.count
        while low < high {
            let middle = (low + high) / 2
            if communes[middle].code < code { low = middle + 1 } else { high = middle }
        }
        return low < communes.count && communes[low].code == code ? communes[low] : nil
    }

    /// The indices of the communes inside `scope` (all of them when nil).
    ///
    /// `scope` is read by ``territory(_:)``: a commune code (5 characters; a municipal
    /// arrondissement's stands for its commune), an EPCI SIREN (9 digits), a département code, or
    /// `region:CODE` (région and département codes overlap: bare `84` is Vaucluse).
    public func communes(within scope: String?) throws(QueryError) -> [Int] {
        guard let scope else { return Array(communes.indices) }
        return communes(in: try territory(scope))
    }

    /// The indices of the communes inside a resolved territory.
    public func communes(in territory: ResolvedTerritory) -> [Int] {
        communes.indices.filter { communes[$0].code(at: territory.level) == territory.code }
    }

    /// How an answer names the territory `scope` resolves to, kind first, as a reader checks it:
    /// `commune 07186 Privas`, `EPCI 200072015 CA Annonay Rhône Agglo`, `département 07
    /// Ardèche`, `région 84 Auvergne-Rhône-Alpes` (a bare code that is no département loaded is
    /// the région, and this says so), `France`.
    public func label(of scope: String) throws(QueryError) -> String {
        try territory(scope).label
    }

    /// The level and code a scope names.
    func resolve(_ scope: String) throws(QueryError) -> (TerritoryLevel, String) {
        let territory = try territory(scope)
        return (territory.level, territory.code)
    }

    func known(_ code: String, at level: TerritoryLevel) -> Bool {
        switch level {
        case .commune: communeRow(code: code) != nil
        case .france: code.lowercased() == "france"
        default: names[level]?[code] != nil
        }
    }
}
