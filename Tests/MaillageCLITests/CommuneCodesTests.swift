import Foundation
@testable import Maillage
import Testing

/// Commune codes as users give them: municipal arrondissements stand for their commune, and every
/// answer names the commune it is for and says when the code is also another commune's postal code.
@Suite struct CommuneCodesTests {
    static let communes = """
        code_insee,nom,code_departement,nom_departement,code_region,nom_region,siren_epci,nom_epci,nature_epci,population_municipale,population_totale,latitude,longitude,source_coordonnees
        75056,Paris,75,Paris,11,Île-de-France,200054781,Métropole du Grand Paris,METRO,2100000,2150000,48.86,2.34,moyenne_sous_entites
        13001,Aix-en-Provence,13,Bouches-du-Rhône,93,Provence-Alpes-Côte d'Azur,200054807,Métropole d'Aix-Marseille-Provence,METRO,147000,150000,43.53,5.45,commune
        13055,Marseille,13,Bouches-du-Rhône,93,Provence-Alpes-Côte d'Azur,200054807,Métropole d'Aix-Marseille-Provence,METRO,870000,880000,43.28,5.38,moyenne_sous_entites
        13100,Saint-Rémy-de-Provence,13,Bouches-du-Rhône,93,Provence-Alpes-Côte d'Azur,241300417,CC Vallée des Baux-Alpilles,CC,9800,10000,43.79,4.83,commune

        """

    /// A v1 lieux file: a place in Paris given by its arrondissement's code, and places whose
    /// INSEE and postal codes teach the directory that 13100 and 13090 serve Aix-en-Provence.
    static var lieux: String {
        let header = LieuColumn.allCases.map(\.rawValue)
        let rows: [[LieuColumn: String]] = [
            [.id: "paris-11", .nom: "Espace numérique Voltaire", .codeInsee: "75111", .codePostal: "75011", .commune: "Paris"],
            [.id: "aix-1", .nom: "Médiathèque Méjanes", .codeInsee: "13001", .codePostal: "13100", .commune: "Aix-en-Provence"],
            [.id: "aix-2", .nom: "France Services Jas de Bouffan", .codeInsee: "13001", .codePostal: "13090", .commune: "Aix-en-Provence"],
            [.id: "st-remy-1", .nom: "Maison France Services", .codeInsee: "13100", .codePostal: "13210", .commune: "Saint-Rémy-de-Provence"],
        ]
        let lines = rows.map { values in
            header.indices.map { index -> String in
                let column = LieuColumn.allCases[index]
                return values[column] ?? [.dateMaj: "2025-01-15", .source: "test", .services: "Aide aux démarches administratives"][column] ?? ""
            }.map { "\"\($0)\"" }.joined(separator: ",")
        }
        return ([header.joined(separator: ",")] + lines).joined(separator: "\n") + "\n"
    }

    private func directory() throws -> MaillageBinary {
        let binary = try MaillageBinary.inScratchFolder()
        try Data(Self.communes.utf8).write(to: URL(fileURLWithPath: binary.path("communes.csv")))
        try Data(Self.lieux.utf8).write(to: URL(fileURLWithPath: binary.path("lieux.csv")))
        for step in [["init", "--seeds", MaillageBinary.seeds.appendingPathComponent("taxonomy").path],
                     ["import", "communes", "communes.csv"], ["import", "lieux", "lieux.csv"]] {
            let run = try binary.run(step)
            try #require(run.succeeded, "\(step): \(run)")
        }
        return binary
    }

    static let service = "aide-aux-demarches-administratives"

    @Test func relaysAcceptsAnArrondissementAndSaysSo() throws {
        let binary = try directory()
        defer { binary.removeFolder() }
        let run = try binary.run(["relays", "--service", Self.service, "--commune", "75111"])
        #expect(run.succeeded, "\(run)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Commune: 75056 Paris")
        #expect(lines.dropFirst().first == "Note: 75111 is the code of Paris 11e Arrondissement, a municipal arrondissement: the answer is for its commune, 75056 Paris.")
        #expect(run.stdout.contains("Espace numérique Voltaire [paris-11]"))
    }

    @Test(arguments: [
        ["gaps", "--service", service, "--radius-km", "10"], ["fragility", "--service", service, "--radius-km", "10"],
        ["plan", "--service", service, "--radius-km", "10"], ["access", "--service", service],
        ["what-if", "--close", "paris-11", "--service", service],
    ])
    func everyCommandTakingATerritoryAcceptsAnArrondissement(command: [String]) throws {
        let binary = try directory()
        defer { binary.removeFolder() }
        let text = try binary.run(command + ["--within", "75111"])
        #expect(text.succeeded, "\(text)")
        #expect(text.stdout.hasPrefix("Commune: 75056 Paris\nNote: 75111 is the code of Paris 11e Arrondissement"), "\(text.stdout)")
        let json = try binary.run(command + ["--within", "75111", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json)")
        let within = try #require(object["within"] as? [String: Any])
        #expect(within["asked"] as? String == "75111" && within["code"] as? String == "75056" && within["nom"] as? String == "Paris")
        #expect((within["arrondissement"] as? [String: Any])?["nom"] as? String == "Paris 11e Arrondissement")
    }

    @Test func networkNamesItsTerritoryToo() throws {
        let binary = try directory()
        defer { binary.removeFolder() }
        let run = try binary.run(["network", "--within", "75111"])
        #expect(run.succeeded && run.stdout.hasPrefix("Commune: 75056 Paris\nNote: 75111 is the code of Paris 11e Arrondissement"), "\(run)")
        #expect(run.stdout.contains("1 nodes"))
    }

    @Test func renderDrawsTheCommuneOfAnArrondissement() throws {
        let binary = try directory()
        defer { binary.removeFolder() }
        let run = try binary.run(["render", "territory", "--commune", "75111", "--format", "dot", "-o", "paris.dot"])
        #expect(run.succeeded, "\(run)")
        let dot = try String(contentsOfFile: binary.path("paris.dot"), encoding: .utf8)
        #expect(dot.contains("Paris (75056)") && dot.contains("Espace numérique Voltaire"))
    }

    @Test func aCodeThatIsAlsoAPostalCodeIsSaidToBe() throws {
        let binary = try directory()
        defer { binary.removeFolder() }
        let run = try binary.run(["relays", "--service", Self.service, "--commune", "13100", "--radius-km", "5"])
        #expect(run.succeeded, "\(run)")
        #expect(run.stdout.hasPrefix("""
            Commune: 13100 Saint-Rémy-de-Provence
            Note: 13100 is also the postal code of 13001 Aix-en-Provence (as the directory's places give it); the answer is for the commune whose INSEE code is 13100, Saint-Rémy-de-Provence.

            """), "\(run.stdout)")
        // 13210: Marseille's 10th arrondissement, and Saint-Rémy's postal code.
        let both = try binary.run(["relays", "--service", Self.service, "--commune", "13210"])
        #expect(both.stdout.hasPrefix("Commune: 13055 Marseille\nNote: 13210 is the code of Marseille 10e Arrondissement"), "\(both)")
        #expect(both.stdout.contains("Note: 13210 is also the postal code of 13100 Saint-Rémy-de-Provence"))
        // JSON keeps its shape (an array of relays); the note goes to standard error.
        let json = try binary.run(["relays", "--service", Self.service, "--commune", "13100", "--format", "json"])
        #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [Any])
        #expect(json.stderr.contains("Note: 13100 is also the postal code of 13001 Aix-en-Provence"))
        // A postal code that is no commune's INSEE code: the error names the commune it serves.
        let postal = try binary.run(["relays", "--service", Self.service, "--commune", "13090"])
        #expect(!postal.succeeded && postal.stderr.contains("No commune has the INSEE code '13090', but it is the postal code of 13001 Aix-en-Provence"), "\(postal)")
    }

    @Test func gapsNamesItsCommuneToo() throws {
        let binary = try directory()
        defer { binary.removeFolder() }
        let run = try binary.run(["gaps", "--service", Self.service, "--radius-km", "10", "--within", "13100"])
        #expect(run.stdout.hasPrefix("Commune: 13100 Saint-Rémy-de-Provence\nNote: 13100 is also the postal code of 13001 Aix-en-Provence"), "\(run)")
    }
}
