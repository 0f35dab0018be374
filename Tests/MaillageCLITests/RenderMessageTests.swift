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
        #expect(run.stderr.contains("An ego diagram needs"), "\(run)")
    }
}
