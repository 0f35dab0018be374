import Foundation
import Testing

/// Every answer's header says what was understood: the service by its label, the radius and each
/// filter in its canonical label, and what `--open-at` left out for unknown hours.
@Suite struct UnderstoodQueryTests {
    static func json(_ run: MaillageBinary.Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
    }

    @Test func relaysNameTheirFiltersAndWhatOpenAtLeftOut() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let asked = ["relays", "--service", "aide-aux-demarches-administratives", "--commune", "07186", "--radius-km", "15", "--free",
                     "--public", "seniors", "--modalite", "a distance", "--label", "france services", "--open-at", "2025-03-15T10:00", "--db", "demo.sqlite"]
        let text = try maillage.run(asked)
        #expect(text.succeeded, "\(text)")
        // The commune comes first (CommuneCodesTests), then what was understood of the question.
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Commune: 07186 Privas")
        let header = lines.dropFirst().first ?? ""
        for part in ["Aide aux démarches administratives", "within 15 km", "free", "public: Seniors", "modalité: À distance",
                     "label: France Services", "open at 2025-03-15T10:00"] {
            #expect(header.contains(part), "\(part) in \(header)")
        }
        let wide = try maillage.run(["relays", "--service", "caf", "--commune", "07186", "--radius-km", "60", "--open-at", "2025-03-15T10:00", "--db", "demo.sqlite"])
        #expect(wide.stdout.contains(#/\d+ relays? whose opening hours are unknown left out/#), "\(wide.stdout.prefix(400))")

        let report = try Self.json(try maillage.run(["relays", "--service", "caf", "--commune", "07186", "--radius-km", "60",
                                                     "--open-at", "2025-03-15T10:00", "--db", "demo.sqlite", "--format", "json-report"]))
        let filters = try #require(report["filters"] as? [String: Any])
        #expect(filters["service"] as? String == "CAF" && filters["open_at"] as? String == "2025-03-15T10:00" && filters["radius_km"] as? Double == 60)
        let leftOut = try #require(filters["unknown_hours_left_out"] as? Int)
        #expect(leftOut > 0 && (report["relays"] as? [Any]) != nil)
        #expect(wide.stdout.contains("(\(leftOut) relay"))
        // --format json stays the array scripts read.
        let array = try maillage.run(["relays", "--service", "caf", "--commune", "07186", "--db", "demo.sqlite", "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(array.stdout.utf8))) is [Any])
    }

    @Test func gapsFragilityPlanAndAccessNameTheirFilters() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let filters = ["--service", "aide-aux-demarches-administratives", "--radius-km", "30", "--prise-en-charge", "surdite", "--free", "--db", "demo.sqlite"]
        for command in ["gaps", "fragility", "plan"] {
            let text = try maillage.run([command] + filters)
            #expect(text.succeeded, "\(text)")
            let header = text.stdout.split(separator: "\n").first.map(String.init) ?? ""
            #expect(header.contains("Aide aux démarches administratives within 30 km") && header.contains("free")
                    && header.contains("prise en charge: Surdité"), "\(command): \(header)")
            let json = try Self.json(try maillage.run([command] + filters + ["--format", "json"]))
            let applied = try #require(json["filters"] as? [String: Any], "\(command)")
            #expect(applied["prise_en_charge"] as? [String] == ["Surdité"] && applied["free"] as? Bool == true, "\(command)")
            #expect((applied["summary"] as? String)?.contains("prise en charge: Surdité") == true)
        }
        let access = try maillage.run(["access", "--service", "caf", "--db", "demo.sqlite"])
        #expect(access.stdout.hasPrefix("CAF, e2sfca within 30 km"), "\(access.stdout.prefix(200))")
    }
}
