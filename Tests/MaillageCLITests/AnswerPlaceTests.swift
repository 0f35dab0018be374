import Foundation
import Testing

/// Every answer says where it answers for: a header line names the commune or the territory
/// `--within` keeps by its kind, code and name (a bare `84` on a directory without Vaucluse is the
/// région, and the answer must say so), with notes; the answer's own first line names the point a
/// `relays` question starts from.
@Suite struct AnswerPlaceTests {
    static let headerPrefixes = ["Commune: ", "EPCI: ", "Département: ", "Région: ", "France", "Note: "]

    /// The header naming the territory and its notes.
    static func header(_ run: MaillageBinary.Run) -> String {
        run.stdout.split(separator: "\n").prefix { line in headerPrefixes.contains { line.hasPrefix($0) } }.joined(separator: "\n")
    }

    /// The answer's first line, after the territory header.
    static func firstLine(_ run: MaillageBinary.Run) -> String {
        run.stdout.split(separator: "\n").first { line in !headerPrefixes.contains { line.hasPrefix($0) } }.map(String.init) ?? ""
    }

    @Test func relaysNameTheCommuneOrThePoint() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let found = try maillage.run(["relays", "--service", "caf", "--commune", "07186", "--radius-km", "15", "--db", "demo.sqlite"])
        #expect(found.succeeded, "\(found)")
        #expect(Self.firstLine(found).hasPrefix("Relays of CAF within 15 km of 07186 Privas"), "\(Self.firstLine(found))")
        let nobody = try maillage.run(["relays", "--service", "caf", "--commune", "07186", "--public", "seniors", "--db", "demo.sqlite"])
        #expect(Self.firstLine(nobody).hasPrefix("Nobody relays CAF within 10 km of 07186 Privas"), "\(Self.firstLine(nobody))")
        let point = try maillage.run(["relays", "--service", "caf", "--lat", "44.73", "--lon", "4.6", "--db", "demo.sqlite"])
        #expect(Self.firstLine(point).contains("within 10 km of 44.73, 4.6"), "\(Self.firstLine(point))")

        let report = try UnderstoodQueryTests.json(try maillage.run(["relays", "--service", "caf", "--commune", "07186", "--db", "demo.sqlite",
                                                                     "--format", "json-report"]))
        let filters = try #require(report["filters"] as? [String: Any])
        #expect(filters["near"] as? String == "07186 Privas", "\(filters)")
        #expect((filters["summary"] as? String)?.contains("of 07186 Privas") == true)
    }

    @Test func coverageAnswersNameTheTerritoryTheyKeep() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let asked = ["--service", "caf", "--radius-km", "10", "--db", "demo.sqlite"]
        for command in ["gaps", "fragility", "plan"] {
            let epci = try maillage.run([command] + asked + ["--within", "200072015"])
            #expect(epci.succeeded, "\(epci)")
            #expect(Self.header(epci).hasPrefix("EPCI: 200072015 CA Annonay Rhône Agglo"), "\(command): \(epci.stdout)")
            #expect(Self.firstLine(epci).contains("in EPCI 200072015 CA Annonay Rhône Agglo"), "\(command): \(Self.firstLine(epci))")
            let whole = try maillage.run([command] + asked)
            #expect(!Self.firstLine(whole).contains("; in ") && Self.header(whole).isEmpty, "\(command): \(whole.stdout)")
        }
        // The demo holds no Vaucluse: a bare 84 is the région, and the answer says which.
        let region = try maillage.run(["gaps"] + asked + ["--within", "84"])
        #expect(Self.header(region).hasPrefix("Région: 84 Auvergne-Rhône-Alpes"), "\(region.stdout)")
        #expect(Self.firstLine(region).contains("in région 84 Auvergne-Rhône-Alpes"), "\(Self.firstLine(region))")
        let json = try UnderstoodQueryTests.json(try maillage.run(["gaps"] + asked + ["--within", "07", "--format", "json"]))
        let filters = try #require(json["filters"] as? [String: Any])
        #expect(filters["within"] as? String == "département 07 Ardèche", "\(filters)")
    }

    @Test func pathWithoutAChainNamesTheServiceAndThePlace() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        // The Médiathèque de Roiffieux refers nobody: no chain, said with the service's label and the place's name.
        let none = try maillage.run(["path", "--from", "ardeche-lieu-013", "--service", "ants", "--db", "demo.sqlite"])
        #expect(none.succeeded, "\(none)")
        #expect(none.stdout.hasPrefix("No relay of ANTS can be reached from Médiathèque municipale de Roiffieux [ardeche-lieu-013] within 3 referrals."),
                "\(none.stdout)")
        let one = try maillage.run(["path", "--from", "ardeche-lieu-013", "--service", "ants", "--max-hops", "1", "--db", "demo.sqlite"])
        #expect(one.stdout.contains("within 1 referral."), "\(one.stdout)")
    }

    @Test func accessAndWhatIfNameTheTerritoryAndTheClosedPlaces() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let access = try maillage.run(["access", "--service", "caf", "--within", "200072015", "--db", "demo.sqlite"])
        #expect(access.succeeded, "\(access)")
        #expect(Self.header(access) == "EPCI: 200072015 CA Annonay Rhône Agglo", "\(access.stdout)")
        let whole = try maillage.run(["access", "--service", "caf", "--db", "demo.sqlite"])
        #expect(Self.header(whole).isEmpty, "\(whole.stdout)")

        let whatIf = try maillage.run(["what-if", "--close", "ardeche-lieu-001", "--service", "caf", "--within", "07010", "--db", "demo.sqlite"])
        #expect(whatIf.succeeded, "\(whatIf)")
        #expect(Self.firstLine(whatIf).hasPrefix("If Maison France Services d'Annonay [ardeche-lieu-001] closed"), "\(Self.firstLine(whatIf))")
        #expect(Self.header(whatIf) == "Commune: 07010 Annonay", "\(whatIf.stdout)")
    }

    @Test func aCommuneCodeThatIsAlsoAPostalCodeSaysSo() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        // 07200 is Le Roux's INSEE code and Aubenas's postal code: the answer is Le Roux's, and says so.
        let run = try maillage.run(["relays", "--service", "caf", "--commune", "07200", "--db", "demo.sqlite"])
        #expect(run.succeeded, "\(run)")
        #expect(Self.header(run).hasPrefix("Commune: 07200 Le Roux\nNote: 07200 is also the postal code of 07019 Aubenas, 07231 Saint-Étienne-de-Fontbellon"),
                "\(run.stdout)")
        #expect(Self.firstLine(run).contains("of 07200 Le Roux"), "\(Self.firstLine(run))")
        let privas = try maillage.run(["relays", "--service", "caf", "--commune", "07186", "--db", "demo.sqlite"])
        #expect(!privas.stdout.contains("postal code"), "\(privas.stdout)")
    }

    @Test func aPostalCodeGivenAsACommuneSuggestsItsCommunes() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        // 07000 is Privas's postal code, no INSEE code.
        let run = try maillage.run(["relays", "--service", "caf", "--commune", "07000", "--db", "demo.sqlite"])
        #expect(!run.succeeded)
        #expect(run.stderr.contains("No commune has the INSEE code '07000'"), "\(run)")
        #expect(run.stderr.contains("it is the postal code of 07186 Privas"), "\(run)")
        #expect(run.stderr.contains("--commune 07186"), "\(run)")
    }

    @Test func whatIfOnARetiredPlaceSaysItIsAlreadyInactive() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        // A newer list without the last place retires it.
        let lines = try String(contentsOf: MaillageBinary.seeds.appendingPathComponent("demo/lieux.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true)
        try (lines.dropLast().joined(separator: "\n") + "\n").write(toFile: maillage.path("lieux.csv"), atomically: true, encoding: .utf8)
        let retire = try maillage.run(["import", "lieux", "lieux.csv", "--db", "demo.sqlite"])
        try #require(retire.succeeded && retire.stdout.contains("1 retired"), "\(retire)")
        let run = try maillage.run(["what-if", "--close", "ardeche-lieu-113", "--db", "demo.sqlite"])
        #expect(run.succeeded, "\(run)")
        #expect(run.stdout.contains("ardeche-lieu-113 is already inactive"), "\(run.stdout)")
        #expect(!run.stdout.contains("they relay no service"), "\(run.stdout)")
    }
}
