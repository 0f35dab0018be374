import GRDB

extension Store {
    /// A snapshot of every active relay, indexed for ``RelayDirectory/relays(_:)``, read in one transaction.
    ///
    /// `closing` names places or intermediaries to leave out, as if they had closed ("what if"):
    /// an intermediary whose every workplace closes goes with them.
    public func relayDirectory(closing: Set<String> = []) throws -> RelayDirectory {
        try writer.read { db in try Self.relayDirectory(closing: Self.nodeIds(of: closing, db), db) }
    }

    /// The relay directory read in `db`, leaving out the nodes `closed`; `territories`, when given,
    /// is the table already read in the same transaction.
    static func relayDirectory(closing closed: Set<Int64> = [], territories: TerritoryTable? = nil, _ db: Database) throws -> RelayDirectory {
        let taxonomy = try Self.taxonomy(db)
        let catalog = try ServiceCatalog(taxonomy: taxonomy)
        let edges = try SnapshotEdges(db, catalog: catalog)
        var values = SnapshotValues()
        let mergedIds = try Self.sourceIdsOfMergedPlaces(db)

        let territories = try territories ?? Self.territoryTable(db)
        var communes: [(code: String, commune: RelayDirectory.Commune)] = []
        var centroids: [String: (latitude: Double, longitude: Double)] = [:]
        for row in territories.communes {
            var keys = ["commune:\(row.code)"]
            if let epci = row.epci { keys.append("epci:\(epci)") }
            keys += ["departement:\(row.departement)", "region:\(row.region)", "france"]
            communes.append((row.code, RelayDirectory.Commune(latitude: row.latitude, longitude: row.longitude, zoneKeys: keys)))
            centroids[row.code] = (row.latitude, row.longitude)
        }

        // Every place, 300,000 at the scale benchmark: read by position, the snapshot's hot path. In table
        // order, each page read once, then put in public-id order: `ORDER BY n.public_id` would visit the
        // place table at random, a page read per row.
        var places: [(rank: Int32, id: Int64, entry: RelayDirectory.Entry)] = []
        places.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM place") ?? 0)
        let placeRows = try Row.fetchCursor(db, sql: """
            SELECT n.id, n.public_id, p.nom, p.code_insee, p.latitude, p.longitude, p.publics_specifiquement_adresses,
                   p.prise_en_charge_specifique, p.frais_a_charge, p.modalites_accompagnement, p.horaires
            FROM shown_place p JOIN shown_node n ON n.id = p.node_id WHERE n.active
            """)
        while let row = try placeRows.next() {
            let id: Int64 = row[0]
            if closed.contains(id) { continue }
            let code: String? = row[3]
            let location = EffectiveLocation.of(latitude: row[4], longitude: row[5], communeCentroid: code.flatMap { centroids[$0] })
                ?? (.nan, .nan)
            let modalites = values.set(row[9])
            let hoursText: String? = row[10]
            var entry = RelayDirectory.Entry(
                id: row[1], mergedIds: mergedIds[id], nom: row[2], kind: .place, codeInsee: code, latitude: location.0, longitude: location.1,
                services: edges.services(of: id), remoteServices: edges.remoteServices(of: id),
                publics: values.set(row[6]), priseEnCharge: values.set(row[7]), frais: values.set(row[8]), modalites: modalites,
                labels: edges.labels(of: id), hours: values.openingHours(hoursText), hoursText: hoursText)
            // A place that accompanies remotely offers all its services remotely.
            if modalites.contains("À distance") { entry.remoteServices |= entry.services }
            places.append((edges.publicIdRank(of: id), id, entry))
        }
        places.sort { $0.rank < $1.rank }

        var entries: [RelayDirectory.Entry] = []
        entries.reserveCapacity(places.count)
        var entryOfPlace: [Int64: Int] = [:]
        entryOfPlace.reserveCapacity(places.count)
        var zoneServices: [Int: [String: UInt64]] = [:]
        for place in places {
            entryOfPlace[place.id] = entries.count
            for key in edges.zones(of: place.id) { zoneServices[entries.count, default: [:]][key, default: 0] |= place.entry.services }
            entries.append(place.entry)
        }
        places = []

        var workplaces: [Int64: [Int64]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT intermediary_id, place_id FROM shown_works_at ORDER BY place_id") {
            workplaces[row["intermediary_id"], default: []].append(row["place_id"])
        }
        for member in try MemberRow.fetchAll(db) {
            let workplaceIds = workplaces[member.id] ?? []
            let allWorkplacesClosed = !workplaceIds.isEmpty && workplaceIds.allSatisfy(closed.contains)
            if closed.contains(member.id) || allWorkplacesClosed { continue }
            let own = edges.services(of: member.id)
            let modalites = values.set(member.modalites)
            let remote = edges.remoteServices(of: member.id)
            let places = workplaceIds.compactMap { entryOfPlace[$0] }
            let zoneKeys = edges.zones(of: member.id)
            if places.isEmpty {
                // No fixed place: a result of its own, found by its zone or remote offer.
                let entry = RelayDirectory.Entry(
                    id: member.member.id, nom: member.member.nom ?? member.member.id, kind: .intermediary, codeInsee: nil,
                    latitude: .nan, longitude: .nan, services: own, remoteServices: remote, modalites: modalites)
                for key in zoneKeys { zoneServices[entries.count, default: [:]][key, default: 0] |= own }
                entries.append(entry)
                continue
            }
            for index in places {
                entries[index].services |= own
                entries[index].remoteServices |= remote
                entries[index].members.append((member.member, own))
                entries[index].memberModalites[member.member.id] = modalites
                for key in zoneKeys { zoneServices[index, default: [:]][key, default: 0] |= own }
            }
        }

        var byZone: [String: [(entry: Int32, services: UInt64)]] = [:]
        for (entry, keys) in zoneServices.sorted(by: { $0.key < $1.key }) {
            for (key, mask) in keys { byZone[key, default: []].append((Int32(entry), mask)) }
        }
        var vocabularies = taxonomy.enumerations.fields.mapValues { values in LabelMatcher(values.map { ($0.label, $0.aliases ?? []) }) }
        vocabularies["programmes"] = LabelMatcher(taxonomy.programmes.map { ($0.label, [$0.slug] + ($0.aliases ?? [])) })
        return RelayDirectory(catalog: catalog, entries: entries, byZone: byZone, communes: communes, vocabularies: vocabularies,
                              territories: territories)
    }

    /// The node ids of these public ids (any source id of a merged place gives its node); an unknown
    /// one is an error naming the closest known ids.
    static func nodeIds(of publicIds: Set<String>, _ db: Database) throws -> Set<Int64> {
        var ids = Set<Int64>()
        for publicId in publicIds.sorted() {
            ids.insert(try resolve(publicId, db))
        }
        return ids
    }

    /// The source ids of each merged place (by node id), its own first.
    static func sourceIdsOfMergedPlaces(_ db: Database) throws -> [Int64: [String]] {
        var ids: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT g.head_id, n.public_id FROM place_group g JOIN node n ON n.id = g.node_id
            ORDER BY g.head_id, g.node_id <> g.head_id, n.public_id
            """) {
            ids[row["head_id"], default: []].append(row["public_id"])
        }
        return ids
    }

    /// Up to five public ids close to `publicId`, for "did you mean" messages (``closestPublicIds(to:_:)``).
    static func closestIds(to publicId: String, _ db: Database) throws -> [String] {
        try closestPublicIds(to: publicId, db)
    }

    /// An active intermediary, as a member of the places it works at.
    private struct MemberRow: FetchableRecord {
        static let sql = """
            SELECT n.id, n.public_id, i.nom, i.actor_type, i.headcount, i.modalites_accompagnement
            FROM shown_intermediary i JOIN node n ON n.id = i.node_id WHERE n.active ORDER BY n.public_id
            """
        var id: Int64
        var member: RelayResult.Member
        var modalites: String?

        init(row: Row) {
            id = row["id"]
            member = RelayResult.Member(id: row["public_id"], nom: row["nom"], type: row["actor_type"], headcount: row["headcount"])
            modalites = row["modalites_accompagnement"]
        }

        static func fetchAll(_ db: Database) throws -> [MemberRow] { try fetchAll(db, sql: sql) }
    }
}
