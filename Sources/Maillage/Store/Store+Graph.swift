import GRDB

extension Store {
    /// The directory as a ``GraphProjection``, read in one transaction.
    ///
    /// - Complexity: O(V + E) after the queries.
    public func graph() throws -> GraphProjection {
        try writer.read { db in
            var communeIndex: [String: Int32] = [:]
            var codes: [String] = [], populations: [Int32] = [], communeLatitudes: [Double] = [], communeLongitudes: [Double] = []
            let communes = try Row.fetchCursor(db, sql: "SELECT code_insee, population_municipale, latitude, longitude FROM commune ORDER BY code_insee")
            while let row = try communes.next() {
                communeIndex[row[0]] = Int32(codes.count)
                codes.append(row[0])
                populations.append(Int32(clamping: row[1] as Int))
                communeLatitudes.append(row[2] ?? .nan)
                communeLongitudes.append(row[3] ?? .nan)
            }

            let services = try Row.fetchAll(db, sql: "SELECT id, slug, parent_id FROM service ORDER BY position")
            let serviceNumber = Dictionary(uniqueKeysWithValues: services.enumerated().map { (Int64($1[0] as Int64), Int32($0)) })
            let serviceParent = services.map { row -> Int32 in (row[2] as Int64?).flatMap { serviceNumber[$0] } ?? -1 }

            var nodeNumber: [Int64: Int32] = [:]
            var publicIds: [String] = [], names: [String] = [], kinds: [GraphProjection.NodeKind] = [], active: [Bool] = []
            var commune: [Int32] = [], latitude: [Double] = [], longitude: [Double] = []
            var headcount: [Int32] = [], actorType: [String] = []
            let nodes = try Row.fetchCursor(db, sql: """
                SELECT n.id, n.public_id, n.kind, n.active, p.code_insee, p.latitude, p.longitude, i.headcount, i.actor_type,
                       COALESCE(p.nom, i.nom, n.public_id)
                FROM node n LEFT JOIN place p ON p.node_id = n.id LEFT JOIN intermediary i ON i.node_id = n.id
                ORDER BY n.public_id
                """)
            while let row = try nodes.next() {
                nodeNumber[row[0]] = Int32(publicIds.count)
                publicIds.append(row[1])
                names.append(row[9])
                kinds.append(GraphProjection.NodeKind(rawValue: row[2]) ?? .place)
                active.append(row[3])
                commune.append((row[4] as String?).flatMap { communeIndex[$0] } ?? -1)
                latitude.append(row[5] ?? .nan)
                longitude.append(row[6] ?? .nan)
                headcount.append((row[7] as Int?).map { Int32(clamping: $0) } ?? -1)
                actorType.append(row[8] ?? "")
            }

            let relayEdges = try Row.fetchAll(db, sql: "SELECT node_id, service_id, remote FROM relay ORDER BY node_id, service_id")
                .compactMap { row -> (source: Int32, target: Int32, value: Bool)? in
                    guard let node = nodeNumber[row[0]], let service = serviceNumber[row[1]] else { return nil }
                    return (node, service, row[2])
                }
            let referralEdges = try Row.fetchAll(db, sql: "SELECT source_node_id, target_node_id, weight, service_id FROM referral ORDER BY id")
                .compactMap { row -> (source: Int32, target: Int32, value: GraphProjection.Referral)? in
                    guard let source = nodeNumber[row[0]], let target = nodeNumber[row[1]] else { return nil }
                    let service = (row[3] as Int64?).flatMap { serviceNumber[$0] } ?? -1
                    return (source, target, GraphProjection.Referral(weight: row[2] ?? 1, service: service))
                }
            let workEdges = try Row.fetchAll(db, sql: "SELECT intermediary_id, place_id FROM works_at")
                .compactMap { row -> (source: Int32, target: Int32, value: Void)? in
                    guard let intermediary = nodeNumber[row[0]], let place = nodeNumber[row[1]] else { return nil }
                    return (intermediary, place, ())
                }
                .sorted { ($0.source, $0.target) < ($1.source, $1.target) }

            let count = publicIds.count
            return GraphProjection(
                publicIds: publicIds, names: names, kinds: kinds, active: active, commune: commune, latitude: latitude, longitude: longitude,
                headcount: headcount, actorType: actorType, serviceSlugs: services.map { $0[1] }, serviceParent: serviceParent,
                communeCodes: codes, communePopulation: populations, communeLatitude: communeLatitudes, communeLongitude: communeLongitudes,
                relays: CompressedAdjacency(count: count, edges: relayEdges),
                referrals: CompressedAdjacency(count: count, edges: referralEdges),
                worksAt: CompressedAdjacency(count: count, edges: workEdges))
        }
    }
}

extension Store {
    /// The services of the taxonomy as bit positions, in the same order as ``GraphProjection/serviceSlugs``.
    public func serviceCatalog() throws -> ServiceCatalog {
        try ServiceCatalog(taxonomy: taxonomy())
    }
}
