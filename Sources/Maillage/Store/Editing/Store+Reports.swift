import Foundation
import GRDB

/// What someone reports as wrong about a place ("Signaler une erreur"): no personal data, a
/// category and up to 1,000 characters of text.
public struct ErrorReport: Sendable, Equatable, Codable {
    /// What is wrong, as the form offers it.
    public enum Category: String, Sendable, Codable, CaseIterable {
        case horaires, services, adresse, contact
        case ferme = "ferme-definitivement"

        /// The fields an edit that corrects this kind of error changes.
        var fields: Set<String> {
            switch self {
            case .horaires: ["horaires"]
            case .services: ["services"]
            case .adresse: ["adresse", "complement_adresse", "code_postal", "commune", "code_insee", "latitude", "longitude"]
            case .contact: ["telephone", "courriels", "site_web"]
            case .ferme: []
            }
        }
    }

    public enum Status: String, Sendable, Codable {
        case open
        /// Corrected: by an edit of the fields it is about, or marked so by an editor.
        case closed
        case dismissed
    }

    public var id: Int64
    public var at: String
    public var place: String
    public var nom: String?
    public var category: Category
    public var text: String
    public var status: Status
    /// Who closed or dismissed it, and the edit that corrected it.
    public var closedBy: String?
    public var closingEdit: Int64?

    /// The longest text a report may hold.
    public static let maximumLength = 1_000

    enum CodingKeys: String, CodingKey {
        case id, at, place, nom, category, text, status
        case closedBy = "closed_by"
        case closingEdit = "closing_edit"
    }
}

extension Store {
    /// Stores a report about a place (any of its source ids); the text is cut to 1,000 characters.
    @discardableResult
    public func report(place publicId: String, category: ErrorReport.Category, text: String, at date: Date = Date()) throws -> Int64 {
        try writer.write { db in
            let node = try Self.resolve(publicId, db)
            try db.execute(sql: "INSERT INTO error_report (at, node_id, category, text) VALUES (?, ?, ?, ?)",
                           arguments: [Self.timestamp(date), node, category.rawValue, String(text.prefix(ErrorReport.maximumLength))])
            return db.lastInsertedRowID
        }
    }

    /// The reports, newest first: the open ones, or all.
    public func errorReports(openOnly: Bool = true, limit: Int = 200) throws -> [ErrorReport] {
        try writer.read { db in
            guard try db.tableExists("error_report") else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT r.*, n.public_id, p.nom FROM error_report r JOIN node n ON n.id = r.node_id LEFT JOIN shown_place p ON p.node_id = r.node_id
                WHERE (?1 = 0 OR r.status = 'open') ORDER BY r.id DESC LIMIT ?2
                """, arguments: [openOnly, limit]).map(Self.errorReport)
        }
    }

    /// Closes a report as corrected, or dismisses it; an unknown or already closed one is an error.
    public func closeReport(_ id: Int64, editor: String, dismissed: Bool, at date: Date = Date()) throws {
        try writer.write { db in
            guard try String.fetchOne(db, sql: "SELECT status FROM error_report WHERE id = ?", arguments: [id]) == "open" else {
                throw EditError.unknownReport(id)
            }
            try db.execute(sql: "UPDATE error_report SET status = ?, closed_at = ?, closed_by = ? WHERE id = ?",
                           arguments: [dismissed ? "dismissed" : "closed", Self.timestamp(date), editor, id])
        }
    }

    /// Closes the open reports about `node` that the edit `edit` corrects (its fields are those of their category).
    static func closeReports(of node: Int64, correctedBy edit: Int64, fields: Set<String>, editor: String, at date: Date, _ db: Database) throws {
        guard try db.tableExists("error_report") else { return }
        for row in try Row.fetchAll(db, sql: "SELECT id, category FROM error_report WHERE node_id = ? AND status = 'open'", arguments: [node]) {
            guard let category = ErrorReport.Category(rawValue: row["category"]), !category.fields.isDisjoint(with: fields) else { continue }
            try db.execute(sql: "UPDATE error_report SET status = 'closed', closed_at = ?, closed_by = ?, closing_edit = ? WHERE id = ?",
                           arguments: [timestamp(date), editor, edit, row["id"] as Int64])
        }
    }

    private static func errorReport(_ row: Row) -> ErrorReport {
        ErrorReport(id: row["id"], at: row["at"], place: row["public_id"], nom: row["nom"],
                    category: ErrorReport.Category(rawValue: row["category"]) ?? .horaires, text: row["text"],
                    status: ErrorReport.Status(rawValue: row["status"]) ?? .open, closedBy: row["closed_by"], closingEdit: row["closing_edit"])
    }

    /// Reports sent by visitors, kept until an edit corrects them or an editor dismisses them.
    static func errorReports(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE error_report (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                category TEXT NOT NULL CHECK (category IN ('horaires', 'services', 'adresse', 'contact', 'ferme-definitivement')),
                text TEXT NOT NULL CHECK (length(text) <= 1000),
                status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'dismissed')),
                closed_at TEXT,
                closed_by TEXT,
                closing_edit INTEGER REFERENCES edit(id));
            CREATE INDEX error_report_node ON error_report(node_id, status);
            """)
    }
}
