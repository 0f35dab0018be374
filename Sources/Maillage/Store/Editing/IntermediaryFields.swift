import GRDB

/// An intermediary's fields as an editor names them: the columns of maillage's intermediaries CSV
/// (`nom`, `type`, `headcount`, `services`, `zone`, `place_id`, `modalites_accompagnement`,
/// `itinerance`), with lists `|`-separated in a fixed order (services in the taxonomy's, zone
/// codes and place ids sorted) so that equal values compare equal.
enum IntermediaryFields {
    static let editable = ["nom", "type", "headcount", "services", "zone", "place_id", "modalites_accompagnement", "itinerance"]

    /// The column of the `intermediary` table that holds each field kept in the row.
    static let columns = ["nom": "nom", "type": "actor_type", "headcount": "headcount",
                          "modalites_accompagnement": "modalites_accompagnement", "itinerance": "itinerance"]

    /// Where the values are read: the records as imported, or as shown (edits applied).
    enum Layer {
        case sources, shown

        var tables: (intermediary: String, relay: String, zone: String, worksAt: String) {
            switch self {
            case .sources: ("intermediary", "relay", "zone", "works_at")
            case .shown: ("shown_intermediary", "shown_relay", "shown_zone", "shown_works_at")
            }
        }
    }

    /// The intermediary's fields in `layer`, by field name.
    static func values(of node: Int64, _ layer: Layer, _ db: Database) throws -> [String: DatabaseValue] {
        let tables = layer.tables
        var values: [String: DatabaseValue] = [:]
        if let row = try Row.fetchOne(db, sql: "SELECT * FROM \(tables.intermediary) WHERE node_id = ?", arguments: [node]) {
            for (field, column) in columns { values[field] = row[column] }
        }
        values["services"] = try joined(db, sql: """
            SELECT s.slug FROM service s WHERE s.id IN (SELECT service_id FROM \(tables.relay) WHERE node_id = ?) ORDER BY s.position
            """, node)
        values["zone"] = try joined(db, sql: "SELECT code FROM \(tables.zone) WHERE node_id = ? ORDER BY code", node)
        values["place_id"] = try joined(db, sql: """
            SELECT n.public_id FROM \(tables.worksAt) w JOIN node n ON n.id = w.place_id WHERE w.intermediary_id = ? ORDER BY n.public_id
            """, node)
        return values
    }

    private static func joined(_ db: Database, sql: String, _ node: Int64) throws -> DatabaseValue {
        let list = try String.fetchAll(db, sql: sql, arguments: [node])
        return list.isEmpty ? .null : list.joined(separator: "|").databaseValue
    }

    /// The level of a zone code as the importer reads it: a 2- or 3-character code is a
    /// département when one has it, else a région.
    static func zoneLevel(of code: String, _ db: Database) throws -> TerritoryLevel? {
        guard let level = InseeCode.zoneLevel(of: code) else { return nil }
        guard level == .departement else { return level }
        let isDepartement = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM departement WHERE code = ?)", arguments: [code]) ?? false
        return isDepartement ? .departement : .region
    }
}
