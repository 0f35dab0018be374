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
            let store = try global.openStore(.read)
            var summary = V1ExportSummary()
            // Written as the places are read, a chunk at a time: memory stays flat whatever the directory's size.
            var destination = try output.map { try ExportFile(path: $0) } ?? .standardOutput
            do {
                switch kind {
                case .lieux where format == .csv: try LieuxExport.csv(store.forEachLieu, to: &destination, summary: &summary)
                case .lieux: try LieuxExport.json(store.forEachLieu, to: &destination, summary: &summary)
                case .geojson: try GeoJSONExport.featureCollection(store.forEachLieu, to: &destination)
                }
            } catch {
                destination.abandon()
                throw error
            }
            try destination.finish()
            if kind == .lieux { FileHandle.standardError.write(Data(ExportSummaryText.describe(summary).utf8)) }
        }
    }
}
