import GRDB

extension Store {
    /// The profile of the place or intermediary with this public id.
    public func profile(of publicId: String) throws -> NodeProfile {
        try writer.read { db in
            guard let node = try Row.fetchOne(db, sql: """
                SELECT n.id, n.kind, n.active, s.name, p.nom, i.nom, i.actor_type, i.headcount, p.code_insee, c.nom,
                       p.adresse, p.latitude, p.longitude, p.horaires, p.telephone, p.courriels, p.site_web
                FROM node n JOIN source s ON s.id = n.source_id
                LEFT JOIN place p ON p.node_id = n.id LEFT JOIN intermediary i ON i.node_id = n.id
                LEFT JOIN commune c ON c.code_insee = p.code_insee
                WHERE n.public_id = ?
                """, arguments: [publicId]) else {
                throw QueryError.unknownIdentifier(publicId, closest: try Self.closestIds(to: publicId, db))
            }
            let id: Int64 = node[0]
            let kind = RelayResult.Kind(rawValue: node[1]) ?? .place
            let services = try Row.fetchAll(db, sql: """
                SELECT s.label, r.remote FROM relay r JOIN service s ON s.id = r.service_id WHERE r.node_id = ? ORDER BY s.position
                """, arguments: [id]).map { NodeProfile.Relayed(label: $0[0], remote: $0[1]) }
            let programmes = try String.fetchAll(db, sql: """
                SELECT p.label FROM labelled l JOIN programme p ON p.id = l.programme_id WHERE l.node_id = ? ORDER BY p.position
                """, arguments: [id])
            let zone = try Row.fetchAll(db, sql: "SELECT level, code FROM zone WHERE node_id = ? ORDER BY level, code", arguments: [id])
                .map { row -> String in row[0] == "france" ? "france" : "\(row[0] as String):\(row[1] as String)" }
            let worksWith = try kind == .place
                ? Row.fetchAll(db, sql: """
                    SELECT n.public_id, i.nom, i.actor_type, i.headcount, n.id FROM works_at w JOIN node n ON n.id = w.intermediary_id
                    JOIN intermediary i ON i.node_id = n.id WHERE w.place_id = ? ORDER BY n.public_id
                    """, arguments: [id]).map { row in
                        NodeProfile.Link(id: row[0], nom: row[1], type: row[2], headcount: row[3], services: try String.fetchAll(db, sql: """
                            SELECT s.label FROM relay r JOIN service s ON s.id = r.service_id WHERE r.node_id = ? ORDER BY s.position
                            """, arguments: [row[4] as Int64]))
                    }
                : Row.fetchAll(db, sql: """
                    SELECT n.public_id, p.nom FROM works_at w JOIN node n ON n.id = w.place_id
                    JOIN place p ON p.node_id = n.id WHERE w.intermediary_id = ? ORDER BY n.public_id
                    """, arguments: [id]).map { NodeProfile.Link(id: $0[0], nom: $0[1]) }
            func referrals(_ column: String, _ other: String) throws -> [NodeProfile.Referral] {
                try Row.fetchAll(db, sql: """
                    SELECT n.public_id, COALESCE(p.nom, i.nom), s.label, r.weight FROM referral r
                    JOIN node n ON n.id = r.\(other) LEFT JOIN place p ON p.node_id = n.id LEFT JOIN intermediary i ON i.node_id = n.id
                    LEFT JOIN service s ON s.id = r.service_id WHERE r.\(column) = ? ORDER BY n.public_id, s.position
                    """, arguments: [id]).map { NodeProfile.Referral(id: $0[0], nom: $0[1], service: $0[2], weight: $0[3]) }
            }
            return NodeProfile(
                id: publicId, kind: kind, nom: node[4] ?? node[5], source: node[3], active: node[2], type: node[6], headcount: node[7],
                codeInsee: node[8], commune: node[9], adresse: node[10], latitude: node[11], longitude: node[12], horaires: node[13],
                services: services, programmes: programmes, zone: zone, worksWith: worksWith,
                refersTo: try referrals("source_node_id", "target_node_id"), referredFrom: try referrals("target_node_id", "source_node_id"),
                telephone: node[14], courriels: (node[15] as String?).map { MultiValue.split($0, separator: "|") } ?? [],
                siteWeb: (node[16] as String?).map { MultiValue.split($0, separator: "|") } ?? [])
        }
    }
}
