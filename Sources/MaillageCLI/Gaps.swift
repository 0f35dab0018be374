import ArgumentParser
import Foundation
import Maillage

extension TerritoryLevel: ExpressibleByArgument {}

extension MaillageCommand {
    struct Gaps: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find where nobody relays a service: uncovered population by territory.",
            discussion: """
                A commune is covered when at least --min-relays relays of the service (or a finer one under it) \
                lie within --radius-km of its centroid or have a zone of intervention that includes it; remote help \
                does not cover. The filters are those of `relays`, to find the holes in specialised help.
                """)

        enum Format: String, CaseIterable, ExpressibleByArgument { case text, json, csv }

        @OptionGroup var global: GlobalOptions

        @OptionGroup var coverage: CoverageOptions

        @OptionGroup var moment: OpenAtOption

        @Option(help: "commune, epci, departement, region, or france (one row for the whole scope).")
        var level: TerritoryLevel = .commune

        @Option(name: .customLong("min-relays"), parsing: .unconditional, help: "How many relays a commune needs to count as covered.")
        var minRelays = 1

        @Option(parsing: .unconditional, help: "At most this many territories in text output (json and csv list them all).")
        var limit = 30

        @Option(help: "text, json or csv.")
        var format: Format = .text

        func validate() throws {
            try NumberRange.check(minRelays, atLeast: 1, option: "--min-relays")
            try NumberRange.check(limit, atLeast: 0, option: "--limit")
        }

        func run() async throws {
            let store = try global.openStore(.read)
            var query = coverage.query
            query.openAt = moment.moment
            query.level = level
            query.minRelays = minRelays
            let directory = try store.relayDirectory()
            let territories = try store.territoryTable()
            let report = try directory.gaps(query, territories: territories)
            let filters = try directory.appliedFilters(query, territories: territories)
            switch format {
            case .json: print(try JSONOutput.encode(FilteredReport(report, filters: filters)))
            case .csv: FileHandle.standardOutput.write(Data(report.csv().utf8))
            case .text: print(TerritoryText.header(report.within) + GapText.describe(report, filters: filters, limit: limit)
                              + WithoutLocationText.footer(report.communesWithoutLocation))
            }
        }
    }
}

/// The text form of a gap report.
enum GapText {
    static func describe(_ report: GapReport, filters: AppliedFilters, limit: Int) -> String {
        let share = report.population > 0 ? Double(report.uncoveredPopulation) / Double(report.population) * 100 : 0
        var lines = ["\(shown: filters.summary) — at least \(report.minRelays) relay\(report.minRelays > 1 ? "s" : ""): "
                     + String(format: "%d of %d inhabitants uncovered (%.1f %%).", report.uncoveredPopulation, report.population, share)]
        for gap in report.territories.prefix(limit) where gap.uncoveredPopulation > 0 {
            let territory = report.level == .france ? "\(shown: gap.nom)" : "\(shown: gap.code) \(shown: gap.nom)"
            var line = "  \(territory): \(gap.uncoveredPopulation) of \(gap.population) uncovered"
            if report.level != .commune { line += " (\(gap.uncoveredCommunes) of \(gap.communes) commune\(gap.communes == 1 ? "" : "s"))" }
            if let nearest = gap.nearestKm { line += String(format: ", nearest relay %.1f km", nearest) } else if report.level == .commune { line += ", no relay at all" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
