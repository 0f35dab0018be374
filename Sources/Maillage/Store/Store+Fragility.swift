import GRDB

extension Store {
    /// Inserts or replaces the index rows; returns how many were new and how many changed (a row
    /// stored with the same values is neither).
    func writeFragility(_ rows: [FragilityImporter.Row], in db: Database) throws -> (inserted: Int, updated: Int) {
        let columns = ["division", "code", "nom", "total"] + FragilityImporter.components
        var existing: [String: [DatabaseValue]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM fragility") {
            existing["\(row["division"] as String):\(row["code"] as String)"] = Array(row.databaseValues)
        }
        let statement = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO fragility (\(columns.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
            """)
        var inserted = 0, updated = 0
        for row in rows {
            let values: [(any DatabaseValueConvertible)?] = [row.division, row.code, row.nom, row.total] + row.parts
            let stored = existing["\(row.division):\(row.code)"]
            if stored == nil { inserted += 1 } else if stored != values.map({ $0?.databaseValue ?? .null }) { updated += 1 }
            try statement.execute(arguments: StatementArguments(values))
        }
        return (inserted, updated)
    }

    /// The fragility index of every current commune: its own, else its EPCI's (communes merged or
    /// renumbered since the index's COG; `ZZZZZZZZZ` for communes outside any EPCI), else none.
    public func fragilityIndex() throws -> FragilityIndex {
        try writer.read(Self.fragilityIndex)
    }

    /// The fragility index read in `db`.
    static func fragilityIndex(_ db: Database) throws -> FragilityIndex {
        var index = FragilityIndex()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.code_insee, fc.total AS commune_total, fe.total AS epci_total FROM commune c
            LEFT JOIN fragility fc ON fc.division = 'city' AND fc.code = c.code_insee
            LEFT JOIN fragility fe ON fe.division = 'epci' AND fe.code = IFNULL(c.epci_siren, ?)
            """, arguments: [FragilityImporter.noEpci])
        while let row = try rows.next() {
            if let own: Double = row["commune_total"] {
                index.byCommune[row["code_insee"]] = .init(value: own, source: .commune)
            } else if let epci: Double = row["epci_total"] {
                index.byCommune[row["code_insee"]] = .init(value: epci, source: .epci)
            }
        }
        return index
    }
}
