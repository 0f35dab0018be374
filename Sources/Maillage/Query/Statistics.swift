/// Counts of what the directory holds: by kind, by actor type, by département and by service.
public struct Statistics: Sendable, Equatable, Codable {
    public var communes: Int
    public var epci: Int
    public var departements: Int
    public var regions: Int
    public var population: Int
    public var places: Int
    public var activePlaces: Int
    public var intermediaries: Intermediaries
    public var services: [ServiceCount]
    public var referrals: Int
    /// Places made of several source records (`dedupe`), and how many records they hold.
    public var mergedPlaces: Int = 0
    public var mergedRecords: Int = 0
    public var byDepartement: [DepartementCount]
    public var sources: [SourceCount]

    public struct Intermediaries: Sendable, Equatable, Codable {
        public var count: Int
        /// The sum of known headcounts.
        public var headcount: Int
        public var byType: [TypeCount]

        enum CodingKeys: String, CodingKey { case count, headcount, byType = "by_type" }
    }

    public struct TypeCount: Sendable, Equatable, Codable {
        public var type: String
        public var label: String
        public var count: Int
        public var headcount: Int
    }

    public struct ServiceCount: Sendable, Equatable, Codable {
        public var slug: String
        public var label: String
        public var level: String
        /// Places relaying it (themselves or through an intermediary working there).
        public var places: Int
        public var intermediaries: Int
    }

    public struct DepartementCount: Sendable, Equatable, Codable {
        public var code: String
        public var nom: String
        public var places: Int
        public var intermediaries: Int
        public var headcount: Int
    }

    public struct SourceCount: Sendable, Equatable, Codable {
        public var name: String
        /// The source's place records, merged or not.
        public var places: Int
        public var intermediaries: Int
        /// Its place records merged into a place whose primary record is another.
        public var merged: Int = 0
    }

    enum CodingKeys: String, CodingKey {
        case communes, epci, departements, regions, population, places
        case activePlaces = "active_places"
        case intermediaries, services, referrals
        case mergedPlaces = "merged_places"
        case mergedRecords = "merged_records"
        case byDepartement = "by_departement"
        case sources
    }
}
