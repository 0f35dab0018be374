import ArgumentParser
import Maillage

extension MaillageCommand {
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search names, communes and descriptions, ignoring case and accents, forgiving a few typing mistakes.",
            discussion: """
                Every word must appear, as a word or the start of one: on the demo, `maillage search ecrivain public annonay` \
                finds « Plume solidaire, écrivains publics — Annonay ». Words naming a département (`maillage search mediatheque ardeche`) \
                keep the places there. When that finds fewer than five, names and communes a few typing mistakes \
                away from every word follow (`mediateque` finds « Médiathèque »), marked as approximate.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The words to look for.")
        var words: [String]

        @Option(parsing: .unconditional, help: "At most this many results.")
        var limit = 20

        @Option(help: "text, or json for scripts.")
        var format: OutputFormat = .text

        func validate() throws {
            if words.allSatisfy({ $0.allSatisfy { !$0.isLetter && !$0.isNumber } }) { throw ValidationError("Give at least one word to search for.") }
            try NumberRange.check(limit, atLeast: 1, option: "--limit")
        }

        func run() async throws {
            let asked = words.joined(separator: " ")
            let hits = try global.openStore(.read).tolerantSearch(asked, limit: limit)
            if format == .json {
                print(try JSONOutput.encode(hits))
            } else if hits.isEmpty {
                print("Nothing matches '\(shown: asked)', even allowing a few typing mistakes.")
            } else {
                print(hits.map(SearchText.describe).joined(separator: "\n"))
            }
        }
    }
}

/// The text form of a search hit: its name and id, then its fields, each labelled.
enum SearchText {
    static func describe(_ hit: SearchHit) -> String {
        let how = switch hit.match {
        case .words: ""
        case .departement: " — in département \(shown: hit.departement, or: "?")"
        case .approximate: " — approximate match"
        }
        var lines = ["\(shown: hit.nom) [\(shown: hit.id)]\(how)"]
        switch (hit.kind, hit.codeInsee) {
        case (.place, let code?):
            lines.append("    place in \(shown: hit.communeNom, or: "?") (INSEE \(shown: code))"
                         + (hit.codePostal.map { ", postal code \(shown: $0)" } ?? ""))
        case (.place, nil):
            lines.append("    place, commune as written: \(shown: hit.commune.isEmpty ? "none" : hit.commune)")
        case (.intermediary, _):
            // The index lists an intermediary's communes as SQLite's GROUP_CONCAT writes them: "Annonay,Sarras".
            let communes = hit.commune.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
            lines.append("    intermediary" + (communes.isEmpty ? "" : ", works in \(shown: communes)"))
        }
        if !hit.snippet.isEmpty { lines.append("    \(shown: hit.snippet)") }
        return lines.joined(separator: "\n")
    }
}
