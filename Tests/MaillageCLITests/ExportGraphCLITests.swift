import Foundation
import Testing

/// `maillage export graph` through the built program: the formats, the CSV pair, and refusals.
@Suite struct ExportGraphCLITests {
    private func demo() throws -> MaillageBinary {
        let maillage = try MaillageBinary.inScratchFolder()
        var steps = [["init", "--db", "d.sqlite", "--seeds", MaillageBinary.seeds.appendingPathComponent("taxonomy").path]]
        for (kind, file) in [("communes", "communes.csv"), ("lieux", "lieux.csv"), ("intermediaries", "intermediaires.csv"), ("referrals", "orientations.csv")] {
            steps.append(["import", kind, MaillageBinary.seeds.appendingPathComponent("demo/\(file)").path, "--db", "d.sqlite"])
        }
        for step in steps {
            let run = try maillage.run(step)
            #expect(run.succeeded, "\(run)")
        }
        return maillage
    }

    @Test func everyFormatIsWrittenAndTheCSVFormatWritesTwoFiles() throws {
        let maillage = try demo()
        defer { maillage.removeFolder() }
        let graphML = try maillage.run(["export", "graph", "--db", "d.sqlite", "--within", "07186"])
        #expect(graphML.succeeded && graphML.stdout.hasPrefix("<?xml") && graphML.stdout.contains(#"<graph id="maillage-referrals" edgedefault="directed">"#))
        let gexf = try maillage.run(["export", "graph", "--db", "d.sqlite", "--format", "gexf", "--graph", "services"])
        #expect(gexf.succeeded && gexf.stdout.contains(#"version="1.3""#) && gexf.stdout.contains("<viz:position"))
        let kumu = try maillage.run(["export", "graph", "--db", "d.sqlite", "--format", "kumu"])
        let blueprint = try JSONSerialization.jsonObject(with: Data(kumu.stdout.utf8)) as? [String: Any]
        #expect((blueprint?["elements"] as? [Any])?.isEmpty == false && (blueprint?["connections"] as? [Any])?.isEmpty == false)
        let csv = try maillage.run(["export", "graph", "--db", "d.sqlite", "--format", "csv", "-o", "reseau.csv"])
        #expect(csv.succeeded && csv.stderr.contains("nodes in reseau-nodes.csv") && csv.stderr.contains("edges in reseau-edges.csv"), "\(csv)")
        let nodes = try String(contentsOfFile: maillage.path("reseau-nodes.csv"), encoding: .utf8)
        #expect(nodes.hasPrefix("Id,Label,public_id,kind,type,code_insee,latitude,longitude,headcount,services,degree,betweenness,core_number,community\n"))
        let edges = try String(contentsOfFile: maillage.path("reseau-edges.csv"), encoding: .utf8)
        #expect(edges.hasPrefix("Id,Source,Target,Type,kind,weight,service\n"))
    }

    @Test func wrongCombinationsAreRefusedWithWhatToDo() throws {
        let maillage = try demo()
        defer { maillage.removeFolder() }
        for (arguments, message) in [
            (["export", "graph", "--format", "csv"], "writes two files, nodes and edges: give -o"),
            (["export", "graph", "--format", "json"], "export graph writes graphml, gexf, kumu, csv, not json."),
            (["export", "lieux", "--format", "gexf"], "export lieux writes csv, json, not gexf."),
            (["export", "lieux", "--within", "07"], "--graph and --within apply to `export graph` only."),
            (["export", "graph", "--graph", "people"], "'people'"),
        ] {
            let run = try maillage.run(arguments + ["--db", "d.sqlite"])
            #expect(!run.succeeded && run.stderr.contains(message), "\(arguments): \(run)")
        }
        let unknown = try maillage.run(["export", "graph", "--within", "99999", "--db", "d.sqlite", "-o", "x.graphml"])
        #expect(!unknown.succeeded && unknown.stderr.contains("99999"), "\(unknown)")
        #expect(!FileManager.default.fileExists(atPath: maillage.path("x.graphml")), "nothing is left behind")
    }
}
