/// Everything known about one place or intermediary: `maillage show ID`.
public struct NodeProfile: Sendable, Equatable, Codable {
    public var id: String
    public var kind: RelayResult.Kind
    public var nom: String?
    public var source: String
    public var active: Bool
    /// The actor type of an intermediary.
    public var type: String?
    public var headcount: Int?
    public var codeInsee: String?
    public var commune: String?
    public var adresse: String?
    public var latitude: Double?
    public var longitude: Double?
    public var horaires: String?
    public var services: [Relayed]
    public var programmes: [String]
    /// Zone of intervention, as `level:code` (`epci:200071413`) or `france`.
    public var zone: [String]
    /// For a place, the intermediaries working there; for an intermediary, its places.
    public var worksWith: [Link]
    public var refersTo: [Referral]
    public var referredFrom: [Referral]
    /// A place's contacts, as stored: its phone number, e-mail addresses and websites.
    public var telephone: String? = nil
    public var courriels: [String] = []
    public var siteWeb: [String] = []
    public var codePostal: String? = nil
    /// How to get help there: the national schema's `modalites_acces`, `frais_a_charge` and `prise_rdv` (a booking address).
    public var modalitesAcces: [String] = []
    public var fraisACharge: [String] = []
    public var priseRdv: String? = nil
    /// Every source record's id: the node's own id first, then those of the records merged into it.
    public var sourceIds: [String] = []
    /// A merged place's source records (empty for a node of one record).
    public var records: [SourceRecord] = []

    /// One source row merged into a place: its id, source, date and whether its source still lists it.
    public struct SourceRecord: Sendable, Equatable, Codable {
        public var id: String
        public var source: String
        public var dateMaj: String?
        public var active: Bool

        enum CodingKeys: String, CodingKey {
            case id, source
            case dateMaj = "date_maj"
            case active
        }
    }

    public struct Relayed: Sendable, Equatable, Codable {
        public var label: String
        public var remote: Bool
    }

    /// A place's intermediary (with its actor type, headcount and the services it relays) or an
    /// intermediary's place (those three empty).
    public struct Link: Sendable, Equatable, Codable {
        public var id: String
        public var nom: String?
        public var type: String? = nil
        public var headcount: Int? = nil
        public var services: [String] = []
    }

    public struct Referral: Sendable, Equatable, Codable {
        public var id: String
        public var nom: String?
        public var service: String?
        public var weight: Double?
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, nom, source, active, type, headcount
        case codeInsee = "code_insee"
        case commune, adresse, latitude, longitude, horaires, services, programmes, zone
        case worksWith = "works_with"
        case refersTo = "refers_to"
        case referredFrom = "referred_from"
        case telephone, courriels
        case siteWeb = "site_web"
        case codePostal = "code_postal"
        case modalitesAcces = "modalites_acces"
        case fraisACharge = "frais_a_charge"
        case priseRdv = "prise_rdv"
        case sourceIds = "source_ids"
        case records
    }
}
