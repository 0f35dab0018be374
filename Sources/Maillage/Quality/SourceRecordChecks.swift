import Foundation

/// The checks on one source record's own values: patterns (``QualityProblemKind/invalidValue``)
/// and lists of labels (``QualityProblemKind/unknownEnumeration``).
struct SourceRecordChecks {
    let rules: ValueRules
    /// The labels of each enumerated field, by column name.
    let labels: [String: Set<String>]
    /// The data·inclusion typology codes.
    let typologies: Set<String>
    /// One label of the schema's `formations_labels` list.
    let formationsLabel: NSRegularExpression

    init(taxonomy: Taxonomy) throws {
        rules = try ValueRules()
        labels = taxonomy.enumerations.fields.mapValues { Set($0.map(\.label)) }
        typologies = Set(taxonomy.typologies.map(\.code))
        formationsLabel = try V1Conformance.fullMatch(V1Schema.patterns[.formationsLabels] ?? ".*")
    }

    func problems(of record: QualityRows.SourceRecord) -> [QualityProblem] {
        var problems: [QualityProblem] = []
        func invalid(_ field: LieuColumn, _ value: String?, _ rule: (String) -> ValueRules.Failure?) {
            guard let value, !value.isEmpty, let failure = rule(value) else { return }
            problems.append(QualityProblem(kind: .invalidValue, id: record.publicId, nom: record.nom, source: record.source,
                                           field: field.rawValue, value: value, expected: failure.expected,
                                           detail: "\(field.rawValue) \"\(value)\": \(failure.detail)"))
        }
        invalid(.pivot, record.pivot, rules.pivot)
        invalid(.codePostal, record.codePostal, rules.codePostal)
        invalid(.codeInsee, record.codeInsee, rules.codeInsee)
        invalid(.telephone, record.telephone, rules.telephone)
        invalid(.courriels, record.courriels, rules.courriels)
        invalid(.siteWeb, record.siteWeb, rules.siteWeb)

        func unknown(_ field: String, _ value: String, expected: String, _ how: String) {
            problems.append(QualityProblem(kind: .unknownEnumeration, id: record.publicId, nom: record.nom, source: record.source,
                                           field: field, value: value, expected: expected,
                                           detail: "\(field) \"\(value)\" \(how)"))
        }
        for (field, values) in Self.keptAside(record.unrecognised) {
            for value in values { unknown(field, value, expected: "a label of the field's list", "is no label of its list (kept aside at import)") }
        }
        for (field, value) in record.enumerated {
            guard let known = labels[field] else { continue }
            for item in ValueRules.items(value) where !known.contains(item) {
                unknown(field, item, expected: "one of: \(known.sorted().joined(separator: ", "))", "is no label of its list")
            }
        }
        for item in ValueRules.items(record.formationsLabels ?? "") where !V1Conformance.matches(formationsLabel, item) {
            unknown(LieuColumn.formationsLabels.rawValue, item, expected: "a label of the schema's list (others go to autres_formations_labels)",
                    "is no label of the schema's list")
        }
        for item in ValueRules.items(record.typologie ?? "") where !typologies.contains(item) {
            unknown(LieuColumn.typologie.rawValue, item, expected: "a data·inclusion structure typology code", "is no data·inclusion typology code")
        }
        return problems
    }

    /// The values an import kept aside, by field, in field order.
    static func keptAside(_ json: String?) -> [(field: String, values: [String])] {
        guard let json, let object = try? JSONDecoder().decode([String: [String]].self, from: Data(json.utf8)) else { return [] }
        return object.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
