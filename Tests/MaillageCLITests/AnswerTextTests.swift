import Foundation
import Testing

/// What the query commands tell a user, through the built binary on the demo territory: contacts,
/// a network without referrals, `gaps --level france`, typed numbers, close ids and search.
@Suite struct AnswerTextTests {
    /// A scratch folder holding the demo in demo.sqlite; remove it with `removeFolder()`.
    static func demo() throws -> MaillageBinary {
        let maillage = try MaillageBinary.inScratchFolder()
        try maillage.loadDemo()
        return maillage
    }

    static func json(_ run: MaillageBinary.Run) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }

    @Test func showGivesPhoneEmailAndWebsite() throws {
        let maillage = try Self.demo()
        defer { maillage.removeFolder() }
        let text = try maillage.run(["show", "ardeche-lieu-002", "--db", "demo.sqlite"])
        #expect(text.succeeded, "\(text)")
        #expect(text.stdout.contains("phone: +33199276543"), "\(text.stdout)")
        #expect(text.stdout.contains("e-mail: contact@mediatheque-intercommunale-d-annonay.example.org"))
        #expect(text.stdout.contains("website: https://mediatheque-intercommunale-d-annonay.example.org"))
        let json = try #require(try Self.json(try maillage.run(["show", "ardeche-lieu-002", "--db", "demo.sqlite", "--format", "json"])) as? [String: Any])
        #expect(json["telephone"] as? String == "+33199276543")
        #expect(json["courriels"] as? [String] == ["contact@mediatheque-intercommunale-d-annonay.example.org"])
        #expect(json["site_web"] as? [String] == ["https://mediatheque-intercommunale-d-annonay.example.org"])
    }

    @Test func networkWithoutReferralsSaysSoAndNamesAreBesideIds() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo(into: "bare.sqlite", withTeamsAndReferrals: false)
        let bare = try maillage.run(["network", "--db", "bare.sqlite"])
        #expect(bare.succeeded, "\(bare)")
        #expect(bare.stdout.contains("No referrals") && bare.stdout.contains("maillage import referrals FILE"), "\(bare.stdout)")
        #expect(!bare.stdout.contains("0.0000"), "\(bare.stdout)")

        try maillage.loadDemo()
        let linked = try maillage.run(["network", "--db", "demo.sqlite"])
        #expect(linked.succeeded, "\(linked)")
        let brokers = linked.stdout.components(separatedBy: "Brokers (betweenness): ").last?.split(separator: "\n").dropFirst().prefix(3) ?? []
        #expect(brokers.count == 3 && brokers.allSatisfy { $0.contains(" [ardeche-lieu-") && $0.contains("  0.") }, "\(linked.stdout)")
        #expect(linked.stdout.contains("Maison France Services d'Annonay [ardeche-lieu-001]") || linked.stdout.contains("] — "), "\(linked.stdout)")
    }

    @Test func gapsAtTheLevelOfFranceIsOneRow() throws {
        let maillage = try Self.demo()
        defer { maillage.removeFolder() }
        let run = try maillage.run(["gaps", "--service", "caf", "--radius-km", "10", "--level", "france", "--db", "demo.sqlite", "--format", "json"])
        #expect(run.succeeded, "\(run)")
        let report = try #require(try Self.json(run) as? [String: Any])
        let rows = try #require(report["territories"] as? [[String: Any]])
        #expect(rows.count == 1 && rows.first?["code"] as? String == "france" && rows.first?["nom"] as? String == "France")
        #expect(rows.first?["population"] as? Int == report["population"] as? Int)
        #expect(rows.first?["uncovered_population"] as? Int == report["uncovered_population"] as? Int)
        #expect(rows.first?["communes"] as? Int == 335)
        let text = try maillage.run(["gaps", "--service", "acquisition-de-materiel-informatique-a-prix-solidaire", "--radius-km", "15",
                                     "--level", "france", "--db", "demo.sqlite"])
        #expect(text.succeeded && text.stdout.contains("\n  France: 166957 of 334231 uncovered ("), "\(text)")
    }

    @Test(arguments: [
        (["relays", "--service", "caf", "--commune", "07186", "--limit", "-1"], "--limit must be at least 1; got -1"),
        (["search", "annonay", "--limit", "-1"], "--limit must be at least 1; got -1"),
        (["gaps", "--service", "caf", "--radius-km", "10", "--limit", "-1"], "--limit must be zero or more; got -1"),
        (["access", "--service", "caf", "--limit", "-1"], "--limit must be zero or more; got -1"),
        (["fragility", "--service", "caf", "--radius-km", "10", "--limit", "-1"], "--limit must be zero or more; got -1"),
        (["what-if", "--close", "x", "--limit", "-1"], "--limit must be zero or more; got -1"),
        (["path", "--from", "x", "--service", "caf", "--limit", "-1"], "--limit must be at least 1; got -1"),
        (["network", "--top", "-1"], "--top must be zero or more; got -1"),
        (["plan", "--service", "caf", "--radius-km", "10", "--sites", "-1"], "--sites must be at least 1; got -1"),
        (["gaps", "--service", "caf", "--radius-km", "10", "--min-relays", "-1"], "--min-relays must be at least 1; got -1"),
    ])
    func negativeNumbersAreReadAndRefusedWithTheirRange(arguments: [String], expected: String) throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        let run = try maillage.run(arguments)
        #expect(!run.succeeded && run.stderr.contains(expected) && !run.stderr.contains("Missing value"), "\(run)")
    }

    @Test func anUnknownIdSuggestsCloseIdsInWhatIfAndShow() throws {
        let maillage = try Self.demo()
        defer { maillage.removeFolder() }
        for command in [["what-if", "--close", "ardeche-lieux-001"], ["show", "ardeche-lieux-001"], ["what-if", "--close", "ardeche-lieu-0001"]] {
            let run = try maillage.run(command + ["--db", "demo.sqlite"])
            #expect(!run.succeeded && run.stderr.contains("Closest ids: ardeche-lieu-001"), "\(command): \(run)")
        }
    }

    @Test func searchLabelsItsFieldsAndToleratesATypo() throws {
        let maillage = try Self.demo()
        defer { maillage.removeFolder() }
        let exact = try maillage.run(["search", "médiathèque", "annonay", "--db", "demo.sqlite"])
        #expect(exact.succeeded && exact.stdout.contains("Médiathèque intercommunale d'Annonay [ardeche-lieu-002]"), "\(exact)")
        #expect(exact.stdout.contains("Annonay (INSEE 07010), postal code 07100"), "\(exact.stdout)")
        let typo = try maillage.run(["search", "mediateque", "--db", "demo.sqlite"])
        #expect(typo.succeeded && typo.stdout.contains("Médiathèque intercommunale d'Annonay [ardeche-lieu-002]"), "\(typo)")
        #expect(typo.stdout.contains("approximate"), "\(typo.stdout)")
        let json = try #require(try Self.json(try maillage.run(["search", "mediateque", "--db", "demo.sqlite", "--format", "json"])) as? [[String: Any]])
        #expect(json.contains { $0["id"] as? String == "ardeche-lieu-002" && $0["match"] as? String == "approximate" && $0["code_postal"] as? String == "07100" })
    }

    @Test func searchFindsTheplacesOfADepartementByItsName() throws {
        let maillage = try Self.demo()
        defer { maillage.removeFolder() }
        let json = try #require(try Self.json(try maillage.run(["search", "Ardèche", "--limit", "500", "--db", "demo.sqlite", "--format", "json"])) as? [[String: Any]])
        #expect(json.count >= 100, "\(json.count)")
        let inDepartement = json.filter { $0["match"] as? String == "departement" }
        #expect(inDepartement.count >= 90 && inDepartement.allSatisfy { $0["departement"] as? String == "07" })
        let narrowed = try #require(try Self.json(try maillage.run(["search", "mediatheque", "ardeche", "--db", "demo.sqlite", "--format", "json"])) as? [[String: Any]])
        let narrowedInDepartement = narrowed.filter { $0["match"] as? String == "departement" }
        #expect(narrowed.count == 20 && narrowedInDepartement.count >= 15, "\(narrowed)")
        #expect(narrowedInDepartement.allSatisfy { $0["departement"] as? String == "07" && ($0["nom"] as? String)?.contains("édiathèque") == true })
        // A typo and a département: the other words, approximately, in the département.
        let both = try #require(try Self.json(try maillage.run(["search", "mediateque", "ardeche", "--db", "demo.sqlite", "--format", "json"])) as? [[String: Any]])
        #expect(both.contains { $0["id"] as? String == "ardeche-lieu-002" && $0["match"] as? String == "approximate" && $0["departement"] as? String == "07" },
                "\(both.map { $0["id"] ?? "" })")
    }
}
