import Foundation
import Testing

/// `render`'s refusals are worded with the options the user typed.
@Suite struct RenderMessageTests {
    @Test func anUnknownTerritoryIsNamedByItsOption() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        for (option, code, kind) in [("--departement", "26", "département"), ("--epci", "200040715", "EPCI"), ("--commune", "26362", "commune")] {
            let run = try maillage.run(["render", "territory", option, code, "--db", "demo.sqlite", "-o", "x.svg"])
            #expect(!run.succeeded)
            #expect(run.stderr.contains("No \(kind) has the code '\(code)' in this directory (\(option) \(code))"), "\(run)")
            #expect(!run.stderr.contains(":\(code)'"), "\(run)")
        }
    }

    @Test func anEgoDiagramIsWrittenWithItsArticle() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let run = try maillage.run(["render", "ego", "--db", "demo.sqlite", "-o", "x.svg"])
        #expect(run.stderr.contains("An ego diagram needs the id of a place or intermediary: --id."), "\(run)")
    }
}

/// The library names fields, and the command line words them as its options.
@Suite struct CLIWordingTests {
    @Test func libraryErrorsReachTheTerminalWithTheOptionsToSet() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let coverage = try maillage.run(["render", "coverage", "--service", "ants", "--db", "demo.sqlite", "-o", "x.svg"])
        #expect(coverage.stderr.contains("A coverage diagram needs a territory: --commune, --epci or --departement."), "\(coverage)")
        let filter = try maillage.run(["relays", "--service", "ants", "--commune", "07186", "--public", "Astronautes", "--db", "demo.sqlite"])
        #expect(!filter.succeeded && filter.stderr.contains("Unknown value 'Astronautes' for --public: expected one of 'Jeunes'"), "\(filter)")
        let fragility = try maillage.run(["access", "--service", "ants", "--demand", "fragility", "--db", "demo.sqlite"])
        #expect(!fragility.succeeded && fragility.stderr.contains("or use --demand population."), "\(fragility)")
    }
}
