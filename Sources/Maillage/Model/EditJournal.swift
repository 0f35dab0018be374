/// A value an editor gives a field: text, a number (coordinates), a list (services, e-mails), or
/// nothing (the field is cleared).
public enum EditValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case list([String])
    case null

    /// The value as a field of a national-schema row: lists joined with `|`, whole numbers without decimals.
    var schemaText: String? {
        switch self {
        case .text(let text): text
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .list(let values): values.joined(separator: "|")
        case .null: nil
        }
    }
}

/// One entry of the journal of edits: who changed which fields of which place, when, and how.
public struct JournalEntry: Sendable, Equatable, Codable {
    public struct Change: Sendable, Equatable, Codable {
        public var field: String
        public var before: String?
        public var after: String?
    }

    public var id: Int64
    /// ISO 8601, UTC.
    public var at: String
    public var editor: String
    /// The place's public id, and its name now.
    public var place: String
    public var nom: String?
    /// `edit`, `verified` or `undo`.
    public var action: String
    /// For an undo: the edit it reverted.
    public var undoes: Int64?
    /// The undo that reverted this edit, if any.
    public var undoneBy: Int64?
    public var changes: [Change]

    enum CodingKeys: String, CodingKey {
        case id, at, editor, place, nom, action, undoes
        case undoneBy = "undone_by"
        case changes
    }
}

/// Why an edit or an undo was refused; nothing was changed.
public enum EditError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The values do not pass the checks of an import: the issues, as an import words them.
    case invalid([ImportIssue])
    case notEditable(field: String, editable: [String])
    case notAPlace(String)
    case notAnIntermediary(String)
    case unknownEdit(Int64)
    /// No open report has this number.
    case unknownReport(Int64)
    case selfReferral(String)
    /// A new place's id is already some record's.
    case idTaken(String)
    case noReferral(from: String, to: String)
    case alreadyUndone(Int64, by: Int64)
    case undoOfUndo(Int64)
    /// A later edit changed the same field: undo that one first.
    case changedSince(Int64, field: String, by: Int64)

    public var description: String {
        switch self {
        case .invalid(let issues):
            issues.map { issue in
                [issue.column, issue.value.map { "'\($0)'" }].compactMap { $0 }.joined(separator: " ") + (issue.column == nil ? "" : ": ") + issue.message
            }.joined(separator: "; ")
        case .notEditable(let field, let editable):
            "The field '\(field)' cannot be edited; editable fields: \(editable.joined(separator: ", "))."
        case .notAPlace(let id): "'\(id)' is an intermediary, not a place: edit it as an intermediary."
        case .notAnIntermediary(let id): "'\(id)' is a place, not an intermediary: edit it as a place."
        case .unknownEdit(let id): "No edit has the number \(id)."
        case .unknownReport(let id): "No open report has the number \(id)."
        case .selfReferral(let id): "A place cannot refer people to itself ('\(id)')."
        case .idTaken(let id): "The id '\(id)' is already taken: give another, or none to get one."
        case .noReferral(let from, let to): "'\(from)' refers nobody to '\(to)'."
        case .alreadyUndone(let id, let by): "Edit \(id) was already undone by edit \(by)."
        case .undoOfUndo(let id): "Edit \(id) is an undo: edit the fields again instead."
        case .changedSince(let id, let field, let by): "Edit \(id) cannot be undone: edit \(by) changed '\(field)' since; undo that one first."
        }
    }
}

/// A field an editor changed whose source has since brought a different value: the edit is kept,
/// and the conflict listed (`/journal`, `maillage check`) until an editor keeps or undoes it.
public struct EditConflict: Sendable, Equatable, Codable {
    public var place: String
    public var nom: String?
    public var field: String
    /// The edited value shown, what the source says now, and what it said when the field was edited.
    public var edited: String?
    public var sourceNow: String?
    public var sourceAtEdit: String?
    /// The edit that set the value shown.
    public var edit: Int64

    enum CodingKeys: String, CodingKey {
        case place, nom, field, edited, edit
        case sourceNow = "source_now"
        case sourceAtEdit = "source_at_edit"
    }
}
