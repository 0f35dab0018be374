import Foundation
import Testing

/// An answer with nothing in it says why in words, not as "0 of 0" or "0 site(s)".
@Suite struct EmptyAnswerTextTests {
    @Test func fragilityWithNobodyCoveredSaysSo() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        // No place of the demo offers solidarity-priced equipment with help for visual impairment.
        let run = try maillage.run(["fragility", "--service", "acquisition-de-materiel-informatique-a-prix-solidaire", "--radius-km", "10",
                                    "--prise-en-charge", "Déficience visuelle", "--db", "demo.sqlite"])
        #expect(run.succeeded, "\(run)")
        #expect(run.stdout.contains("— no commune is covered (nobody relays it within 10 km or by zone), so none depends on a single relay."), "\(run.stdout)")
        #expect(!run.stdout.contains("0 of 0"), "\(run.stdout)")
    }

    @Test func planWithNothingUncoveredSaysSo() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let covered = try maillage.run(["plan", "--service", "caf", "--radius-km", "10", "--db", "demo.sqlite"])
        #expect(covered.succeeded, "\(covered)")
        #expect(covered.stdout.contains("— every inhabited commune is covered already: no site to add."), "\(covered.stdout)")
        #expect(!covered.stdout.contains("site(s)"), "\(covered.stdout)")
        let three = try maillage.run(["plan", "--service", "acquisition-de-materiel-informatique-a-prix-solidaire", "--radius-km", "15", "--sites", "3",
                                      "--db", "demo.sqlite"])
        #expect(three.stdout.contains("; 3 sites covering the most inhabitants, among the communes' centroids:"), "\(three.stdout)")
    }

    @Test func networkWithoutReferralsCountsNoCommunities() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo(into: "bare.sqlite", withTeamsAndReferrals: false)
        let bare = try maillage.run(["network", "--db", "bare.sqlite"])
        #expect(bare.stdout.hasPrefix("113 nodes, no referral links.\n"), "\(bare.stdout)")
        #expect(!bare.stdout.contains("113 communities"), "\(bare.stdout)")
    }
}

/// `stats` counts in words a reader checks: singulars, and what a service's count holds.
@Suite struct StatisticsTextTests {
    @Test func oneDepartementIsSingularAndServiceCountsSayWhatTheyHold() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let stats = try maillage.run(["stats", "--db", "demo.sqlite"])
        #expect(stats.succeeded, "\(stats)")
        #expect(stats.stdout.contains("19 EPCI, 1 département, 1 région."), "\(stats.stdout)")
        #expect(stats.stdout.contains("Services (places where the place or a team there relays it, intermediaries relaying it; "
                                      + "a finer service, indented, is counted apart from the service above it):"), "\(stats.stdout)")
    }
}

/// `gaps` by territory writes one commune in the singular.
@Suite struct GapsTextTests {
    @Test func oneCommuneIsSingular() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let run = try maillage.run(["gaps", "--service", "aide-aux-demarches-administratives", "--radius-km", "30", "--prise-en-charge", "Surdité",
                                    "--free", "--level", "epci", "--db", "demo.sqlite"])
        #expect(run.succeeded, "\(run)")
        #expect(run.stdout.contains("200035129 CC de Cèze Cévennes: 572 of 572 uncovered (1 of 1 commune)"), "\(run.stdout)")
    }
}
