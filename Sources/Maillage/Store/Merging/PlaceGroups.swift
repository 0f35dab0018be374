import GRDB

/// The merge groups being edited in one transaction: which head each grouped record has.
struct PlaceGroups {
    private var headOf: [Int64: Int64] = [:]
    /// The heads whose groups changed, whose rows are written.
    private var changed = Set<Int64>()
    /// The heads of the groups stored when this edit began.
    private var storedHeads = Set<Int64>()

    static func fetch(_ db: Database) throws -> PlaceGroups {
        var groups = PlaceGroups()
        for row in try Row.fetchAll(db, sql: "SELECT node_id, head_id FROM place_group") {
            groups.headOf[row["node_id"]] = row["head_id"]
        }
        groups.storedHeads = Set(groups.headOf.values)
        return groups
    }

    func head(of record: Int64) -> Int64? { headOf[record] }

    /// Every group, head first, then its records by node id.
    var members: [[Int64]] {
        Dictionary(grouping: headOf.keys, by: { headOf[$0]! })
            .map { head, records in [head] + records.filter { $0 != head }.sorted() }
            .sorted { $0[0] < $1[0] }
    }

    /// Puts `a` and `b` with their groups into one group. Returns its head, and the head of a group
    /// that was joined into it (its derived place must go).
    mutating func join(_ a: Int64, _ b: Int64, _ db: Database) throws -> (head: Int64, retired: Int64?) {
        let headA = headOf[a], headB = headOf[b]
        if let headA, headA == headB { return (headA, nil) }
        let recordsA = headA.map(records(of:)) ?? [a], recordsB = headB.map(records(of:)) ?? [b]
        // A stored group keeps its head (the id its place answers to does not change); two stored
        // groups keep the head of higher priority; a group made in this transaction takes the
        // primary record of all its records.
        let stored = [headA, headB].compactMap { $0 }.filter(storedHeads.contains)
        let head = try Self.primary(of: stored.isEmpty ? recordsA + recordsB : stored, db)
        for record in recordsA + recordsB { headOf[record] = head }
        changed.insert(head)
        let retired = [headA, headB].compactMap { $0 }.first { $0 != head }
        return (head, retired)
    }

    private func records(of head: Int64) -> [Int64] {
        headOf.filter { $0.value == head }.map(\.key)
    }

    /// Writes the groups that changed.
    func save(_ db: Database) throws {
        for (record, head) in headOf.sorted(by: { $0.key < $1.key }) where changed.contains(head) {
            try db.execute(sql: "INSERT INTO place_group (node_id, head_id) VALUES (?, ?) ON CONFLICT (node_id) DO UPDATE SET head_id = excluded.head_id",
                           arguments: [record, head])
        }
    }

    /// The primary record among `records`: the source of highest ``SourcePriority``, then the first imported.
    static func primary(of records: [Int64], _ db: Database) throws -> Int64 {
        let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: "SELECT n.id, s.name FROM node n JOIN source s ON s.id = n.source_id WHERE n.id IN \(records)"))
        return rows.map { (id: $0["id"] as Int64, rank: SourcePriority.rank(of: $0["name"])) }
            .min { ($0.rank, $0.id) < ($1.rank, $1.id) }!.id
    }
}
