import ArgumentParser
import Foundation
import Maillage

extension MaillageCommand {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the directory.",
            discussion: """
                lieux writes the national schema v1 (CSV, or JSON with --format json), every row valid against the \
                schema: each row says its source; inactive structures are left out; an empty SIRET is written \
                00000000000000; places that stay invalid are left out and listed on standard error. The v1 format \
                carries places only: not the intermediaries, their headcounts or the referrals. geojson writes every \
                place (inactive ones marked) as points for QGIS or uMap. Output goes to standard output, or to the \
                file given with -o.
                """)

        enum Kind: String, CaseIterable, ExpressibleByArgument { case lieux, geojson }
        enum Format: String, CaseIterable, ExpressibleByArgument { case csv, json }

        @OptionGroup var global: GlobalOptions

        @Argument(help: "What to export: lieux or geojson.")
        var kind: Kind

        @Option(help: "For lieux: csv (the national v1 CSV) or json.")
        var format: Format = .csv

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        func validate() throws {
            if let output { try OutputPath.check(output, example: kind == .geojson ? "lieux.geojson" : "lieux.\(format.rawValue)") }
        }

        func run() async throws {
            let lieux = try global.openStore(.read).lieux()
            var summary = V1ExportSummary()
            let text = switch kind {
            case .lieux: format == .csv ? try LieuxExport.csv(lieux, summary: &summary) : try LieuxExport.json(lieux, summary: &summary)
            case .geojson: GeoJSONExport.featureCollection(lieux)
            }
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
            if kind == .lieux { FileHandle.standardError.write(Data(ExportSummaryText.describe(summary).utf8)) }
        }
    }
}
