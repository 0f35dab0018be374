import Foundation
import Testing

/// Through the binary: a commune without coordinates is warned at import, and left out of the
/// figures of gaps, access and plan, which report it apart.
@Suite struct CommunesWithoutLocationCLITests {
    static let communes = """
        code_insee,nom,code_departement,nom_departement,code_region,nom_region,siren_epci,nom_epci,nature_epci,population_municipale,population_totale,latitude,longitude,source_coordonnees
        07186,Privas,07,Ardèche,84,Auvergne-Rhône-Alpes,200071413,CA Privas Centre Ardèche,CA,8000,8200,44.735,4.599,commune
        07007,Alboussière,07,Ardèche,84,Auvergne-Rhône-Alpes,200071413,CA Privas Centre Ardèche,CA,2000,2050,44.94,4.73,commune
        07999,Sans-Lieu,07,Ardèche,84,Auvergne-Rhône-Alpes,200071413,CA Privas Centre Ardèche,CA,1735,1750,,,

        """

    static let lieux = """
        id,nom,commune,code_postal,code_insee,latitude,longitude,services,date_maj,source
        A,Médiathèque,Privas,07000,07186,44.736,4.6,Aide aux démarches administratives,2025-01-15,test

        """

    static let service = "aide-aux-demarches-administratives"

    @Test func itIsWarnedAtImportAndLeftOutOfTheFigures() throws {
        let binary = try MaillageBinary.inScratchFolder()
        defer { binary.removeFolder() }
        try Data(Self.communes.utf8).write(to: URL(fileURLWithPath: binary.path("communes.csv")))
        try Data(Self.lieux.utf8).write(to: URL(fileURLWithPath: binary.path("lieux.csv")))
        #expect(try binary.run(["init", "--seeds", MaillageBinary.seeds.appendingPathComponent("taxonomy").path]).succeeded)
        let imported = try binary.run(["import", "communes", "communes.csv"])
        #expect((imported.stdout + imported.stderr).contains("commune 07999 (Sans-Lieu) has no coordinates"), "\(imported)")
        #expect(try binary.run(["import", "lieux", "lieux.csv"]).succeeded)

        let gaps = try binary.run(["gaps", "--service", Self.service, "--radius-km", "10"])
        // Privas covered, Alboussière (2,000) not; Sans-Lieu neither counted nor listed.
        #expect(gaps.stdout.contains("2000 of 10000 inhabitants uncovered"), "\(gaps)")
        #expect(!gaps.stdout.contains("07999 Sans-Lieu:"))
        #expect(gaps.stdout.contains("1 commune, 1735 inhabitants without location, left out of these figures: 07999."))
        let json = try binary.run(["gaps", "--service", Self.service, "--radius-km", "10", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let apart = try #require(object["communes_without_location"] as? [String: Any])
        #expect(apart["communes"] as? Int == 1 && apart["population"] as? Int == 1735 && apart["codes"] as? [String] == ["07999"])
        #expect(object["population"] as? Int == 10_000)

        let access = try binary.run(["access", "--service", Self.service])
        #expect(!access.stdout.contains("07999 Sans-Lieu (1735 inh.)"), "\(access)")
        #expect(access.stdout.contains("1 commune, 1735 inhabitants without location"))

        let plan = try binary.run(["plan", "--service", Self.service, "--radius-km", "10", "--candidates", "places"])
        #expect(!plan.stdout.contains("07999 Sans-Lieu"), "\(plan)")
        #expect(plan.stdout.contains("1 commune, 1735 inhabitants without location"))
    }
}
