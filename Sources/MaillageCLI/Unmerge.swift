import ArgumentParser
import Maillage

extension MaillageCommand {
    struct Unmerge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split a merged place back into the places its source records were, exactly as imported.",
            discussion: "Any source id of the place names it. A later `maillage dedupe` may merge the records again: record that they are different places with `maillage dedupe --never ID1 ID2`.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Any source id of the merged place (see `maillage show ID`).")
        var id: String

        @Option(help: "text, or json for scripts.")
        var format: OutputFormat = .text

        func run() async throws {
            let place = try global.openStore(.write).unmerge(id)
            if format == .json {
                print(try JSONOutput.encode(place))
            } else {
                print("\(shown: place.nom) [\(shown: place.id)] is \(place.sourceIds.count) places again: \(shown: place.sourceIds.joined(separator: ", ")).")
                let pairs = place.sourceIds.dropFirst().map { "maillage dedupe --never \(place.id) \($0)" }
                print("To keep dedupe from merging them again: \(shown: pairs.joined(separator: "; ")).")
            }
        }
    }
}
