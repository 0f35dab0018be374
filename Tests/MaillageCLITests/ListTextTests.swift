import Foundation
import Testing

/// Lists in text output read as lists: names separated by ", ", and a list cut at its limit says
/// how many it left out and how to see them.
@Suite struct ListTextTests {
    @Test func anIntermediaryWorkingInSeveralCommunesListsThemWithSpaces() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let search = try maillage.run(["search", "ecrivain", "public", "annonay", "--db", "demo.sqlite"])
        #expect(search.succeeded, "\(search)")
        #expect(search.stdout.contains("intermediary, works in Annonay, Sarras"), "\(search.stdout)")
    }

    @Test func networkListsCutAtTopSayHowManyMore() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        // The demo's place network: 15 cut points, 32 bridges, 4 isolated places.
        let network = try maillage.run(["network", "--top", "3", "--db", "demo.sqlite"])
        #expect(network.succeeded, "\(network)")
        #expect(network.stdout.contains("  … and 12 more (--top 15 lists them all)"), "\(network.stdout)")
        #expect(network.stdout.contains("  … and 29 more (--top 32 lists them all)"), "\(network.stdout)")
        #expect(network.stdout.contains("  … and 1 more (--top 4 lists them all)"), "\(network.stdout)")
        let all = try maillage.run(["network", "--top", "100", "--db", "demo.sqlite"])
        #expect(!all.stdout.contains("… and"), "\(all.stdout)")
    }
}

/// The fragility import counts what it says: index rows whose code is no current commune apart
/// from the current communes the file leaves without an index (those take their EPCI's).
@Suite struct FragilityImportReportTests {
    @Test func theTwoCountsAreNotConfused() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        // Privas and an old code no current commune has: 334 of the demo's 335 communes get no row.
        let file = "name,division,code,total\nPrivas,city,07186,5.5\nAncienne commune,city,07999,6.0\n"
        try file.write(toFile: maillage.path("fragilite.csv"), atomically: true, encoding: .utf8)
        let run = try maillage.run(["import", "fragility", "fragilite.csv", "--db", "demo.sqlite"])
        #expect(run.succeeded, "\(run)")
        #expect(run.stdout.contains("index rows whose code is no current commune (older COG or arrondissements; not used): 1"), "\(run.stdout)")
        #expect(run.stdout.contains("current communes the file gives no index (they take their EPCI's): 334"), "\(run.stdout)")
        #expect(!run.stdout.contains("their communes fall back"), "\(run.stdout)")
    }
}
