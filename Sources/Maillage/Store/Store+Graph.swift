import GRDB

extension Store {
    /// The directory as a ``GraphProjection``, read in one transaction.
    ///
    /// - Complexity: O(V + E) after the queries.
    public func graph() throws -> GraphProjection {
        try writer.read { db in try Self.graphWithDates(db).graph }
    }

    /// The graph projection read in `db`, with each place's `date_maj` by node (nil for
    /// intermediaries), read in the same pass for the diagrams; its communes are those of
    /// `territories` when the table was already read in the same transaction.
    static func graphWithDates(_ db: Database, territories: TerritoryTable? = nil) throws -> (graph: GraphProjection, dateMaj: [String?]) {
        var communeIndex: [String: Int32] = [:]
        var codes: [String] = [], populations: [Int32] = [], communeLatitudes: [Double] = [], communeLongitudes: [Double] = []
        func addCommune(_ code: String, population: Int, latitude: Double, longitude: Double) {
            communeIndex[code] = Int32(codes.count)
            codes.append(code)
            populations.append(Int32(clamping: population))
            communeLatitudes.append(latitude)
            communeLongitudes.append(longitude)
        }
        if let territories {
            for commune in territories.communes {
                addCommune(commune.code, population: commune.population, latitude: commune.latitude, longitude: commune.longitude)
            }
        } else {
            let communes = try Row.fetchCursor(db, sql: "SELECT code_insee, population_municipale, latitude, longitude FROM commune ORDER BY code_insee")
            while let row = try communes.next() {
                addCommune(row["code_insee"], population: row["population_municipale"], latitude: row["latitude"] ?? .nan, longitude: row["longitude"] ?? .nan)
            }
        }

        let services = try Row.fetchAll(db, sql: "SELECT id, slug, parent_id FROM service ORDER BY position")
        let serviceNumber = Dictionary(uniqueKeysWithValues: services.enumerated().map { ($1["id"] as Int64, Int32($0)) })
        let serviceParent = services.map { row -> Int32 in (row["parent_id"] as Int64?).flatMap { serviceNumber[$0] } ?? -1 }

        var nodeNumber: [Int64: Int32] = [:]
        var publicIds: [String] = [], names: [String] = [], kinds: [GraphProjection.NodeKind] = [], active: [Bool] = []
        var commune: [Int32] = [], latitude: [Double] = [], longitude: [Double] = []
        var headcount: [Int32] = [], actorType: [String] = [], dateMaj: [String?] = []
        let nodes = try GraphNodeRow.fetchCursor(db)
        while let node = try nodes.next() {
            nodeNumber[node.id] = Int32(publicIds.count)
            publicIds.append(node.publicId)
            names.append(node.name)
            kinds.append(node.kind)
            active.append(node.active)
            let communeNumber = node.codeInsee.flatMap { communeIndex[$0] } ?? -1
            commune.append(communeNumber)
            // Coordinates far from their commune count at its centroid (``EffectiveLocation``); none stay NaN.
            let centroid = communeNumber < 0 ? nil : (latitude: communeLatitudes[Int(communeNumber)], longitude: communeLongitudes[Int(communeNumber)])
            let own = node.latitude == nil ? nil : EffectiveLocation.of(latitude: node.latitude, longitude: node.longitude, communeCentroid: centroid)
            latitude.append(own?.latitude ?? .nan)
            longitude.append(own?.longitude ?? .nan)
            headcount.append(node.headcount.map { Int32(clamping: $0) } ?? -1)
            actorType.append(node.actorType ?? "")
            dateMaj.append(node.dateMaj)
        }

        let relayEdges = try Row.fetchAll(db, sql: "SELECT node_id, service_id, remote FROM shown_relay ORDER BY node_id, service_id")
            .compactMap { row -> (source: Int32, target: Int32, value: Bool)? in
                guard let node = nodeNumber[row["node_id"]], let service = serviceNumber[row["service_id"]] else { return nil }
                return (node, service, row["remote"])
            }
        let referralEdges = try Row.fetchAll(db, sql: "SELECT source_node_id, target_node_id, weight, service_id FROM shown_referral ORDER BY id")
            .compactMap { row -> (source: Int32, target: Int32, value: GraphProjection.Referral)? in
                guard let source = nodeNumber[row["source_node_id"]], let target = nodeNumber[row["target_node_id"]] else { return nil }
                let service = (row["service_id"] as Int64?).flatMap { serviceNumber[$0] } ?? -1
                return (source, target, GraphProjection.Referral(weight: row["weight"] ?? 1, service: service))
            }
        let workEdges = try Row.fetchAll(db, sql: "SELECT intermediary_id, place_id FROM shown_works_at")
            .compactMap { row -> (source: Int32, target: Int32, value: Void)? in
                guard let intermediary = nodeNumber[row["intermediary_id"]], let place = nodeNumber[row["place_id"]] else { return nil }
                return (intermediary, place, ())
            }
            .sorted { ($0.source, $0.target) < ($1.source, $1.target) }

        let count = publicIds.count
        var projection = GraphProjection(
            publicIds: publicIds, names: names, kinds: kinds, active: active, commune: commune, latitude: latitude, longitude: longitude,
            headcount: headcount, actorType: actorType, serviceSlugs: services.map { $0["slug"] }, serviceParent: serviceParent,
            communeCodes: codes, communePopulation: populations, communeLatitude: communeLatitudes, communeLongitude: communeLongitudes,
            relays: CompressedAdjacency(count: count, edges: relayEdges),
            referrals: CompressedAdjacency(count: count, edges: referralEdges),
            worksAt: CompressedAdjacency(count: count, edges: workEdges))
        projection.mergedIds = try Self.mergedIds(db)
        return (projection, dateMaj)
    }
}

extension Store {
    /// The public ids of merged records, with the public id of the place each is merged into.
    static func mergedIds(_ db: Database) throws -> [String: String] {
        var ids: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT n.public_id AS record, h.public_id AS place FROM place_group g
            JOIN node n ON n.id = g.node_id JOIN node h ON h.id = g.head_id WHERE g.node_id <> g.head_id
            """) {
            ids[row["record"]] = row["place"]
        }
        return ids
    }

    /// The services of the taxonomy as bit positions, in the same order as ``GraphProjection/serviceSlugs``.
    public func serviceCatalog() throws -> ServiceCatalog {
        try ServiceCatalog(taxonomy: taxonomy())
    }
}

/// A node of the graph: each real place once (a merged place as its head, with its derived
/// attributes), and every intermediary.
private struct GraphNodeRow: FetchableRecord {
    var id: Int64
    var publicId: String
    var kind: GraphProjection.NodeKind
    var active: Bool
    var codeInsee: String?
    var latitude: Double?
    var longitude: Double?
    var headcount: Int?
    var actorType: String?
    var name: String
    var dateMaj: String?

    init(row: Row) {
        id = row["id"]
        publicId = row["public_id"]
        kind = GraphProjection.NodeKind(rawValue: row["kind"]) ?? .place
        active = row["active"]
        codeInsee = row["code_insee"]
        latitude = row["latitude"]
        longitude = row["longitude"]
        headcount = row["headcount"]
        actorType = row["actor_type"]
        name = row["name"]
        dateMaj = row["date_maj"]
    }

    static func fetchCursor(_ db: Database) throws -> RecordCursor<GraphNodeRow> {
        try fetchCursor(db, sql: """
            SELECT n.id, n.public_id, n.kind, n.active, p.code_insee, p.latitude, p.longitude, i.headcount, i.actor_type,
                   COALESCE(p.nom, i.nom, n.public_id) AS name, p.date_maj
            FROM shown_node n LEFT JOIN shown_place p ON p.node_id = n.id LEFT JOIN shown_intermediary i ON i.node_id = n.id
            ORDER BY n.public_id
            """)
    }
}
