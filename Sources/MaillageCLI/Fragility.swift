import ArgumentParser
import Foundation
import Maillage

extension MaillageCommand {
    struct Fragility: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find the communes that depend on one single relay of a service, and those relays.",
            discussion: """
                A commune depends on a single relay when exactly one relay of the service (with the filters of `relays`) \
                lies within --radius-km of its centroid or has a zone of intervention that includes it: that one closure \
                would leave it uncovered. The critical relays are ranked by the inhabitants who depend on them alone.
                """)

        enum Format: String, CaseIterable, ExpressibleByArgument { case text, json, csv }

        @OptionGroup var global: GlobalOptions

        @OptionGroup var coverage: CoverageOptions

        @OptionGroup var moment: OpenAtOption

        /// The coverage question, at the moment asked.
        private var query: GapQuery {
            var query = coverage.query
            query.openAt = moment.moment
            return query
        }

        @Option(parsing: .unconditional, help: "At most this many communes and relays in text output (json and csv list them all).")
        var limit = 15

        func validate() throws {
            try NumberRange.check(limit, atLeast: 0, option: "--limit")
        }

        @Option(help: "text, json, or csv (the communes).")
        var format: Format = .text

        func run() async throws {
            let store = try global.openStore(.read)
            let directory = try store.relayDirectory()
            let territories = try store.territoryTable()
            let report = try directory.singleRelays(query, territories: territories)
            let filters = try directory.appliedFilters(query, territories: territories)
            switch format {
            case .json: print(try JSONOutput.encode(FilteredReport(report, filters: filters)))
            case .csv: FileHandle.standardOutput.write(Data(report.csv().utf8))
            case .text: print(TerritoryText.header(report.within) + FragilityText.describe(report, filters: filters, limit: limit)
                              + WithoutLocationText.footer(report.communesWithoutLocation))
            }
        }
    }
}

/// The text form of a single-relay report.
enum FragilityText {
    static func describe(_ report: SingleRelayReport, filters: AppliedFilters, limit: Int) -> String {
        guard report.coveredPopulation > 0 else {
            let radius = filters.radiusKm.map { " within \(AppliedFilters.kilometres($0)) km" } ?? ""
            return "\(shown: filters.summary) — no commune is covered (nobody relays it\(radius) or by zone), so none depends on a single relay."
        }
        var lines = ["\(shown: filters.summary) — \(report.singleRelayPopulation) of \(report.coveredPopulation) covered inhabitants "
                     + "(\(report.communes.count) communes) depend on one single relay."]
        if !report.criticalRelays.isEmpty { lines.append("Relays whose closure would uncover the most inhabitants:") }
        for relay in report.criticalRelays.prefix(limit) {
            lines.append("  \(shown: relay.nom) [\(shown: relay.id)]\(relay.codeInsee.map { " (\(shown: $0))" } ?? ""): \(relay.population) inhabitants in \(relay.communes) commune\(relay.communes == 1 ? "" : "s")")
        }
        if !report.communes.isEmpty { lines.append("Largest communes with a single relay:") }
        for commune in report.communes.prefix(limit) {
            let how = commune.distanceKm.map { String(format: "%.1f km", $0) } ?? "by its zone"
            lines.append("  \(shown: commune.code) \(shown: commune.nom) (\(commune.population) inh.): only \(shown: commune.relayNom) [\(shown: commune.relayId)], \(how)")
        }
        return lines.joined(separator: "\n")
    }
}
