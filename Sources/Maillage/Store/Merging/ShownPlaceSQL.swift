/// SQL for reading one shown place's edges in a correlated subquery, through the keys of the
/// edge tables. The `shown_*` views serve whole-table reads; filtered on one place inside a
/// per-row subquery, SQLite rescans them for every row (300,000 places: minutes instead of seconds).
enum ShownPlaceSQL {
    /// The node ids of the records of the shown place `place` (an SQL expression): itself, and
    /// when it heads a group, the group's other records.
    static func records(of place: String) -> String {
        "(SELECT \(place) UNION ALL SELECT node_id FROM place_group WHERE head_id = \(place) AND node_id <> \(place))"
    }

    /// The rows of `column` of an edge table (`relay`, `labelled`, `zone`) for the shown place
    /// `place`: its own rows when it is no group's record, its derived ones (`merged_<table>`) when it heads one.
    static func edges(_ column: String, of table: String, place: String) -> String {
        """
        SELECT \(column) FROM \(table) WHERE node_id = \(place) AND NOT EXISTS (SELECT 1 FROM place_group WHERE node_id = \(place))
        UNION ALL SELECT \(column) FROM merged_\(table) WHERE node_id = \(place)
        """
    }
}
