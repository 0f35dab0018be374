import Foundation
import Testing

/// What a user sees when `maillage import` is given a bad file: one clear message naming the
/// file and what to do, never a flood of row errors or a raw system error.
@Suite struct ImportErrorsTests {
    /// A scratch folder holding `db.sqlite` with the taxonomy and the demo communes.
    private func binaryWithCommunes() throws -> MaillageBinary {
        let maillage = try MaillageBinary.inScratchFolder()
        for step in [["init", "--db", "db.sqlite", "--seeds", MaillageBinary.seeds.appendingPathComponent("taxonomy").path],
                     ["import", "communes", MaillageBinary.seeds.appendingPathComponent("demo/communes.csv").path, "--db", "db.sqlite"]] {
            let run = try maillage.run(step)
            #expect(run.succeeded, "\(run)")
        }
        return maillage
    }

    private func write(_ text: String, to name: String, in maillage: MaillageBinary) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: maillage.path(name)))
    }

    @Test func aWrongHeaderIsOneErrorNotOnePerRow() throws {
        let maillage = try binaryWithCommunes()
        defer { maillage.removeFolder() }
        var text = "Lorem ipsum dolor sit amet\n"
        for index in 0..<5000 { text += "consectetur adipiscing elit \(index)\n" }
        try write(text, to: "notes.txt", in: maillage)
        let run = try maillage.run(["import", "lieux", "notes.txt", "--db", "db.sqlite"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("notes.txt is not a lieux (schema v1 or v0.1) file: its header lacks the required columns 'id', 'nom', 'date_maj'"), "\(run)")
        #expect(run.stderr.contains("has 1 column: 'Lorem ipsum dolor sit amet'"), "\(run)")
        #expect(run.stderr.split(separator: "\n").count <= 3, "\(run)")
    }

    @Test func theSummaryCountsAgreeWhenARowIsRefusedForItsId() throws {
        let maillage = try binaryWithCommunes()
        defer { maillage.removeFolder() }
        let lieux = MaillageBinary.seeds.appendingPathComponent("demo/lieux.csv").path
        #expect(try maillage.run(["import", "lieux", lieux, "--db", "db.sqlite"]).succeeded)
        let header = "id,nom,code_insee,date_maj,source"
        let rows = (1...5).map { "autre-\($0),Lieu \($0),07010,2025-01-15,autre" } + ["ardeche-lieu-001,Pris,07010,2025-01-15,autre"]
        try write(([header] + rows).joined(separator: "\n") + "\n", to: "autre.csv", in: maillage)
        let run = try maillage.run(["import", "lieux", "autre.csv", "--db", "db.sqlite", "--skip-invalid"])
        #expect(run.succeeded, "\(run)")
        #expect(run.stdout.contains("6 rows read, 5 imported (5 new, 0 updated), 1 rejected"), "\(run)")
        #expect(run.stdout.contains("places: 5"), "\(run)")
    }

    @Test func manyRowErrorsAreCappedOnTheTerminalAndCountedInJSON() throws {
        let maillage = try binaryWithCommunes()
        defer { maillage.removeFolder() }
        let rows = (0..<120).map { "x\($0),y\($0),," }
        try write((["source_id,target_id,service,weight"] + rows).joined(separator: "\n") + "\n", to: "refs.csv", in: maillage)
        let text = try maillage.run(["import", "referrals", "refs.csv", "--db", "db.sqlite"])
        #expect(text.status != 0)
        #expect(text.stderr.contains("refs.csv: 240 error(s) in 120 row(s); nothing was imported"), "\(text)")
        #expect(text.stderr.contains("… and 190 more error(s), 240 in all"), "\(text)")
        #expect(text.stderr.split(separator: "\n").count <= 52, "\(text.stderr.split(separator: "\n").count) lines")

        let json = try maillage.run(["import", "referrals", "refs.csv", "--db", "db.sqlite", "--format", "json"])
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let report = try #require(reports.first)
        #expect(report["error_count"] as? Int == 240 && (report["errors"] as? [Any])?.count == 240)
        #expect(report["rows_rejected"] as? Int == 120 && report["rowsRejected"] as? Int == 120)
        let issue = try #require((report["errors"] as? [[String: Any]])?.first)
        #expect(issue["column_number"] as? Int == 1 && issue["columnNumber"] as? Int == 1)
    }
}
