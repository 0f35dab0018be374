import ArgumentParser
import Foundation
import Maillage

extension ExportedGraph.Kind: ExpressibleByArgument {}

extension MaillageCommand {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the directory, or its network for Gephi, Kumu, yEd or a spreadsheet.",
            discussion: """
                lieux writes the national schema v1 (CSV, or JSON with --format json), every row valid against the \
                schema: each row says its source; inactive structures are left out; an empty SIRET is written \
                00000000000000; places that stay invalid are left out and listed on standard error. The v1 format \
                carries places only: not the intermediaries, their headcounts or the referrals. geojson writes every \
                place (inactive ones marked) as points for QGIS or uMap. graph writes the network of the active places \
                and intermediaries (--within a territory): --graph referrals (works-at and referral edges, with degree, \
                betweenness, core number and community as `maillage network --level intermediaries` measures them) or \
                services (who relays what), as GraphML (yEd, Cytoscape, Gephi), GEXF 1.3 (Gephi, laid out on the map), \
                Kumu's JSON, or two CSV files (-o reseau.csv writes reseau-nodes.csv and reseau-edges.csv). Output goes \
                to standard output, or to the file given with -o.
                """)

        enum Kind: String, CaseIterable, ExpressibleByArgument { case lieux, geojson, graph }
        enum Format: String, CaseIterable, ExpressibleByArgument { case csv, json, graphml, gexf, kumu }

        @OptionGroup var global: GlobalOptions

        @Argument(help: "What to export: lieux, geojson or graph.")
        var kind: Kind

        @Option(help: "For lieux: csv (the national v1 CSV, the default) or json. For graph: graphml (the default), gexf, kumu or csv.")
        var format: Format?

        @Option(help: "For graph: referrals (places, intermediaries, works-at and referrals; the default) or services (who relays what).")
        var graph: ExportedGraph.Kind?

        @Option(help: ArgumentHelp("For graph: only this territory: INSEE code, EPCI SIREN, département, or region:CODE.", valueName: "code"))
        var within: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        /// The formats each kind takes, its default first.
        private static let formats: [Kind: [Format]] = [.lieux: [.csv, .json], .geojson: [], .graph: [.graphml, .gexf, .kumu, .csv]]

        private var chosenFormat: Format? { format ?? Self.formats[kind]?.first }

        func validate() throws {
            let allowed = Self.formats[kind] ?? []
            if let format, !allowed.contains(format) {
                throw ValidationError(allowed.isEmpty ? "export \(kind.rawValue) has no --format: it writes GeoJSON."
                                      : "export \(kind.rawValue) writes \(allowed.map(\.rawValue).joined(separator: ", ")), not \(format.rawValue).")
            }
            if kind != .graph, graph != nil || within != nil {
                throw ValidationError("--graph and --within apply to `export graph` only.")
            }
            if kind == .graph, chosenFormat == .csv, output == nil {
                throw ValidationError("export graph --format csv writes two files, nodes and edges: give -o, e.g. -o reseau.csv for reseau-nodes.csv and reseau-edges.csv.")
            }
            if let output {
                let example = switch kind {
                case .geojson: "lieux.geojson"
                case .lieux: "lieux.\(chosenFormat?.rawValue ?? "csv")"
                case .graph: "reseau.\(chosenFormat == .kumu ? "json" : chosenFormat?.rawValue ?? "graphml")"
                }
                try OutputPath.check(output, example: example)
            }
        }

        func run() async throws {
            let store = try global.openStore(.read)
            if kind == .graph { return try exportGraph(store) }
            var summary = V1ExportSummary()
            // Written as the places are read, a chunk at a time: memory stays flat whatever the directory's size.
            try write(to: output) { destination in
                switch kind {
                case .lieux where chosenFormat == .json: try LieuxExport.json(store.forEachLieu, to: &destination, summary: &summary)
                case .lieux: try LieuxExport.csv(store.forEachLieu, to: &destination, summary: &summary)
                default: try GeoJSONExport.featureCollection(store.forEachLieu, to: &destination)
                }
            }
            if kind == .lieux { FileHandle.standardError.write(Data(ExportSummaryText.describe(summary).utf8)) }
        }

        private func exportGraph(_ store: Store) throws {
            let network = try store.exportedGraph(graph ?? .referrals, within: within)
            switch chosenFormat {
            case .csv:
                let base = CSVPair.base(of: output ?? "reseau.csv")
                try write(to: base + "-nodes.csv") { try $0.write(GraphCSV.nodes(network)) }
                try write(to: base + "-edges.csv") { try $0.write(GraphCSV.edges(network)) }
                FileHandle.standardError.write(Data("\(network.nodes.count) nodes in \(base)-nodes.csv, \(network.edges.count) edges in \(base)-edges.csv\n".utf8))
            case .gexf: try write(to: output) { try $0.write(GEXFWriter.document(network, date: LocalDateTime.inFrance(Date()).isoDate)) }
            case .kumu: try write(to: output) { try $0.write(KumuWriter.document(network)) }
            default: try write(to: output) { try $0.write(GraphMLWriter.document(network)) }
            }
        }

        /// Writes to `path` (standard output when nil), leaving no half-written file behind on failure.
        private func write(to path: String?, _ body: (inout ExportFile) throws -> Void) throws {
            var destination = try path.map { try ExportFile(path: $0) } ?? .standardOutput
            do {
                try body(&destination)
            } catch {
                destination.abandon()
                throw error
            }
            try destination.finish()
        }
    }
}

/// The two files of `export graph --format csv`: `reseau.csv` gives `reseau-nodes.csv` and `reseau-edges.csv`.
enum CSVPair {
    static func base(of path: String) -> String {
        path.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) : path
    }
}
