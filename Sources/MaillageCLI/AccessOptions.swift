import ArgumentParser
import Maillage

extension AccessQuery.Method: ExpressibleByArgument {}
extension AccessQuery.Demand: ExpressibleByArgument {}

/// The accessibility method's options, shared by `access` and `what-if`.
struct AccessOptions: ParsableArguments {
    @Option(help: "2sfca or e2sfca.")
    var method: AccessQuery.Method = .enhanced

    @Option(name: .customLong("catchment-km"), parsing: .unconditional,
            help: "The catchment in km (inclusive); default: the last band (e2sfca) or 30 km (2sfca).")
    var catchmentKm: Double?

    @Option(help: ArgumentHelp("E2SFCA distance bands, KM:WEIGHT pairs (default 10:1,20:0.68,30:0.22).", valueName: "bands"))
    var bands: String?

    func validate() throws {
        if let catchmentKm, catchmentKm <= 0 || !catchmentKm.isFinite {
            throw ValidationError("--catchment-km must be more than zero; got \(catchmentKm).")
        }
        if bands != nil, method == .twoStep { throw ValidationError("--bands applies to --method e2sfca only.") }
        if let bands { _ = try DistanceWeighting.parseBands(bands) }
    }

    /// The bands, read.
    func parsedBands() throws -> [DistanceWeighting.Band]? {
        try bands.map(DistanceWeighting.parseBands)
    }
}
