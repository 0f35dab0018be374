import ArgumentParser
import Foundation
import Maillage

extension NetworkReport.Level: ExpressibleByArgument {}

extension MaillageCommand {
    struct Network: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The health of the referral network: cut points, bridges, brokers, cores, communities, isolated places.",
            discussion: """
                The refers-to network is taken as undirected. Its nodes are all the active places in scope, connected \
                or not; a referral from or to an intermediary counts as one from or to its place (--level intermediaries \
                keeps intermediaries as nodes). Betweenness is normalised as NetworkX's betweenness_centrality defaults.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("Only this territory: INSEE code, EPCI SIREN, département, or region:CODE.", valueName: "code"))
        var within: String?

        @Option(help: "places, or intermediaries for the finer network.")
        var level: NetworkReport.Level = .places

        @Option(help: "How many brokers (highest betweenness) to list in text output.")
        var top = 10

        @Option(help: "text, or json for scripts.")
        var format: OutputFormat = .text

        func run() async throws {
            let store = try global.openStore()
            let territory = try within.map(store.territoryTable().territory)
            let report = try store.network(level: level, within: within)
            if format == .json {
                TerritoryText.noteOnStandardError(territory)
                print(try JSONOutput.encode(report))
                return
            }
            var lines = [String(format: "%d nodes, %d referral links (undirected), %d communities (modularity %.3f).",
                                report.nodes, report.edges, report.communities.count, report.modularity)]
            lines.append("Cut points (one closure disconnects others): \(report.articulationPoints.count)")
            lines += report.articulationPoints.prefix(top).map { "  \($0)" }
            lines.append("Bridges (one link holds a part of the network): \(report.bridges.count)")
            lines += report.bridges.prefix(top).map { "  \($0.joined(separator: " — "))" }
            lines.append("Brokers (betweenness):")
            lines += report.betweenness.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(top)
                .map { String(format: "  %.4f  %@", $0.value, $0.key) }
            lines.append("Isolated (no referral at all): \(report.isolated.count)")
            lines += report.isolated.prefix(top).map { "  \($0)" }
            print(TerritoryText.header(territory) + lines.joined(separator: "\n"))
        }
    }
}
