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

        @Option(parsing: .unconditional, help: "How many of each list (cut points, bridges, brokers, isolated places) to show in text output.")
        var top = 10

        @Option(help: "text, or json for scripts.")
        var format: OutputFormat = .text

        func validate() throws {
            try NumberRange.check(top, atLeast: 0, option: "--top")
        }

        func run() async throws {
            let store = try global.openStore(.read)
            let territory = try within.map(store.territoryTable().territory)
            let report = try store.network(level: level, within: within)
            if format == .json { TerritoryText.noteOnStandardError(territory) }
            print(format == .json ? try JSONOutput.encode(report) : TerritoryText.header(territory) + NetworkText.describe(report, top: top))
        }
    }
}

/// The text form of a network report: every node named, its id beside it.
enum NetworkText {
    static func describe(_ report: NetworkReport, top: Int) -> String {
        let node = { (id: String) in "\(shown: report.names[id] ?? id) [\(shown: id)]" }
        guard report.edges > 0 else {
            var lines = ["\(report.nodes) nodes, no referral links."]
            lines.append("No referrals in scope, so no cut points, bridges, brokers or communities to measure. Import who refers "
                         + "people to whom with `maillage import referrals FILE` (columns source_id,target_id,service,weight; "
                         + "Seeds/demo/orientations.csv is an example).")
            return lines.joined(separator: "\n")
        }
        var lines = [String(format: "%d nodes, %d referral links (undirected), %d communities (modularity %.3f).",
                            report.nodes, report.edges, report.communities.count, report.modularity)]
        lines.append("Cut points (one closure disconnects others): \(report.articulationPoints.count)")
        lines += report.articulationPoints.prefix(top).map { "  " + node($0) } + more(report.articulationPoints.count, top: top)
        lines.append("Bridges (one link holds a part of the network): \(report.bridges.count)")
        lines += report.bridges.prefix(top).map { "  " + $0.map(node).joined(separator: " ↔ ") } + more(report.bridges.count, top: top)
        let brokers = report.betweenness.filter { $0.value > 0 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        lines.append("Brokers (betweenness): \(brokers.count) node(s) on shortest paths between others")
        lines += brokers.prefix(top).map { String(format: "  %.4f  ", $0.value) + node($0.key) } + more(brokers.count, top: top)
        lines.append("Isolated (no referral at all): \(report.isolated.count)")
        lines += report.isolated.prefix(top).map { "  " + node($0) } + more(report.isolated.count, top: top)
        return lines.joined(separator: "\n")
    }

    /// The line that says how many a list cut at `top` left out, and how to see them; none when
    /// nothing was left out.
    static func more(_ count: Int, top: Int) -> [String] {
        count > top ? ["  … and \(count - top) more (--top \(count) lists them all)"] : []
    }
}
