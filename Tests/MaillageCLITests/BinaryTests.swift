import Foundation
import Testing

/// The built program, run as a separate process: the harness other CLI tests use.
@Suite struct BinaryHarnessTests {
    @Test func theDemoLoadsAndStatsCountIt() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let stats = try maillage.run(["stats", "--db", "demo.sqlite", "--format", "json"])
        #expect(stats.succeeded, "\(stats)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(object["communes"] as? Int == 335, "\(stats.stdout.prefix(300))")
    }
}
