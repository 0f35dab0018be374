import Foundation
import GRDB

extension Store {
    /// The source of the places editors add.
    static let editsSource = "edits"

    /// Adds a place an editor describes with national-schema fields (`nom` required; `id` optional,
    /// else `edition-N`; `date_maj` today unless given), checked as an edit is, then imported as a
    /// record of the source `edits`. Journaled: each field from nothing to its value; undoing it
    /// retires the place.
    @discardableResult
    public func createPlace(fields: [String: EditValue], editor: String, at date: Date = Date()) throws -> JournalEntry {
        var fields = fields
        let asked = fields.removeValue(forKey: "id")?.schemaText
        for field in fields.keys.sorted() where !Self.editableFields.contains(field) {
            throw EditError.notEditable(field: field, editable: ["id"] + Self.editableFields)
        }
        // As the importer says of a row without a name (a file without the column stops before any row).
        guard let nom = fields["nom"]?.schemaText, !nom.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw EditError.invalid([ImportIssue(severity: .error, file: "modification", line: nil, column: "nom", value: nil,
                                                 message: "expected the place's name; the field is required")])
        }
        if fields["date_maj"] == nil { fields["date_maj"] = .text(Self.day(of: date)) }
        _ = try checked(fields, over: [:])
        let id = try asked ?? writer.read { db in
            var number = (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM node n JOIN source s ON s.id = n.source_id WHERE s.name = ?",
                                           arguments: [Self.editsSource]) ?? 0) + 1
            while try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM node WHERE public_id = ?)", arguments: ["edition-\(number)"]) == true { number += 1 }
            return "edition-\(number)"
        }
        if try writer.read({ db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM node WHERE public_id = ?)", arguments: [id]) }) == true {
            throw EditError.idTaken(id)
        }
        var row = fields.compactMapValues(\.schemaText)
        row["id"] = id
        let data = try JSONSerialization.data(withJSONObject: [row], options: [.sortedKeys])
        do {
            _ = try importData(.lieux, name: "modification", data: data, options: ImportOptions(source: Self.editsSource))
        } catch MaillageError.importFailed(let report) {
            throw EditError.invalid(report.errors)
        }
        return try writer.write { db in
            let node = try Self.resolve(id, db)
            let edit = try Self.journal(node: node, editor: editor, action: "edit", at: date, db)
            try db.execute(sql: "INSERT INTO edit_change (edit_id, field, before, after) VALUES (?, 'creation', NULL, ?)", arguments: [edit, "lieu ajouté"])
            for (field, value) in row.sorted(by: { $0.key < $1.key }) where field != "id" {
                try db.execute(sql: "INSERT INTO edit_change (edit_id, field, before, after) VALUES (?, ?, NULL, ?)", arguments: [edit, field, value])
            }
            return try Self.journalEntry(edit, db)
        }
    }
}
