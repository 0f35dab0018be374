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

    @Test func anIdAnotherSourceHoldsIsPrefixedAndTheSummarySaysSo() throws {
        let maillage = try binaryWithCommunes()
        defer { maillage.removeFolder() }
        let lieux = MaillageBinary.seeds.appendingPathComponent("demo/lieux.csv").path
        #expect(try maillage.run(["import", "lieux", lieux, "--db", "db.sqlite"]).succeeded)
        let header = "id,nom,code_insee,date_maj,source"
        let rows = (1...5).map { "autre-\($0),Lieu \($0),07010,2025-01-15,autre" } + ["ardeche-lieu-001,Pris,07010,2025-01-15,autre"]
        try write(([header] + rows).joined(separator: "\n") + "\n", to: "autre.csv", in: maillage)
        let run = try maillage.run(["import", "lieux", "autre.csv", "--db", "db.sqlite", "--skip-invalid"])
        #expect(run.succeeded, "\(run)")
        #expect(run.stdout.contains("6 rows read, 6 imported (6 new, 0 updated, 0 unchanged), 0 rejected"), "\(run)")
        #expect(run.stdout.contains("ids another source already holds, stored prefixed with 'autre:': 1"), "\(run)")
        #expect(try maillage.run(["show", "autre:ardeche-lieu-001", "--db", "db.sqlite"]).stdout.contains("Pris"))
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

    /// Each bad file (name, bytes) and what the user must read about it.
    static let badFiles: [(name: String, bytes: [UInt8], expected: String)] = [
        ("vide.csv", [], "Cannot read vide.csv: the file is empty (0 bytes); expected a header line"),
        ("latin1.csv", Array("id,nom,date_maj\nx,Biblioth".utf8) + [0xE8] + Array("que,2024-01-01\n".utf8),
         "Cannot read latin1.csv: line 2, byte 11 is not UTF-8 (0xE8, 'è' in Latin-1), at byte 27 of the file; expected a UTF-8 file. It is probably Latin-1 or Windows-1252 (as spreadsheets save it): re-save it as UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8 latin1.csv > latin1-utf8.csv`"),
        ("tableur.csv", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00],
         "Cannot read tableur.csv: it is a ZIP archive or a spreadsheet (.xlsx, .ods), not a text file; expected a UTF-8 text file (CSV, or JSON for lieux v0.1): save the sheet as CSV UTF-8"),
        ("coupe.json", Array("[{\"id\": \"a\", \"nom\": \"A\", \"date_maj\": \"2024-01-01\"}, {\"id\": \"b\"".utf8),
         "Cannot read coupe.json: the JSON is cut short: it ends at line 1, column 63 (byte 63), inside an object, where ',' or '}' was expected"),
        ("guillemet.csv", Array("id,nom,date_maj\na,\"Un,2024-01-01\nb,\"Deux\",2024-01-01\n".utf8),
         "Cannot read guillemet.csv: line 2: a quote opened at character 3 (field 2, column 'nom') is never closed"),
        ("melange.csv", Array("id,nom,date_maj\na,Un,2024-01-01\nb;Deux;2024-01-01\n".utf8),
         "melange.csv:3: error: the row has 1 field where the header has 3 (the file's delimiter is ','; this line seems to use ';')"),
    ]

    @Test func aBadFileIsNamedWithWhereItGoesWrongAndWhatToDo() throws {
        let maillage = try binaryWithCommunes()
        defer { maillage.removeFolder() }
        for file in Self.badFiles {
            try Data(file.bytes).write(to: URL(fileURLWithPath: maillage.path(file.name)))
            let run = try maillage.run(["import", "lieux", file.name, "--db", "db.sqlite"])
            #expect(run.status != 0 && run.stderr.contains(file.expected), "\(file.name): \(run)")
            for raw in ["NSCocoaErrorDomain", "DecodingError", "dataCorrupted", "column nom (2): error: expected the place's name"] {
                #expect(!run.stderr.contains(raw), "\(file.name): \(run)")
            }
        }
    }

    @Test func aFolderOrAMissingFileIsNamedAsSuch() throws {
        let maillage = try binaryWithCommunes()
        defer { maillage.removeFolder() }
        try FileManager.default.createDirectory(atPath: maillage.path("donnees"), withIntermediateDirectories: true)
        try Data("id\n".utf8).write(to: URL(fileURLWithPath: maillage.path("donnees/lieux.csv")))
        let folder = try maillage.run(["import", "lieux", "donnees", "--db", "db.sqlite"])
        #expect(folder.status != 0)
        #expect(folder.stderr.contains("Cannot read donnees: it is a folder, not a file; give the path of a file inside it (it holds lieux.csv)"), "\(folder)")
        #expect(!folder.stderr.contains("NSCocoaErrorDomain"))
        let missing = try maillage.run(["import", "lieux", "absent.csv", "--db", "db.sqlite"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("Cannot read absent.csv: there is no such file (looked for \(maillage.path("absent.csv"))"), "\(missing)")
    }
}
