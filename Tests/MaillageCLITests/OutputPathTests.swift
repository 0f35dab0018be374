import Foundation
import Testing

/// A file to write that cannot be written is refused before any work, in a sentence that names it
/// and says what to do, not with Foundation's `NSCocoaErrorDomain Code=512`.
@Suite struct OutputPathTests {
    static let commands: [[String]] = [
        ["render", "territory", "--commune", "07186", "--format", "svg"],
        ["export", "lieux"],
        ["export", "geojson"],
    ]

    @Test(arguments: commands)
    func aFolderOrAMissingFolderIsNamed(_ command: [String]) throws {
        let maillage = try MaillageBinary.inScratchFolder()
        defer { maillage.removeFolder() }
        try maillage.loadDemo()
        try FileManager.default.createDirectory(atPath: maillage.path("sorties"), withIntermediateDirectories: true)
        let folder = try maillage.run(command + ["--db", "demo.sqlite", "-o", "sorties"])
        #expect(!folder.succeeded)
        #expect(folder.stderr.contains("sorties is a folder, not a file: name a file in it (-o sorties/"), "\(folder)")
        #expect(!folder.stderr.contains("NSCocoaErrorDomain"), "\(folder)")

        let missing = try maillage.run(command + ["--db", "demo.sqlite", "-o", "absent/sortie.svg"])
        #expect(!missing.succeeded)
        #expect(missing.stderr.contains("Cannot write absent/sortie.svg: the folder absent does not exist"), "\(missing)")
        #expect(!missing.stderr.contains("NSCocoaErrorDomain"), "\(missing)")
    }
}
