/// Writes places in the national schema v1: as CSV (`|` between values) or as a JSON array of
/// objects with the same keys (multi-valued fields as arrays, coordinates as numbers).
/// Both read back through `maillage import lieux` to the same file, byte for byte.
///
/// Every row written is valid against the national schema (``V1Conformance``): inactive
/// structures and places no documented repair makes valid are left out, and `summary` says which.
///
/// Each form reads its places from an ``EachLieu`` (``Store/forEachLieu(_:)`` or an array's
/// `forEach`) and writes them to an ``ExportOutput`` as they come, a chunk at a time: memory
/// stays flat whatever the number of places.
public enum LieuxExport {
    /// About this many bytes are written at a time.
    public static let chunkSize = 1 << 20

    /// The v1 CSV, header first.
    public static func csv(_ lieux: [LieuRecord], summary: inout V1ExportSummary) throws -> String {
        var output = ExportText()
        try csv(lieux.forEach, to: &output, summary: &summary)
        return output.text
    }

    /// The v1 CSV, for callers that do not need the summary.
    public static func csv(_ lieux: [LieuRecord]) throws -> String {
        var summary = V1ExportSummary()
        return try csv(lieux, summary: &summary)
    }

    /// Writes the v1 CSV, header first, a chunk at a time.
    public static func csv(_ lieux: EachLieu, to output: inout some ExportOutput, summary: inout V1ExportSummary,
                           chunkSize: Int = LieuxExport.chunkSize) throws {
        let conformance = try V1Conformance()
        var writer = CSVWriter()
        writer.writeRow(LieuColumn.allCases.map(\.rawValue))
        try lieux { lieu in
            guard let lieu = conformance.conform(lieu, summary: &summary) else { return }
            writer.writeRow(LieuColumn.allCases.map(lieu.value))
            if writer.text.utf8.count >= chunkSize { try output.write(writer.take()) }
        }
        try output.write(writer.take())
    }

    /// The multi-valued v1 columns, written as arrays in JSON.
    static let multiValued: Set<LieuColumn> = [
        .typologie, .services, .publicsSpecifiquementAdresses, .priseEnChargeSpecifique, .fraisACharge,
        .dispositifProgrammesNationaux, .modalitesAcces, .modalitesAccompagnement, .itinerance,
    ]

    /// A JSON array of v1 objects, one per line, empty fields left out.
    public static func json(_ lieux: [LieuRecord], summary: inout V1ExportSummary) throws -> String {
        var output = ExportText()
        try json(lieux.forEach, to: &output, summary: &summary)
        return output.text
    }

    /// The JSON array, for callers that do not need the summary.
    public static func json(_ lieux: [LieuRecord]) throws -> String {
        var summary = V1ExportSummary()
        return try json(lieux, summary: &summary)
    }

    /// Writes the JSON array of v1 objects, a chunk at a time.
    public static func json(_ lieux: EachLieu, to output: inout some ExportOutput, summary: inout V1ExportSummary,
                            chunkSize: Int = LieuxExport.chunkSize) throws {
        let conformance = try V1Conformance()
        var lines = JSONLines(opening: "[\n", closing: "]\n")
        try lieux { lieu in
            guard let lieu = conformance.conform(lieu, summary: &summary) else { return }
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
            lines.append("  {" + members.joined(separator: ",") + "}")
            if lines.text.utf8.count >= chunkSize { try output.write(lines.take()) }
        }
        try output.write(lines.close())
    }
}

/// Places read one at a time: `lieux { lieu in … }` calls the body with each place in turn.
public typealias EachLieu = ((LieuRecord) throws -> Void) throws -> Void
