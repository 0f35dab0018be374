import ArgumentParser
import Foundation
import GraphvizRender
import Maillage

extension DiagramRequest.Kind: ExpressibleByArgument {}
extension DiagramRequest.Colouring: ExpressibleByArgument {}
extension GraphvizEngine: ExpressibleByArgument {}

extension MaillageCommand.Render.Format {
    /// The format a file extension names (`gv` is DOT's other extension); nil for any other.
    init?(fileExtension: String) {
        self.init(rawValue: fileExtension == "gv" ? "dot" : fileExtension)
    }

    /// `path` with its extension replaced by the format's.
    static func renamed(_ path: String, to format: Self) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension(format.rawValue).lastPathComponent
    }
}

extension MaillageCommand {
    struct Render: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the network as a diagram: territory, ego, service, coverage or week.",
            discussion: """
                territory: the mediation network of a commune, EPCI or département (places in clusters by commune, by \
                EPCI for a département; intermediaries by type; services as chips; referrals). ego: one place or \
                intermediary and everything within --hops links. service: who relays --service and who refers people to \
                them. coverage: a map of the communes coloured covered / single relay / uncovered within --radius-km (or \
                by accessibility quintile), relays on top, laid out at their coordinates (neato -n); with --open-at, at \
                that moment. week: the share of the territory's inhabitants with a relay of --service open within \
                --radius-km, hour by hour through the week of --date (a 7 × 24 heat table). Rendered in process \
                by the Graphviz library; --format dot writes the DOT source, identical for identical data.
                """)

        enum Format: String, CaseIterable, ExpressibleByArgument { case svg, png, pdf, json, dot }

        @OptionGroup var global: GlobalOptions

        @Argument(help: "territory, ego, service, coverage or week.")
        var kind: DiagramRequest.Kind

        @Option(help: ArgumentHelp("The territory: a commune's INSEE code.", valueName: "code"))
        var commune: String?

        @Option(help: ArgumentHelp("The territory: an EPCI's SIREN.", valueName: "siren"))
        var epci: String?

        @Option(help: ArgumentHelp("The territory: a département code.", valueName: "code"))
        var departement: String?

        @Option(help: "The place or intermediary an ego diagram centres on.")
        var id: String?

        @Option(parsing: .unconditional, help: "How many links away an ego diagram reaches.")
        var hops = 2

        @Option(help: "The service (label or slug) of a service or coverage diagram.")
        var service: String?

        @Option(name: .customLong("radius-km"), parsing: .unconditional, help: "The coverage radius of a coverage or week diagram, in km.")
        var radiusKm = 10.0

        @Option(help: ArgumentHelp("A day of the week a week diagram shows (its Monday starts it); default this week.", valueName: "YYYY-MM-DD"))
        var date: String?

        @OptionGroup var moment: OpenAtOption

        @Option(name: .customLong("color-by"), help: "What colours a coverage diagram's communes: coverage or access.")
        var colorBy: DiagramRequest.Colouring = .coverage

        @Option(help: "dot, neato, fdp, sfdp, circo or twopi; or pinned (neato -n: every node at the position the diagram gives it, the coverage map's default). Default: dot up to about 1,000 nodes, sfdp beyond.")
        var engine: GraphvizEngine?

        @Option(help: "svg, png, pdf, json, or dot (the DOT source); default: the output file's extension.")
        var format: Format?

        @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "file"))
        var output: String

        func validate() throws {
            let scopes = [commune, epci, departement].compactMap { $0 }
            if scopes.count > 1 { throw ValidationError("Give one territory: --commune, --epci or --departement, not several.") }
            if hops < 0 { throw ValidationError("--hops must be zero or more; got \(hops).") }
            try OutputPath.check(output, example: "\(kind.rawValue).\(format?.rawValue ?? "svg")")
            if radiusKm < 0 || !radiusKm.isFinite { throw ValidationError("--radius-km must be zero or more; got \(radiusKm).") }
            if moment.openAt != nil, kind != .coverage { throw ValidationError("--open-at applies to coverage diagrams only.") }
            if let date {
                guard kind == .week else { throw ValidationError("--date applies to week diagrams only.") }
                if LocalDateTime(parsing: date + "T00:00") == nil { throw ValidationError("--date expects a day as YYYY-MM-DD, such as 2026-11-30; got '\(date)'.") }
            }
            _ = try outputFormat()
        }

        /// The format asked with --format, else the one the output file's extension names; a
        /// contradiction between the two, or neither, is an error.
        func outputFormat() throws -> Format {
            let fileExtension = URL(fileURLWithPath: output).pathExtension.lowercased()
            let named = Format(fileExtension: fileExtension)
            switch (format, named) {
            case let (asked?, named?) where asked != named:
                throw ValidationError("--format \(asked.rawValue) contradicts the file name '\(output)', which ends in .\(fileExtension): "
                    + "name the file \(Format.renamed(output, to: asked)), or drop --format to write \(named.rawValue).")
            case let (asked?, _): return asked
            case let (nil, named?): return named
            case (nil, nil):
                let known = Format.allCases.map { "." + $0.rawValue }.joined(separator: ", ")
                throw ValidationError(fileExtension.isEmpty
                    ? "Cannot tell which format to write to '\(output)', which has no extension: give --format (svg, png, pdf, json or dot), or a file name ending in \(known)."
                    : "Cannot tell which format to write to '\(output)': .\(fileExtension) is not one of \(known). Give --format (svg, png, pdf, json or dot), or rename the file.")
            }
        }

        /// The core's unknown `kind:code` scope, worded with the option that gave it.
        private func unknownTerritory(_ scope: String) -> RenderFailure {
            if let commune { return .unknownTerritory(option: "--commune", kind: "commune", code: commune) }
            if let epci { return .unknownTerritory(option: "--epci", kind: "EPCI", code: epci) }
            if let departement { return .unknownTerritory(option: "--departement", kind: "département", code: departement) }
            return .unknownTerritory(option: nil, kind: "territory", code: scope)
        }

        func run() async throws {
            var request = DiagramRequest(kind: kind)
            request.scope = commune.map { "commune:\($0)" } ?? epci.map { "epci:\($0)" } ?? departement.map { "departement:\($0)" }
            request.id = id
            request.hops = hops
            request.service = service
            request.radiusKm = radiusKm
            request.colouring = colorBy
            request.openAt = moment.moment
            request.weekOf = date.flatMap { LocalDateTime(parsing: $0 + "T00:00") }
            let dot: String
            do {
                dot = try global.openStore(.read).diagram(request).text
            } catch QueryError.unknownTerritory(let scope) {
                throw unknownTerritory(scope)
            }
            let format = try outputFormat()
            let bytes: [UInt8]
            if let graphviz = GraphvizFormat(rawValue: format.rawValue), format != .dot {
                do {
                    bytes = try GraphvizRenderer.shared.render(dot, engine: engine ?? (kind == .coverage ? .pinned : kind == .week ? .dot : nil), format: graphviz)
                } catch {
                    guard case .canvasTooLarge(let width, let height, let limit) = error else { throw error }
                    throw RenderFailure.imageTooLarge(width: width, height: height, limit: limit, output: output)
                }
            } else {
                bytes = Array(dot.utf8)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: output))
        }
    }
}
