import ArgumentParser
import Maillage

extension MaillageCommand {
    struct Path: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Where to send this person: the shortest referral chains to someone who relays the service.",
            discussion: "Follows refers-to links breadth-first from a place or intermediary to every active relay of the service within --max-hops; fewest hops first, nearest first on ties.")

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The place or intermediary the person is at (its public id).", valueName: "id"))
        var from: String

        @Option(help: "The service: its exact label or its slug.")
        var service: String

        @Option(name: .customLong("max-hops"), parsing: .unconditional, help: "The longest chain to consider.")
        var maxHops = 3

        @Option(parsing: .unconditional, help: "At most this many chains.")
        var limit: Int?

        @Option(help: "text, or json for scripts.")
        var format: OutputFormat = .text

        func validate() throws {
            try NumberRange.check(maxHops, atLeast: 0, option: "--max-hops")
            if let limit { try NumberRange.check(limit, atLeast: 1, option: "--limit") }
        }

        func run() async throws {
            let store = try global.openStore(.read)
            let start = try store.profile(of: from)  // an unknown id gets its "closest ids" message
            let catalog = try store.serviceCatalog()
            var chains = try ReferralPaths.chains(in: store.graph(), catalog: catalog, from: from, service: service, maxHops: maxHops)
            if let limit { chains = Array(chains.prefix(limit)) }
            if format == .json {
                print(try JSONOutput.encode(chains))
            } else if chains.isEmpty {
                let label = catalog.labels[try catalog.service(named: service)]
                let place = start.nom.map { "\(shown: $0) [\(shown: from)]" } ?? "\(shown: from)"
                print("No relay of \(shown: label) can be reached from \(place) within \(maxHops) referral\(maxHops == 1 ? "" : "s").")
            } else {
                print(chains.map { chain in
                    let distance = chain.distanceKm.map { String(format: ", %.1f km", $0) } ?? ""
                    return "\(chain.hops) hop(s)\(distance): " + zip(chain.names, chain.path).map { "\(shown: $0) [\(shown: $1)]" }.joined(separator: " → ")
                        + "\n    relays: \(shown: chain.services.joined(separator: ", "))"
                }.joined(separator: "\n"))
            }
        }
    }
}
