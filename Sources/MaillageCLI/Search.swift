import ArgumentParser
import Maillage

extension MaillageCommand {
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search names, communes and descriptions, ignoring case and accents.",
            discussion: "Every word must appear, as a word or the start of one: `maillage search ecrivain public lyon` finds « Écrivain public — Lyon 3e ».")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The words to look for.")
        var words: [String]

        @Option(help: "At most this many results.")
        var limit = 20

        @Option(help: "text, or json for scripts.")
        var format: OutputFormat = .text

        func validate() throws {
            if words.allSatisfy({ $0.allSatisfy { !$0.isLetter && !$0.isNumber } }) { throw ValidationError("Give at least one word to search for.") }
        }

        func run() async throws {
            let hits = try global.openStore(.read).search(words.joined(separator: " "), limit: limit)
            if format == .json {
                print(try JSONOutput.encode(hits))
            } else if hits.isEmpty {
                print("Nothing matches '\(words.joined(separator: " "))'.")
            } else {
                print(hits.map { "\($0.nom) [\($0.id)] — \($0.commune)" + ($0.snippet.isEmpty ? "" : "\n    \($0.snippet)") }.joined(separator: "\n"))
            }
        }
    }
}
