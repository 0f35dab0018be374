import GRDB

extension Store {
    /// Every stored place, ordered by public id, with its services, programmes and intermediaries.
    /// A place's source is the row's own `source` value, else the source it was imported under
    /// (`cnfs`, `aidants-connect`, a file's name), the key its updates are matched by.
    public func lieux() throws -> [LieuRecord] {
        var lieux: [LieuRecord] = []
        try forEachLieu { lieux.append($0) }
        return lieux
    }

    /// Calls `body` with every stored place, ordered by public id, as it is read (one read
    /// transaction, one cursor): memory stays flat whatever the number of places.
    ///
    /// Each row brings its own services, programmes and whether intermediaries work there
    /// (correlated subqueries on the edge tables' keys), rather than tables of every place's
    /// edges held beside the cursor.
    public func forEachLieu(_ body: (LieuRecord) throws -> Void) throws {
        try writer.read { db in
            let taxonomy = try Self.taxonomy(db)
            let national = NationalServices(taxonomy)
            let serviceSlugs = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, slug FROM service").map { row -> (Int64, String) in (row["id"], row["slug"]) })
            var servicesOfIds = EdgeLabels<(national: [String], finer: [String])> { ids in
                let slugs = Set(ids.compactMap { serviceSlugs[$0] })
                return (national.nationalLabels(of: slugs), national.labels(of: slugs))
            }
            let programmeRows = try Row.fetchAll(db, sql: "SELECT id, label, in_v1, position FROM programme")
            let programmeOfId = Dictionary(uniqueKeysWithValues: programmeRows.map { row -> (Int64, (label: String, v1: Bool, position: Int)) in
                (row["id"], (row["label"], row["in_v1"], row["position"]))
            })
            var programmesOfIds = EdgeLabels<[(label: String, v1: Bool)]> { ids in
                ids.compactMap { programmeOfId[$0] }.sorted { $0.position < $1.position }.map { ($0.label, $0.v1) }
            }
            let members = try db.makeStatement(sql: """
                SELECT DISTINCT n.public_id, COALESCE(e.actor_type, i.actor_type) AS actor_type,
                       CASE WHEN e.node_id IS NULL THEN i.headcount ELSE e.headcount END AS headcount
                FROM \(ShownPlaceSQL.members(ofAnyOf: ShownPlaceSQL.records(of: "?1"))) w
                JOIN intermediary i ON i.node_id = w.intermediary_id LEFT JOIN edited_intermediary e ON e.node_id = i.node_id
                JOIN node n ON n.id = i.node_id ORDER BY n.public_id
                """)

            let rows = try ExportedPlaceRow.fetchCursor(db, sql: ExportedPlaceRow.sql)
            while let row = try rows.next() {
                let services = servicesOfIds.labels(of: row.serviceIds) ?? ([], [])
                let labelled = programmesOfIds.labels(of: row.programmeIds) ?? []
                let intermediaries = row.hasMembers ? try Row.fetchAll(members, arguments: [row.id]).map { member in
                    LieuRecord.Member(publicId: member["public_id"], actorType: member["actor_type"], headcount: member["headcount"])
                } : []
                try body(LieuRecord(
                    publicId: row.publicId, text: row.text, codeInsee: row.codeInsee, latitude: row.latitude, longitude: row.longitude,
                    sourceLabel: row.sourceLabel, services: services.national, finerServices: services.finer,
                    programmes: labelled.filter(\.v1).map(\.label), otherProgrammes: labelled.filter { !$0.v1 }.map(\.label),
                    intermediaries: intermediaries, communeLatitude: row.communeLatitude, communeLongitude: row.communeLongitude,
                    active: row.active))
            }
        }
    }
}

/// A stored place as the export reads it, by column name: its row, its commune's coordinates, and
/// its edges as `group_concat` lists of ids (correlated subqueries on the edge tables' keys).
private struct ExportedPlaceRow: FetchableRecord {
    static let sql = """
        SELECT n.id, n.public_id, n.active, p.code_insee, p.latitude, p.longitude, COALESCE(p.source_label, s.name) AS source_label,
               c.latitude AS commune_latitude, c.longitude AS commune_longitude,
               \(LieuColumn.storedAsText.map { "p." + $0.rawValue }.joined(separator: ", ")),
               (SELECT group_concat(service_id) FROM (\(ShownPlaceSQL.edges("service_id", of: "relay", place: "n.id"))
                UNION \(ShownPlaceSQL.services(ofAnyOf: ShownPlaceSQL.members(ofAnyOf: ShownPlaceSQL.records(of: "n.id")))))) AS service_ids,
               (SELECT group_concat(programme_id) FROM (\(ShownPlaceSQL.edges("programme_id", of: "labelled", place: "n.id")))) AS programme_ids,
               EXISTS (SELECT 1 FROM \(ShownPlaceSQL.members(ofAnyOf: ShownPlaceSQL.records(of: "n.id")))) AS has_members
        FROM shown_place p JOIN shown_node n ON n.id = p.node_id JOIN source s ON s.id = n.source_id
        LEFT JOIN commune c ON c.code_insee = p.code_insee
        ORDER BY n.public_id
        """

    var id: Int64
    var publicId: String
    var active: Bool
    var codeInsee: String?
    var latitude: Double?
    var longitude: Double?
    var sourceLabel: String?
    var communeLatitude: Double?
    var communeLongitude: Double?
    var text: [LieuColumn: String] = [:]
    var serviceIds: String?
    var programmeIds: String?
    var hasMembers: Bool

    init(row: Row) {
        id = row["id"]
        publicId = row["public_id"]
        active = row["active"]
        codeInsee = row["code_insee"]
        latitude = row["latitude"]
        longitude = row["longitude"]
        sourceLabel = row["source_label"]
        communeLatitude = row["commune_latitude"]
        communeLongitude = row["commune_longitude"]
        for column in LieuColumn.storedAsText {
            if let value: String = row[column.rawValue] { text[column] = value }
        }
        serviceIds = row["service_ids"]
        programmeIds = row["programme_ids"]
        hasMembers = row["has_members"]
    }
}

/// The labels of a list of edge targets written by SQLite's `group_concat` ("3,7,12"), computed
/// once per distinct list: at 300,000 places, a few dozen lists recur.
private struct EdgeLabels<Labels> {
    private var known: [String: Labels] = [:]
    private let compute: ([Int64]) -> Labels

    init(_ compute: @escaping ([Int64]) -> Labels) {
        self.compute = compute
    }

    /// The labels of the ids in `list`, or nil when there is no list (no edge).
    mutating func labels(of list: String?) -> Labels? {
        guard let list else { return nil }
        if let labels = known[list] { return labels }
        let labels = compute(list.split(separator: ",").compactMap { Int64($0) })
        known[list] = labels
        return labels
    }
}
/// Maps any service of the taxonomy to the national (v1) service it sits under.
struct NationalServices {
    private let position: [String: Int]
    private let label: [String: String]
    private let national: [String: String]

    init(_ taxonomy: Taxonomy) {
        let bySlug = Dictionary(uniqueKeysWithValues: taxonomy.services.map { ($0.slug, $0) })
        position = Dictionary(uniqueKeysWithValues: taxonomy.services.enumerated().map { ($1.slug, $0) })
        label = bySlug.mapValues(\.label)
        national = bySlug.mapValues { service in
            var current = service
            while let parent = current.parent, let next = bySlug[parent] { current = next }
            return current.slug
        }
    }

    /// The labels of `slugs`, in taxonomy order.
    func labels(of slugs: Set<String>) -> [String] {
        slugs.sorted { (position[$0] ?? .max) < (position[$1] ?? .max) }.compactMap { label[$0] }
    }

    /// The labels of the national services above `slugs`, in taxonomy order, without duplicates.
    func nationalLabels(of slugs: Set<String>) -> [String] {
        labels(of: Set(slugs.compactMap { national[$0] }))
    }
}
