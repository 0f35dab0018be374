/// A stored place laid out for export: its v1 fields, and what the graph adds around it.
public struct LieuRecord: Sendable, Equatable {
    public var publicId: String
    /// The v1 text fields (not id, coordinates, services or programmes), by column.
    public var text: [LieuColumn: String]
    public var codeInsee: String?
    public var latitude: Double?
    public var longitude: Double?
    /// The row's own `source` value, else the source it was imported under.
    public var sourceLabel: String?
    /// Labels of the national (v1) services relayed there, by the place or the intermediaries working there.
    public var services: [String]
    /// Labels of the finest services relayed there (v0.1 services and démarches included).
    public var finerServices: [String]
    /// Labels of its v1 programmes, then of its other labels.
    public var programmes: [String]
    public var otherProgrammes: [String]
    public var intermediaries: [Member]
    /// The commune's centroid, for places without coordinates of their own.
    public var communeLatitude: Double?
    public var communeLongitude: Double?
    public var active: Bool

    /// An intermediary working at the place.
    public struct Member: Sendable, Equatable {
        public var publicId: String
        public var actorType: String
        public var headcount: Int?
    }

    /// The value of a v1 column as text, the way the v1 CSV writes it.
    public func value(_ column: LieuColumn) -> String {
        switch column {
        case .id: publicId
        case .codeInsee: codeInsee ?? ""
        case .latitude: latitude.map { "\($0)" } ?? ""
        case .longitude: longitude.map { "\($0)" } ?? ""
        case .source: sourceLabel ?? ""
        case .services: services.joined(separator: "|")
        case .dispositifProgrammesNationaux: programmes.joined(separator: "|")
        default: text[column] ?? ""
        }
    }
}
