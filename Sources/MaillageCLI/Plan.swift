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
                covering every commune a candidate can reach (set covering, LSCP). Both greedy with lazy evaluation. \
                At a moment (--open-at, or --slot Sa10 for Saturday 10:00–11:00 this week, read at 10:30): the demand is \
                the communes with no relay open then, and the candidates the relays of the service closed then (or \
                whose hours are unknown): which of them, if they opened then, would cover the most.
                """)

        enum Format: String, CaseIterable, ExpressibleByArgument { case text, json, csv }

        @OptionGroup var global: GlobalOptions

        @OptionGroup var coverage: CoverageOptions

        @Option(parsing: .unconditional, help: "How many new sites to place (maximal covering).")
        var sites = 3

        @Option(help: "communes (a new relay at a commune's centroid) or places (the service added at an existing place); at a moment, closed (the relays closed then, the default and only choice).")
        var candidates: PlanQuery.Candidates?

        @OptionGroup var moment: OpenAtOption

        @Option(help: ArgumentHelp("One hour of this week: a day (Mo, Tu, We, Th, Fr, Sa, Su) and an hour, read at its half hour (Sa10: Saturday 10:30).",
                                   valueName: "DDhh"))
        var slot: String?

        @Flag(name: .customLong("cover-all"), help: "The fewest sites that cover every inhabited commune instead (set covering).")
        var coverAll = false

        @Option(help: "text, json or csv (the sites).")
        var format: Format = .text

        func validate() throws {
            try NumberRange.check(sites, atLeast: 1, option: "--sites")
            if slot != nil, moment.openAt != nil { throw ValidationError("Give --open-at or --slot, not both.") }
            if let slot, Self.slotMoment(slot, in: LocalDateTime.inFrance(Date())) == nil {
                throw ValidationError("--slot expects a day and an hour, such as Sa10 or Tu18 (days Mo, Tu, We, Th, Fr, Sa, Su; hours 0 to 23); got '\(slot)'.")
            }
            let atMoment = slot != nil || moment.openAt != nil
            if atMoment, let candidates, candidates != .closed {
                throw ValidationError("At a moment (--open-at, --slot), the candidates are the relays closed then: drop --candidates \(candidates.rawValue).")
            }
            if !atMoment, candidates == .closed { throw ValidationError("--candidates closed needs a moment: --open-at or --slot.") }
        }

        /// The half hour of the slot `text` (`Sa10`) in the week of `today`.
        static func slotMoment(_ text: String, in today: LocalDateTime) -> LocalDateTime? {
            guard text.count >= 3, let day = WeekReport.days.firstIndex(of: String(text.prefix(2))),
                  let hour = Int(text.dropFirst(2)), (0...23).contains(hour) else { return nil }
            var date = today.date.monday
            for _ in 0..<day { date = date.nextDay }
            return LocalDateTime(year: date.year, month: date.month, day: date.day, hour: hour, minute: 30)
        }

        func run() async throws {
            let store = try global.openStore(.read)
            var coverageAt = coverage.query
            coverageAt.openAt = moment.moment ?? slot.flatMap { Self.slotMoment($0, in: LocalDateTime.inFrance(Date())) }
            var query = PlanQuery(coverage: coverageAt)
            query.sites = sites
            query.candidates = candidates ?? (coverageAt.openAt == nil ? .communes : .closed)
            query.coverAll = coverAll
            let directory = try store.relayDirectory()
            let territories = try store.territoryTable()
            let plan = try directory.plan(query, territories: territories)
            let filters = try directory.appliedFilters(coverageAt, territories: territories)
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
        let among = switch plan.candidates {
        case .places: "among the places that do not relay it yet"
        case .closed: "among the relays of the service closed then, as if they opened then"
        case .communes: "among the communes' centroids"
        }
        let now = filters.openAt == nil ? "now" : "then"
        var lines = ["\(shown: filters.summary) — \(plan.uncoveredPopulationBefore) inhabitants in \(plan.uncoveredCommunesBefore) communes uncovered \(now); \(goal), \(among):"]
        if plan.sites.isEmpty { lines.append("  none: no candidate covers any of them.") }
        for site in plan.sites {
            let place = plan.candidates == .communes ? "" : " (\(shown: site.codeInsee, or: "?"))"
            lines.append("  \(site.rank). \(shown: site.id) \(shown: site.nom)\(place): +\(site.coveredPopulation) inhabitants in \(site.coveredCommunes) communes (total \(site.cumulativeCoveredPopulation))")
        }
        lines.append("Uncovered after: \(plan.uncoveredPopulationAfter) inhabitants.")
        if !plan.uncoverable.isEmpty {
            lines.append("No candidate reaches \(plan.uncoverable.count) commune\(plan.uncoverable.count == 1 ? "" : "s") (\(plan.uncoverable.reduce(0) { $0 + $1.population }) inhabitants), e.g. \(plan.uncoverable.prefix(5).map { "\(shown: $0.code) \(shown: $0.nom)" }.joined(separator: ", ")).")
        }
        return lines.joined(separator: "\n")
    }
}
