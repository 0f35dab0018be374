import GRDB

/// The shown place with its edits applied, written to `edited_place` (and `edited_relay` when its
/// services were edited): the record or merged place as derived from the sources, each edited field
/// replaced by its edited value.
enum EditOverlay {
    /// Derives every edited place again: after an import, merge or unmerge changed what lies under the edits.
    static func recomputeAll(_ db: Database) throws {
        for node in try Int64.fetchAll(db, sql: "SELECT DISTINCT node_id FROM place_edit UNION SELECT node_id FROM edited_place") {
            try recompute(node: node, db)
        }
    }

    /// Derives the edited place of `node` again (removing it when it has no edit left).
    static func recompute(node: Int64, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM edited_place WHERE node_id = ?", arguments: [node])
        try db.execute(sql: "DELETE FROM edited_relay WHERE node_id = ?", arguments: [node])
        let edits = try Row.fetchAll(db, sql: "SELECT field, value FROM place_edit WHERE node_id = ?", arguments: [node])
        // A record merged under another place shows through its head: its own edits wait, unshown.
        let head = try Int64.fetchOne(db, sql: "SELECT head_id FROM place_group WHERE node_id = ?", arguments: [node]) ?? node
        guard !edits.isEmpty, head == node, var base = try sourceRow(of: node, db) else { return }
        var services: String?
        for edit in edits {
            let field: String = edit["field"]
            if field == "services" { services = edit["value"]; continue }
            base[field] = edit["value"] as DatabaseValue
        }
        let columns = Array(base.keys)
        try db.execute(sql: "INSERT INTO edited_place (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                       arguments: StatementArguments(columns.map { base[$0] ?? .null }))
        guard edits.contains(where: { $0["field"] == "services" }) else { return }
        for slug in MultiValue.split(services ?? "", separator: "|") {
            try db.execute(sql: """
                INSERT OR IGNORE INTO edited_relay (node_id, service_id, remote) SELECT ?, id, 0 FROM service WHERE slug = ?
                """, arguments: [node, slug])
        }
    }

    /// The place as the sources give it (a merged place's derived row, else the record), by column.
    static func sourceRow(of node: Int64, _ db: Database) throws -> [String: DatabaseValue]? {
        let row = try Row.fetchOne(db, sql: "SELECT * FROM merged_place WHERE node_id = ?", arguments: [node])
            ?? Row.fetchOne(db, sql: "SELECT * FROM place WHERE node_id = ?", arguments: [node])
        return row.map(values)
    }

    /// A row's values by column.
    static func values(_ row: Row) -> [String: DatabaseValue] {
        Dictionary(row.map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
    }

    /// The services the sources give the place, as `|`-separated slugs in the taxonomy's order.
    static func sourceServices(of node: Int64, _ db: Database) throws -> String {
        try String.fetchAll(db, sql: """
            SELECT s.slug FROM service s WHERE s.id IN (
                SELECT service_id FROM merged_relay WHERE node_id = ?1
                UNION SELECT service_id FROM relay WHERE node_id = ?1 AND ?1 NOT IN (SELECT node_id FROM place_group))
            ORDER BY s.position
            """, arguments: [node]).joined(separator: "|")
    }
}
