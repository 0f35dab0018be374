import Foundation

/// Reads data·inclusion (schema v1): its structures, and optionally its services, as the national
/// API and its dumps give them (JSON: an array, or an object holding `items`).
///
/// - A structure becomes a place, read by the lieux importer from its fields under their v1 names
///   (`horaires_accueil` → `horaires`, `courriel` → `courriels`, `siret` → `pivot`…), so with the
///   same checks and placement; its id is `data-inclusion:SOURCE:ID`. Its typologie or
///   reseaux_porteurs name its actor type (a team of that type working there, `…:equipe`, relaying
///   its services) and its programmes, through `Seeds/taxonomy/data-inclusion.json`.
/// - A service adds to its structure: its thematiques, through the crosswalk, are services the place
///   relays in person; its `zone_eligibilite`, when a commune or an EPCI, is the place's zone of
///   intervention (eligible over a département or France, an in-person service is still a door in
///   one town: the radius around it says who it reaches); its `frais` and `publics` the place's v1
///   labels the filters read. A service offered `a-distance` is also an
///   intermediary of its own (`data-inclusion:SOURCE:ID`) relaying remotely over its zone (all of
///   France when it has none); a service offered only at a distance is that alone. Every thematique
///   the crosswalk lacks is reported once, with how many services carry it.
package enum DataInclusionImporter {
    package static let structureColumns = RequiredColumns(kind: "data·inclusion structures", names: ["id", "nom"])
    package static let serviceColumns = RequiredColumns(kind: "data·inclusion services", names: ["id", "structure_id"])

    /// The v1 name of each structure field read under another name.
    static let v1Names = ["horaires_accueil": "horaires", "courriel": "courriels", "siret": "pivot"]

    /// What the services file says of one structure.
    struct Offer {
        var inPerson: [String] = []
        var frais: [String] = []
        var publics: [String] = []
        var zone: [ZoneEntry] = []
        var remote: [IntermediaryDraft] = []
    }

    package static func parse(structures: TabularFile, services: TabularFile?, context: ImportContext, dataDate: String,
                              report: inout ImportReport) throws(MaillageError) -> ImportBatch {
        guard let crosswalk = context.taxonomy.dataInclusion else { throw .dataInclusionCrosswalkMissing }
        var offers = try services.map { file throws(MaillageError) in try readServices(file, crosswalk: crosswalk, context: context, report: &report) } ?? [:]
        var batch = ImportBatch(source: context.source)
        var rows: [[String: String]] = []
        var keys: [String] = []
        for record in structures.records {
            let key = structureKey(source: value("source", record, structures), id: value("id", record, structures))
            keys.append(key)
            rows.append(v1Row(record, of: structures, id: key, offer: offers[key], crosswalk: crosswalk, context: context, dataDate: dataDate))
        }
        let data: Data
        do { data = try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys]) } catch {
            throw .unreadableFile(path: structures.name, reason: "its structures could not be laid out as lieux (\(error.localizedDescription))")
        }
        var placeReport = ImportReport(kind: report.kind, file: structures.name)
        let places = try LieuxImporter.parse(try JSONRecords.table(name: structures.name, data: data, required: LieuxLayout.required),
                                             context: context, report: &placeReport)
        // Most structures of data·inclusion relay no digital service: counted, not one warning each.
        let withoutService = placeReport.warnings.filter { $0.message.hasPrefix(LieuxImporter.noServiceMessage) }.count
        placeReport.warnings.removeAll { $0.message.hasPrefix(LieuxImporter.noServiceMessage) }
        if withoutService > 0 { placeReport.add("structures relaying no service of the taxonomy", withoutService) }
        // Messages name the fields as the files do; a structure's services come from the services' thematiques.
        report.absorb(placeReport, renaming: v1Names.merging(["thematiques": "services"]) { first, _ in first })
        let keyOfId = Dictionary(zip(rows.map { $0["id"] ?? "" }, keys), uniquingKeysWith: { first, _ in first })
        for var place in places {
            let key = keyOfId[place.publicId] ?? place.publicId
            let offer = offers.removeValue(forKey: key) ?? Offer()
            place.zone = offer.zone
            let record = structures.records[min(max(place.line - 1, 0), structures.records.count - 1)]
            let team = actorType(record, of: structures, crosswalk: crosswalk)
            if let team {
                var staff = IntermediaryDraft(publicId: place.publicId + ":equipe", line: place.line, actorType: team)
                staff.nom = "\(context.taxonomy.actorTypes.first { $0.slug == team }?.label ?? team) — \(place.text[.nom] ?? "")"
                staff.placeIds = [place.publicId]
                staff.serviceSlugs = place.serviceSlugs
                staff.active = place.active
                batch.intermediaries.append(staff)
            }
            for var remote in offer.remote {
                // Counted with its structure's row in the report.
                remote.line = place.line
                remote.actorType = team ?? "operateur-social"
                if !remote.placeIds.isEmpty { remote.placeIds = [place.publicId] }
                batch.intermediaries.append(remote)
            }
            batch.places.append(place)
        }
        for key in offers.keys.sorted() {
            report.warnings.append(ImportIssue(severity: .warning, file: services?.name ?? "", line: nil, column: "structure_id",
                                               value: String(key.dropFirst("data-inclusion:".count)),
                                               message: "no structure of the structures file has this source and id (source:id); its services are left out"))
        }
        report.add("places", batch.places.count)
        report.add("intermediaries", batch.intermediaries.count)
        return batch
    }

    /// The records of a data·inclusion file, which must be JSON; a structures file given as the
    /// services (the files swapped) is said so.
    package static func table(name: String, data: Data, required: RequiredColumns) throws(MaillageError) -> TabularFile {
        guard LieuxImporter.isJSON(data) else {
            throw .unreadableFile(path: name, reason: "it is not JSON: maillage reads data·inclusion's JSON, an array of records or the API's page holding them under items (its CSV dumps are not read)")
        }
        do {
            return try JSONRecords.table(name: name, data: data, required: required)
        } catch .missingColumns(_, _, let missing, let found, _) where required.names == serviceColumns.names && missing == ["structure_id"] && found.contains("nom") {
            throw .unreadableFile(path: name, reason: "it holds structures, not services (no structure_id): give the structures file first, then the services file")
        }
    }

    /// The key and public id of a structure: `data-inclusion:SOURCE:ID` (`data-inclusion:ID` without a source).
    static func structureKey(source: String, id: String) -> String {
        source.isEmpty ? "data-inclusion:\(id)" : "data-inclusion:\(source):\(id)"
    }

    /// A structure laid out as a v1 lieux row, with its offer's services, fees and publics.
    private static func v1Row(_ record: CSVRecord, of file: TabularFile, id: String, offer: Offer?, crosswalk: DataInclusionCrosswalk,
                              context: ImportContext, dataDate: String) -> [String: String] {
        var row: [String: String] = [:]
        for (index, name) in file.header.enumerated() where index < record.fields.count && !record.fields[index].isEmpty {
            guard LieuColumn(rawValue: v1Names[name] ?? name) != nil || ["latitude", "longitude", "code_insee"].contains(name) else { continue }
            row[v1Names[name] ?? name] = record.fields[index]
        }
        row["id"] = id
        // A date and time (2022-04-28T16:53:11Z) is read as its date; none, as the data's date.
        if let date = row["date_maj"], date.count > 10, date.dropFirst(10).first == "T" { row["date_maj"] = String(date.prefix(10)) }
        if row["date_maj"] == nil { row["date_maj"] = dataDate }
        let networks = MultiValue.split(value("reseaux_porteurs", record, file) + "|" + value("labels_nationaux", record, file), separator: "|")
        let programmes = networks.compactMap { crosswalk.reseauxPorteurs[$0]?.programme }
        row["dispositif_programmes_nationaux"] = labels(programmes, from: context.taxonomy.programmes.map { ($0.slug, $0.label) })
        if let offer {
            row["services"] = labels(offer.inPerson, from: context.taxonomy.services.map { ($0.slug, $0.label) })
            row["frais_a_charge"] = ordered(offer.frais).joined(separator: "|")
            row["publics_specifiquement_adresses"] = ordered(offer.publics).joined(separator: "|")
        }
        return row.filter { !$0.value.isEmpty }
    }

    /// The actor type a structure's typologie says, else its first network that says one.
    private static func actorType(_ record: CSVRecord, of file: TabularFile, crosswalk: DataInclusionCrosswalk) -> String? {
        if let type = crosswalk.typologies[value("typologie", record, file)] { return type }
        return MultiValue.split(value("reseaux_porteurs", record, file), separator: "|").lazy.compactMap { crosswalk.reseauxPorteurs[$0]?.actorType }.first
    }

    /// Reads every service into its structure's offer; counts the thematiques the crosswalk lacks.
    private static func readServices(_ file: TabularFile, crosswalk: DataInclusionCrosswalk, context: ImportContext,
                                     report: inout ImportReport) throws(MaillageError) -> [String: Offer] {
        var offers: [String: Offer] = [:]
        var unmapped: [String: Int] = [:]
        var widerZones = 0
        let zoneAt = file.column("zone_eligibilite")
        for record in file.records {
            var reader = RowReader(file: file, record: record)
            let key = structureKey(source: value("source", record, file), id: value("structure_id", record, file))
            var slugs: [String] = []
            for thematique in MultiValue.split(value("thematiques", record, file), separator: "|") {
                if let mapped = crosswalk.thematiques[thematique] { slugs += mapped.filter { !slugs.contains($0) } } else { unmapped[thematique, default: 0] += 1 }
            }
            let zone = IntermediariesImporter.readZone(&reader, at: zoneAt, context: context)
            let modes = Set(MultiValue.split(value("modes_accueil", record, file), separator: "|"))
            var offer = offers[key] ?? Offer()
            let inPerson = modes.isEmpty || modes.contains("en-presentiel")
            if inPerson {
                offer.inPerson += slugs.filter { !offer.inPerson.contains($0) }
                // In person, a zone is the place's only as far as its people come: a commune, an EPCI.
                // Eligible over a département or France, it is still a door in one town.
                offer.zone += zone.filter { [.commune, .epci].contains($0.level) && !offer.zone.contains($0) }
                widerZones += zone.contains { ![.commune, .epci].contains($0.level) } ? 1 : 0
            }
            offer.frais += MultiValue.split(value("frais", record, file), separator: "|").compactMap { crosswalk.frais[$0] }
            offer.publics += MultiValue.split(value("publics", record, file), separator: "|").compactMap { crosswalk.publics[$0] }
            if modes.contains("a-distance"), !slugs.isEmpty {
                let source = value("source", record, file)
                var remote = IntermediaryDraft(publicId: structureKey(source: source, id: value("id", record, file)), line: record.line, actorType: "")
                remote.nom = value("nom", record, file).isEmpty ? nil : value("nom", record, file)
                remote.serviceSlugs = slugs
                remote.remote = true
                remote.modalitesAccompagnement = "À distance"
                remote.zone = zone.isEmpty ? [ZoneEntry(level: .france, code: "france")] : zone
                // Offered in person too: the team of the place, helping at a distance as well.
                remote.placeIds = inPerson ? [key] : []
                offer.remote.append(remote)
            }
            if reader.finish(into: &report) { offers[key] = offer }
        }
        for (thematique, count) in unmapped.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            report.warnings.append(ImportIssue(severity: .warning, file: file.name, line: nil, column: "thematiques", value: thematique,
                                               message: "no service of the taxonomy matches this thematique (Seeds/taxonomy/data-inclusion.json): left out of \(count) service\(count == 1 ? "" : "s")"))
        }
        report.add("services read", file.records.count)
        if widerZones > 0 { report.add("in-person services eligible over a département or wider: not a zone of their place", widerZones) }
        return offers
    }

    /// The trimmed value of `column` in `record`, empty when absent.
    private static func value(_ column: String, _ record: CSVRecord, _ file: TabularFile) -> String {
        RowReader(file: file, record: record).value(at: file.column(column)) ?? ""
    }

    /// The labels of `slugs`, in the order of `vocabulary`, `|`-separated.
    private static func labels(_ slugs: [String], from vocabulary: [(slug: String, label: String)]) -> String {
        vocabulary.filter { slugs.contains($0.slug) }.map(\.label).joined(separator: "|")
    }

    /// Distinct values in their first order.
    private static func ordered(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
