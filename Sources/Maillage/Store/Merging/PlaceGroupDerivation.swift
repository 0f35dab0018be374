import GRDB

/// The attributes of a merged place, derived from its source records and written to the
/// `merged_*` tables (see ``Store/mergedPlaces(_:)``).
///
/// Records are taken in order: active ones first (a record whose row left its source counts only
/// when no record is active), then the most recent `date_maj`, then ``SourcePriority``, then the
/// first imported. Each field takes the first record's non-empty value, so an older record still
/// fills what a newer one leaves blank; fields that belong together (coordinates with their
/// commune, a street with its postal code) come from one record; multi-valued fields (publics,
/// conditions, labels, e-mails, web sites) and the services, programmes and zones are the union.
enum PlaceGroupDerivation {
    /// Fields taken together from one record: the first record that has the first of them.
    static let fieldGroups: [[String]] = [
        ["latitude", "longitude", "code_insee", "placement"],
        ["adresse", "complement_adresse", "code_postal", "commune"],
    ]

    /// `|`-separated fields whose values are the union of the records' values.
    static let unionFields: Set<String> = [
        "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge", "formations_labels",
        "autres_formations_labels", "modalites_acces", "modalites_accompagnement", "courriels", "site_web",
    ]

    /// Recomputes every group's derived place: after an import or a merge changed its records.
    static func recomputeAll(_ db: Database) throws {
        let heads = try Int64.fetchAll(db, sql: "SELECT DISTINCT head_id FROM place_group ORDER BY head_id")
        for head in heads { try recompute(head: head, db) }
    }

    /// Writes the derived place of the group whose head is `head` (replacing the one stored).
    static func recompute(head: Int64, _ db: Database) throws {
        try clear(head: head, db)
        let records = try orderedRecords(head: head, db)
        guard !records.isEmpty else { return }
        let columns = try db.columns(in: "place").map(\.name)
        var values: [String: DatabaseValue] = [:]
        for group in fieldGroups {
            let source = records.first { !$0[group[0]].isNull } ?? records[0]
            for column in group { values[column] = source[column] }
        }
        for column in columns where values[column] == nil {
            if unionFields.contains(column) {
                let parts = records.compactMap { $0[column].storage.value as? String }.flatMap { MultiValue.split($0, separator: "|") }
                var seen = Set<String>()
                let union = parts.filter { seen.insert($0).inserted }
                values[column] = union.isEmpty ? .null : union.joined(separator: "|").databaseValue
            } else if column == "date_maj" {
                values[column] = records.compactMap { $0[column].storage.value as? String }.max()?.databaseValue ?? .null
            } else {
                values[column] = records.first { !$0[column].isNull }?[column] ?? .null
            }
        }
        values["node_id"] = head.databaseValue
        values["kind"] = "place".databaseValue
        try db.execute(sql: "INSERT INTO merged_place (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                       arguments: StatementArguments(columns.map { values[$0] ?? .null }))

        let contributing = records.filter { $0.active }.isEmpty ? records : records.filter { $0.active }
        let ids = contributing.map(\.nodeId)
        try db.execute(literal: """
            INSERT INTO merged_relay (node_id, service_id, remote)
            SELECT \(head), service_id, MAX(remote) FROM relay WHERE node_id IN \(ids) GROUP BY service_id
            """)
        try db.execute(literal: "INSERT INTO merged_labelled (node_id, programme_id) SELECT DISTINCT \(head), programme_id FROM labelled WHERE node_id IN \(ids)")
        try db.execute(literal: "INSERT INTO merged_zone (node_id, level, code) SELECT DISTINCT \(head), level, code FROM zone WHERE node_id IN \(ids)")
    }

    /// Deletes the derived place of the group whose head is `head`.
    static func clear(head: Int64, _ db: Database) throws {
        for table in ["merged_place", "merged_relay", "merged_labelled", "merged_zone"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE node_id = ?", arguments: [head])
        }
    }

    /// A record of a group: its place row, with whether it is active and its source.
    struct Record {
        var row: Row
        var nodeId: Int64
        var active: Bool
        var source: String

        subscript(_ column: String) -> DatabaseValue { (row[column] as DatabaseValue?) ?? .null }
    }

    /// The group's records in the order their values are preferred.
    static func orderedRecords(head: Int64, _ db: Database) throws -> [Record] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.*, n.active AS record_active, s.name AS record_source FROM place_group g
            JOIN place p ON p.node_id = g.node_id JOIN node n ON n.id = g.node_id JOIN source s ON s.id = n.source_id
            WHERE g.head_id = ?
            """, arguments: [head])
        let records = rows.map { row in
            Record(row: row, nodeId: row["node_id"], active: row["record_active"], source: row["record_source"])
        }
        return records.sorted { a, b in
            if a.active != b.active { return a.active }
            let dateA = a["date_maj"].storage.value as? String ?? "", dateB = b["date_maj"].storage.value as? String ?? ""
            if dateA != dateB { return dateA > dateB }
            let rankA = SourcePriority.rank(of: a.source), rankB = SourcePriority.rank(of: b.source)
            if rankA != rankB { return rankA < rankB }
            return a.nodeId < b.nodeId
        }
    }
}
