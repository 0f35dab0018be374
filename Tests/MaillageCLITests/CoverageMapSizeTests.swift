import Foundation
import Testing

/// A coverage map of one commune is sized to its territory, not blown up around it.
@Suite struct CoverageMapSizeTests {
    /// The width and height of a PNG, from its IHDR chunk.
    static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count > 24, bytes[0] == 0x89 else { return nil }
        let number = { (offset: Int) in bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    @Test func aSingleCommuneMapIsASaneSize() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        for scope in [["--commune", "07019"], ["--commune", "07186"], ["--departement", "07"]] {
            let run = try maillage.run(["render", "coverage", "--service", "caf"] + scope + ["--format", "png", "-o", "map.png", "--db", "demo.sqlite"])
            #expect(run.succeeded, "\(run)")
            let size = try #require(Self.pngSize([UInt8](try Data(contentsOf: URL(fileURLWithPath: maillage.path("map.png"))))))
            #expect(size.width <= 2_000 && size.height <= 2_000 && size.width >= 300, "\(scope): \(size)")
        }
    }
}

/// A PNG over the pixel limit is refused through the command, with what to do instead.
@Suite struct OversizedImageTests {
    @Test func aDepartementsNetworkAsPNGIsRefusedWithASuggestion() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let run = try maillage.run(["render", "territory", "--departement", "07", "-o", "ardeche.png", "--db", "demo.sqlite"])
        #expect(!run.succeeded && run.stderr.contains("over the limit of 40 million pixels") && run.stderr.contains("-o ardeche.svg"), "\(run)")
        #expect(!FileManager.default.fileExists(atPath: maillage.path("ardeche.png")))
        let svg = try maillage.run(["render", "territory", "--departement", "07", "-o", "ardeche.svg", "--db", "demo.sqlite"])
        #expect(svg.succeeded, "\(svg)")
    }
}
