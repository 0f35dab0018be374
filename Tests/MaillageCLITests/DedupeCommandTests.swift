import Foundation
import Testing

/// `maillage dedupe` as its user runs it: a dry run that says what it would do and changes
/// nothing, the merge, `--never`, and its refusals.
@Suite struct DedupeCommandTests {
    /// The demo directory, and a hub's file listing Annonay's France Services again (another
    /// spelling, 12 m away) and a place whose name needs quoting.
    private func demoWithAHubFile() throws -> MaillageBinary {
        let maillage = try MaillageBinary.inScratchFolder()
        try maillage.loadDemo(withTeamsAndReferrals: false)
        let hub = """
            id,nom,commune,code_postal,code_insee,adresse,latitude,longitude,source,date_maj
            hub-1,"France Services ANNONAY",Annonay,07100,07010,14 Grande-Rue,45.2447,4.64886,hub,2025-06-01
            hub-2,"Le ""Lien"", <b>numérique</b>",Annonay,07100,07010,14 grande rue,45.24463,4.64886,hub,2025-06-01

            """
        try Data(hub.utf8).write(to: URL(fileURLWithPath: maillage.path("hub.csv")))
        let imported = try maillage.run(["import", "lieux", "hub.csv", "--db", "demo.sqlite"])
        #expect(imported.succeeded, "\(imported)")
        return maillage
    }

    @Test func aDryRunSaysWhatItWouldMergeAndChangesNothing() throws {
        let maillage = try demoWithAHubFile()
        defer { maillage.removeFolder() }
        let before = try Data(contentsOf: URL(fileURLWithPath: maillage.path("demo.sqlite")))
        let dry = try maillage.run(["dedupe", "--dry-run", "--db", "demo.sqlite"])
        #expect(dry.succeeded, "\(dry)")
        #expect(dry.stdout.contains("115 active place records from 2 sources"), "\(dry.stdout)")
        #expect(dry.stdout.contains("Dry run, nothing changed: 1 pair(s) would merge into 1 place(s) of 2 records: lieux × lieux 1."), "\(dry.stdout)")
        #expect(dry.stdout.contains("Maison France Services d'Annonay [ardeche-lieu-001] + France Services ANNONAY [hub-1] in 07010: name 100, street 100, distance 100"),
                "\(dry.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: maillage.path("demo.sqlite"))) == before)

        let csv = try maillage.run(["dedupe", "--dry-run", "--format", "csv", "--db", "demo.sqlite"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "status,score,rule,reason,first_id,first_nom,first_source,second_id,second_nom,second_source,code_insee,name,street,distance")
        #expect(lines.dropFirst().first?.hasPrefix("merge,100,score,\"name 100, street 100, distance 100\",ardeche-lieu-001,") == true, "\(csv.stdout)")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(try maillage.run(["dedupe", "--dry-run", "--format", "json", "--db", "demo.sqlite"]).stdout.utf8)) as? [String: Any])
        #expect(json["pairs_examined"] is Int && json["all_pairs"] as? Int == 115 * 114 / 2 && json["applied"] as? Bool == false)
        let merge = try #require((json["merges"] as? [[String: Any]])?.first)
        #expect((merge["first"] as? [String: Any])?["code_insee"] as? String == "07010" && merge["reason"] as? String == "name 100, street 100, distance 100")
    }

    @Test func mergingThenUnmergingThenNeverKeepsThePlacesApart() throws {
        let maillage = try demoWithAHubFile()
        defer { maillage.removeFolder() }
        let merged = try maillage.run(["dedupe", "--db", "demo.sqlite"])
        #expect(merged.succeeded && merged.stdout.contains("1 pair(s) merged into 1 place(s) of 2 records"), "\(merged)")
        let show = try maillage.run(["show", "hub-1", "--db", "demo.sqlite"])
        #expect(show.stdout.hasPrefix("France Services ANNONAY [ardeche-lieu-001] — place"), "the newer record's name, the primary record's id: \(show.stdout)")

        let unmerged = try maillage.run(["unmerge", "hub-1", "--db", "demo.sqlite"])
        #expect(unmerged.succeeded && unmerged.stdout.contains("maillage dedupe --never ardeche-lieu-001 hub-1"), "\(unmerged)")
        let never = try maillage.run(["dedupe", "--never", "ardeche-lieu-001", "hub-1", "--db", "demo.sqlite"])
        #expect(never.stdout == "ardeche-lieu-001 and hub-1 are recorded as different places: no dedupe will merge them.\n", "\(never)")
        let again = try maillage.run(["dedupe", "--db", "demo.sqlite"])
        #expect(again.stdout.contains("0 pair(s) merged into 0 place(s)"), "\(again.stdout)")
    }

    @Test func badArgumentsAreRefusedWithWhatWasExpected() throws {
        let maillage = try demoWithAHubFile()
        defer { maillage.removeFolder() }
        let one = try maillage.run(["dedupe", "--never", "hub-1", "--db", "demo.sqlite"])
        #expect(!one.succeeded && one.stderr.contains("--never takes two record ids (maillage dedupe --never ID1 ID2); got 1."), "\(one)")
        let threshold = try maillage.run(["dedupe", "--threshold", "120", "--db", "demo.sqlite"])
        #expect(!threshold.succeeded && threshold.stderr.contains("--threshold must be between 0 and 100; got 120.0."), "\(threshold)")
        let unknown = try maillage.run(["dedupe", "--never", "hub-1", "hub-9", "--db", "demo.sqlite"])
        #expect(!unknown.succeeded && unknown.stderr.contains("No place or intermediary has the id 'hub-9'"), "\(unknown)")
        let place = try maillage.run(["dedupe", "--within", "99999", "--dry-run", "--db", "demo.sqlite"])
        #expect(!place.succeeded && !place.stderr.isEmpty, "\(place)")
    }

    @Test func aDedupeKilledPartWayLeavesEitherNothingOrEverythingMerged() throws {
        let maillage = try demoWithAHubFile()
        defer { maillage.removeFolder() }
        for delay in [0.02, 0.05, 0.1, 0.2] {
            try? FileManager.default.removeItem(atPath: maillage.path("copy.sqlite"))
            try FileManager.default.copyItem(atPath: maillage.path("demo.sqlite"), toPath: maillage.path("copy.sqlite"))
            let process = Process()
            process.executableURL = try MaillageBinary.url
            process.arguments = ["dedupe", "--db", "copy.sqlite"]
            process.currentDirectoryURL = maillage.folder
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let stats = try maillage.run(["stats", "--format", "json", "--db", "copy.sqlite"])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any], "\(stats)")
            let merged = json["merged_places"] as? Int, places = json["places"] as? Int
            #expect((merged == 0 && places == 115) || (merged == 1 && places == 114), "after \(delay) s: \(merged ?? -1) merged, \(places ?? -1) places")
        }
    }

    @Test func checkListsTheNearMissesAsLikelyDuplicates() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo(withTeamsAndReferrals: false)
        // Annonay's France Services again, same name and street, but 300 m north: name 100,
        // street 100, distance 100 × 50 / 300 ≈ 16.7, a mean of about 72: under 83, over 70.
        let hub = """
            id,nom,commune,code_postal,code_insee,adresse,latitude,longitude,source,date_maj
            hub-3,Maison France Services d'Annonay,Annonay,07100,07010,14 grande Rue,45.24733,4.64886,hub,2025-06-01

            """
        try Data(hub.utf8).write(to: URL(fileURLWithPath: maillage.path("hub.csv")))
        #expect(try maillage.run(["import", "lieux", "hub.csv", "--db", "demo.sqlite"]).succeeded)
        let check = try maillage.run(["check", "--format", "json", "--db", "demo.sqlite"])
        #expect(check.succeeded, "\(check)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let duplicates = (json["problems"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "likely_duplicate" }
        #expect(duplicates.map { [$0["id"] as? String, $0["other_id"] as? String] } == [["ardeche-lieu-001", "hub-3"]], "\(duplicates)")
        let text = try maillage.run(["check", "--db", "demo.sqlite"])
        #expect(text.stdout.contains("ardeche-lieu-001 (Maison France Services d'Annonay) [maillage-demo]: may be the same place as hub-3"), "\(text.stdout)")
    }
}
