/// One answer of `maillage search`.
public struct SearchHit: Sendable, Equatable, Codable {
    /// How a hit was found.
    public enum Match: String, Sendable, Codable {
        /// Every word appears in the name, commune or description (full-text index).
        case words
        /// The words name a département, and the hit lies in it (with the other words, if any).
        case departement
        /// Within a few typing mistakes of the words, in the name or commune.
        case approximate
    }

    public var id: String
    public var kind: RelayResult.Kind
    public var nom: String
    /// The commune text searched: official name, the row's own commune and postal code (or, for an
    /// intermediary, the communes where it works), as one string.
    public var commune: String
    /// The matching part of the description, with the matched words in [brackets].
    public var snippet: String
    /// A place's commune: INSEE code, official name, postal code and département code.
    public var codeInsee: String? = nil
    public var communeNom: String? = nil
    public var codePostal: String? = nil
    public var departement: String? = nil
    public var match: Match = .words

    enum CodingKeys: String, CodingKey {
        case id, kind, nom, commune, snippet
        case codeInsee = "code_insee"
        case communeNom = "commune_nom"
        case codePostal = "code_postal"
        case departement, match
    }

    public init(id: String, kind: RelayResult.Kind, nom: String, commune: String, snippet: String, match: Match = .words) {
        self.id = id
        self.kind = kind
        self.nom = nom
        self.commune = commune
        self.snippet = snippet
        self.match = match
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        kind = try container.decode(RelayResult.Kind.self, forKey: .kind)
        nom = try container.decode(String.self, forKey: .nom)
        commune = try container.decode(String.self, forKey: .commune)
        snippet = try container.decode(String.self, forKey: .snippet)
        codeInsee = try container.decodeIfPresent(String.self, forKey: .codeInsee)
        communeNom = try container.decodeIfPresent(String.self, forKey: .communeNom)
        codePostal = try container.decodeIfPresent(String.self, forKey: .codePostal)
        departement = try container.decodeIfPresent(String.self, forKey: .departement)
        match = try container.decodeIfPresent(Match.self, forKey: .match) ?? .words
    }

    /// Every key, nulls included.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(nom, forKey: .nom)
        try container.encode(commune, forKey: .commune)
        try container.encode(snippet, forKey: .snippet)
        try container.encode(codeInsee, forKey: .codeInsee)
        try container.encode(communeNom, forKey: .communeNom)
        try container.encode(codePostal, forKey: .codePostal)
        try container.encode(departement, forKey: .departement)
        try container.encode(match, forKey: .match)
    }
}
