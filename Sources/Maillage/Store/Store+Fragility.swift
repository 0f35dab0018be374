import GRDB

extension Store {
    /// Inserts or replaces the index rows; returns how many were new and how many replaced.
    func writeFragility(_ rows: [FragilityImporter.Row], in db: Database) throws -> (inserted: Int, updated: Int) {
        let existing = Set(try Row.fetchAll(db, sql: "SELECT division || ':' || code FROM fragility").map { $0[0] as String })
        let columns = ["division", "code", "nom", "total"] + FragilityImporter.components
        let statement = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO fragility (\(columns.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
            """)
        for row in rows {
            let values: [(any DatabaseValueConvertible)?] = [row.division, row.code, row.nom, row.total] + row.parts
            try statement.execute(arguments: StatementArguments(values))
        }
        let updated = rows.filter { existing.contains("\($0.division):\($0.code)") }.count
        return (rows.count - updated, updated)
    }

    /// The fragility index of every current commune: its own, else its EPCI's (communes merged or
    /// renumbered since the index's COG; `ZZZZZZZZZ` for communes outside any EPCI), else none.
    public func fragilityIndex() throws -> FragilityIndex {
        try writer.read { db in
            var index = FragilityIndex()
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.code_insee, fc.total, fe.total FROM commune c
                LEFT JOIN fragility fc ON fc.division = 'city' AND fc.code = c.code_insee
                LEFT JOIN fragility fe ON fe.division = 'epci' AND fe.code = IFNULL(c.epci_siren, ?)
                """, arguments: [FragilityImporter.noEpci])
            while let row = try rows.next() {
                if let own: Double = row[1] {
                    index.byCommune[row[0]] = .init(value: own, source: .commune)
                } else if let epci: Double = row[2] {
                    index.byCommune[row[0]] = .init(value: epci, source: .epci)
                }
            }
            return index
        }
    }
}
