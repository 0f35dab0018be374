/// Reads the digital fragility index ("indice de fragilité numérique", 0–10, higher is more
/// fragile) by commune (`division` city, INSEE code) or EPCI (`division` epci, SIREN); the
/// commune and EPCI files share one format and may be imported one after the other.
package enum FragilityImporter {
    package struct Row: Sendable, Equatable {
        package var division: String
        package var code: String
        package var nom: String?
        /// The overall index, then its components in ``components`` order (nil when empty).
        package var total: Double
        package var parts: [Double?]
    }

    package static let required = RequiredColumns(kind: "digital fragility index", names: ["name", "division", "code", "total"])
    /// INSEE's code for "no EPCI" (island communes): its row indexes the communes outside any EPCI.
    package static let noEpci = "ZZZZZZZZZ"
    /// The index's components, stored when the file has them.
    package static let components = ["no_thd_coverage_rate", "no_4g_coverage_rate", "poverty_rate", "older_65_rate", "nscol15p_rate"]

    package static func parse(_ file: TabularFile, knownCommunes: Set<String>, report: inout ImportReport) throws(MaillageError) -> [Row] {
        let at = try file.positions(of: required)
        let parts = components.map(file.column)
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        for record in file.records {
            report.rowsRead += 1
            var reader = RowReader(file: file, record: record)
            guard reader.checkWidth() else {
                _ = reader.finish(into: &report)
                continue
            }
            let division = reader.value(at: at[1])
            if division != "city", division != "epci" {
                reader.error(at[1], division, "expected city (a commune) or epci")
            }
            let code = reader.value(at: at[2])
            switch (division, code) {
            case (_, nil): reader.error(at[2], nil, "expected the commune's INSEE code or the EPCI's SIREN")
            case ("city", let code?) where !InseeCode.isValid(code):
                reader.error(at[2], code, "expected an INSEE commune code of five characters (e.g. 01001, 2A004)")
            case ("epci", let code?) where !(code.count == 9 && code.isASCIIDigits) && code != noEpci:
                reader.error(at[2], code, "expected an EPCI SIREN of nine digits, or ZZZZZZZZZ (communes outside any EPCI)")
            case (let division?, let code?):
                if let first = seen["\(division):\(code)"] { reader.error(at[2], code, "duplicate \(division) code, first seen on line \(first)") }
            default: break
            }
            // Published files leave a few communes without any value (Marseille): nothing to store.
            if reader.value(at: at[3]) == nil, !reader.hasErrors {
                reader.warning(at[3], nil, "no index for this territory; row skipped (a commune without one takes its EPCI's)")
                _ = reader.finish(into: &report)
                report.add("rows without an index (skipped)", 1)
                continue
            }
            let total = score(&reader, at: at[3])
            let values = parts.map { score(&reader, at: $0) }
            guard reader.finish(into: &report), let division, let code, let total else { continue }
            seen["\(division):\(code)"] = record.line
            if division == "city", !knownCommunes.isEmpty, !knownCommunes.contains(code) {
                report.add("index rows whose code is no current commune (older COG or arrondissements; not used)", 1)
            }
            rows.append(Row(division: division, code: code, nom: reader.value(at: at[0]), total: total, parts: values))
        }
        // A commune file (not an EPCI one) also says which current communes it leaves without an index.
        let indexed = Set(rows.lazy.filter { $0.division == "city" }.map(\.code))
        if !indexed.isEmpty, !knownCommunes.isEmpty {
            report.add("current communes the file gives no index (they take their EPCI's)", knownCommunes.subtracting(indexed).count)
        }
        return rows
    }

    /// A score between 0 and 10, or nil when empty.
    private static func score(_ reader: inout RowReader, at position: Int?) -> Double? {
        guard let text = reader.value(at: position) else { return nil }
        guard let value = Double(text), value >= 0, value <= 10 else {
            reader.error(position, text, "expected a number from 0 to 10")
            return nil
        }
        return value
    }
}
