import Foundation
import Testing

/// `render` through the built binary: the format follows the file name, and maps are sized to
/// their territory.
@Suite(.serialized) struct RenderOutputTests {
    static let signatures: [String: [UInt8]] = [
        "svg": Array("<?xml".utf8), "png": [0x89, 0x50, 0x4E, 0x47], "pdf": Array("%PDF".utf8), "json": Array("{".utf8), "dot": Array("digraph".utf8),
    ]

    @Test func theFormatIsTakenFromTheExtension() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        for (name, format) in [("x.png", "png"), ("x.PDF", "pdf"), ("x.svg", "svg"), ("x.json", "json"), ("x.dot", "dot"), ("x.gv", "dot")] {
            let run = try maillage.run(["render", "territory", "--commune", "07186", "-o", name, "--db", "demo.sqlite"])
            #expect(run.succeeded, "\(run)")
            let bytes = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: maillage.path(name)))) ?? Data())
            let signature = try #require(Self.signatures[format])
            #expect(Array(bytes.prefix(signature.count)) == signature, "\(name) should hold \(format)")
        }
    }

    @Test(arguments: [
        (["--format", "svg", "-o", "x.png"], ["--format svg contradicts", "x.png", "x.svg"]),
        (["-o", "x.jpeg"], [".jpeg is not one of", "--format"]),
        (["-o", "carte"], ["no extension", "--format"]),
    ])
    func contradictionsAndUnknownExtensionsAreRefused(arguments: [String], expected: [String]) throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        let run = try maillage.run(["render", "territory", "--commune", "07186"] + arguments)
        #expect(!run.succeeded)
        for text in expected { #expect(run.stderr.contains(text), "\(run)") }
        #expect(!FileManager.default.fileExists(atPath: maillage.path("x.png")))
    }

    @Test func aFormatWithAFileWithoutExtensionIsFine() throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        let run = try maillage.run(["render", "territory", "--commune", "07186", "--format", "png", "-o", "carte", "--db", "demo.sqlite"])
        #expect(run.succeeded, "\(run)")
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: maillage.path("carte")))).prefix(4) == [0x89, 0x50, 0x4E, 0x47])
    }
}
