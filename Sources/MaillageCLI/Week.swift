import ArgumentParser
import Foundation
import Maillage

extension MaillageCommand {
    struct Week: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Coverage through the week: the population with a relay open within the radius, hour by hour.",
            discussion: """
                For each of the 168 hours of the week (from the Monday of --date, default this week), the inhabitants \
                with at least one relay of the service open within --radius-km of their commune's centroid, each hour \
                read at its half hour (10:30 for 10:00–11:00), public holidays included (the hours' PH rules). \
                Relays whose opening hours are unknown, relays without a place and zones of intervention have no hours: \
                they are left out, and counted. Text: a 7 × 24 table of covered shares (%); json: every slot \
                {day, start, end, covered_population, covered_share, open_relays}; csv: one row per slot. \
                --level epci|departement adds one row of slots per territory.
                """)

        enum Format: String, CaseIterable, ExpressibleByArgument { case text, json, csv }
        enum Level: String, CaseIterable, ExpressibleByArgument { case epci, departement }

        @OptionGroup var global: GlobalOptions

        @OptionGroup var coverage: CoverageOptions

        @Option(help: ArgumentHelp("A day of the week to show (its Monday starts it); default today, in France.", valueName: "YYYY-MM-DD"))
        var date: String?

        @Option(help: "Also one row of slots per territory of this level: epci or departement.")
        var level: Level?

        @Option(help: "text (a 7 × 24 table of shares), json or csv.")
        var format: Format = .text

        func validate() throws {
            if let date, LocalDateTime(parsing: date + "T00:00") == nil {
                throw ValidationError("--date expects a day as YYYY-MM-DD, such as 2026-11-30; got '\(date)'.")
            }
        }

        func run() async throws {
            let store = try global.openStore(.read)
            var query = WeekQuery(coverage: coverage.query,
                                  date: date.flatMap { LocalDateTime(parsing: $0 + "T00:00") } ?? LocalDateTime.inFrance(Date()))
            query.level = level.map { $0 == .epci ? .epci : .departement }
            let directory = try store.relayDirectory()
            let territories = try store.territoryTable()
            let report = try directory.week(query, territories: territories)
            switch format {
            case .json:
                print(try JSONOutput.encode(FilteredReport(report, filters: try directory.appliedFilters(coverage.query, territories: territories))))
            case .csv: FileHandle.standardOutput.write(Data(WeekText.csv(report).utf8))
            case .text:
                let filters = try directory.appliedFilters(coverage.query, territories: territories)
                print(TerritoryText.header(report.within) + WeekText.describe(report, filters: filters) + WithoutLocationText.footer(report.communesWithoutLocation))
            }
        }
    }
}

/// The week's coverage in text and CSV.
enum WeekText {
    static func describe(_ report: WeekReport, filters: AppliedFilters) -> String {
        var lines = ["\(shown: filters.summary) — week of Monday \(report.weekOf), \(report.population) inhabitants; "
                     + "% covered by an open relay, each hour read at its half hour:"]
        lines += table(report.slots.map(\.coveredShare))
        if let territories = report.territories {
            for territory in territories {
                lines.append("\(shown: territory.code) \(shown: territory.nom) (\(territory.population) inh.):")
                lines += table(territory.coveredPopulation.map { territory.population > 0 ? Double($0) / Double(territory.population) : 0 })
            }
        }
        lines.append("Left out of every hour: \(report.unknownHoursLeftOut) relay\(report.unknownHoursLeftOut == 1 ? "" : "s") whose opening hours are unknown; "
                     + "\(report.withoutPlaceLeftOut) without a place, and zones of intervention (no opening hours).")
        return lines.joined(separator: "\n")
    }

    /// Seven lines of 24 shares, as whole percentages under an hour header.
    static func table(_ shares: [Double]) -> [String] {
        ["     " + (0..<24).map { String(format: "%3d", $0) }.joined()]
            + WeekReport.days.enumerated().map { day, name in
                "  " + name + " " + (0..<24).map { hour in String(format: "%3d", Int((shares[day * 24 + hour] * 100).rounded())) }.joined()
            }
    }

    /// One row per slot; with territories, one per territory and slot after the whole scope's.
    static func csv(_ report: WeekReport) -> String {
        let header = ["territory", "nom", "day", "start", "end", "covered_population", "covered_share", "open_relays"]
        var rows = report.slots.map { ["", "", $0.day, $0.start, $0.end, String($0.coveredPopulation), String($0.coveredShare), String($0.openRelays)] }
        for territory in report.territories ?? [] {
            for (slot, covered) in zip(report.slots, territory.coveredPopulation) {
                let share = territory.population > 0 ? Double(covered) / Double(territory.population) : 0
                rows.append([territory.code, territory.nom, slot.day, slot.start, slot.end, String(covered), String(share), ""])
            }
        }
        return CSVWriter.table(header: header, rows: rows) { $0 }
    }
}
