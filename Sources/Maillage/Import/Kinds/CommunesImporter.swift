/// Reads the commune list (the format of `communes-france.csv`: INSEE COG with EPCI, populations
/// and a representative point) into territories.
package enum CommunesImporter {
    package struct Row: Sendable, Equatable {
        package var code: String
        package var nom: String
        package var departement: String
        package var departementNom: String
        package var region: String
        package var regionNom: String
        package var epci: String?
        package var epciNom: String?
        package var epciNature: String?
        package var populationMunicipale: Int
        package var populationTotale: Int
        package var latitude: Double?
        package var longitude: Double?
    }

    /// Every column the commune list has: all are read, and a file without one is refused.
    package static let required = RequiredColumns(kind: "communes", names: [
        "code_insee", "nom", "code_departement", "nom_departement", "code_region", "nom_region",
        "siren_epci", "nom_epci", "nature_epci", "population_municipale", "population_totale", "latitude", "longitude",
    ])
    static let epciNatures: Set<String> = ["CC", "CA", "CU", "METRO", "MET69"]

    /// Parses every row; rows with errors are left out and their issues returned.
    package static func parse(_ file: TabularFile, report: inout ImportReport) throws(MaillageError) -> [Row] {
        let at = try file.positions(of: required)
        var rows: [Row] = []
        rows.reserveCapacity(file.records.count)
        var seen: [String: Int] = [:]
        for record in file.records {
            report.rowsRead += 1
            var reader = RowReader(file: file, record: record)
            guard reader.checkWidth() else {
                _ = reader.finish(into: &report)
                continue
            }
            let code = reader.value(at: at[0])
            if let code, !InseeCode.isValid(code) {
                reader.error(at[0], code, "expected an INSEE commune code of five characters (e.g. 01001, 2A004)")
            } else if code == nil {
                reader.error(at[0], nil, "expected an INSEE commune code; the field is empty")
            } else if let code, let first = seen[code] {
                reader.error(at[0], code, "duplicate commune code, first seen on line \(first)")
            }
            let nom = reader.value(at: at[1])
            if nom == nil { reader.error(at[1], nil, "expected the commune's name") }
            let departement = reader.value(at: at[2])
            if let departement, !InseeCode.isDepartement(departement) {
                reader.error(at[2], departement, "expected a département code (01–95, 2A, 2B, 971–976)")
            } else if departement == nil { reader.error(at[2], nil, "expected a département code") }
            let region = reader.value(at: at[4])
            if region == nil { reader.error(at[4], nil, "expected a région code") }
            let epci = reader.value(at: at[6])
            if let epci, !(epci.count == 9 && epci.isASCIIDigits) {
                reader.error(at[6], epci, "expected an EPCI SIREN of nine digits, or nothing")
            }
            let nature = reader.value(at: at[8])
            if epci != nil, let nature, !epciNatures.contains(nature) {
                reader.error(at[8], nature, "expected one of \(epciNatures.sorted().joined(separator: ", "))")
            }
            let populations = [at[9], at[10]].map { position -> Int in
                guard let text = reader.value(at: position) else { return 0 }
                guard let value = Int(text), value >= 0 else {
                    reader.error(position, text, "expected a whole number of inhabitants")
                    return 0
                }
                return value
            }
            let coordinates = Coordinates.read(&reader, latitude: at[11], longitude: at[12])
            if coordinates == nil, !reader.hasErrors, let code {
                reader.warning(at[11], nil, "commune \(code) (\(nom ?? "?")) has no coordinates: it is kept, but left out of coverage, "
                               + "accessibility and planning figures (gaps, access, fragility, what-if, plan, coverage maps), which report it apart")
            }
            guard !reader.hasErrors, let code, let nom, let departement, let region else {
                report.errors += reader.issues.filter { $0.severity == .error }
                report.warnings += reader.issues.filter { $0.severity == .warning }
                report.rowsRejected += 1
                continue
            }
            report.warnings += reader.issues
            seen[code] = record.line
            rows.append(Row(
                code: code, nom: nom, departement: departement,
                departementNom: reader.value(at: at[3]) ?? departement, region: region,
                regionNom: reader.value(at: at[5]) ?? region, epci: epci, epciNom: epci.map { _ in reader.value(at: at[7]) ?? "" },
                epciNature: epci.map { _ in nature ?? "CC" }, populationMunicipale: populations[0],
                populationTotale: populations[1], latitude: coordinates?.latitude, longitude: coordinates?.longitude))
        }
        return rows
    }
}
