import Foundation
@testable import Maillage
import Testing
@testable import MaillageCLI

/// Control characters and line breaks in the data never reach the terminal raw; JSON and CSV keep
/// the exact value.
@Suite struct TerminalTextTests {
    static let hostileName = "Relais \u{1B}[31mRouge\u{1B}[0m\rÉcrasé\nLigne 2\u{7F}\u{9B}2J"
    static let shownName = #"Relais \u{1B}[31mRouge\u{1B}[0m\rÉcrasé\nLigne 2\u{7F}\u{9B}2J"#

    /// The demo plus one place of Privas with the hostile name, in demo.sqlite.
    static func demoWithHostilePlace() throws -> MaillageBinary {
        let maillage = try MaillageBinary.inScratchFolder()
        try maillage.loadDemo()
        var writer = CSVWriter()
        writer.writeRow(LieuColumn.allCases.map(\.rawValue))
        let values: [LieuColumn: String] = [
            .id: "hostile-1", .nom: hostileName, .commune: "Privas", .codePostal: "07000", .codeInsee: "07186", .latitude: "44.736",
            .longitude: "4.6", .dateMaj: "2025-01-15", .source: "test", .services: "CAF", .adresse: "1 rue\u{1B}]0;titre\u{07}",
        ]
        writer.writeRow(LieuColumn.allCases.map { values[$0] ?? "" })
        try Data(writer.text.utf8).write(to: URL(fileURLWithPath: maillage.path("hostile.csv")))
        let run = try maillage.run(["import", "lieux", "hostile.csv", "--db", "demo.sqlite"])
        try #require(run.succeeded, "\(run)")
        return maillage
    }

    @Test func neutralisesC0C1DelAndLineBreaks() {
        #expect(TerminalText.neutralised("a\u{1B}[31mb\r\nc\u{7F}\u{85}\u{9B}d\te\u{2028}") == #"a\u{1B}[31mb\r\nc\u{7F}\u{85}\u{9B}d\te\u{2028}"#)
        #expect(TerminalText.neutralised("Médiathèque d'Annonay — 👩🏽‍💻") == "Médiathèque d'Annonay — 👩🏽‍💻")
    }

    @Test func showSearchAndRelaysPrintNoControlCharacter() throws {
        let maillage = try Self.demoWithHostilePlace()
        defer { maillage.removeFolder() }
        let runs = [
            ["show", "hostile-1"], ["search", "relais", "ecrase"], ["relays", "--service", "caf", "--commune", "07186"],
            ["network", "--top", "200"],
        ]
        for arguments in runs {
            let run = try maillage.run(arguments + ["--db", "demo.sqlite"])
            #expect(run.succeeded, "\(run)")
            #expect(!run.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\r" || $0 == "\u{7F}" || $0 == "\u{9B}" }, "\(arguments)")
            #expect(run.stdout.contains(Self.shownName), "\(arguments): \(run.stdout)")
        }
        let show = try maillage.run(["show", "hostile-1", "--db", "demo.sqlite"])
        #expect(show.stdout.contains(#"1 rue\u{1B}]0;titre\u{07}"#))
    }

    @Test func jsonAndCSVKeepTheExactValue() throws {
        let maillage = try Self.demoWithHostilePlace()
        defer { maillage.removeFolder() }
        let show = try maillage.run(["show", "hostile-1", "--db", "demo.sqlite", "--format", "json"])
        let profile = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(profile["nom"] as? String == Self.hostileName)
        #expect(!show.stdout.unicodeScalars.contains("\u{1B}"))  // escaped as \u001b in the JSON text
        let export = try maillage.run(["export", "lieux", "--db", "demo.sqlite"])
        #expect(export.stdout.contains("\"" + Self.hostileName + "\""))
    }
}
