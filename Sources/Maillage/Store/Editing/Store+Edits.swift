import Foundation
import GRDB

extension Store {
    /// The fields of a place an editor may set, by their national-schema names.
    public static let editableFields: [String] = LieuColumn.storedAsText.map(\.rawValue) + ["code_insee", "latitude", "longitude", "services"]

    /// Fields taken together from the checked row when any of them is edited: where the place is.
    private static let locationFields: Set<String> = ["adresse", "complement_adresse", "code_postal", "commune", "code_insee", "latitude", "longitude"]

    /// Sets fields of a place (any of its source ids) as an editor gives them, checked exactly as an
    /// import checks a row (the same messages); nothing changes when a value is refused. Each
    /// changed field is journaled with its value before and after. Returns the journal entry.
    @discardableResult
    public func editPlace(_ publicId: String, fields: [String: EditValue], editor: String, action: String = "edit",
                          at date: Date = Date()) throws -> JournalEntry {
        for field in fields.keys.sorted() where !Self.editableFields.contains(field) {
            throw EditError.notEditable(field: field, editable: Self.editableFields)
        }
        let (node, current) = try writer.read { db -> (Int64, [String: DatabaseValue]) in
            let node = try Self.resolve(publicId, db)
            guard let values = try Self.shownPlaceValues(of: node, db) else { throw EditError.notAPlace(publicId) }
            return (node, values)
        }
        return try applyEdit(node: node, current: current, wanted: try checked(fields, over: current), editor: editor, action: action, at: date)
    }

    /// Journals and stores the fields of `wanted` that differ from `current` (the node as shown),
    /// each with the sources' value at the time (to notice a re-import that changes it), then
    /// derives the node's shown rows again. Returns the journal entry.
    func applyEdit(node: Int64, current: [String: DatabaseValue], wanted: [String: DatabaseValue], editor: String, action: String,
                   at date: Date) throws -> JournalEntry {
        try writer.write { db in
            let changed = wanted.filter { $0.value != (current[$0.key] ?? .null) }.keys.sorted()
            let edit = try Self.journal(node: node, editor: editor, action: action, at: date, db)
            for field in changed {
                let previous = try Int64.fetchOne(db, sql: "SELECT edit_id FROM node_edit WHERE node_id = ? AND field = ?", arguments: [node, field])
                try db.execute(sql: "INSERT INTO edit_change (edit_id, field, before, after, previous_edit_id) VALUES (?, ?, ?, ?, ?)",
                               arguments: [edit, field, current[field] ?? .null, wanted[field] ?? .null, previous])
                try db.execute(sql: """
                    INSERT INTO node_edit (node_id, field, value, source_value, edit_id) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (node_id, field) DO UPDATE SET value = excluded.value, edit_id = excluded.edit_id
                    """, arguments: [node, field, wanted[field] ?? .null, try EditOverlay.sourceValue(of: node, field: field, db), edit])
            }
            if !changed.isEmpty {
                try Self.closeReports(of: node, correctedBy: edit, fields: Set(changed), editor: editor, at: date, db)
                try EditOverlay.recompute(node: node, db)
                try Self.dataChanged(db)
            }
            return try Self.journalEntry(edit, db)
        }
    }

    /// "Still true today": the place's `date_maj` moves to `date`'s day.
    @discardableResult
    public func verifyPlace(_ publicId: String, editor: String, at date: Date = Date()) throws -> JournalEntry {
        try editPlace(publicId, fields: ["date_maj": .text(Self.day(of: date))], editor: editor, action: "verified", at: date)
    }

    /// Reverts one edit: each of its fields goes back to what it showed before, unless a later
    /// edit changed it since (refused, with the reason). The undo is journaled as an edit of its own.
    @discardableResult
    public func undoEdit(_ id: Int64, editor: String, at date: Date = Date()) throws -> JournalEntry {
        try writer.write { db in
            guard let edit = try Row.fetchOne(db, sql: "SELECT node_id, action FROM edit WHERE id = ?", arguments: [id]) else { throw EditError.unknownEdit(id) }
            if edit["action"] == "undo" { throw EditError.undoOfUndo(id) }
            if let undo = try Int64.fetchOne(db, sql: "SELECT id FROM edit WHERE undoes = ?", arguments: [id]) { throw EditError.alreadyUndone(id, by: undo) }
            let node: Int64 = edit["node_id"]
            let changes = try Row.fetchAll(db, sql: "SELECT field, before, after, previous_edit_id FROM edit_change WHERE edit_id = ? ORDER BY field", arguments: [id])
            for change in changes {
                let field: String = change["field"]
                // Later edits count unless they were undone since (with their undos).
                if let later = try Int64.fetchOne(db, sql: """
                    SELECT MIN(c.edit_id) FROM edit_change c JOIN edit e ON e.id = c.edit_id
                    WHERE e.node_id = ?1 AND c.field = ?2 AND c.edit_id > ?3
                      AND e.id NOT IN (SELECT undoes FROM edit WHERE undoes IS NOT NULL) AND NOT (e.action = 'undo' AND e.undoes > ?3)
                    """, arguments: [node, field, id]) {
                    throw EditError.changedSince(id, field: field, by: later)
                }
            }
            let undo = try Self.journal(node: node, editor: editor, action: "undo", at: date, undoes: id, db)
            // A referral added or removed goes with the edit's own row.
            try db.execute(sql: "DELETE FROM referral_edit WHERE edit_id = ?", arguments: [id])
            // A place an editor added is retired; its fields were never edits over a source.
            let isCreation = changes.contains { $0["field"] == "creation" }
            if isCreation { try db.execute(sql: "UPDATE node SET active = 0 WHERE id = ?", arguments: [node]) }
            for change in changes {
                let field: String = change["field"]
                try db.execute(sql: "INSERT INTO edit_change (edit_id, field, before, after, previous_edit_id) VALUES (?, ?, ?, ?, ?)",
                               arguments: [undo, field, change["after"] as DatabaseValue, change["before"] as DatabaseValue, id])
                if isCreation || field.hasPrefix("orientation:") { continue }
                if let previous: Int64 = change["previous_edit_id"] {
                    try db.execute(sql: "UPDATE node_edit SET value = ?, edit_id = ? WHERE node_id = ? AND field = ?",
                                   arguments: [change["before"] as DatabaseValue, previous, node, field])
                } else {
                    try db.execute(sql: "DELETE FROM node_edit WHERE node_id = ? AND field = ?", arguments: [node, field])
                }
            }
            try EditOverlay.recompute(node: node, db)
            try Self.dataChanged(db)
            return try Self.journalEntry(undo, db)
        }
    }

    /// The journal, newest first: every edit, or those of one place (any of its source ids) or one editor.
    public func journal(place: String? = nil, editor: String? = nil, limit: Int = 100) throws -> [JournalEntry] {
        try writer.read { db in
            // A database from before edits, opened read-only, has no journal yet.
            guard try db.tableExists("edit") else { return [] }
            let node = try place.map { try Self.resolve($0, db) }
            let ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM edit WHERE (?1 IS NULL OR node_id = ?1) AND (?2 IS NULL OR editor = ?2) ORDER BY id DESC LIMIT ?3
                """, arguments: [node, editor, limit])
            return try ids.map { try Self.journalEntry($0, db) }
        }
    }

    /// The edited fields whose source brought another value since they were edited (``EditConflict``).
    public func editConflicts() throws -> [EditConflict] {
        try writer.read(Self.editConflicts)
    }

    static func editConflicts(_ db: Database) throws -> [EditConflict] {
        guard try db.tableExists("node_edit") else { return [] }
        var conflicts: [EditConflict] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT e.node_id, e.field, e.value, e.source_value, e.edit_id, n.public_id, COALESCE(p.nom, i.nom) AS nom
            FROM node_edit e JOIN node n ON n.id = e.node_id LEFT JOIN shown_place p ON p.node_id = e.node_id
            LEFT JOIN shown_intermediary i ON i.node_id = e.node_id ORDER BY n.public_id, e.field
            """) {
            let node: Int64 = row["node_id"], field: String = row["field"]
            let now = try EditOverlay.sourceValue(of: node, field: field, db)
            let atEdit: DatabaseValue = row["source_value"], edited: DatabaseValue = row["value"]
            guard now != atEdit, now != edited else { continue }
            conflicts.append(EditConflict(place: row["public_id"], nom: row["nom"], field: field, edited: text(edited), sourceNow: text(now),
                                          sourceAtEdit: text(atEdit), edit: row["edit_id"]))
        }
        return conflicts
    }

    /// The values `fields` give, checked as an import checks a row: the current place with these
    /// fields set, read by the lieux importer; the fields it normalises come back as it stores them.
    func checked(_ fields: [String: EditValue], over current: [String: DatabaseValue]) throws -> [String: DatabaseValue] {
        var row: [String: String] = ["id": "modification"]
        for column in LieuColumn.storedAsText.map(\.rawValue) + ["code_insee"] {
            if let text = current[column]?.storage.value as? String { row[column] = text }
        }
        for column in ["latitude", "longitude"] {
            if let number = current[column]?.storage.value as? Double { row[column] = String(number) }
        }
        for (field, value) in fields { row[field] = value.schemaText }
        if let date = row["date_maj"], date.isEmpty { row["date_maj"] = nil }
        let (draft, _) = try draftOfEdit(row, kind: .lieux, required: LieuxLayout.required, typed: fields, extraIssues: try Self.qualityIssues(of: fields)) {
            try LieuxImporter.parse($0, context: $1, report: &$2)
        }
        var wanted: [String: DatabaseValue] = [:]
        let fieldsSet = fields.keys.contains { Self.locationFields.contains($0) } ? Set(fields.keys).union(Self.locationFields) : Set(fields.keys)
        for field in fieldsSet {
            switch field {
            case "code_insee": wanted[field] = draft.codeInsee.databaseValue; wanted["placement"] = draft.placement.storedValue.databaseValue
            case "latitude": wanted[field] = draft.latitude.databaseValue
            case "longitude": wanted[field] = draft.longitude.databaseValue
            case "services": wanted[field] = draft.serviceSlugs.joined(separator: "|").databaseValue
            default: wanted[field] = LieuColumn(rawValue: field).flatMap { draft.text[$0] }.databaseValue
            }
        }
        return wanted
    }

    /// The one-row `row` read as an import of `kind` reads it (`parse`), with the importer's
    /// context: the draft, unless the import would refuse the row, or keep it with a warning on a
    /// field the editor typed (unreadable hours, a malformed e-mail: a person correcting the
    /// directory fixes it now), or `extraIssues` says more; then nothing changes.
    func draftOfEdit<Draft>(_ row: [String: String], kind: ImportKind, required: RequiredColumns, typed fields: [String: EditValue],
                            extraIssues: [ImportIssue] = [],
                            parse: (TabularFile, ImportContext, inout ImportReport) throws -> [Draft]) throws -> (Draft, ImportContext) {
        let data = try JSONSerialization.data(withJSONObject: [row], options: [.sortedKeys])
        var report = ImportReport(kind: kind.rawValue, file: "modification")
        let context = try importContext(kind, options: ImportOptions(source: Self.editsSource), report: &report)
        let drafts = try parse(try JSONRecords.table(name: "modification", data: data, required: required), context, &report)
        let refused = report.errors + report.warnings.filter { $0.column.map(fields.keys.contains) == true } + extraIssues
        guard refused.isEmpty, let draft = drafts.first else { throw EditError.invalid(refused) }
        return (draft, context)
    }

    /// What `maillage check` would say of the edited values an import keeps without a word: hours
    /// that do not read, e-mail and web addresses of the wrong form.
    private static func qualityIssues(of fields: [String: EditValue]) throws -> [ImportIssue] {
        let rules = try ValueRules()
        var issues: [ImportIssue] = []
        func refuse(_ field: String, _ value: String, _ message: String) {
            issues.append(ImportIssue(severity: .error, file: "modification", line: nil, column: field, value: value, message: message))
        }
        for (field, value) in fields.sorted(by: { $0.key < $1.key }) {
            guard let text = value.schemaText, !text.isEmpty else { continue }
            switch field {
            case "horaires":
                do { _ = try OpeningHours(parsing: text) } catch { refuse(field, text, "opening hours that cannot be read: \(error.description)") }
            case "courriels": if let failure = rules.courriels(text) { refuse(field, text, "expected \(failure.expected): \(failure.detail)") }
            case "site_web": if let failure = rules.siteWeb(text) { refuse(field, text, "expected \(failure.expected): \(failure.detail)") }
            default: break
            }
        }
        return issues
    }

    /// A place's fields as shown, by column, with its services (`services`); nil when `node` is no shown place.
    static func shownPlaceValues(of node: Int64, _ db: Database) throws -> [String: DatabaseValue]? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM shown_place WHERE node_id = ?", arguments: [node]) else { return nil }
        var values = EditOverlay.values(row)
        values["services"] = try shownServices(of: node, db).databaseValue
        return values
    }

    /// The services a place shows, as `|`-separated slugs in the taxonomy's order.
    static func shownServices(of node: Int64, _ db: Database) throws -> String {
        try String.fetchAll(db, sql: """
            SELECT s.slug FROM service s WHERE s.id IN (SELECT service_id FROM shown_relay WHERE node_id = ?) ORDER BY s.position
            """, arguments: [node]).joined(separator: "|")
    }

    static func journal(node: Int64, editor: String, action: String, at date: Date, undoes: Int64? = nil, _ db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT INTO edit (at, editor, node_id, action, undoes) VALUES (?, ?, ?, ?, ?)",
                       arguments: [timestamp(date), editor, node, action, undoes])
        return db.lastInsertedRowID
    }

    static func journalEntry(_ id: Int64, _ db: Database) throws -> JournalEntry {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT e.id, e.at, e.editor, e.action, e.undoes, n.public_id, n.kind, COALESCE(p.nom, i.nom) AS nom,
                   (SELECT u.id FROM edit u WHERE u.undoes = e.id) AS undone_by
            FROM edit e JOIN node n ON n.id = e.node_id LEFT JOIN shown_place p ON p.node_id = e.node_id
            LEFT JOIN shown_intermediary i ON i.node_id = e.node_id WHERE e.id = ?
            """, arguments: [id]) else { throw EditError.unknownEdit(id) }
        let changes = try Row.fetchAll(db, sql: "SELECT field, before, after FROM edit_change WHERE edit_id = ? ORDER BY field", arguments: [id]).map {
            JournalEntry.Change(field: $0["field"], before: Self.text($0["before"]), after: Self.text($0["after"]))
        }
        return JournalEntry(id: row["id"], at: row["at"], editor: row["editor"], place: row["public_id"], nom: row["nom"],
                            action: row["action"], undoes: row["undoes"], undoneBy: row["undone_by"], changes: changes)
    }

    /// A stored value as the journal shows it.
    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: nil
        case .string(let text): text
        case .double(let number): String(number)
        case .int64(let number): String(number)
        case .blob: nil
        }
    }

    /// YYYY-MM-DD of `date` in France.
    static func day(of date: Date) -> String {
        LocalDateTime.inFrance(date).isoDate
    }
}
