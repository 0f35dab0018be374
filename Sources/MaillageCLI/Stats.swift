import ArgumentParser
import Maillage

extension MaillageCommand {
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count what the directory holds: by kind, actor type, service and département.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "text, or json for scripts.")
        var format: OutputFormat = .text

        func run() async throws {
            let statistics = try global.openStore(.read).statistics()
            print(format == .json ? try JSONOutput.encode(statistics) : StatisticsText.describe(statistics))
        }
    }
}
