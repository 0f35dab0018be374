import ArgumentParser
import Maillage

extension MaillageCommand {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the values the directory keeps as text because they cannot be read: opening hours that are not OSM opening_hours.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "text, or json for scripts.")
        var format: OutputFormat = .text

        func run() async throws {
            let problems = try global.openStore(.read).hoursProblems()
            if format == .json {
                print(try JSONOutput.encode(problems))
            } else if problems.isEmpty {
                print("Every opening-hours value reads as OSM opening_hours.")
            } else {
                print("\(problems.count) opening-hours value(s) cannot be read (kept as text):")
                for problem in problems {
                    print("  \(shown: problem.id) (\(shown: problem.nom)): horaires \"\(shown: problem.horaires)\": at character \(problem.position + 1), expected \(shown: problem.expected)")
                }
            }
        }
    }
}
