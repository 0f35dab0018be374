import Foundation
import Maillage
import Testing

/// A large lieux file is streamed into the database: the import's memory grows far slower than
/// the file (the 300,000-place case of Scripts/scale stays under half of its 358 MB; here
/// 3 and 9 MB files, so that the test suite stays quick).
@Suite struct ImportMemoryTests {
    /// A v1 file of `count` places in Privas, each row about 1.2 KB as in the national files, one
    /// of them with a line break inside a quoted field.
    static func lieuxFile(count: Int) -> String {
        let detail = String(repeating: "Nous accompagnons les démarches en ligne : CAF, impôts, retraite, France Travail. ", count: 11)
        var text = LieuColumn.allCases.map(\.rawValue).joined(separator: ",") + "\n"
        for index in 0..<count {
            let values: [LieuColumn: String] = [
                .id: "big-\(index)", .nom: "Lieu \(index)", .commune: "Privas", .codePostal: "07000", .codeInsee: "07186",
                .latitude: "44.735", .longitude: "4.599", .dateMaj: "2025-06-01", .services: "Aide aux démarches administratives",
                .adresse: "1 rue de la Paix", .source: "bench",
                .presentationDetail: index == 1 ? "Sur deux\nlignes" : detail,
            ]
            text += LieuColumn.allCases.map { column in
                let value = values[column] ?? ""
                return value.contains(",") || value.contains("\n") ? "\"\(value)\"" : value
            }.joined(separator: ",") + "\n"
        }
        return text
    }

    /// Peak resident memory of `maillage import lieux FILE` into a new database, in bytes, through /usr/bin/time.
    private func peakMemory(importing file: String, into database: String, _ binary: MaillageBinary) throws -> Int {
        for step in [["init", "--db", database, "--seeds", MaillageBinary.seeds.appendingPathComponent("taxonomy").path],
                     ["import", "communes", MaillageBinary.seeds.appendingPathComponent("demo/communes.csv").path, "--db", database]] {
            let run = try binary.run(step)
            try #require(run.succeeded, "\(run)")
        }
        var timed = binary
        timed.launcher = ["/usr/bin/time", "-f", "%M", "-o", binary.path("time.txt")]
        let run = try timed.run(["import", "lieux", file, "--db", database])
        #expect(run.succeeded, "\(run)")
        let kilobytes = try String(contentsOfFile: binary.path("time.txt"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return (Int(kilobytes) ?? 0) * 1024
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs /usr/bin/time (Debian package time)"))
    func importMemoryGrowsFarSlowerThanTheFile() throws {
        let binary = try MaillageBinary.inScratchFolder()
        defer { binary.removeFolder() }
        let small = Data(Self.lieuxFile(count: 3_000).utf8), large = Data(Self.lieuxFile(count: 9_000).utf8)
        try small.write(to: URL(fileURLWithPath: binary.path("small.csv")))
        try large.write(to: URL(fileURLWithPath: binary.path("large.csv")))
        let growth = try peakMemory(importing: "large.csv", into: "large.sqlite", binary)
            - peakMemory(importing: "small.csv", into: "small.sqlite", binary)
        // Held whole, the file took about four times its size (its bytes twice, its fields, the drafts);
        // streamed, what grows is a few hundred bytes a row (ids seen, rows written).
        #expect(growth < large.count - small.count,
                "peak memory grew by \(growth / 1_048_576) MB for \((large.count - small.count) / 1_048_576) MB more of file")

        // Every row is there, the one with a line break inside quotes too.
        let export = try binary.run(["export", "lieux", "--db", "large.sqlite", "-o", "out.csv"])
        #expect(export.succeeded, "\(export)")
        let exported = try String(contentsOfFile: binary.path("out.csv"), encoding: .utf8)
        #expect(exported.contains("big-8999,") && exported.contains("\"Sur deux\nlignes\""), "\(export)")
    }
}
