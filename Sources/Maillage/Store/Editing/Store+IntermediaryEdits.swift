import Foundation
import GRDB

extension Store {
    /// The fields of an intermediary an editor may set, by the names of maillage's intermediaries CSV.
    public static let editableIntermediaryFields = IntermediaryFields.editable

    /// Sets fields of an intermediary as an editor gives them, checked exactly as an import of the
    /// intermediaries CSV checks a row (the same messages); nothing changes when a value is
    /// refused. Journaled, kept over re-imports and undone as a place's edits are.
    @discardableResult
    public func editIntermediary(_ publicId: String, fields: [String: EditValue], editor: String, at date: Date = Date()) throws -> JournalEntry {
        for field in fields.keys.sorted() where !IntermediaryFields.editable.contains(field) {
            throw EditError.notEditable(field: field, editable: IntermediaryFields.editable)
        }
        let (node, current) = try writer.read { db -> (Int64, [String: DatabaseValue]) in
            let node = try Self.resolve(publicId, db)
            guard try EditOverlay.isIntermediary(node, db) else { throw EditError.notAnIntermediary(publicId) }
            return (node, try IntermediaryFields.values(of: node, .shown, db))
        }
        let wanted = try checkedIntermediary(fields, over: current)
        return try applyEdit(node: node, current: current, wanted: wanted, editor: editor, action: "edit", at: date)
    }

    /// The values `fields` give, checked as an import checks a row: the current intermediary with
    /// these fields set, read by the intermediaries importer; values come back as ``IntermediaryFields`` holds them.
    func checkedIntermediary(_ fields: [String: EditValue], over current: [String: DatabaseValue]) throws -> [String: DatabaseValue] {
        // Every required column is there, empty when not given, so that the importer names what is missing.
        var row: [String: String] = ["id": "modification", "type": ""]
        for (field, value) in current {
            switch value.storage {
            case .string(let text): row[field] = text
            case .int64(let number): row[field] = String(number)
            default: break
            }
        }
        for (field, value) in fields { row[field] = value.schemaText }
        let (draft, context) = try draftOfEdit(row, kind: .intermediaries, required: IntermediariesImporter.required, typed: fields) {
            try IntermediariesImporter.parse($0, context: $1, report: &$2)
        }
        let order = Dictionary(context.taxonomy.services.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        func list(_ values: [String]) -> DatabaseValue { values.isEmpty ? .null : values.joined(separator: "|").databaseValue }
        var wanted: [String: DatabaseValue] = [:]
        for field in fields.keys {
            switch field {
            case "nom": wanted[field] = draft.nom.databaseValue
            case "type": wanted[field] = draft.actorType.databaseValue
            case "headcount": wanted[field] = draft.headcount.databaseValue
            case "services": wanted[field] = list(Array(Set(draft.serviceSlugs)).sorted { order[$0, default: .max] < order[$1, default: .max] })
            case "zone": wanted[field] = list(Set(draft.zone.map(\.code)).sorted())
            case "place_id": wanted[field] = list(Set(draft.placeIds).sorted())
            case "modalites_accompagnement": wanted[field] = draft.modalitesAccompagnement.databaseValue
            case "itinerance": wanted[field] = draft.itinerance.databaseValue
            default: break
            }
        }
        return wanted
    }
}
