import GRDB

/// What the quality report reads, one record struct per query, columns by name.
enum QualityRows {
    /// An active source record of a place, as imported (merged or not): the values to check.
    struct SourceRecord: FetchableRecord {
        static let sql = """
            SELECT n.public_id, s.name AS source, p.nom, p.pivot, p.code_postal, p.code_insee, p.telephone, p.courriels, p.site_web,
                   p.typologie, p.formations_labels, p.unrecognised, p.publics_specifiquement_adresses, p.prise_en_charge_specifique,
                   p.frais_a_charge, p.modalites_acces, p.modalites_accompagnement, p.itinerance
            FROM place p JOIN node n ON n.id = p.node_id JOIN source s ON s.id = n.source_id
            WHERE n.active
            """
        var publicId: String
        var source: String
        var nom: String
        var pivot: String?
        var codePostal: String?
        var codeInsee: String?
        var telephone: String?
        var courriels: String?
        var siteWeb: String?
        var typologie: String?
        var formationsLabels: String?
        /// The values kept aside at import, as a JSON object of arrays by field.
        var unrecognised: String?
        /// The stored values of the enumerated columns (``LieuColumn/enumerated``), by column name.
        var enumerated: [(field: String, value: String)]

        init(row: Row) {
            publicId = row["public_id"]
            source = row["source"]
            nom = row["nom"]
            pivot = row["pivot"]
            codePostal = row["code_postal"]
            codeInsee = row["code_insee"]
            telephone = row["telephone"]
            courriels = row["courriels"]
            siteWeb = row["site_web"]
            typologie = row["typologie"]
            formationsLabels = row["formations_labels"]
            unrecognised = row["unrecognised"]
            enumerated = LieuColumn.enumerated.compactMap { column in
                (row[column.rawValue] as String?).map { (column.rawValue, $0) }
            }
        }
    }

    /// A real place (one per merged group), active.
    struct Place: FetchableRecord {
        static let sql = """
            SELECT n.id, n.public_id, s.name AS source, p.nom, p.code_insee, p.code_postal, p.latitude, p.longitude, p.date_maj, p.horaires
            FROM shown_place p JOIN shown_node n ON n.id = p.node_id JOIN source s ON s.id = n.source_id
            WHERE n.active
            """
        var id: Int64
        var publicId: String
        var source: String
        var nom: String
        var codeInsee: String?
        var codePostal: String?
        var latitude: Double?
        var longitude: Double?
        var dateMaj: String?
        var horaires: String?

        init(row: Row) {
            id = row["id"]
            publicId = row["public_id"]
            source = row["source"]
            nom = row["nom"]
            codeInsee = row["code_insee"]
            codePostal = row["code_postal"]
            latitude = row["latitude"]
            longitude = row["longitude"]
            dateMaj = row["date_maj"]
            horaires = row["horaires"]
        }
    }

    /// The sources of a merged place's records.
    struct GroupSource: FetchableRecord {
        static let sql = """
            SELECT DISTINCT g.head_id, s.name AS source FROM place_group g
            JOIN node n ON n.id = g.node_id JOIN source s ON s.id = n.source_id ORDER BY g.head_id, s.name
            """
        var head: Int64
        var source: String

        init(row: Row) {
            head = row["head_id"]
            source = row["source"]
        }
    }

    /// A commune with its département and centroid.
    struct Commune: FetchableRecord {
        static let sql = "SELECT code_insee, nom, departement_code, latitude, longitude FROM commune ORDER BY code_insee"
        var code: String
        var nom: String
        var departement: String
        var latitude: Double?
        var longitude: Double?

        init(row: Row) {
            code = row["code_insee"]
            nom = row["nom"]
            departement = row["departement_code"]
            latitude = row["latitude"]
            longitude = row["longitude"]
        }
    }

    /// An active intermediary.
    struct Intermediary: FetchableRecord {
        static let sql = """
            SELECT n.id, n.public_id, s.name AS source, COALESCE(i.nom, n.public_id) AS nom
            FROM shown_intermediary i JOIN shown_node n ON n.id = i.node_id JOIN source s ON s.id = n.source_id
            WHERE n.active
            """
        var id: Int64
        var publicId: String
        var source: String
        var nom: String

        init(row: Row) {
            id = row["id"]
            publicId = row["public_id"]
            source = row["source"]
            nom = row["nom"]
        }
    }

    /// An intermediary's workplace: the place it works at.
    struct Workplace: FetchableRecord {
        static let sql = "SELECT intermediary_id, place_id FROM shown_works_at"
        var intermediary: Int64
        var place: Int64

        init(row: Row) {
            intermediary = row["intermediary_id"]
            place = row["place_id"]
        }
    }

    /// A referral from an active place or intermediary, with its target's state.
    struct Referral: FetchableRecord {
        static let sql = """
            SELECT sn.public_id AS source_id, ss.name AS source, COALESCE(sp.nom, si.nom, sn.public_id) AS source_nom,
                   tn.public_id AS target_id, tn.kind AS target_kind, tn.active AS target_active,
                   COALESCE(tp.nom, ti.nom, tn.public_id) AS target_nom, sv.label AS service
            FROM shown_referral r
            JOIN shown_node sn ON sn.id = r.source_node_id JOIN source ss ON ss.id = sn.source_id
            LEFT JOIN shown_place sp ON sp.node_id = sn.id LEFT JOIN shown_intermediary si ON si.node_id = sn.id
            JOIN shown_node tn ON tn.id = r.target_node_id
            LEFT JOIN shown_place tp ON tp.node_id = tn.id LEFT JOIN shown_intermediary ti ON ti.node_id = tn.id
            LEFT JOIN service sv ON sv.id = r.service_id
            WHERE sn.active
            """
        var sourceId: String
        var source: String
        var sourceNom: String
        var targetId: String
        var targetKind: String
        var targetActive: Bool
        var targetNom: String
        var service: String?

        init(row: Row) {
            sourceId = row["source_id"]
            source = row["source"]
            sourceNom = row["source_nom"]
            targetId = row["target_id"]
            targetKind = row["target_kind"]
            targetActive = row["target_active"]
            targetNom = row["target_nom"]
            service = row["service"]
        }
    }
}
