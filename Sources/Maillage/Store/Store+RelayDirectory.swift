import GRDB

extension Store {
    /// A snapshot of every active relay, indexed for ``RelayDirectory/relays(_:)``, read in one transaction.
    ///
    /// `closing` names places or intermediaries to leave out, as if they had closed ("what if"):
    /// an intermediary whose every workplace closes goes with them.
    public func relayDirectory(closing: Set<String> = []) throws -> RelayDirectory {
        try writer.read { db in
            let closed = try Self.nodeIds(of: closing, db)
            let taxonomy = try Self.taxonomy(db)
            let catalog = try ServiceCatalog(taxonomy: taxonomy)
            let split = { (text: String?) in Set(text.map { MultiValue.split($0, separator: "|") } ?? []) }

            var communes: [(code: String, commune: RelayDirectory.Commune)] = []
            var centroids: [String: (Double, Double)] = [:]
            let communeRows = try Row.fetchCursor(db, sql: """
                SELECT c.code_insee, c.latitude, c.longitude, c.epci_siren, c.departement_code, d.region_code
                FROM commune c JOIN departement d ON d.code = c.departement_code ORDER BY c.code_insee
                """)
            while let row = try communeRows.next() {
                let code: String = row[0]
                let latitude: Double = row[1] ?? .nan, longitude: Double = row[2] ?? .nan
                var keys = ["commune:\(code)"]
                if let epci: String = row[3] { keys.append("epci:\(epci)") }
                keys += ["departement:\(row[4] as String)", "region:\(row[5] as String)", "france"]
                communes.append((code, RelayDirectory.Commune(latitude: latitude, longitude: longitude, zoneKeys: keys)))
                centroids[code] = (latitude, longitude)
            }

            var services: [Int64: UInt64] = [:], remoteServices: [Int64: UInt64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT r.node_id, s.slug, r.remote FROM relay r JOIN service s ON s.id = r.service_id") {
                let bit = catalog.bit(of: row[1])
                services[row[0], default: 0] |= bit
                if row[2] { remoteServices[row[0], default: 0] |= bit }
            }
            var labels: [Int64: Set<String>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT l.node_id, p.label FROM labelled l JOIN programme p ON p.id = l.programme_id") {
                labels[row[0], default: []].insert(row[1])
            }
            var zones: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT node_id, level, code FROM zone") {
                let level: String = row[1], code: String = row[2]
                zones[row[0], default: []].append(level == "france" ? "france" : "\(level):\(code)")
            }

            var entries: [RelayDirectory.Entry] = []
            var entryOfPlace: [Int64: Int] = [:]
            var zoneServices: [Int: [String: UInt64]] = [:]
            let placeRows = try Row.fetchCursor(db, sql: """
                SELECT n.id, n.public_id, p.nom, p.code_insee, p.latitude, p.longitude, p.publics_specifiquement_adresses,
                       p.prise_en_charge_specifique, p.frais_a_charge, p.modalites_accompagnement, p.horaires
                FROM place p JOIN node n ON n.id = p.node_id WHERE n.active ORDER BY n.public_id
                """)
            while let row = try placeRows.next() {
                let id: Int64 = row[0]
                if closed.contains(id) { continue }
                let code: String? = row[3]
                let own: (Double, Double)? = (row[4] as Double?).flatMap { lat in (row[5] as Double?).map { (lat, $0) } }
                let location = own ?? code.flatMap { centroids[$0] } ?? (.nan, .nan)
                let modalites = split(row[9])
                let hoursText: String? = row[10]
                var entry = RelayDirectory.Entry(
                    id: row[1], nom: row[2], kind: .place, codeInsee: code, latitude: location.0, longitude: location.1,
                    services: services[id] ?? 0, remoteServices: remoteServices[id] ?? 0,
                    publics: split(row[6]), priseEnCharge: split(row[7]), frais: split(row[8]), modalites: modalites,
                    labels: labels[id] ?? [], hours: hoursText.flatMap { try? OpeningHours(parsing: $0) }, hoursText: hoursText)
                // A place that accompanies remotely offers all its services remotely.
                if modalites.contains("À distance") { entry.remoteServices |= entry.services }
                entryOfPlace[id] = entries.count
                for key in zones[id] ?? [] { zoneServices[entries.count, default: [:]][key, default: 0] |= entry.services }
                entries.append(entry)
            }

            var workplaces: [Int64: [Int64]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT intermediary_id, place_id FROM works_at ORDER BY place_id") {
                workplaces[row[0], default: []].append(row[1])
            }
            let intermediaryRows = try Row.fetchCursor(db, sql: """
                SELECT n.id, n.public_id, i.nom, i.actor_type, i.headcount, i.modalites_accompagnement
                FROM intermediary i JOIN node n ON n.id = i.node_id WHERE n.active ORDER BY n.public_id
                """)
            while let row = try intermediaryRows.next() {
                let id: Int64 = row[0]
                let workplaceIds = workplaces[id] ?? []
                let allWorkplacesClosed = !workplaceIds.isEmpty && workplaceIds.allSatisfy(closed.contains)
                if closed.contains(id) || allWorkplacesClosed { continue }
                let member = RelayResult.Member(id: row[1], nom: row[2], type: row[3], headcount: row[4])
                let own = services[id] ?? 0
                let modalites = split(row[5])
                let remote = remoteServices[id] ?? 0
                let places = (workplaces[id] ?? []).compactMap { entryOfPlace[$0] }
                if places.isEmpty {
                    // No fixed place: a result of its own, found by its zone or remote offer.
                    let entry = RelayDirectory.Entry(
                        id: member.id, nom: member.nom ?? member.id, kind: .intermediary, codeInsee: nil, latitude: .nan, longitude: .nan,
                        services: own, remoteServices: remote, modalites: modalites)
                    for key in zones[id] ?? [] { zoneServices[entries.count, default: [:]][key, default: 0] |= own }
                    entries.append(entry)
                    continue
                }
                for index in places {
                    entries[index].services |= own
                    entries[index].remoteServices |= remote
                    entries[index].members.append((member, own))
                    entries[index].memberModalites[member.id] = modalites
                    for key in zones[id] ?? [] { zoneServices[index, default: [:]][key, default: 0] |= own }
                }
            }

            var byZone: [String: [(entry: Int32, services: UInt64)]] = [:]
            for (entry, keys) in zoneServices.sorted(by: { $0.key < $1.key }) {
                for (key, mask) in keys { byZone[key, default: []].append((Int32(entry), mask)) }
            }
            var vocabularies = taxonomy.enumerations.fields.mapValues { values in LabelMatcher(values.map { ($0.label, $0.aliases ?? []) }) }
            vocabularies["programmes"] = LabelMatcher(taxonomy.programmes.map { ($0.label, [$0.slug] + ($0.aliases ?? [])) })
            return RelayDirectory(catalog: catalog, entries: entries, byZone: byZone, communes: communes, vocabularies: vocabularies,
                                  territories: try Self.territoryTable(db))
        }
    }

    /// The node ids of these public ids; an unknown one is an error naming the closest known ids.
    static func nodeIds(of publicIds: Set<String>, _ db: Database) throws -> Set<Int64> {
        var ids = Set<Int64>()
        for publicId in publicIds.sorted() {
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM node WHERE public_id = ?", arguments: [publicId]) else {
                throw QueryError.unknownIdentifier(publicId, closest: try closestIds(to: publicId, db))
            }
            ids.insert(id)
        }
        return ids
    }

    /// Up to five public ids close to `publicId`, for "did you mean" messages (``closestPublicIds(to:_:)``).
    static func closestIds(to publicId: String, _ db: Database) throws -> [String] {
        try closestPublicIds(to: publicId, db)
    }
}
