import Foundation

/// Makes each exported place valid against the national schema v1 (``V1Schema``), or says why it
/// cannot be: the documented repairs are applied, inactive structures and rows that stay invalid
/// are left out, and everything is counted in a ``V1ExportSummary``.
///
/// Documented repairs: an unknown or malformed SIRET is written `00000000000000` (the schema's
/// users' convention for "SIRET unknown"); a phone number in national form (`04 75 …`) is
/// written in the international form the schema describes (`+33475…`, first zero dropped, no
/// spaces; also `0033…`, `+33 (0)…` and a number missing its `+`); labels missing from the
/// schema's `formations_labels` list move to `autres_formations_labels`, the field the schema
/// names for them. Repairs are counted only for the rows written.
struct V1Conformance {
    private let patterns: [(column: LieuColumn, regex: NSRegularExpression)]
    private let formationsLabel: NSRegularExpression

    init() throws {
        patterns = try V1Schema.patterns.sorted { $0.key.position < $1.key.position }.map { column, pattern in
            (column, try Self.fullMatch(pattern))
        }
        formationsLabel = try Self.fullMatch(V1Schema.patterns[.formationsLabels] ?? "")
    }

    /// The place as the schema can hold it, or nil when it is left out; `summary` counts either way.
    func conform(_ lieu: LieuRecord, summary: inout V1ExportSummary) -> LieuRecord? {
        guard lieu.active else {
            summary.inactive.append(lieu.publicId)
            return nil
        }
        var lieu = lieu
        var repairs: [String] = []
        repairPivot(&lieu, repairs: &repairs)
        repairTelephone(&lieu, repairs: &repairs)
        repairFormationsLabels(&lieu, repairs: &repairs)
        let problems = problems(of: lieu)
        guard problems.isEmpty else {
            summary.leftOut.append(V1ExportSummary.LeftOut(id: lieu.publicId, problems: problems))
            return nil
        }
        summary.written += 1
        for repair in repairs { summary.repair(repair) }
        return lieu
    }

    /// What still breaks the schema's constraints, one sentence per column.
    func problems(of lieu: LieuRecord) -> [String] {
        var problems: [String] = []
        for column in V1Schema.required where lieu.value(column).isEmpty {
            problems.append("\(column.rawValue) is empty; the schema requires it")
        }
        for (column, regex) in patterns {
            let value = lieu.value(column)
            if !value.isEmpty, !Self.matches(regex, value) {
                problems.append("\(column.rawValue) \"\(value)\": expected \(Self.expectation(column))")
            }
        }
        for (column, limit) in V1Schema.maxLengths {
            let length = lieu.value(column).unicodeScalars.count
            if length > limit { problems.append("\(column.rawValue) has \(length) characters; the schema allows \(limit)") }
        }
        return problems
    }

    private func repairPivot(_ lieu: inout LieuRecord, repairs: inout [String]) {
        let pivot = lieu.value(.pivot)
        if pivot.isEmpty {
            repairs.append("pivot empty (SIRET unknown), written as \(V1Schema.unknownPivot)")
        } else if let regex = patterns.first(where: { $0.column == .pivot })?.regex, !Self.matches(regex, pivot) {
            repairs.append("pivot not a SIRET or RNA number, written as \(V1Schema.unknownPivot)")
        } else {
            return
        }
        lieu.text[.pivot] = V1Schema.unknownPivot
    }

    private func repairTelephone(_ lieu: inout LieuRecord, repairs: inout [String]) {
        let written = lieu.value(.telephone)
        let compact = written.filter { !" .-()\u{00A0}".contains($0) }
        let international: String
        if compact.count == 10, compact.hasPrefix("0"), compact.isASCIIDigits {
            international = "+33" + compact.dropFirst()      // 04 75 64 00 00
        } else if compact.hasPrefix("+330") {
            international = "+33" + compact.dropFirst(4)     // +33 (0)4 75…
        } else if compact.hasPrefix("00") {
            international = "+" + compact.dropFirst(2)       // 0033 4 75…
        } else if compact.count >= 11, compact.isASCIIDigits {
            international = "+" + compact                    // 33475… without its +
        } else {
            international = compact
        }
        guard international != written, Self.matches(patterns.first { $0.column == .telephone }?.regex, international) else { return }
        lieu.text[.telephone] = international
        repairs.append("telephone written in the international form the schema describes (+33…, first zero dropped, no spaces)")
    }

    private func repairFormationsLabels(_ lieu: inout LieuRecord, repairs: inout [String]) {
        let labels = MultiValue.split(lieu.value(.formationsLabels), separator: "|")
        let unknown = labels.filter { !Self.matches(formationsLabel, $0) }
        guard !unknown.isEmpty else { return }
        let known = labels.filter { Self.matches(formationsLabel, $0) }
        lieu.text[.formationsLabels] = known.isEmpty ? nil : known.joined(separator: "|")
        let others = MultiValue.split(lieu.value(.autresFormationsLabels), separator: "|")
        lieu.text[.autresFormationsLabels] = (others + unknown.filter { !others.contains($0) }).joined(separator: "|")
        repairs.append("formations_labels outside the schema's list, moved to autres_formations_labels")
    }

    static func fullMatch(_ pattern: String) throws -> NSRegularExpression {
        try NSRegularExpression(pattern: "^(?:\(pattern))$")
    }

    static func matches(_ regex: NSRegularExpression?, _ value: String) -> Bool {
        guard let regex else { return true }
        return regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
    }

    /// What the schema expects in a constrained column, in words.
    private static func expectation(_ column: LieuColumn) -> String {
        switch column {
        case .pivot: "a SIRET or RNA number (9 to 14 letters and digits)"
        case .codePostal: "a postal code of five digits"
        case .codeInsee: "an INSEE code of five characters"
        case .telephone: "an international number such as +33123456789"
        case .dateMaj: "a date written YYYY-MM-DD"
        default: "labels of the schema's list, separated by |"
        }
    }
}

extension LieuColumn {
    /// The column's place in the schema's order.
    var position: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
