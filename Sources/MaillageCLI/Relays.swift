import ArgumentParser
import Foundation
import Maillage

extension MaillageCommand {
    struct Relays: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find who relays a service near a commune or a point.",
            discussion: """
                Lists the places and intermediaries that relay the service (or a finer service under it) \
                within the radius, those whose zone of intervention covers the commune, and those offering \
                it remotely; nearest first. Distances are great-circle (haversine, R = 6371.0 km) from the \
                commune's centroid or the point.
                """)

        enum Format: String, CaseIterable, ExpressibleByArgument {
            case text, json
            /// An object: what was understood (`filters`) and the relays.
            case jsonReport = "json-report"
        }

        @OptionGroup var global: GlobalOptions

        @Option(help: "The service: its exact label or its slug (e.g. aide-aux-demarches-administratives, caf).")
        var service: String

        @Option(help: ArgumentHelp("The INSEE code of the person's commune (a municipal arrondissement's, e.g. 75111, stands for its commune).", valueName: "insee"))
        var commune: String?

        @Option(parsing: .unconditional, help: "The latitude of the person's location (with --lon); negative values (La Réunion, Mayotte) are fine.")
        var lat: Double?

        @Option(parsing: .unconditional, help: "The longitude of the person's location (with --lat).")
        var lon: Double?

        @Option(name: .customLong("radius-km"), parsing: .unconditional, help: "How far to look, in km (inclusive).")
        var radiusKm: Double = 10

        @Option(name: .customLong("public"), help: "Keep places that specifically address this public (e.g. Seniors). Repeatable.")
        var publics: [String] = []

        @Option(name: .customLong("prise-en-charge"), help: "Keep places with this specific support (e.g. Surdité, Langues étrangères (autres)). Repeatable.")
        var priseEnCharge: [String] = []

        @Flag(help: "Keep places that are free (frais_a_charge: Gratuit).")
        var free = false

        @Option(name: .customLong("modalite"), help: "Keep relays offering this modalité (e.g. À distance). Repeatable.")
        var modalites: [String] = []

        @Option(name: .customLong("label"), help: "Keep places with this programme or label (e.g. France Services, Aidants Connect). Repeatable.")
        var labels: [String] = []

        @Option(name: .customLong("open-at"), help: ArgumentHelp("Keep places open then, local time in France.", valueName: "YYYY-MM-DDTHH:MM"))
        var openAt: String?

        @Option(parsing: .unconditional, help: "At most this many results.")
        var limit: Int?

        @Option(help: "text; json (the relays, an array); or json-report ({filters, relays}: the filters understood and what --open-at left out).")
        var format: Format = .text

        func validate() throws {
            switch (commune, lat, lon) {
            case (_?, nil, nil), (nil, _?, _?): break
            case (_?, _, _): throw ValidationError("Give either --commune or --lat and --lon, not both.")
            default: throw ValidationError("Give the person's commune (--commune INSEE) or location (--lat and --lon together).")
            }
            if let lat, !(-90...90).contains(lat) { throw ValidationError("--lat must be between -90 and 90; got \(lat).") }
            if let lon, !(-180...180).contains(lon) { throw ValidationError("--lon must be between -180 and 180; got \(lon).") }
            if radiusKm < 0 || !radiusKm.isFinite { throw ValidationError("--radius-km must be zero or more; got \(radiusKm).") }
            if let limit { try NumberRange.check(limit, atLeast: 1, option: "--limit") }
            if let openAt, LocalDateTime(parsing: openAt) == nil { throw QueryError.invalidDate(openAt) }
        }

        func run() async throws {
            var query = RelayQuery(service: service, origin: commune.map { .commune($0) } ?? .point(latitude: lat ?? 0, longitude: lon ?? 0))
            query.radiusKm = radiusKm
            query.publics = publics
            query.priseEnCharge = priseEnCharge
            query.free = free
            query.modalites = modalites
            query.labels = labels
            query.openAt = openAt.flatMap(LocalDateTime.init(parsing:))
            query.limit = limit
            let store = try global.openStore(.read)
            var answer: RelayAnswer
            do {
                answer = try store.relayDirectory().answer(query)
            } catch QueryError.unknownCommune(let code, let communes) where !communes.isEmpty {
                throw PostalCodeGiven(message: (QueryError.unknownCommune(code, postalCodeOf: communes).errorDescription ?? "")
                                      + " For example --commune \(communes[0].code).")
            }
            answer.filters.near = answer.commune.map { "\($0.code) \($0.nom)" }
                ?? "\(Self.coordinate(lat ?? 0)), \(Self.coordinate(lon ?? 0))"
            switch format {
            case .json:
                TerritoryText.noteOnStandardError(answer.commune)
                print(try JSONOutput.encode(answer.relays))
            case .jsonReport: print(try JSONOutput.encode(answer))
            case .text: print(TerritoryText.header(answer.commune) + RelayText.describe(answer))
            }
        }

        /// A postal code given where an INSEE code was expected, worded for `--commune`.
        struct PostalCodeGiven: Error, LocalizedError {
            let message: String
            var errorDescription: String? { message }
        }

        /// 44.73 → "44.73", 4.60 → "4.6": a coordinate as the user would type it.
        static func coordinate(_ value: Double) -> String {
            String(format: "%g", value)
        }
    }
}

/// The text form of relay results: what was understood, then the relays, nearest first.
enum RelayText {
    static func describe(_ answer: RelayAnswer) -> String {
        let understood = answer.filters.summary
        guard !answer.relays.isEmpty else { return "Nobody relays \(shown: understood), by zone or remotely." }
        return (["Relays of \(shown: understood):"] + answer.relays.map { result in
            var flags: [String] = []
            if result.zone { flags.append("zone") }
            if result.remote { flags.append("remote") }
            let distance = result.distanceKm.map { String(format: "%6.1f km", $0) } ?? "      —  "
            var line = "\(distance)  \(shown: result.nom) [\(shown: result.id)]"
            if let code = result.codeInsee { line += " \(shown: code)" }
            if !flags.isEmpty { line += " (\(flags.joined(separator: ", ")))" }
            line += "\n           services: \(shown: result.services.joined(separator: ", "))"
            for member in result.intermediaries {
                line += "\n           · \(shown: member.nom ?? member.id) [\(shown: member.id)], \(shown: member.type)"
                    + (member.headcount.map { $0 == 1 ? ", 1 person" : ", \($0) people" } ?? "")
            }
            if let hours = result.horaires { line += "\n           horaires: \(shown: hours)" }
            return line
        }).joined(separator: "\n")
    }
}
