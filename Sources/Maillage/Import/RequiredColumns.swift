import Foundation

/// The columns a kind of file cannot do without: without one of them every row would fail, so a
/// file is refused at its header, with one error naming them all, before any row is read.
package struct RequiredColumns: Sendable {
    /// The kind of file as messages name it ("communes", "referrals").
    package let kind: String
    /// The header names, compared as ``LabelMatcher/key(_:)``.
    package let names: [String]

    package init(kind: String, names: [String]) {
        self.kind = kind
        self.names = names
    }

    /// The names `header` lacks, in declaration order.
    package func missing(from header: [String]) -> [String] {
        let found = Set(header.map(LabelMatcher.key))
        return names.filter { !found.contains(LabelMatcher.key($0)) }
    }
}

extension ImportKind {
    /// The columns a file of this kind cannot do without.
    package var requiredColumns: RequiredColumns {
        switch self {
        case .communes: CommunesImporter.required
        case .lieux: LieuxLayout.required
        case .cnfs: CNFSImporter.required
        case .aidantsConnect: AidantsConnectImporter.required
        case .intermediaries: IntermediariesImporter.required
        case .referrals: ReferralsImporter.required
        case .fragility: FragilityImporter.required
        case .dataInclusion: DataInclusionImporter.structureColumns
        }
    }

    /// The kind, other than the one described as `expected`, whose required columns `header` has
    /// (split again on another delimiter when it is one column): the kind the file was probably meant as.
    package static func fitting(_ header: [String], otherThan expected: String) -> ImportKind? {
        var candidates = [header]
        if header.count == 1 {
            candidates += [",", ";", "\t"].map { delimiter in header[0].split(separator: delimiter).map { $0.trimmingCharacters(in: .whitespaces) } }
        }
        return allCases.first { kind in
            kind.requiredColumns.kind != expected && candidates.contains { kind.requiredColumns.missing(from: $0).isEmpty }
        }
    }
}
