import GRDB

/// A node with its edits applied, written to the `edited_*` tables that the `shown_*` views put
/// over the records: the record (or merged place) as derived from the sources, each edited field
/// replaced by its edited value.
enum EditOverlay {
    /// Derives every edited node again: after an import, merge or unmerge changed what lies under the edits.
    static func recomputeAll(_ db: Database) throws {
        for node in try Int64.fetchAll(db, sql: """
            SELECT node_id FROM node_edit UNION SELECT node_id FROM edited_place UNION SELECT node_id FROM edited_intermediary
            """) {
            try recompute(node: node, db)
        }
    }

    /// Derives the edited node `node` again (removing it when it has no edit left).
    static func recompute(node: Int64, _ db: Database) throws {
        for table in ["edited_place", "edited_intermediary", "edited_relay", "edited_zone"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE node_id = ?", arguments: [node])
        }
        try db.execute(sql: "DELETE FROM edited_works_at WHERE intermediary_id = ?", arguments: [node])
        let edits = Dictionary(try Row.fetchAll(db, sql: "SELECT field, value FROM node_edit WHERE node_id = ?", arguments: [node])
            .map { ($0["field"] as String, $0["value"] as DatabaseValue) }, uniquingKeysWith: { first, _ in first })
        guard !edits.isEmpty else { return }
        if try isIntermediary(node, db) {
            try applyIntermediaryEdits(edits, to: node, db)
            return
        }
        // A record merged under another place shows through its head: its own edits wait, unshown.
        let head = try Int64.fetchOne(db, sql: "SELECT head_id FROM place_group WHERE node_id = ?", arguments: [node]) ?? node
        guard head == node, var base = try sourceRow(of: node, db) else { return }
        for (field, value) in edits where field != "services" { base[field] = value }
        try insert(base, into: "edited_place", db)
        try writeRelays(of: node, edits: edits, remote: false, db)
    }

    /// Writes an intermediary's edited row, zone of intervention and workplaces.
    private static func applyIntermediaryEdits(_ edits: [String: DatabaseValue], to node: Int64, _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM intermediary WHERE node_id = ?", arguments: [node]) else { return }
        var base = values(row)
        for (field, value) in edits {
            if let column = IntermediaryFields.columns[field] { base[column] = value }
        }
        try insert(base, into: "edited_intermediary", db)
        if let zone = edits["zone"] {
            for code in MultiValue.split(String.fromDatabaseValue(zone) ?? "", separator: "|") {
                try db.execute(sql: "INSERT OR IGNORE INTO edited_zone (node_id, level, code) VALUES (?, ?, ?)",
                               arguments: [node, try IntermediaryFields.zoneLevel(of: code, db)?.rawValue, code])
            }
        }
        if let places = edits["place_id"] {
            for id in MultiValue.split(String.fromDatabaseValue(places) ?? "", separator: "|") {
                try db.execute(sql: "INSERT OR IGNORE INTO edited_works_at (intermediary_id, place_id) SELECT ?, id FROM node WHERE public_id = ?",
                               arguments: [node, id])
            }
        }
        let modalites = String.fromDatabaseValue(base["modalites_accompagnement"] ?? .null) ?? ""
        try writeRelays(of: node, edits: edits, remote: MultiValue.split(modalites, separator: "|").contains("À distance"), db)
    }

    /// The node's relays when its services or its modalités d'accompagnement were edited (the
    /// latter says whether an intermediary helps remotely): the edited services, else the sources'.
    private static func writeRelays(of node: Int64, edits: [String: DatabaseValue], remote: Bool, _ db: Database) throws {
        guard edits["services"] != nil || edits["modalites_accompagnement"] != nil else { return }
        let services = try edits["services"].map { String.fromDatabaseValue($0) ?? "" } ?? sourceServices(of: node, db)
        for slug in MultiValue.split(services, separator: "|") {
            try db.execute(sql: "INSERT OR IGNORE INTO edited_relay (node_id, service_id, remote) SELECT ?, id, ? FROM service WHERE slug = ?",
                           arguments: [node, remote, slug])
        }
    }

    private static func insert(_ row: [String: DatabaseValue], into table: String, _ db: Database) throws {
        let columns = Array(row.keys)
        try db.execute(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                       arguments: StatementArguments(columns.map { row[$0] ?? .null }))
    }

    static func isIntermediary(_ node: Int64, _ db: Database) throws -> Bool {
        try String.fetchOne(db, sql: "SELECT kind FROM node WHERE id = ?", arguments: [node]) == "intermediary"
    }

    /// The value the sources give `field` of `node` (by the name an editor uses for it).
    static func sourceValue(of node: Int64, field: String, _ db: Database) throws -> DatabaseValue {
        if try isIntermediary(node, db) { return try IntermediaryFields.values(of: node, .sources, db)[field] ?? .null }
        if field == "services" { return try sourceServices(of: node, db).databaseValue }
        return try sourceRow(of: node, db)?[field] ?? .null
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

    /// The services the sources give the node, as `|`-separated slugs in the taxonomy's order.
    static func sourceServices(of node: Int64, _ db: Database) throws -> String {
        try String.fetchAll(db, sql: """
            SELECT s.slug FROM service s WHERE s.id IN (
                SELECT service_id FROM merged_relay WHERE node_id = ?1
                UNION SELECT service_id FROM relay WHERE node_id = ?1 AND ?1 NOT IN (SELECT node_id FROM place_group))
            ORDER BY s.position
            """, arguments: [node]).joined(separator: "|")
    }
}
