/// The whole directory as compact arrays indexed by integers, loaded in one read, for the
/// algorithms (coverage, accessibility, referral networks) to work on without touching SQL.
///
/// Nodes are places and intermediaries, numbered `0..<nodeCount` in public-id order; services and
/// communes have their own numbering. `-1` stands for "none" in index arrays, `nan` for an unknown
/// coordinate.
public struct GraphProjection: Sendable {
    public enum NodeKind: String, Sendable { case place, intermediary }

    // Nodes.
    public var publicIds: [String]
    /// A place's or intermediary's name (the id when it has none).
    public var names: [String]
    public var kinds: [NodeKind]
    public var active: [Bool]
    /// A place's commune (index into ``communeCodes``), -1 for intermediaries and unplaced places.
    public var commune: [Int32]
    /// A place's coordinates as every distance takes them (``EffectiveLocation``: its commune's
    /// centroid when the file's lie more than 30 km from it); NaN when it has none.
    public var latitude: [Double]
    public var longitude: [Double]
    /// An intermediary's headcount, -1 when unknown or for places.
    public var headcount: [Int32]
    /// An intermediary's actor type slug; empty for places.
    public var actorType: [String]

    // Services.
    public var serviceSlugs: [String]
    /// The service above each service, -1 for the national ones.
    public var serviceParent: [Int32]

    // Communes.
    public var communeCodes: [String]
    public var communePopulation: [Int32]
    public var communeLatitude: [Double]
    public var communeLongitude: [Double]

    // Edges.
    /// node → services it relays (value: offered remotely).
    public var relays: CompressedAdjacency<Bool>
    /// node → nodes it refers people to (value: weight, 1 when not given; service index or -1).
    public var referrals: CompressedAdjacency<Referral>
    /// intermediary → places where it works.
    public var worksAt: CompressedAdjacency<Void>

    public struct Referral: Sendable, Equatable {
        public var weight: Double
        public var service: Int32
    }

    private var indexByPublicId: [String: Int]
    /// The public ids of merged records, with the id of the place they are merged into.
    public var mergedIds: [String: String] = [:]
    private var indexByServiceSlug: [String: Int]

    public var nodeCount: Int { publicIds.count }

    /// The node numbered for `publicId`: any source id of a merged place gives the place.
    public func node(_ publicId: String) -> Int? { indexByPublicId[mergedIds[publicId] ?? publicId] }

    /// The numbers of the communes inside `scope` (see ``TerritoryTable/communes(within:)``).
    public func communes(within scope: String, territories: TerritoryTable) throws(QueryError) -> Set<Int32> {
        let codes = Set(try territories.communes(within: scope).map { territories.communes[$0].code })
        return Set(communeCodes.indices.filter { codes.contains(communeCodes[$0]) }.map(Int32.init))
    }

    /// The number of `slug`.
    public func service(_ slug: String) -> Int? { indexByServiceSlug[slug] }

    init(
        publicIds: [String], names: [String], kinds: [NodeKind], active: [Bool], commune: [Int32], latitude: [Double], longitude: [Double],
        headcount: [Int32], actorType: [String], serviceSlugs: [String], serviceParent: [Int32], communeCodes: [String],
        communePopulation: [Int32], communeLatitude: [Double], communeLongitude: [Double],
        relays: CompressedAdjacency<Bool>, referrals: CompressedAdjacency<Referral>, worksAt: CompressedAdjacency<Void>
    ) {
        self.publicIds = publicIds
        self.names = names
        self.kinds = kinds
        self.active = active
        self.commune = commune
        self.latitude = latitude
        self.longitude = longitude
        self.headcount = headcount
        self.actorType = actorType
        self.serviceSlugs = serviceSlugs
        self.serviceParent = serviceParent
        self.communeCodes = communeCodes
        self.communePopulation = communePopulation
        self.communeLatitude = communeLatitude
        self.communeLongitude = communeLongitude
        self.relays = relays
        self.referrals = referrals
        self.worksAt = worksAt
        indexByPublicId = Dictionary(uniqueKeysWithValues: publicIds.enumerated().map { ($1, $0) })
        indexByServiceSlug = Dictionary(uniqueKeysWithValues: serviceSlugs.enumerated().map { ($1, $0) })
    }
}
