import ArgumentParser
import Foundation
import Maillage

extension MaillageCommand {
    struct Access: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure how thin access to a service is: 2SFCA / E2SFCA scores by commune.",
            discussion: """
                The two-step floating catchment area method, computed as PySAL access computes two_stage_fca and \
                enhanced_two_stage_fca, on haversine km from commune centroids to places. A place's supply is the sum \
                of the known headcounts of the intermediaries relaying the service there, or 1. The score is supply \
                per inhabitant within reach; `normalized` divides it by the demand-weighted mean over every commune in the directory (1 = average; the whole country on the national directory).
                """)

        enum Format: String, CaseIterable, ExpressibleByArgument { case text, json, csv }

        @OptionGroup var global: GlobalOptions

        @Option(help: "The service: its exact label or its slug.")
        var service: String

        @OptionGroup var options: AccessOptions

        @OptionGroup var moment: OpenAtOption

        @Option(help: "population, or fragility (population × digital fragility index / 10; `maillage import fragility` first).")
        var demand: AccessQuery.Demand = .population

        @Option(help: ArgumentHelp("Only report the communes of this territory: INSEE code, EPCI SIREN, département, or region:CODE.", valueName: "code"))
        var within: String?

        @Option(parsing: .unconditional, help: "At most this many communes in text output (json and csv list them all).")
        var limit = 20

        func validate() throws {
            try NumberRange.check(limit, atLeast: 0, option: "--limit")
        }

        @Option(help: "text, json or csv.")
        var format: Format = .text

        func run() async throws {
            let store = try global.openStore(.read)
            var query = AccessQuery(service: service)
            query.method = options.method
            query.catchmentKm = options.catchmentKm
            query.bands = try options.parsedBands()
            query.demand = demand
            query.within = within
            query.openAt = moment.moment
            let fragility = demand == .fragility ? try store.fragilityIndex() : FragilityIndex()
            let territories = try store.territoryTable()
            let report = try store.relayDirectory().access(query, territories: territories, fragility: fragility)
            switch format {
            case .json: print(try JSONOutput.encode(report))
            case .csv: FileHandle.standardOutput.write(Data(report.csv().utf8))
            case .text: print(TerritoryText.header(report.within) + AccessText.describe(report, limit: limit) + WithoutLocationText.footer(report.communesWithoutLocation))
            }
        }
    }
}

/// The text form of an accessibility report.
enum AccessText {
    static func describe(_ report: AccessReport, limit: Int) -> String {
        let inhabited = report.communes.filter { $0.population > 0 }
        let population = inhabited.reduce(0) { $0 + $1.population }
        let weighting = report.bands.map { " bands " + $0.map { "\($0.maxKm.formatted()):\($0.weight.formatted())" }.joined(separator: ",") } ?? ""
        let moment = report.openAt.map { " at \($0)" } ?? ""
        var lines = [
            "\(shown: report.service), \(report.method.rawValue) within \(report.catchmentKm.formatted()) km\(weighting), demand = \(report.demand.rawValue)\(moment):",
            "  \(report.sites) sites (supply \(report.supply.formatted())), \(report.sitesWithoutLocation) without location; mean score \(perTenThousand(report.meanScore)) per 10,000 \(unit(report)).",
            "  \(report.populationWithoutAccess) of \(population) inhabitants have no site within reach.",
        ]
        if let leftOut = report.unknownHoursLeftOut {
            lines.append("  Only the sites open at \(report.openAt ?? "that moment") count: \(leftOut) whose opening hours are unknown left out; relays without a place never count.")
        }
        if let epci = report.fragilityFromEpci, let mean = report.fragilityFromMean, epci + mean > 0 {
            lines.append("  Fragility index: \(epci) communes take their EPCI's (absent from the index's COG), \(mean) the national mean.")
        }
        lines.append("Lowest access (normalized: 1 = the average over every commune loaded with a location):")
        let ranked = inhabited.sorted { ($0.score, -$0.population, $0.code) < ($1.score, -$1.population, $1.code) }
        for commune in ranked.prefix(limit) {
            lines.append("  \(shown: commune.code) \(shown: commune.nom) (\(commune.population) inh.): score \(perTenThousand(commune.score)), normalized \(commune.normalized.formatted(.number.precision(.fractionLength(3))))")
        }
        return lines.joined(separator: "\n")
    }

    /// A score (supply per unit of demand) per 10,000 units, the usual scale of such ratios.
    static func perTenThousand(_ score: Double) -> String {
        (score * 10_000).formatted(.number.precision(.significantDigits(4)))
    }

    private static func unit(_ report: AccessReport) -> String {
        report.demand == .population ? "inhabitants" : "fragility-weighted inhabitants"
    }
}
