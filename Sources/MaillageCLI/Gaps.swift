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

        @Option(help: "commune, epci, departement, region, or france (one row for the whole scope).")
        var level: TerritoryLevel = .commune

        @Option(name: .customLong("min-relays"), help: "How many relays a commune needs to count as covered.")
        var minRelays = 1

        @Option(help: "At most this many territories in text output (json and csv list them all).")
        var limit = 30

        @Option(help: "text, json or csv.")
        var format: Format = .text

        func validate() throws {
            if minRelays < 1 { throw ValidationError("--min-relays must be at least 1; got \(minRelays).") }
        }

        func run() async throws {
            let store = try global.openStore()
            var query = coverage.query
            query.level = level
            query.minRelays = minRelays
            let report = try store.relayDirectory().gaps(query, territories: store.territoryTable())
            switch format {
            case .json: print(try JSONOutput.encode(report))
            case .csv: FileHandle.standardOutput.write(Data(GapText.csv(report).utf8))
            case .text: print(GapText.describe(report, limit: limit))
            }
        }
    }
}

/// Text and CSV forms of a gap report.
enum GapText {
    static func describe(_ report: GapReport, limit: Int) -> String {
        let share = report.population > 0 ? Double(report.uncoveredPopulation) / Double(report.population) * 100 : 0
        var lines = [String(format: "%@ within %.1f km (at least %d relay%@): %d of %d inhabitants uncovered (%.1f %%).",
                            report.service, report.radiusKm, report.minRelays, report.minRelays > 1 ? "s" : "",
                            report.uncoveredPopulation, report.population, share)]
        for gap in report.territories.prefix(limit) where gap.uncoveredPopulation > 0 {
            var line = "  \(report.level == .france ? gap.nom : "\(gap.code) \(gap.nom)"): \(gap.uncoveredPopulation) of \(gap.population) uncovered"
            if report.level != .commune { line += " (\(gap.uncoveredCommunes) of \(gap.communes) communes)" }
            if let nearest = gap.nearestKm { line += String(format: ", nearest relay %.1f km", nearest) } else if report.level == .commune { line += ", no relay at all" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    static func csv(_ report: GapReport) -> String {
        var writer = CSVWriter()
        writer.writeRow(["code", "nom", "population", "uncovered_population", "nearest_km", "relays_within", "relays_by_zone", "communes", "uncovered_communes"])
        for gap in report.territories {
            writer.writeRow([gap.code, gap.nom, String(gap.population), String(gap.uncoveredPopulation), gap.nearestKm.map { "\($0)" } ?? "",
                             gap.relaysWithin.map(String.init) ?? "", gap.relaysByZone.map(String.init) ?? "", String(gap.communes), String(gap.uncoveredCommunes)])
        }
        return writer.text
    }
}
