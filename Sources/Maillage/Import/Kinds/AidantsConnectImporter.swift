/// Reads the Aidants Connect structures list: one place per row, holding an intermediary
/// "aidants habilités" with the row's headcount, relaying administrative help and the operators'
/// démarches of the themes the structure worked on.
///
/// Public ids: `aidants-connect:<ID>` for the place, `aidants-connect:<ID>:aidants` for its aidants.
package enum AidantsConnectImporter {
    package static let required = RequiredColumns(kind: "Aidants Connect structures", names: ["Name", "ID", "Is Active", "City Insee Code", "Address", "Zip Code", "Siret", "France Services Label", "City", "Nombre d'aidants"])
    /// The démarches counters, by theme, as the file names them.
    static let themes = ["Argent", "Etranger", "Famille", "Justice", "Loisirs", "Papier", "Social", "Transport", "Travail", "Logement"]

    package static func parse(_ file: TabularFile, context: ImportContext, dataDate: String,
                              report: inout ImportReport) throws(MaillageError) -> ImportBatch {
        let at = try file.positions(of: required)
        let context = context.learningPostalCodes(from: file, codeInsee: at[3], postalCode: at[5])
        // Each theme's column and the service slugs it stands for, resolved once.
        let themeColumns = themes.map { theme in
            (theme, file.header.firstIndex { LabelMatcher.key($0).hasSuffix("demarche " + LabelMatcher.key(theme)) },
             (context.taxonomy.aidantsConnectThemes[theme] ?? []).compactMap { context.serviceSlug(for: $0)?.slug })
        }
        let administrativeHelp = context.serviceSlug(for: "Aide aux démarches administratives")?.slug
        let usersColumn = file.header.firstIndex { LabelMatcher.key($0).hasSuffix("usagers uniques") }
        let totalColumn = file.header.firstIndex { LabelMatcher.key($0).hasSuffix("demarche par structure") }
        var batch = ImportBatch(source: context.source)
        var seen: [String: Int] = [:]
        for record in file.records {
            report.rowsRead += 1
            var reader = RowReader(file: file, record: record)
            guard reader.checkWidth() else {
                _ = reader.finish(into: &report)
                continue
            }
            // Without an ID the row is refused, but its other fields are still checked (one pass).
            let id = reader.identifier(at: at[1], seen: seen, name: "ID")
            let nom = reader.value(at: at[0])
            if nom == nil { reader.error(at[0], nil, "expected the structure's name") }
            let active = reader.value(at: at[2]).map { $0.lowercased() != "false" } ?? true
            let postalCode = reader.postalCode(at: at[5])
            let location = reader.locate(with: context.locator, codeInsee: at[3], postalCode: postalCode, postalAt: at[5],
                                         communeName: reader.value(at: at[8]), communeAt: at[8], coordinates: nil, coordinatesAt: nil)
            let siret = reader.pivot(at: at[6])
            var headcount: Int?
            if let text = reader.value(at: at[9]) {
                if let count = Int(text) ?? Double(text).flatMap({ Int(exactly: $0) }), count >= 0 { headcount = count } else {
                    reader.error(at[9], text, "expected a whole number of aidants")
                }
            }
            var counters: [String: String] = [:]
            var demarches: [String] = []
            for (theme, position, slugs) in themeColumns {
                guard let text = reader.value(at: position) else { continue }
                guard let count = Double(text), count >= 0 else {
                    reader.warning(position, text, "expected a number of démarches; ignored")
                    continue
                }
                counters["demarches_\(theme.lowercased())"] = text
                if count > 0 { demarches += slugs }
            }
            if let id {
                reader.checkOwnership(of: "aidants-connect:\(id)", as: .place, source: context.source, in: context.nodes, at: at[1])
                reader.checkOwnership(of: "aidants-connect:\(id):aidants", as: .intermediary, source: context.source, in: context.nodes, at: at[1])
            }
            guard reader.finish(into: &report), let nom, let id else { continue }
            seen[id] = record.line
            let franceServices = reader.value(at: at[7])?.lowercased() == "true"
            let structure = StaffedStructure(
                id: "aidants-connect:\(id)", line: record.line, nom: nom, pivot: siret, adresse: reader.value(at: at[4]),
                commune: reader.value(at: at[8]), postalCode: postalCode, location: location, dateMaj: dataDate,
                programmes: ["aidants-connect"] + (franceServices ? ["france-services"] : []),
                details: counters.merging([
                    "usagers_uniques": reader.value(at: usersColumn), "demarches_total": reader.value(at: totalColumn),
                ].compactMapValues { $0 }) { a, _ in a },
                active: active)
            var services = administrativeHelp.map { [$0] } ?? []
            for slug in demarches where !services.contains(slug) { services.append(slug) }
            batch.append(structure, team: .init(suffix: "aidants", actorType: "agent-accueil", label: "Aidants Connect",
                                                headcount: headcount, services: services))
            if !active { report.add("inactive structures (kept, marked inactive)", 1) }
            if franceServices { report.add("labelled France Services", 1) }
        }
        report.add("structures", batch.places.count)
        report.correct("date_maj set to \(dataDate) (the list carries no date: the import's data date, today unless one is given)", count: batch.places.count)
        report.add("aidants", batch.intermediaries.reduce(0) { $0 + ($1.headcount ?? 0) })
        return batch
    }
}
