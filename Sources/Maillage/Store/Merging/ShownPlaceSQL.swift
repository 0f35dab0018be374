/// SQL for what the `shown_*` views give of one node, read through the tables' keys: SQLite
/// rebuilds a compound view filtered in a correlated subquery row by row, these stay index lookups.
enum ShownPlaceSQL {
    /// The node ids of the records of the shown place `place` (an SQL expression): itself, and
    /// when it heads a group, the group's other records.
    static func records(of place: String) -> String {
        "(SELECT \(place) UNION ALL SELECT node_id FROM place_group WHERE head_id = \(place) AND node_id <> \(place))"
    }

    /// The fields whose edit replaces a node's rows of an edge table (see ``EditOverlay``).
    private static let editedBy = ["relay": "'services', 'modalites_accompagnement'", "zone": "'zone'"]

    /// The rows of `column` of an edge table (`relay`, `labelled`, `zone`) for the shown node
    /// `node`: its own rows when it is no group's record, its derived ones (`merged_<table>`) when
    /// it heads one; for an edited relay or zone, its `edited_<table>` rows instead.
    static func edges(_ column: String, of table: String, place node: String) -> String {
        let derived = """
            SELECT \(column) FROM \(table) WHERE node_id = \(node) AND NOT EXISTS (SELECT 1 FROM place_group WHERE node_id = \(node))
            UNION ALL SELECT \(column) FROM merged_\(table) WHERE node_id = \(node)
            """
        guard let fields = editedBy[table] else { return derived }
        return """
            SELECT \(column) FROM (\(derived)) WHERE NOT EXISTS (SELECT 1 FROM node_edit WHERE node_id = \(node) AND field IN (\(fields)))
            UNION ALL SELECT \(column) FROM edited_\(table) WHERE node_id = \(node)
            """
    }

    /// The ids of the intermediaries shown working at any of the records `places` (an SQL list,
    /// as ``records(of:)`` gives): the imported workplaces, but an intermediary's edited ones instead.
    static func members(ofAnyOf places: String) -> String {
        """
        (SELECT w.intermediary_id FROM works_at w WHERE w.place_id IN \(places)
             AND NOT EXISTS (SELECT 1 FROM node_edit e WHERE e.node_id = w.intermediary_id AND e.field = 'place_id')
         UNION ALL SELECT intermediary_id FROM edited_works_at WHERE place_id IN \(places))
        """
    }

    /// The services relayed by any of the intermediaries `intermediaries` (an SQL list; no
    /// intermediary is merged): their imported relays, but an edited intermediary's edited ones.
    static func services(ofAnyOf intermediaries: String) -> String {
        """
        SELECT r.service_id FROM relay r WHERE r.node_id IN \(intermediaries)
            AND NOT EXISTS (SELECT 1 FROM node_edit e WHERE e.node_id = r.node_id AND e.field IN (\(editedBy["relay"] ?? "")))
        UNION ALL SELECT service_id FROM edited_relay WHERE node_id IN \(intermediaries)
        """
    }

    /// The record ids of the places the intermediary `intermediary` is shown working at.
    static func workplaces(of intermediary: String) -> String {
        """
        (SELECT place_id FROM works_at WHERE intermediary_id = \(intermediary)
             AND NOT EXISTS (SELECT 1 FROM node_edit WHERE node_id = \(intermediary) AND field = 'place_id')
         UNION ALL SELECT place_id FROM edited_works_at WHERE intermediary_id = \(intermediary))
        """
    }
}
