import Foundation
import Testing

/// `maillage import data-inclusion STRUCTURES [SERVICES]` through the built program.
@Suite struct DataInclusionCLITests {
    @Test func structuresAndServicesAreOneImportAndAThirdFileIsRefused() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        for step in [["init", "--db", "d.sqlite", "--seeds", MaillageBinary.seeds.appendingPathComponent("taxonomy").path],
                     ["import", "communes", MaillageBinary.seeds.appendingPathComponent("demo/communes.csv").path, "--db", "d.sqlite"]] {
            #expect(try maillage.run(step).succeeded)
        }
        try #"{"items": [{"source": "dora", "id": "cs", "nom": "Centre social", "code_insee": "07186", "typologie": "CS", "date_maj": "2025-01-01"}]}"#
            .write(toFile: maillage.path("structures.json"), atomically: true, encoding: .utf8)
        try #"[{"source": "dora", "structure_id": "cs", "id": "s", "thematiques": ["numerique", "sante"], "zone_eligibilite": ["07186"]}]"#
            .write(toFile: maillage.path("services.json"), atomically: true, encoding: .utf8)
        let run = try maillage.run(["import", "data-inclusion", "structures.json", "services.json", "--db", "d.sqlite"])
        #expect(run.succeeded && run.stdout.contains("structures.json + services.json (data-inclusion): 1 rows read, 1 imported"), "\(run)")
        #expect(run.stdout.contains(#"value "sante": warning: no service of the taxonomy matches this thematique"#), "\(run)")
        let shown = try maillage.run(["show", "data-inclusion:dora:cs", "--db", "d.sqlite"])
        #expect(shown.stdout.contains("relays: Maîtrise des outils numériques du quotidien") && shown.stdout.contains("zone: commune:07186"), "\(shown)")
        let swapped = try maillage.run(["import", "data-inclusion", "services.json", "structures.json", "--db", "d.sqlite"])
        #expect(!swapped.succeeded && swapped.stderr.contains("structures.json: it holds structures, not services (no structure_id): give the structures file first"), "\(swapped)")
        let csv = try maillage.run(["import", "data-inclusion", MaillageBinary.seeds.appendingPathComponent("demo/lieux.csv").path, "--db", "d.sqlite"])
        #expect(!csv.succeeded && csv.stderr.contains("it is not JSON: maillage reads data·inclusion's JSON"), "\(csv)")
        let three = try maillage.run(["import", "data-inclusion", "a.json", "b.json", "c.json", "--db", "d.sqlite"])
        #expect(!three.succeeded && three.stderr.contains("takes the structures file, then optionally the services file: 3 files given"), "\(three)")
    }
}
