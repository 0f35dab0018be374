/// One active place record as dedupe sees it: its identity, source, and what the comparison reads.
public struct DedupeRecord: Sendable {
    public var nodeId: Int64
    public var publicId: String
    public var source: String
    public var nom: String
    /// SIRET (or RNA) as imported.
    public var siret: String?
    public var codeInsee: String?
    public var adresse: String?
    /// Coordinates from the source file; nil for lists that give none (CNFS, Aidants Connect).
    public var latitude: Double?
    public var longitude: Double?
    public var typologie: String?

    public init(nodeId: Int64, publicId: String, source: String, nom: String, siret: String? = nil, codeInsee: String? = nil,
                adresse: String? = nil, latitude: Double? = nil, longitude: Double? = nil, typologie: String? = nil) {
        self.nodeId = nodeId
        self.publicId = publicId
        self.source = source
        self.nom = nom
        self.siret = siret
        self.codeInsee = codeInsee
        self.adresse = adresse
        self.latitude = latitude
        self.longitude = longitude
        self.typologie = typologie
    }
}

/// A record with its comparable forms worked out once.
struct ComparableRecord {
    var record: DedupeRecord
    var name: ComparableName
    var street: [UInt8]
    var kind: StructureKind?

    init(_ record: DedupeRecord) {
        self.record = record
        name = ComparableName(record.nom)
        street = ComparableStreet.of(record.adresse)
        kind = StructureKind.of(name: FoldedText(record.nom), typologie: record.typologie)
    }

    var coordinates: (latitude: Double, longitude: Double)? {
        guard let latitude = record.latitude, let longitude = record.longitude else { return nil }
        return (latitude, longitude)
    }
}
