import Foundation
import Testing

/// `maillage week` through the built program: its JSON keys, its CSV and its text table.
@Suite struct WeekCLITests {
    /// A scratch folder with the demo's communes and places in `d.sqlite`.
    private func demo() throws -> MaillageBinary {
        let maillage = try MaillageBinary.inScratchFolder()
        var steps = [["init", "--db", "d.sqlite", "--seeds", MaillageBinary.seeds.appendingPathComponent("taxonomy").path]]
        for (kind, file) in [("communes", "communes.csv"), ("lieux", "lieux.csv")] {
            steps.append(["import", kind, MaillageBinary.seeds.appendingPathComponent("demo/\(file)").path, "--db", "d.sqlite"])
        }
        for step in steps { #expect(try maillage.run(step).succeeded) }
        return maillage
    }

    @Test func theWeekIsWrittenAsJSONCSVAndText() throws {
        let maillage = try demo()
        defer { maillage.removeFolder() }
        let arguments = ["week", "--service", "caf", "--radius-km", "15", "--date", "2026-12-02", "--db", "d.sqlite"]
        let json = try maillage.run(arguments + ["--format", "json", "--level", "departement"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json)")
        #expect(report["service"] as? String == "CAF" && report["radius_km"] as? Double == 15 && report["week_of"] as? String == "2026-11-30")
        #expect(report["population"] is Int && (report["territories"] as? [[String: Any]])?.first?["code"] as? String == "07")
        let slots = try #require(report["slots"] as? [[String: Any]])
        #expect(slots.count == 168 && Set(slots[10].keys) == ["day", "start", "end", "covered_population", "covered_share", "open_relays"])
        #expect(slots[10]["day"] as? String == "Mo" && slots[10]["start"] as? String == "10:00" && slots[10]["end"] as? String == "11:00")
        let csv = try maillage.run(arguments + ["--format", "csv"])
        #expect(csv.stdout.hasPrefix("territory,nom,day,start,end,covered_population,covered_share,open_relays\n,,Mo,00:00,01:00,0,0.0,0\n"), "\(csv)")
        let text = try maillage.run(arguments)
        #expect(text.stdout.contains("week of Monday 2026-11-30") && text.stdout.contains("\n  Su   0  0"), "\(text)")
        let bad = try maillage.run(["week", "--service", "caf", "--radius-km", "15", "--date", "mardi", "--db", "d.sqlite"])
        #expect(!bad.succeeded && bad.stderr.contains("--date expects a day as YYYY-MM-DD"))
    }

    @Test func planTakesASlotOrAMomentAndChoosesAmongTheRelaysClosedThen() throws {
        let maillage = try demo()
        defer { maillage.removeFolder() }
        let base = ["plan", "--service", "aide-aux-demarches-administratives", "--radius-km", "15", "--db", "d.sqlite"]
        let saturday = try maillage.run(base + ["--open-at", "2026-12-05T10:30"])
        #expect(saturday.succeeded && saturday.stdout.contains("uncovered then; 3 sites covering the most inhabitants, among the relays of the service closed then"), "\(saturday)")
        let slot = try maillage.run(base + ["--slot", "Sa10", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(slot.stdout.utf8)) as? [String: Any], "\(slot)")
        #expect(report["candidates"] as? String == "closed" && (report["filters"] as? [String: Any])?["open_at"] as? String != nil)
        for (arguments, message) in [(["--slot", "Xy9"], "--slot expects a day and an hour"), (["--slot", "Sa10", "--open-at", "2026-12-05T10:30"], "not both"),
                                     (["--slot", "Sa10", "--candidates", "places"], "drop --candidates places"), (["--candidates", "closed"], "needs a moment")] {
            let run = try maillage.run(base + arguments)
            #expect(!run.succeeded && run.stderr.contains(message), "\(arguments): \(run)")
        }
    }
}
