import ArgumentParser
import Foundation
import Maillage

extension PlanQuery.Candidates: ExpressibleByArgument {}

extension MaillageCommand {
    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Choose where to add relays of a service to cover the most uncovered inhabitants.",
            discussion: """
                The demand is the inhabited communes that no relay of the service covers now (as in `gaps`, with the \
                same filters). A new site covers the communes whose centroid lies within --radius-km. By default, the \
                --sites sites covering the most inhabitants (maximal covering, MCLP); with --cover-all, the fewest sites \
                covering every commune a candidate can reach (set covering, LSCP). Both greedy with lazy evaluation.
                """)

        enum Format: String, CaseIterable, ExpressibleByArgument { case text, json, csv }

        @OptionGroup var global: GlobalOptions

        @OptionGroup var coverage: CoverageOptions

        @Option(parsing: .unconditional, help: "How many new sites to place (maximal covering).")
        var sites = 3

        @Option(help: "communes (a new relay at a commune's centroid) or places (the service added at an existing place).")
        var candidates: PlanQuery.Candidates = .communes

        @Flag(name: .customLong("cover-all"), help: "The fewest sites that cover every inhabited commune instead (set covering).")
        var coverAll = false

        @Option(help: "text, json or csv (the sites).")
        var format: Format = .text

        func validate() throws {
            try NumberRange.check(sites, atLeast: 1, option: "--sites")
        }

        func run() async throws {
            let store = try global.openStore(.read)
            var query = PlanQuery(coverage: coverage.query)
            query.sites = sites
            query.candidates = candidates
            query.coverAll = coverAll
            let directory = try store.relayDirectory()
            let territories = try store.territoryTable()
            let plan = try directory.plan(query, territories: territories)
            let filters = try directory.appliedFilters(coverage.query, territories: territories)
            switch format {
            case .json: print(try JSONOutput.encode(FilteredReport(plan, filters: filters)))
            case .csv: FileHandle.standardOutput.write(Data(plan.csv().utf8))
            case .text: print(TerritoryText.header(plan.within) + PlanText.describe(plan, filters: filters)
                              + WithoutLocationText.footer(plan.communesWithoutLocation))
            }
        }
    }
}

/// The text form of a site plan.
enum PlanText {
    static func describe(_ plan: SitePlan, filters: AppliedFilters) -> String {
        guard plan.uncoveredCommunesBefore > 0 else {
            return "\(shown: filters.summary) — every inhabited commune is covered already: no site to add."
        }
        let sites = plan.sites.count == 1 ? "1 site" : "\(plan.sites.count) sites"
        let goal = plan.objective == "lscp" ? "the fewest sites covering every inhabited commune" : "\(sites) covering the most inhabitants"
        let among = plan.candidates == .places ? "among the places that do not relay it yet" : "among the communes' centroids"
        var lines = ["\(shown: filters.summary) — \(plan.uncoveredPopulationBefore) inhabitants in \(plan.uncoveredCommunesBefore) communes uncovered now; \(goal), \(among):"]
        if plan.sites.isEmpty { lines.append("  none: no candidate covers any of them.") }
        for site in plan.sites {
            let place = plan.candidates == .places ? " (\(shown: site.codeInsee, or: "?"))" : ""
            lines.append("  \(site.rank). \(shown: site.id) \(shown: site.nom)\(place): +\(site.coveredPopulation) inhabitants in \(site.coveredCommunes) communes (total \(site.cumulativeCoveredPopulation))")
        }
        lines.append("Uncovered after: \(plan.uncoveredPopulationAfter) inhabitants.")
        if !plan.uncoverable.isEmpty {
            lines.append("No candidate reaches \(plan.uncoverable.count) commune\(plan.uncoverable.count == 1 ? "" : "s") (\(plan.uncoverable.reduce(0) { $0 + $1.population }) inhabitants), e.g. \(plan.uncoverable.prefix(5).map { "\(shown: $0.code) \(shown: $0.nom)" }.joined(separator: ", ")).")
        }
        return lines.joined(separator: "\n")
    }
}
