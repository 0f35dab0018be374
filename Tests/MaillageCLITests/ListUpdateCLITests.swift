import Foundation
@testable import Maillage
import Testing

/// Through the built program: an updated list says what is new, updated, unchanged and retired
/// (`--partial` retires nothing), and `export lieux` says on standard error what it repaired and
/// left out.
@Suite struct ListUpdateCLITests {
    /// A v1 lieux file of places in Privas (a commune of the demo list).
    private func lieux(_ rows: [[LieuColumn: String]]) -> String {
        let header = LieuColumn.allCases.map(\.rawValue).joined(separator: ",")
        let lines = rows.map { overrides in
            var values: [LieuColumn: String] = [
                .nom: "Médiathèque \(overrides[.id] ?? "")", .commune: "Privas", .codePostal: "07000", .codeInsee: "07186",
                .adresse: "1 rue", .dateMaj: "2025-01-15", .source: "test", .services: "Aide aux démarches administratives",
            ]
            values.merge(overrides) { _, new in new }
            return LieuColumn.allCases.map { values[$0] ?? "" }.joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    private func prepared() throws -> MaillageBinary {
        let maillage = try MaillageBinary.inScratchFolder()
        for step in [
            ["init", "--db", "d.sqlite", "--seeds", MaillageBinary.seeds.appendingPathComponent("taxonomy").path],
            ["import", "communes", MaillageBinary.seeds.appendingPathComponent("demo/communes.csv").path, "--db", "d.sqlite"],
        ] {
            let run = try maillage.run(step)
            #expect(run.succeeded, "\(run)")
        }
        return maillage
    }

    @Test func anUpdatedListSaysWhatIsNewUpdatedUnchangedAndRetired() throws {
        let maillage = try prepared()
        defer { maillage.removeFolder() }
        try lieux([[.id: "p1"], [.id: "p2"], [.id: "p3"]]).write(toFile: maillage.path("a.csv"), atomically: true, encoding: .utf8)
        try lieux([[.id: "p1"], [.id: "p2", .nom: "Renamed"], [.id: "p4"]]).write(toFile: maillage.path("b.csv"), atomically: true, encoding: .utf8)

        #expect(try maillage.run(["import", "lieux", "a.csv", "--db", "d.sqlite"]).stdout.contains("3 imported (3 new, 0 updated, 0 unchanged)"))
        let again = try maillage.run(["import", "lieux", "a.csv", "--db", "d.sqlite"])
        #expect(again.stdout.contains("3 imported (0 new, 0 updated, 3 unchanged), 0 rejected"), "\(again)")

        let extract = try maillage.run(["import", "lieux", "b.csv", "--partial", "--db", "d.sqlite"])
        #expect(extract.stdout.contains("3 imported (1 new, 1 updated, 1 unchanged), 0 rejected"), "\(extract)")

        let complete = try maillage.run(["import", "lieux", "b.csv", "--db", "d.sqlite", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(complete.stdout.utf8)) as? [String: Any], "\(complete)")
        #expect(report["unchanged"] as? Int == 3 && report["retired"] as? Int == 1 && report["updated"] as? Int == 0)
        let text = try maillage.run(["import", "lieux", "a.csv", "--db", "d.sqlite"])
        #expect(text.stdout.contains("(0 new, 2 updated, 1 unchanged), 1 retired (no longer in the list: marked inactive)"), "\(text)")

        let refused = try maillage.run(["import", "communes", MaillageBinary.seeds.appendingPathComponent("demo/communes.csv").path, "--partial", "--db", "d.sqlite"])
        #expect(!refused.succeeded && refused.stderr.contains("--partial applies to lists (lieux, cnfs, aidants-connect, data-inclusion)"), "\(refused)")
    }

    @Test func theExportSaysWhatItRepairedAndLeftOut() throws {
        let maillage = try prepared()
        defer { maillage.removeFolder() }
        try lieux([[.id: "p1", .codePostal: "932360"], [.id: "p2", .telephone: "04 75 64 00 00"], [.id: "p3", .pivot: "43493312300029"]])
            .write(toFile: maillage.path("l.csv"), atomically: true, encoding: .utf8)
        #expect(try maillage.run(["import", "lieux", "l.csv", "--db", "d.sqlite"]).succeeded)
        let export = try maillage.run(["export", "lieux", "-o", "out.csv", "--db", "d.sqlite"])
        #expect(export.succeeded, "\(export)")
        #expect(export.stderr.contains("export lieux: 2 places written, valid against the national schema v1.0.2."), "\(export)")
        #expect(export.stderr.contains("repaired: pivot empty (SIRET unknown), written as 00000000000000: 1"), "only rows written count their repairs: \(export)")
        #expect(export.stderr.contains("repaired: telephone written in the international form"), "\(export)")
        #expect(export.stderr.contains("left out, invalid under the schema with no documented repair (fix them at their source and import again): 1\n    p1: code_postal \"932360\": expected a postal code of five digits"), "\(export)")
        let written = try String(contentsOfFile: maillage.path("out.csv"), encoding: .utf8).split(separator: "\n")
        #expect(written.count == 3 && written[1].hasPrefix("p2,00000000000000,") && written[1].contains(",+33475640000,") && written[2].hasPrefix("p3,43493312300029,"))
    }
}
