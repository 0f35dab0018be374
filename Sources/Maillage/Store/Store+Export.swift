import GRDB

extension Store {
    /// Every stored place, ordered by public id, with its services, programmes and intermediaries.
    /// A place's source is the row's own `source` value, else the source it was imported under
    /// (`cnfs`, `aidants-connect`, a file's name), the key its updates are matched by.
    public func lieux() throws -> [LieuRecord] {
        try writer.read { db in
            let taxonomy = try Self.taxonomy(db)
            let national = NationalServices(taxonomy)
            let serviceSlugs = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, slug FROM service").map { row -> (Int64, String) in (row[0], row[1]) })

            var relays: [Int64: Set<String>] = [:]
            // A place's own relays, and those of the intermediaries working there.
            for row in try Row.fetchAll(db, sql: """
                SELECT node_id, service_id FROM relay
                UNION SELECT w.place_id, r.service_id FROM works_at w JOIN relay r ON r.node_id = w.intermediary_id
                """) {
                if let slug = serviceSlugs[row[1]] { relays[row[0], default: []].insert(slug) }
            }
            var programmes: [Int64: [(label: String, v1: Bool)]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT l.node_id, p.label, p.in_v1 FROM labelled l JOIN programme p ON p.id = l.programme_id ORDER BY p.position
                """) { programmes[row[0], default: []].append((row[1], row[2])) }
            var members: [Int64: [LieuRecord.Member]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT w.place_id, n.public_id, i.actor_type, i.headcount FROM works_at w
                JOIN intermediary i ON i.node_id = w.intermediary_id JOIN node n ON n.id = i.node_id ORDER BY n.public_id
                """) { members[row[0], default: []].append(LieuRecord.Member(publicId: row[1], actorType: row[2], headcount: row[3])) }

            let columns = LieuColumn.storedAsText
            let rows = try Row.fetchAll(db, sql: """
                SELECT n.id, n.public_id, n.active, p.code_insee, p.latitude, p.longitude, COALESCE(p.source_label, s.name), c.latitude, c.longitude,
                       \(columns.map { "p." + $0.rawValue }.joined(separator: ", "))
                FROM place p JOIN node n ON n.id = p.node_id JOIN source s ON s.id = n.source_id
                LEFT JOIN commune c ON c.code_insee = p.code_insee
                ORDER BY n.public_id
                """)
            return rows.map { row in
                let id: Int64 = row[0]
                var text: [LieuColumn: String] = [:]
                for (offset, column) in columns.enumerated() {
                    if let value: String = row[9 + offset] { text[column] = value }
                }
                let slugs = relays[id] ?? []
                let labelled = programmes[id] ?? []
                return LieuRecord(
                    publicId: row[1], text: text, codeInsee: row[3], latitude: row[4], longitude: row[5], sourceLabel: row[6],
                    services: national.nationalLabels(of: slugs), finerServices: national.labels(of: slugs),
                    programmes: labelled.filter(\.v1).map(\.label), otherProgrammes: labelled.filter { !$0.v1 }.map(\.label),
                    intermediaries: members[id] ?? [], communeLatitude: row[7], communeLongitude: row[8], active: row[2])
            }
        }
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
