import Foundation
@testable import Maillage

/// Fresh values for tests: every call returns a new store or text.
enum Fixtures {
    /// The repository's root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = root.appendingPathComponent("Seeds")
    /// The shared real data files (`../shared/data` beside the project).
    static let sharedData = root.deletingLastPathComponent().appendingPathComponent("shared/data")
    /// Whether the shared real data files are there (they are in CI; a clone alone lacks them).
    static var hasSharedData: Bool { FileManager.default.fileExists(atPath: sharedData.path) }

    static func taxonomy() throws -> Taxonomy {
        try Taxonomy.load(from: seeds.appendingPathComponent("taxonomy"))
    }

    /// An in-memory store with the taxonomy loaded.
    static func store() throws -> Store {
        let store = try Store.inMemory()
        try store.loadTaxonomy(try taxonomy())
        return store
    }

    /// An in-memory store with the taxonomy and the small commune list below.
    static func storeWithCommunes() throws -> Store {
        let store = try store()
        _ = try store.importData(.communes, name: "communes.csv", data: Data(communes.utf8))
        return store
    }

    static let communesHeader = "code_insee,nom,code_departement,nom_departement,code_region,nom_region,siren_epci,nom_epci,nature_epci,population_municipale,population_totale,latitude,longitude,source_coordonnees"

    /// Five communes in two départements; Privas and Alboussière share an EPCI, Lyon stands alone.
    static let communes = """
        \(communesHeader)
        07186,Privas,07,Ardèche,84,Auvergne-Rhône-Alpes,200071413,CA Privas Centre Ardèche,CA,8000,8200,44.735,4.599,commune
        07007,Alboussière,07,Ardèche,84,Auvergne-Rhône-Alpes,200071413,CA Privas Centre Ardèche,CA,2000,2050,44.94,4.73,commune
        07019,Aubenas,07,Ardèche,84,Auvergne-Rhône-Alpes,200072023,CC du Bassin d'Aubenas,CC,12000,12400,44.62,4.39,commune
        69123,Lyon,69,Rhône,84,Auvergne-Rhône-Alpes,200046977,Métropole de Lyon,MET69,520000,530000,45.76,4.83,moyenne_sous_entites
        01053,Bourg-en-Bresse,01,Ain,84,Auvergne-Rhône-Alpes,200071751,CA du Bassin de Bourg-en-Bresse,CA,42000,43000,46.2,5.22,commune

        """

    static let lieuxHeader = LieuColumn.allCases.map(\.rawValue).joined(separator: ",")

    /// One v1 row with the given values; other columns empty.
    static func lieuRow(_ values: [LieuColumn: String]) -> String {
        var writer = CSVWriter()
        writer.writeRow(LieuColumn.allCases.map { values[$0] ?? "" })
        return writer.text
    }

    /// A v1 lieux file of the given rows.
    static func lieux(_ rows: [[LieuColumn: String]]) -> Data {
        Data((lieuxHeader + "\n" + rows.map(lieuRow).joined()).utf8)
    }

    /// A valid v1 row; `overrides` replace its values.
    static func lieu(_ id: String, _ overrides: [LieuColumn: String] = [:]) -> [LieuColumn: String] {
        var values: [LieuColumn: String] = [
            .id: id, .nom: "Médiathèque \(id)", .commune: "Privas", .codePostal: "07000", .codeInsee: "07186",
            .latitude: "44.736", .longitude: "4.6", .dateMaj: "2025-01-15", .source: "test",
            .services: "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien",
        ]
        values.merge(overrides) { _, new in new }
        return values
    }
}
