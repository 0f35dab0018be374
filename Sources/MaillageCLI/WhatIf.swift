import ArgumentParser
import Foundation
import Maillage

extension MaillageCommand {
    struct WhatIf: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "what-if",
            abstract: "Covered population and accessibility before and after some places close.",
            discussion: """
                Closing a place removes it and the intermediaries who work only there; closing an intermediary removes \
                it alone. Without --service, every service the closed places or intermediaries relay is assessed. \
                Coverage is that of `gaps` (one relay within --radius-km, or by zone); accessibility that of `access`.
                """)

        enum Format: String, CaseIterable, ExpressibleByArgument { case text, json }

        @OptionGroup var global: GlobalOptions

        @Option(parsing: .upToNextOption, help: ArgumentHelp("The ids of the places (or intermediaries) that close.", valueName: "id"))
        var close: [String] = []

        @Option(help: "The service to assess: its exact label or its slug (default: every service they relay).")
        var service: String?

        @Option(name: .customLong("radius-km"), parsing: .unconditional, help: "The coverage radius, in km (inclusive).")
        var radiusKm: Double = 10

        @OptionGroup var access: AccessOptions

        @OptionGroup var moment: OpenAtOption

        @Option(help: ArgumentHelp("Only the communes of this territory: INSEE code, EPCI SIREN, département, or region:CODE.", valueName: "code"))
        var within: String?

        @Option(parsing: .unconditional, help: "At most this many communes per list in text output (json lists them all).")
        var limit = 10

        @Option(help: "text or json.")
        var format: Format = .text

        func validate() throws {
            if close.isEmpty { throw ValidationError("Give the ids of the places that close: --close ID [ID…].") }
            if radiusKm < 0 || !radiusKm.isFinite { throw ValidationError("--radius-km must be zero or more; got \(radiusKm).") }
            try NumberRange.check(limit, atLeast: 0, option: "--limit")
        }

        func run() async throws {
            let store = try global.openStore(.read)
            var query = WhatIfQuery(closing: close)
            query.service = service
            query.radiusKm = radiusKm
            query.method = access.method
            query.catchmentKm = access.catchmentKm
            query.bands = try access.parsedBands()
            query.within = within
            query.openAt = moment.moment
            let report = try store.whatIf(query)
            switch format {
            case .json: print(try JSONOutput.encode(report))
            case .text:
                let profiles = try report.closed.map { try store.profile(of: $0) }
                let names = Dictionary(profiles.compactMap { profile in profile.nom.map { (profile.id, $0) } }) { first, _ in first }
                print(TerritoryText.header(report.within)
                      + WhatIfText.describe(report, limit: limit, names: names, inactive: profiles.filter { !$0.active }.map(\.id))
                      + WithoutLocationText.footer(report.communesWithoutLocation))
            }
        }
    }
}

/// The text form of a what-if report.
enum WhatIfText {
    /// `names`: the closed places' and intermediaries' names by id, printed beside their ids;
    /// `inactive`: the closed ids that are inactive already (retired from their list), which
    /// closing cannot change.
    static func describe(_ report: WhatIfReport, limit: Int, names: [String: String] = [:],
                         inactive: [String] = []) -> String {
        let closed = report.closed.map { id in names[id].map { "\(shown: $0) [\(shown: id)]" } ?? "\(shown: id)" }.joined(separator: ", ")
        let moment = report.openAt.map { ", at \($0): only relays open then, not zones of intervention nor relays without a place or with unknown hours" } ?? ""
        var lines = ["If \(closed) closed (coverage within \(report.radiusKm.formatted()) km, \(report.method.rawValue) within \(report.catchmentKm.formatted()) km\(moment)):"]
        for id in inactive {
            lines.append("  \(shown: id) is already inactive (marked so by its list, or retired from it; left out of every answer): closing it changes nothing.")
        }
        if report.services.isEmpty, inactive.count < report.closed.count { lines.append("  they relay no service.") }
        for impact in report.services {
            lines.append("\(shown: impact.service): covered \(impact.coveredPopulationBefore) → \(impact.coveredPopulationAfter) of \(impact.population) inhabitants; mean score \(AccessText.perTenThousand(impact.meanScoreBefore)) → \(AccessText.perTenThousand(impact.meanScoreAfter)) per 10,000; \(impact.populationLosingAccess) inhabitants left with no site within reach.")
            if let unknown = impact.unknownHoursLeftOut, let placeless = impact.withoutPlaceLeftOut {
                lines.append("  at that moment, left out: \(unknown) relay\(unknown == 1 ? "" : "s") whose opening hours are unknown, \(placeless) without a place, and zones of intervention.")
            }
            for commune in impact.newlyUncovered.prefix(limit) {
                lines.append("  newly uncovered: \(shown: commune.code) \(shown: commune.nom) (\(commune.population) inh.)")
            }
            for change in impact.accessChanges.prefix(limit) {
                lines.append("  access: \(shown: change.code) \(shown: change.nom) (\(change.population) inh.) \(AccessText.perTenThousand(change.scoreBefore)) → \(AccessText.perTenThousand(change.scoreAfter)) per 10,000")
            }
            if impact.accessChanges.count > limit { lines.append("  … and \(impact.accessChanges.count - limit) more communes whose access changes (--format json lists them).") }
        }
        return lines.joined(separator: "\n")
    }
}
