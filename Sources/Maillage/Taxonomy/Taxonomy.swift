import Foundation

/// The controlled vocabularies maillage works with: actor types, services, programmes,
/// structure typologies and the enumerations of the national schema, with their aliases.
///
/// Loaded from `Seeds/taxonomy/*.json` by `maillage init`, stored in the database, and read back
/// from there by every later command.
public struct Taxonomy: Sendable, Codable, Equatable {
    public var actorTypes: [ActorTypeEntry]
    public var services: [ServiceEntry]
    public var programmes: [ProgrammeEntry]
    public var typologies: [TypologyEntry]
    public var enumerations: Enumerations
    public var aidantsConnectThemes: [String: [String]]
    /// How data·inclusion's vocabularies map onto this taxonomy; nil in a database loaded before it existed.
    public var dataInclusion: DataInclusionCrosswalk?

    /// One of the 13 kinds of intermediary.
    public struct ActorTypeEntry: Sendable, Codable, Equatable {
        public var slug: String
        public var label: String
        /// `person` (a role held by people) or `structure`.
        public var kind: String
        /// The services this type relays when a source file does not say (labels).
        public var services: [String]?
    }

    /// A service of the taxonomy: national (v1), a finer v0.1 service, or an operator's démarche.
    public struct ServiceEntry: Sendable, Codable, Equatable {
        public var slug: String
        public var label: String
        public var level: ServiceLevel
        /// The slug of the service this one sits under.
        public var parent: String?
        public var aliases: [String]?
        /// What a person sent for this service should bring (`a_apporter`): shown on the referral sheet.
        public var toBring: [String]?

        enum CodingKeys: String, CodingKey {
            case slug, label, level, parent, aliases
            case toBring = "a_apporter"
        }
    }

    public enum ServiceLevel: String, Sendable, Codable, CaseIterable {
        case national
        case v01 = "v0.1"
        case demarche
    }

    /// A national programme or label (France Services, Conseillers numériques…).
    public struct ProgrammeEntry: Sendable, Codable, Equatable {
        public var slug: String
        public var label: String
        /// Whether the v1 schema's `dispositif_programmes_nationaux` lists it.
        public var v1: Bool
        public var aliases: [String]?
    }

    /// A data·inclusion structure typology code.
    public struct TypologyEntry: Sendable, Codable, Equatable {
        public var code: String
        public var label: String
    }

    /// The v1 schema's enumerated fields and the v0.1 values that map onto them.
    public struct Enumerations: Sendable, Codable, Equatable {
        public var fields: [String: [EnumerationValue]]
        /// v0.1 field → v0.1 value → (v1 field, v1 label), or nil where the value has no v1 counterpart.
        public var v01: [String: [String: [String]?]]
    }

    public struct EnumerationValue: Sendable, Codable, Equatable {
        public var label: String
        public var aliases: [String]?
    }
}

extension Taxonomy {
    /// The files of a seeds directory, by the name they are stored under.
    static let fileNames = [
        "actor-types", "services", "programmes", "typologies", "enumerations", "aidants-connect-themes",
    ]

    /// Loads the taxonomy from a directory holding the `Seeds/taxonomy` JSON files, or from the
    /// `Seeds` directory itself (a directory without them but with a `taxonomy` folder is read there).
    public static func load(from directory: URL) throws -> Taxonomy {
        let folder = taxonomyFolder(in: directory)
        func read(_ name: String) throws -> Data {
            let url = folder.appendingPathComponent("\(name).json")
            do { return try Data(contentsOf: url) } catch {
                throw MaillageError.seedsMissing(path: url.path)
            }
        }
        var documents = Dictionary(uniqueKeysWithValues: try fileNames.map { ($0, try read($0)) })
        documents[DataInclusionCrosswalk.fileName] = try? Data(contentsOf: folder.appendingPathComponent("\(DataInclusionCrosswalk.fileName).json"))
        return try decode(documents: documents)
    }

    /// `directory`, or its `taxonomy` folder when the files are there rather than in `directory`.
    static func taxonomyFolder(in directory: URL) -> URL {
        let nested = directory.appendingPathComponent("taxonomy")
        let marker = "\(fileNames[0]).json"
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: directory.appendingPathComponent(marker).path),
              fileManager.fileExists(atPath: nested.appendingPathComponent(marker).path) else { return directory }
        return nested
    }

    /// Builds the taxonomy from the JSON documents named as in ``fileNames``.
    static func decode(documents: [String: Data]) throws -> Taxonomy {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
            guard let data = documents[name] else { throw MaillageError.seedsMissing(path: "\(name).json") }
            do { return try decoder.decode(type, from: data) } catch {
                throw MaillageError.invalidSeeds(file: "\(name).json", reason: String(describing: error))
            }
        }
        struct ThemesFile: Decodable { var themes: [String: [String]] }
        let taxonomy = Taxonomy(
            actorTypes: try decode([ActorTypeEntry].self, "actor-types"),
            services: try decode([ServiceEntry].self, "services"),
            programmes: try decode([ProgrammeEntry].self, "programmes"),
            typologies: try decode([TypologyEntry].self, "typologies"),
            enumerations: try decode(Enumerations.self, "enumerations"),
            aidantsConnectThemes: try decode(ThemesFile.self, "aidants-connect-themes").themes,
            dataInclusion: documents[DataInclusionCrosswalk.fileName] == nil ? nil
                : try decode(DataInclusionCrosswalk.self, DataInclusionCrosswalk.fileName)
        )
        try taxonomy.validate()
        return taxonomy
    }

    /// Checks that every reference inside the taxonomy names something that exists.
    func validate() throws {
        let slugs = Set(services.map(\.slug))
        let labels = Set(services.map(\.label))
        for service in services {
            if let parent = service.parent, !slugs.contains(parent) {
                throw MaillageError.invalidSeeds(file: "services.json", reason: "service '\(service.slug)' names an unknown parent '\(parent)'")
            }
        }
        for type in actorTypes { for label in type.services ?? [] where !labels.contains(label) {
            throw MaillageError.invalidSeeds(file: "actor-types.json", reason: "actor type '\(type.slug)' names an unknown service '\(label)'")
        } }
        for (theme, list) in aidantsConnectThemes { for label in list where !labels.contains(label) {
            throw MaillageError.invalidSeeds(file: "aidants-connect-themes.json", reason: "theme '\(theme)' names an unknown service '\(label)'")
        } }
        try dataInclusion?.validate(services: slugs, actorTypes: Set(actorTypes.map(\.slug)), programmes: Set(programmes.map(\.slug)))
    }
}
