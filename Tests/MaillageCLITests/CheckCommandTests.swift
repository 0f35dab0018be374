import Foundation
import Testing

/// `maillage check` as a user runs it: counts then rows in text, every row in JSON and CSV, names
/// escaped wherever they go, exit 0 when problems are found, a clear refusal of bad options.
@Suite struct CheckCommandTests {
    /// A name with quotes, a comma, markup and a line break.
    private static let trickyName = "La \"Fabrique\", <b>numérique</b>\nd'Annonay"

    /// A directory of three places: one clean, one with a bad SIRET and unreadable hours (the tricky
    /// name), one with a phone in national form.
    private func directory(onlyTheCleanPlace: Bool = false) throws -> MaillageBinary {
        let maillage = try MaillageBinary.inScratchFolder()
        let communes = """
            code_insee,nom,code_departement,nom_departement,code_region,nom_region,siren_epci,nom_epci,nature_epci,population_municipale,population_totale,latitude,longitude,source_coordonnees
            07186,Privas,07,Ardèche,84,Auvergne-Rhône-Alpes,200071413,CA Privas Centre Ardèche,CA,8000,8200,44.735,4.599,commune

            """
        let name = Self.trickyName.replacingOccurrences(of: "\"", with: "\"\"")
        let lieux = """
            id,pivot,nom,commune,code_postal,code_insee,adresse,date_maj,services,horaires,telephone
            ok,73282932000074,Médiathèque,Privas,07000,07186,1 rue,2025-05-01,Aide aux démarches administratives,Mo-Fr 09:00-12:00,+33475000000
            tricky,73282932000075,"\(name)",Privas,07000,07186,2 rue,2025-05-01,Aide aux démarches administratives,Mo-Fr 09:00-18:00+,
            phone,,Mairie,Privas,07000,07186,3 rue,2025-05-01,Aide aux démarches administratives,,04 75 00 00 00

            """
        try communes.write(toFile: maillage.path("communes.csv"), atomically: true, encoding: .utf8)
        let rows = onlyTheCleanPlace ? lieux.components(separatedBy: "\n").prefix(2).joined(separator: "\n") + "\n" : lieux
        try rows.write(toFile: maillage.path("lieux.csv"), atomically: true, encoding: .utf8)
        for step in [["init", "--seeds", MaillageBinary.seeds.appendingPathComponent("taxonomy").path],
                     ["import", "communes", "communes.csv"], ["import", "lieux", "lieux.csv"]] {
            let run = try maillage.run(step + ["--db", "check.sqlite"])
            #expect(run.succeeded, "\(step): \(run)")
        }
        return maillage
    }

    @Test func textGivesCountsThenRowsByProblemAndExitsZero() throws {
        let maillage = try directory()
        defer { maillage.removeFolder() }
        let run = try maillage.run(["check", "--db", "check.sqlite", "--today", "2025-06-01", "--limit", "1"])
        #expect(run.status == 0, "a report: problems found is not a failure\n\(run)")
        let lines = run.stdout.components(separatedBy: "\n")
        #expect(lines.first == "Data quality on 2025-06-01: 3 source records of places, 3 places, 0 intermediaries and 0 referrals checked (active ones; stale: updated before 2024-06-01).")
        #expect(lines.contains { $0.hasPrefix("  invalid_value") && $0.contains("     2  values that fail") }, "\(run.stdout)")
        #expect(lines.contains { $0.hasPrefix("  unreadable_hours") && $0.contains("     1  ") }, "\(run.stdout)")
        #expect(lines.contains("invalid_value (2): values that fail the national schema's patterns, by source record"))
        #expect(lines.contains("  phone (Mairie) [lieux]: telephone \"04 75 00 00 00\": not a French or overseas number in international form "
                               + "(+33, +590, +594, +262, +596, +269, +687, +689, +508 or +681, then 6 to 9 digits)"), "\(run.stdout)")
        #expect(lines.contains("  … and 1 more (--limit, or --format json or csv for every row)"))
        // The line break of the name is shown as an escape, never printed.
        #expect(run.stdout.contains("tricky (La \"Fabrique\", <b>numérique</b>\\nd'Annonay) [lieux]: horaires cannot be read"), "\(run.stdout)")
    }

    @Test func jsonHasCountsAndEveryProblemWithTheExactName() throws {
        let maillage = try directory()
        defer { maillage.removeFolder() }
        let run = try maillage.run(["check", "--db", "check.sqlite", "--today", "2025-06-01", "--format", "json"])
        #expect(run.status == 0, "\(run)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let counts = try #require(report["counts"] as? [String: Int])
        #expect(counts["invalid_value"] == 2 && counts["unreadable_hours"] == 1 && counts["stale"] == 0 && counts.count == 11)
        let problems = try #require(report["problems"] as? [[String: Any]])
        #expect(problems.count == 3)
        let hours = try #require(problems.first { $0["kind"] as? String == "unreadable_hours" })
        #expect(hours["nom"] as? String == Self.trickyName)
        #expect(hours["position"] as? Int == 17 && hours["value"] as? String == "Mo-Fr 09:00-18:00+")
        #expect(hours["expected"] is String)
    }

    @Test func csvHasOneEscapedRowPerProblem() throws {
        let maillage = try directory()
        defer { maillage.removeFolder() }
        let run = try maillage.run(["check", "--db", "check.sqlite", "--today", "2025-06-01", "--format", "csv"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix("kind,id,nom,source,field,value,expected,position,other_id,detail\n"))
        let quoted = "\"La \"\"Fabrique\"\", <b>numérique</b>\nd'Annonay\""
        #expect(run.stdout.contains("invalid_value,tricky,\(quoted),lieux,pivot,73282932000075,"), "\(run.stdout)")
        #expect(run.stdout.contains("unreadable_hours,tricky,\(quoted),lieux,horaires,Mo-Fr 09:00-18:00+,"), "\(run.stdout)")
        // Header, three rows; the tricky name's line break is inside its quotes on two of them.
        #expect(run.stdout.components(separatedBy: "\n").count == 1 + 3 + 2 + 1)
    }

    @Test func aCleanDirectorySaysSo() throws {
        let maillage = try directory(onlyTheCleanPlace: true)
        defer { maillage.removeFolder() }
        let run = try maillage.run(["check", "--db", "check.sqlite", "--today", "2025-06-01"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasSuffix("checked (active ones; stale: updated before 2024-06-01).\nNo problem found.\n"), "\(run.stdout)")
    }

    @Test func badOptionsAreRefusedWithWhatIsExpected() throws {
        let maillage = try directory()
        defer { maillage.removeFolder() }
        let date = try maillage.run(["check", "--db", "check.sqlite", "--today", "01/06/2025"])
        #expect(date.status != 0 && date.stderr.contains("--today must be a date written YYYY-MM-DD, such as 2025-03-15; got \"01/06/2025\"."), "\(date)")
        let limit = try maillage.run(["check", "--db", "check.sqlite", "--limit", "-1"])
        #expect(limit.status != 0 && limit.stderr.contains("--limit must be zero or more; got -1."), "\(limit)")
        let format = try maillage.run(["check", "--db", "check.sqlite", "--format", "xml"])
        #expect(format.status != 0 && format.stderr.contains("text") && format.stderr.contains("csv"), "\(format)")
        let missing = try maillage.run(["check", "--db", "nothing.sqlite"])
        #expect(missing.status != 0 && missing.stderr.contains("There is no database at nothing.sqlite"), "\(missing)")
    }
}
