import ArgumentParser
import Maillage

/// The options naming what counts as coverage, shared by `gaps` and `fragility`: a service, a
/// radius, a scope and the relay filters of `relays`.
struct CoverageOptions: ParsableArguments {
    @Option(help: "The service: its exact label or its slug.")
    var service: String

    @Option(name: .customLong("radius-km"), parsing: .unconditional, help: "The distance that counts as reachable, in km (inclusive).")
    var radiusKm: Double

    @Option(help: ArgumentHelp("Only the communes of this territory: INSEE code, EPCI SIREN, département, or region:CODE.", valueName: "code"))
    var within: String?

    @Option(name: .customLong("public"), help: "Count only places that specifically address this public. Repeatable.")
    var publics: [String] = []

    @Option(name: .customLong("prise-en-charge"), help: "Count only places with this specific support. Repeatable.")
    var priseEnCharge: [String] = []

    @Flag(help: "Count only free places.")
    var free = false

    @Option(name: .customLong("label"), help: "Count only places with this programme or label. Repeatable.")
    var labels: [String] = []

    func validate() throws {
        if radiusKm < 0 || !radiusKm.isFinite { throw ValidationError("--radius-km must be zero or more; got \(radiusKm).") }
    }

    /// The gap query these options describe.
    var query: GapQuery {
        var query = GapQuery(service: service, radiusKm: radiusKm)
        query.within = within
        query.publics = publics
        query.priseEnCharge = priseEnCharge
        query.free = free
        query.labels = labels
        return query
    }
}
