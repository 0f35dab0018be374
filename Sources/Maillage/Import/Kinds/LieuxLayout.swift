import Foundation

/// How a lieux file is laid out: which schema version, and which header cell holds which field.
package struct LieuxLayout: Sendable {
    package enum Version: String, Sendable { case v1 = "v1", v01 = "v0.1" }

    package var version: Version
    package var positions: [LieuColumn: Int] = [:]
    /// v0.1 fields with no v1 column of their own, mapped value by value.
    package var publicsAccueillis: Int?
    package var conditionsAcces: Int?
    /// Separator between the values of a multi-valued field.
    package var separator: Character { version == .v1 ? "|" : ";" }

    /// The columns every lieux row needs (an id, a name, a date of update), in v1 and v0.1 alike.
    package static let required = RequiredColumns(kind: "lieux (schema v1 or v0.1)", names: ["id", "nom", "date_maj"])

    /// v0.1 header names that map onto a v1 column.
    static let v01Columns: [String: LieuColumn] = [
        "courriel": .courriels, "labels_nationaux": .dispositifProgrammesNationaux,
        "labels_autres": .autresFormationsLabels,
    ]
    static let v01Only: Set<String> = ["publics_accueillis", "conditions_acces", "labels_nationaux", "labels_autres"]
    static let v1Only: Set<String> = [
        "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
        "dispositif_programmes_nationaux", "modalites_acces", "modalite_acces",
    ]

    /// How many rows are read to tell v1 from v0.1 by their service labels.
    package static let rowsToTellVersions = 200

    /// Reads the header, telling v1 from v0.1 by their own columns, or failing that by their service labels.
    package static func detect(_ file: TabularFile, context: ImportContext, report: inout ImportReport) throws(MaillageError) -> LieuxLayout {
        let keys = file.header.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        let version: Version
        if keys.contains(where: v01Only.contains) {
            version = .v01
        } else if keys.contains(where: v1Only.contains) {
            version = .v1
        } else {
            let servicesAt = keys.firstIndex(of: "services")
            let v01Labels = Set(context.taxonomy.services.filter { $0.level == .v01 }.map { LabelMatcher.key($0.label) })
            let usesV01 = file.records.prefix(rowsToTellVersions).contains { record in
                guard let at = servicesAt, at < record.fields.count else { return false }
                return MultiValue.split(record.fields[at], separator: ";").contains { v01Labels.contains(LabelMatcher.key($0)) }
            }
            version = usesV01 ? .v01 : .v1
        }
        var layout = LieuxLayout(version: version)
        for (position, key) in keys.enumerated() {
            let column: LieuColumn?
            if let exact = LieuColumn(rawValue: key) {
                column = exact
                if file.header[position] != key {
                    report.warnings.append(headerIssue(file, position, "header read as '\(key)'; the schema writes it in lower case"))
                }
            } else if version == .v01, let mapped = v01Columns[key] {
                column = mapped
            } else if let alias = LieuColumn.headerAliases[key] {
                column = alias
                report.warnings.append(headerIssue(file, position, "header read as '\(alias.rawValue)', the schema's name for it"))
            } else {
                column = nil
                switch key {
                case "publics_accueillis" where version == .v01: layout.publicsAccueillis = position
                case "conditions_acces" where version == .v01: layout.conditionsAcces = position
                default: report.warnings.append(headerIssue(file, position, "unknown column, ignored; expected a column of the lieux schema \(version.rawValue)"))
                }
            }
            if let column, layout.positions[column] == nil { layout.positions[column] = position }
        }
        // The header check has found these already (by a looser comparison): this one is by the layout's own reading.
        let missing = [LieuColumn.id, .nom, .dateMaj].filter { layout.positions[$0] == nil }.map(\.rawValue)
        if !missing.isEmpty {
            throw .missingColumns(path: file.name, kind: required.kind, missing: missing, found: file.header,
                                  delimiter: file.recordsAreNumbered ? nil : String(UnicodeScalar(file.delimiter)))
        }
        return layout
    }

    private static func headerIssue(_ file: TabularFile, _ position: Int, _ message: String) -> ImportIssue {
        ImportIssue(severity: .warning, file: file.name, line: file.recordsAreNumbered ? nil : 1, column: file.header[position],
                    columnNumber: file.recordsAreNumbered ? nil : position + 1, value: nil, message: message)
    }
}
