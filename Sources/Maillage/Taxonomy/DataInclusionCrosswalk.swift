/// How data·inclusion's vocabularies map onto the taxonomy (`Seeds/taxonomy/data-inclusion.json`):
/// a service's thematiques to taxonomy services, a structure's typologie and reseaux_porteurs to an
/// actor type and programmes, frais and publics to the v1 labels the filters read.
public struct DataInclusionCrosswalk: Sendable, Codable, Equatable {
    /// What one of data·inclusion's reseaux_porteurs is here.
    public struct Network: Sendable, Codable, Equatable {
        public var programme: String?
        public var actorType: String?

        enum CodingKeys: String, CodingKey {
            case programme
            case actorType = "actor_type"
        }
    }

    static let fileName = "data-inclusion"

    /// Thematique → taxonomy service slugs.
    public var thematiques: [String: [String]]
    /// Structure typologie (data·inclusion code) → actor type slug.
    public var typologies: [String: String]
    public var reseauxPorteurs: [String: Network]
    /// frais value → v1 `frais_a_charge` label.
    public var frais: [String: String]
    /// publics value → v1 `publics_specifiquement_adresses` label.
    public var publics: [String: String]

    enum CodingKeys: String, CodingKey {
        case thematiques, typologies, frais, publics
        case reseauxPorteurs = "reseaux_porteurs"
    }

    /// Checks that every slug it names exists in the taxonomy.
    func validate(services: Set<String>, actorTypes: Set<String>, programmes: Set<String>) throws {
        func refuse(_ reason: String) -> MaillageError { .invalidSeeds(file: "\(Self.fileName).json", reason: reason) }
        for (thematique, slugs) in thematiques { for slug in slugs where !services.contains(slug) {
            throw refuse("thematique '\(thematique)' names an unknown service '\(slug)'")
        } }
        for (typologie, type) in typologies where !actorTypes.contains(type) { throw refuse("typologie '\(typologie)' names an unknown actor type '\(type)'") }
        for (network, mapping) in reseauxPorteurs {
            if let type = mapping.actorType, !actorTypes.contains(type) { throw refuse("reseau '\(network)' names an unknown actor type '\(type)'") }
            if let programme = mapping.programme, !programmes.contains(programme) { throw refuse("reseau '\(network)' names an unknown programme '\(programme)'") }
        }
    }
}
