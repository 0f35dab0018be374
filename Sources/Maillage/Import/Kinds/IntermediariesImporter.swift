/// Reads maillage's own intermediaries CSV:
/// `id,nom,type,place_id,headcount,services,zone,modalites_accompagnement,itinerance`.
///
/// `type` is an actor type (slug or label); `place_id`, `services` and `zone` are `|`-separated;
/// `zone` holds COG codes (commune, EPCI SIREN, département, région) or `france`.
package enum IntermediariesImporter {
    package static let required = RequiredColumns(kind: "intermediaries", names: ["id", "type"])

    package static func parse(_ file: TabularFile, context: ImportContext, report: inout ImportReport) throws(MaillageError) -> [IntermediaryDraft] {
        let at = try file.positions(of: required)
        let nomAt = file.column("nom"), placeAt = file.column("place_id"), headcountAt = file.column("headcount")
        let servicesAt = file.column("services"), zoneAt = file.column("zone")
        let modalitesAt = file.column("modalites_accompagnement"), itineranceAt = file.column("itinerance")
        var result: [IntermediaryDraft] = []
        var seen: [String: Int] = [:]
        for record in file.records {
            report.rowsRead += 1
            var reader = RowReader(file: file, record: record)
            guard reader.checkWidth() else {
                _ = reader.finish(into: &report)
                continue
            }
            // Without an id the row is refused, but its other fields are still checked (one pass).
            let id = reader.identifier(at: at[0], seen: seen)
            var draft = IntermediaryDraft(publicId: id ?? "", line: record.line, actorType: "")
            draft.nom = reader.value(at: nomAt)
            switch reader.value(at: at[1]).map(context.actorTypes.match) {
            case .exact(let slug)?: draft.actorType = slug
            case .corrected(let slug)?:
                draft.actorType = slug
                reader.warning(at[1], reader.value(at: at[1]), "read as actor type '\(slug)'")
            case .unknown?, nil:
                let known = context.taxonomy.actorTypes.map(\.slug).joined(separator: ", ")
                reader.error(at[1], reader.value(at: at[1]), "expected an actor type: \(known)")
            }
            if let text = reader.value(at: headcountAt) {
                if let count = Int(text), count >= 0 { draft.headcount = count } else {
                    reader.error(headcountAt, text, "expected a whole number of people, or nothing when unknown")
                }
            }
            draft.placeIds = reader.value(at: placeAt).map { MultiValue.split($0, separator: "|") } ?? []
            if let raw = reader.value(at: servicesAt) {
                let reading = MultiValue.read(raw, separator: "|") { context.serviceSlug(for: $0).map { (label: $0.slug, corrected: $0.corrected) } }
                draft.serviceSlugs = reading.labels
                for unknown in reading.unknown {
                    reader.warning(servicesAt, unknown, "unknown service, ignored; closest: \(context.services.closest(to: unknown).joined(separator: ", "))")
                }
            }
            draft.zone = readZone(&reader, at: zoneAt, context: context)
            if let raw = reader.value(at: modalitesAt), let matcher = context.enumerations["modalites_accompagnement"] {
                let reading = MultiValue.read(raw, separator: "|", match: MultiValue.matching(matcher))
                for unknown in reading.unknown { reader.warning(modalitesAt, unknown, "unknown modalité d'accompagnement, ignored") }
                draft.modalitesAccompagnement = reading.labels.isEmpty ? nil : reading.labels.joined(separator: "|")
                draft.remote = reading.labels.contains("À distance")
            }
            if let raw = reader.value(at: itineranceAt), let matcher = context.enumerations["itinerance"] {
                if case .unknown = matcher.match(raw) { reader.warning(itineranceAt, raw, "expected Itinérant or Fixe; ignored") }
                else if case .exact(let label) = matcher.match(raw) { draft.itinerance = label }
                else if case .corrected(let label) = matcher.match(raw) { draft.itinerance = label }
            }
            if draft.placeIds.isEmpty, draft.zone.isEmpty, !draft.remote {
                reader.warning(placeAt, nil, "no place, no zone of intervention and no remote help: nobody can be sent to it")
            }
            if let id { draft.publicId = reader.claimId(id, as: .intermediary, source: context.source, in: context.nodes, at: at[0]) }
            reader.checkReferences(draft.placeIds, to: .place, in: context.nodes, at: placeAt)
            guard reader.finish(into: &report), let id else { continue }
            seen[id] = record.line
            result.append(draft)
        }
        return result
    }

    /// A `|`-separated list of territory codes; unknown codes are warned about and left out.
    static func readZone(_ reader: inout RowReader, at position: Int?, context: ImportContext) -> [ZoneEntry] {
        guard let raw = reader.value(at: position) else { return [] }
        var zone: [ZoneEntry] = []
        for code in MultiValue.split(raw, separator: "|") {
            let known: Bool
            let level = InseeCode.zoneLevel(of: code)
            switch level {
            case .commune?: known = context.communes.commune(code: code) != nil
            case .epci?: known = context.communes.epciCodes.contains(code)
            case .departement?: known = context.communes.departementCodes.contains(code) || context.communes.regionCodes.contains(code)
            case .france?: known = true
            case .region?, nil: known = false
            }
            guard var level, known else {
                reader.warning(position, code, "expected the code of a known commune (5 characters), EPCI (9-digit SIREN), département, région, or 'france'; left out")
                continue
            }
            if level == .departement, !context.communes.departementCodes.contains(code) { level = .region }
            zone.append(ZoneEntry(level: level, code: level == .france ? "france" : code))
        }
        return zone
    }
}
