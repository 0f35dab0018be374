/// Reads the conseillers numériques (CNFS) host structures list: one place per row, holding an
/// intermediary "conseillers numériques" with the row's headcount.
///
/// Public ids: `cnfs:<SIRET>`; a SIRET on several rows (separate validations) gets `-2`, `-3`…
/// in file order. The conseillers are `cnfs:<SIRET>:conseillers`.
package enum CNFSImporter {
    package static let required = RequiredColumns(kind: "conseillers numériques (CNFS) structures", names: [
        "Raison sociale", "Commune INSEE", "Nombre de conseillers validés par le COSELEC",
        "Date de validation en comité de sélection", "Type", "SIRET", "Adresse", "Code commune INSEE", "Code postal",
        "ZRR", "QPV", "France services",
    ])

    package static func parse(_ file: TabularFile, context: ImportContext, report: inout ImportReport) throws(MaillageError) -> ImportBatch {
        let at = try file.positions(of: required)
        let context = context.learningPostalCodes(from: file, codeInsee: at[7], postalCode: at[8])
        var batch = ImportBatch(source: context.source)
        var occurrences: [String: Int] = [:]
        let services = (context.taxonomy.actorTypes.first { $0.slug == "conseiller-numerique" }?.services ?? [])
            .compactMap { context.serviceSlug(for: $0)?.slug }
        for record in file.records {
            report.rowsRead += 1
            var reader = RowReader(file: file, record: record)
            guard reader.checkWidth() else {
                _ = reader.finish(into: &report)
                continue
            }
            let nom = reader.value(at: at[0])
            if nom == nil { reader.error(at[0], nil, "expected the structure's name (Raison sociale)") }
            // Without a SIRET the row is refused, but its other fields are still checked (one pass).
            let siret = reader.pivot(at: at[5])
            if siret == nil { reader.error(at[5], nil, "expected a SIRET: it is the structure's identifier") }
            var headcount: Int?
            if let text = reader.value(at: at[2]) {
                if let count = Int(text), count >= 0 { headcount = count } else {
                    reader.error(at[2], text, "expected a whole number of conseillers")
                }
            } else {
                reader.warning(at[2], nil, "no number of conseillers; headcount unknown")
            }
            let postalCode = reader.postalCode(at: at[8])
            let location = reader.locate(with: context.locator, codeInsee: at[7], postalCode: postalCode, postalAt: at[8],
                                         communeName: reader.value(at: at[1]), communeAt: at[1], coordinates: nil, coordinatesAt: nil)
            let date = reader.date(at: at[3], required: false)
            let occurrence = siret.map { (occurrences[$0] ?? 0) + 1 } ?? 1
            let id = siret.map { "cnfs:\($0)" + (occurrence > 1 ? "-\(occurrence)" : "") }
            if let id {
                reader.checkOwnership(of: id, as: .place, source: context.source, in: context.nodes, at: at[5])
                reader.checkOwnership(of: "\(id):conseillers", as: .intermediary, source: context.source, in: context.nodes, at: at[5])
            }
            guard reader.finish(into: &report), let nom, let siret, let id else { continue }
            occurrences[siret] = occurrence
            if occurrence == 2 { report.add("SIRETs on several rows (kept as separate places)", 1) }
            let structure = StaffedStructure(
                id: id, line: record.line, nom: nom, pivot: siret, adresse: reader.value(at: at[6]),
                commune: reader.value(at: at[1]), postalCode: postalCode, location: location, dateMaj: date,
                programmes: ["conseillers-numeriques"] + (reader.value(at: at[11]) == "oui" ? ["france-services"] : []),
                details: [
                    "type": reader.value(at: at[4]), "zrr": reader.value(at: at[9]), "qpv": reader.value(at: at[10]),
                    "france_services": reader.value(at: at[11]),
                ].compactMapValues { $0 })
            batch.append(structure, team: .init(suffix: "conseillers", actorType: "conseiller-numerique",
                                                label: "Conseillers numériques", headcount: headcount, services: services))
        }
        report.add("structures", batch.places.count)
        report.add("conseillers", batch.intermediaries.reduce(0) { $0 + ($1.headcount ?? 0) })
        return batch
    }
}
