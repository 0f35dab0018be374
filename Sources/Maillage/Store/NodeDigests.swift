import GRDB

/// A digest of everything stored about each node: its flags and details, its place or
/// intermediary fields, and its relays, zone, labels and workplaces. Two digests taken in one
/// process are equal exactly when (up to hash collisions) nothing stored about the node changed;
/// an import compares them before and after writing to tell updated rows from unchanged ones.
enum NodeDigests {
    /// The digest of every node of the given sources, by node id.
    static func of(sources: Set<Int64>, in db: Database) throws -> [Int64: Int] {
        guard !sources.isEmpty else { return [:] }
        var digests: [Int64: Int] = [:]
        let rows = try Row.fetchCursor(db, SQLRequest<Row>(literal: """
            SELECT n.id, n.kind, n.active, n.details, p.*, i.*,
                (SELECT group_concat(service_id || ':' || remote) FROM
                    (SELECT service_id, remote FROM relay WHERE node_id = n.id ORDER BY service_id)),
                (SELECT group_concat(level || ':' || code, '|') FROM
                    (SELECT level, code FROM zone WHERE node_id = n.id ORDER BY level, code)),
                (SELECT group_concat(programme_id) FROM
                    (SELECT programme_id FROM labelled WHERE node_id = n.id ORDER BY programme_id)),
                (SELECT group_concat(place_id) FROM
                    (SELECT place_id FROM works_at WHERE intermediary_id = n.id ORDER BY place_id))
            FROM node n LEFT JOIN place p ON p.node_id = n.id LEFT JOIN intermediary i ON i.node_id = n.id
            WHERE n.source_id IN \(sources.sorted())
            """))
        while let row = try rows.next() {
            var hasher = Hasher()
            for value in row.databaseValues { hasher.combine(value) }
            digests[row["id"]] = hasher.finalize()  // n.id: place and intermediary have no `id` column
        }
        return digests
    }
}
