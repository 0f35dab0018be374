import Foundation
import Testing

/// `show` on a place says what the people working there relay: on the national lists a place
/// relays nothing itself, its conseillers or aidants do, and a profile without them says nothing.
@Suite struct ShowTeamTests {
    @Test func aPlaceListsItsTeamsWithTypeHeadcountAndServices() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let text = try maillage.run(["show", "ardeche-lieu-001", "--db", "demo.sqlite"])
        #expect(text.succeeded, "\(text)")
        #expect(text.stdout.contains("    Conseillers France Services d'Annonay [ardeche-int-001], france-services, 3 people\n"
                                     + "      relays: Aide aux démarches administratives, "), "\(text.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try maillage.run(["show", "ardeche-lieu-001", "--db", "demo.sqlite",
                                                                                               "--format", "json"]).stdout.utf8)) as? [String: Any])
        let team = try #require((json["works_with"] as? [[String: Any]])?.first)
        #expect(team["id"] as? String == "ardeche-int-001" && team["type"] as? String == "france-services" && team["headcount"] as? Int == 3, "\(team)")
        #expect((team["services"] as? [String])?.contains("CAF") == true, "\(team)")
    }
}
