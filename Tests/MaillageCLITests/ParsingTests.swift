import ArgumentParser
import Foundation
import Maillage
import Testing
@testable import MaillageCLI

@Suite struct ParsingTests {
    @Test func importTakesAKindFilesAndFlags() throws {
        let command = try MaillageCommand.parseAsRoot(["import", "aidants-connect", "a.csv", "b.csv", "--skip-invalid", "--db", "x.sqlite", "--date-maj", "2024-02-22", "--format", "json"])
        let parsed = try #require(command as? MaillageCommand.Import)
        #expect(parsed.kind == .aidantsConnect && parsed.files == ["a.csv", "b.csv"] && parsed.skipInvalid)
        #expect(parsed.global.databasePath == "x.sqlite" && parsed.dateMaj == "2024-02-22" && parsed.format == .json)
    }

    @Test(arguments: ImportKind.allCases)
    func everyImportKindParses(kind: ImportKind) throws {
        let parsed = try #require(try MaillageCommand.parseAsRoot(["import", kind.rawValue, "f"]) as? MaillageCommand.Import)
        #expect(parsed.kind == kind)
    }

    @Test func anUnknownKindListsTheValidOnes() {
        do {
            _ = try MaillageCommand.parseAsRoot(["import", "lieu", "f.csv"])
            Issue.record("expected a parsing error")
        } catch {
            let message = MaillageCommand.message(for: error)
            for kind in ImportKind.allCases { #expect(message.contains(kind.rawValue), "\(message)") }
        }
    }

    @Test func aBadDateIsRefusedBeforeAnythingRuns() {
        do {
            _ = try MaillageCommand.parseAsRoot(["import", "aidants-connect", "f.csv", "--date-maj", "22/02/2024"])
            Issue.record("expected a validation error")
        } catch {
            #expect(MaillageCommand.message(for: error).contains("YYYY-MM-DD"))
        }
    }

    @Test func exportAndStatsTakeTheirFormats() throws {
        let export = try #require(try MaillageCommand.parseAsRoot(["export", "lieux", "--format", "json", "-o", "out.json"]) as? MaillageCommand.Export)
        #expect(export.kind == .lieux && export.format == .json && export.output == "out.json")
        let geo = try #require(try MaillageCommand.parseAsRoot(["export", "geojson"]) as? MaillageCommand.Export)
        #expect(geo.kind == .geojson && geo.output == nil)
        let stats = try #require(try MaillageCommand.parseAsRoot(["stats", "--format", "json"]) as? MaillageCommand.Stats)
        #expect(stats.format == .json)
        #expect(throws: (any Error).self) { try MaillageCommand.parseAsRoot(["stats", "--format", "xml"]) }
    }

    @Test func theDatabaseDefaultsToTheWorkingDirectory() throws {
        let parsed = try #require(try MaillageCommand.parseAsRoot(["init"]) as? MaillageCommand.Init)
        let expected = ProcessInfo.processInfo.environment["MAILLAGE_DB"] ?? "maillage.sqlite"
        #expect(parsed.global.databasePath == expected)
    }
}

@Suite struct CommandRunTests {
    /// A temporary directory, removed by the caller.
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private var seeds: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Seeds").path
    }

    @Test func initImportExportRunEndToEnd() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("m.sqlite").path
        let output = directory.appendingPathComponent("lieux.csv").path
        for arguments in [
            ["init", "--db", db, "--seeds", seeds + "/taxonomy"],
            ["import", "communes", seeds + "/demo/communes.csv", "--db", db],
            ["import", "lieux", seeds + "/demo/lieux.csv", "--db", db],
            ["export", "lieux", "--db", db, "-o", output],
        ] {
            var command = try MaillageCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        }
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.split(separator: "\n").first?.hasPrefix("id,pivot,nom,") == true)
        let statistics = try Store.open(path: db).statistics()
        #expect(statistics.communes == 335 && statistics.places == text.filter { $0 == "\n" }.count - 1 - embeddedLineBreaks(text))
    }

    /// Line breaks inside quoted fields, which do not start a row.
    private func embeddedLineBreaks(_ text: String) -> Int {
        var inQuotes = false, count = 0
        for character in text {
            if character == "\"" { inQuotes.toggle() } else if character == "\n", inQuotes { count += 1 }
        }
        return count
    }
}
