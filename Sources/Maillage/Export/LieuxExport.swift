/// Writes places in the national schema v1: as CSV (`|` between values) or as a JSON array of
/// objects with the same keys (multi-valued fields as arrays, coordinates as numbers).
/// Both read back through `maillage import lieux` to the same file, byte for byte.
///
/// Every row written is valid against the national schema (``V1Conformance``): inactive
/// structures and places no documented repair makes valid are left out, and `summary` says which.
public enum LieuxExport {
    /// The v1 CSV, header first.
    public static func csv(_ lieux: [LieuRecord], summary: inout V1ExportSummary) throws -> String {
        let conformance = try V1Conformance()
        var writer = CSVWriter()
        writer.writeRow(LieuColumn.allCases.map(\.rawValue))
        for lieu in lieux {
            guard let lieu = conformance.conform(lieu, summary: &summary) else { continue }
            writer.writeRow(LieuColumn.allCases.map(lieu.value))
        }
        return writer.text
    }

    /// The v1 CSV, for callers that do not need the summary.
    public static func csv(_ lieux: [LieuRecord]) throws -> String {
        var summary = V1ExportSummary()
        return try csv(lieux, summary: &summary)
    }

    /// The multi-valued v1 columns, written as arrays in JSON.
    static let multiValued: Set<LieuColumn> = [
        .typologie, .services, .publicsSpecifiquementAdresses, .priseEnChargeSpecifique, .fraisACharge,
        .dispositifProgrammesNationaux, .modalitesAcces, .modalitesAccompagnement, .itinerance,
    ]

    /// A JSON array of v1 objects, one per line, empty fields left out.
    public static func json(_ lieux: [LieuRecord], summary: inout V1ExportSummary) throws -> String {
        let conformance = try V1Conformance()
        let valid = lieux.compactMap { conformance.conform($0, summary: &summary) }
        let objects = valid.map { lieu in
            let members = LieuColumn.allCases.compactMap { column -> String? in
                let value = lieu.value(column)
                guard !value.isEmpty else { return nil }
                let json: String
                switch column {
                case .latitude: json = JSONText.number(lieu.latitude)
                case .longitude: json = JSONText.number(lieu.longitude)
                case _ where multiValued.contains(column):
                    json = "[" + MultiValue.split(value, separator: "|").map(JSONText.string).joined(separator: ",") + "]"
                default: json = JSONText.string(value)
                }
                return "\(JSONText.string(column.rawValue)):\(json)"
            }
            return "  {" + members.joined(separator: ",") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + (objects.isEmpty ? "" : "\n") + "]\n"
    }

    /// The JSON array, for callers that do not need the summary.
    public static func json(_ lieux: [LieuRecord]) throws -> String {
        var summary = V1ExportSummary()
        return try json(lieux, summary: &summary)
    }
}
