import GRDB

extension Store {
    /// The profile of the place or intermediary with this public id: any source id of a merged
    /// place gives the place, under its own id, with every source id in ``NodeProfile/sourceIds``.
    public func profile(of publicId: String) throws -> NodeProfile {
        try writer.read { db in
            let id = try Self.resolve(publicId, db)
            guard let node = try ProfileRow.fetchOne(db, id: id) else {
                throw QueryError.unknownIdentifier(publicId, closest: try Self.closestIds(to: publicId, db))
            }
            let records = try ProfileRecordRow.fetchAll(db, head: id)
            let services = try Row.fetchAll(db, sql: """
                SELECT s.label, r.remote FROM shown_relay r JOIN service s ON s.id = r.service_id WHERE r.node_id = ? ORDER BY s.position
                """, arguments: [id]).map { NodeProfile.Relayed(label: $0["label"], remote: $0["remote"]) }
            let programmes = try String.fetchAll(db, sql: """
                SELECT p.label FROM shown_labelled l JOIN programme p ON p.id = l.programme_id WHERE l.node_id = ? ORDER BY p.position
                """, arguments: [id])
            let zone = try Row.fetchAll(db, sql: "SELECT level, code FROM shown_zone WHERE node_id = ? ORDER BY level, code", arguments: [id])
                .map { row -> String in row["level"] == "france" ? "france" : "\(row["level"] as String):\(row["code"] as String)" }
            let worksWith = try node.kind == .place
                ? Row.fetchAll(db, sql: """
                    SELECT n.public_id, i.nom, i.actor_type, i.headcount, n.id FROM shown_works_at w JOIN node n ON n.id = w.intermediary_id
                    JOIN shown_intermediary i ON i.node_id = n.id WHERE w.place_id = ? ORDER BY n.public_id
                    """, arguments: [id]).map { row in
                        NodeProfile.Link(id: row["public_id"], nom: row["nom"], type: row["actor_type"], headcount: row["headcount"],
                                         services: try String.fetchAll(db, sql: """
                            SELECT s.label FROM shown_relay r JOIN service s ON s.id = r.service_id WHERE r.node_id = ? ORDER BY s.position
                            """, arguments: [row["id"] as Int64]))
                    }
                : Row.fetchAll(db, sql: """
                    SELECT n.public_id, p.nom FROM shown_works_at w JOIN node n ON n.id = w.place_id
                    JOIN shown_place p ON p.node_id = n.id WHERE w.intermediary_id = ? ORDER BY n.public_id
                    """, arguments: [id]).map { NodeProfile.Link(id: $0["public_id"], nom: $0["nom"]) }
            func referrals(_ column: String, _ other: String) throws -> [NodeProfile.Referral] {
                try Row.fetchAll(db, sql: """
                    SELECT n.public_id, COALESCE(p.nom, i.nom) AS nom, s.label, r.weight FROM shown_referral r
                    JOIN node n ON n.id = r.\(other) LEFT JOIN shown_place p ON p.node_id = n.id LEFT JOIN shown_intermediary i ON i.node_id = n.id
                    LEFT JOIN service s ON s.id = r.service_id WHERE r.\(column) = ? ORDER BY n.public_id, s.position
                    """, arguments: [id]).map { NodeProfile.Referral(id: $0["public_id"], nom: $0["nom"], service: $0["label"], weight: $0["weight"]) }
            }
            var profile = NodeProfile(
                id: node.publicId, kind: node.kind, nom: node.nom, source: node.source, active: node.active, type: node.actorType,
                headcount: node.headcount, codeInsee: node.codeInsee, commune: node.commune, adresse: node.adresse,
                latitude: node.latitude, longitude: node.longitude, horaires: node.horaires,
                services: services, programmes: programmes, zone: zone, worksWith: worksWith,
                refersTo: try referrals("source_node_id", "target_node_id"), referredFrom: try referrals("target_node_id", "source_node_id"),
                telephone: node.telephone, courriels: node.courriels.map { MultiValue.split($0, separator: "|") } ?? [],
                siteWeb: node.siteWeb.map { MultiValue.split($0, separator: "|") } ?? [])
            profile.codePostal = node.codePostal
            profile.modalitesAcces = node.modalitesAcces.map { MultiValue.split($0, separator: "|") } ?? []
            profile.fraisACharge = node.fraisACharge.map { MultiValue.split($0, separator: "|") } ?? []
            profile.priseRdv = node.priseRdv
            profile.sourceIds = records.isEmpty ? [node.publicId] : records.map(\.publicId)
            profile.records = records.map { NodeProfile.SourceRecord(id: $0.publicId, source: $0.source, dateMaj: $0.dateMaj, active: $0.active) }
            return profile
        }
    }
}

/// A node as `show` gives it: a merged place with its derived attributes.
private struct ProfileRow: FetchableRecord {
    var publicId: String
    var kind: RelayResult.Kind
    var active: Bool
    var source: String
    var nom: String?
    var actorType: String?
    var headcount: Int?
    var codeInsee: String?
    var commune: String?
    var adresse: String?
    var latitude: Double?
    var longitude: Double?
    var horaires: String?
    var telephone: String?
    var courriels: String?
    var siteWeb: String?
    var codePostal: String?
    var modalitesAcces: String?
    var fraisACharge: String?
    var priseRdv: String?

    init(row: Row) {
        publicId = row["public_id"]
        kind = RelayResult.Kind(rawValue: row["kind"]) ?? .place
        active = row["active"]
        source = row["source"]
        nom = row["place_nom"] ?? row["intermediary_nom"]
        actorType = row["actor_type"]
        headcount = row["headcount"]
        codeInsee = row["code_insee"]
        commune = row["commune_nom"]
        adresse = row["adresse"]
        latitude = row["latitude"]
        longitude = row["longitude"]
        horaires = row["horaires"]
        telephone = row["telephone"]
        courriels = row["courriels"]
        siteWeb = row["site_web"]
        codePostal = row["code_postal"]
        modalitesAcces = row["modalites_acces"]
        fraisACharge = row["frais_a_charge"]
        priseRdv = row["prise_rdv"]
    }

    static func fetchOne(_ db: Database, id: Int64) throws -> ProfileRow? {
        try fetchOne(db, sql: """
            SELECT n.public_id, n.kind, n.active, s.name AS source, p.nom AS place_nom, i.nom AS intermediary_nom, i.actor_type, i.headcount,
                   p.code_insee, c.nom AS commune_nom, p.adresse, p.latitude, p.longitude, p.horaires, p.telephone, p.courriels, p.site_web,
                   p.code_postal, p.modalites_acces, p.frais_a_charge, p.prise_rdv
            FROM shown_node n JOIN source s ON s.id = n.source_id
            LEFT JOIN shown_place p ON p.node_id = n.id LEFT JOIN shown_intermediary i ON i.node_id = n.id
            LEFT JOIN commune c ON c.code_insee = p.code_insee
            WHERE n.id = ?
            """, arguments: [id])
    }
}

/// A source record of a merged place.
private struct ProfileRecordRow: FetchableRecord {
    var publicId: String
    var source: String
    var dateMaj: String?
    var active: Bool

    init(row: Row) {
        publicId = row["public_id"]
        source = row["source"]
        dateMaj = row["date_maj"]
        active = row["active"]
    }

    /// The records of the group headed by `head`, its own first; none when it is not merged.
    static func fetchAll(_ db: Database, head: Int64) throws -> [ProfileRecordRow] {
        try fetchAll(db, sql: """
            SELECT n.public_id, s.name AS source, p.date_maj, n.active FROM place_group g JOIN node n ON n.id = g.node_id
            JOIN source s ON s.id = n.source_id LEFT JOIN place p ON p.node_id = n.id
            WHERE g.head_id = ? ORDER BY g.node_id <> g.head_id, n.public_id
            """, arguments: [head])
    }
}
