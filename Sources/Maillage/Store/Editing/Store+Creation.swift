import Foundation
import GRDB

extension Store {
    /// The source of the places and intermediaries editors add.
    static let editsSource = "edits"

    /// Adds a place an editor describes with national-schema fields (`nom` required; `id` optional,
    /// else `edition-N`; `date_maj` today unless given), checked as an edit is, then imported as a
    /// record of the source `edits`. Journaled: each field from nothing to its value; undoing it
    /// retires the place.
    @discardableResult
    public func createPlace(fields: [String: EditValue], editor: String, at date: Date = Date()) throws -> JournalEntry {
        var fields = fields
        let asked = try Self.takeId(from: &fields, editable: Self.editableFields)
        // As the importer says of a row without a name (a file without the column stops before any row).
        guard let nom = fields["nom"]?.schemaText, !nom.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw EditError.invalid([ImportIssue(severity: .error, file: "modification", line: nil, column: "nom", value: nil,
                                                 message: "expected the place's name; the field is required")])
        }
        if fields["date_maj"] == nil { fields["date_maj"] = .text(Self.day(of: date)) }
        _ = try checked(fields, over: [:])
        var row = fields.compactMapValues(\.schemaText)
        row["id"] = try newRecordId(asked)
        let data = try JSONSerialization.data(withJSONObject: [row], options: [.sortedKeys])
        return try importCreation(row, kind: .lieux, data: data, editor: editor, at: date)
    }

    /// Adds an intermediary an editor describes with the fields of maillage's intermediaries CSV
    /// (`type` required; `id` optional, else `edition-N`), checked as an import checks a row, then
    /// imported as a record of the source `edits`; journaled and undone as an added place is.
    @discardableResult
    public func createIntermediary(fields: [String: EditValue], editor: String, at date: Date = Date()) throws -> JournalEntry {
        var fields = fields
        let asked = try Self.takeId(from: &fields, editable: IntermediaryFields.editable)
        _ = try checkedIntermediary(fields, over: [:])
        var row = fields.compactMapValues(\.schemaText)
        row["id"] = try newRecordId(asked)
        let header = row.keys.sorted()
        let csv = CSVWriter.table(header: header, rows: [row]) { row in header.map { row[$0] ?? "" } }
        return try importCreation(row, kind: .intermediaries, data: Data(csv.utf8), editor: editor, at: date)
    }

    /// Takes the id asked for out of a new record's fields, and refuses a field it cannot have.
    private static func takeId(from fields: inout [String: EditValue], editable: [String]) throws -> String? {
        let asked = fields.removeValue(forKey: "id")?.schemaText
        for field in fields.keys.sorted() where !editable.contains(field) {
            throw EditError.notEditable(field: field, editable: ["id"] + editable)
        }
        return asked
    }

    /// The id of a record an editor adds: the one asked for, unless taken, else the first free `edition-N`.
    private func newRecordId(_ asked: String?) throws -> String {
        try writer.read { db in
            func taken(_ id: String) throws -> Bool {
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM node WHERE public_id = ?)", arguments: [id]) == true
            }
            if let asked {
                guard try !taken(asked) else { throw EditError.idTaken(asked) }
                return asked
            }
            var number = (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM node n JOIN source s ON s.id = n.source_id WHERE s.name = ?",
                                           arguments: [Self.editsSource]) ?? 0) + 1
            while try taken("edition-\(number)") { number += 1 }
            return "edition-\(number)"
        }
    }

    /// Imports the one-record file `data` as the source `edits`, then journals the creation of
    /// `row["id"]`: the mark `creation`, then each field from nothing to its value.
    private func importCreation(_ row: [String: String], kind: ImportKind, data: Data, editor: String, at date: Date) throws -> JournalEntry {
        do {
            _ = try importData(kind, name: "modification", data: data, options: ImportOptions(source: Self.editsSource))
        } catch MaillageError.importFailed(let report) {
            throw EditError.invalid(report.errors)
        }
        return try writer.write { db in
            let node = try Self.resolve(row["id"] ?? "", db)
            let edit = try Self.journal(node: node, editor: editor, action: "edit", at: date, db)
            let mark = kind == .lieux ? "lieu ajouté" : "intervenant ajouté"
            try db.execute(sql: "INSERT INTO edit_change (edit_id, field, before, after) VALUES (?, 'creation', NULL, ?)", arguments: [edit, mark])
            for (field, value) in row.sorted(by: { $0.key < $1.key }) where field != "id" {
                try db.execute(sql: "INSERT INTO edit_change (edit_id, field, before, after) VALUES (?, ?, NULL, ?)", arguments: [edit, field, value])
            }
            return try Self.journalEntry(edit, db)
        }
    }
}
