import GRDB

/// An opening-hours value that does not parse, with the place it belongs to.
public struct HoursProblem: Sendable, Equatable, Codable {
    public var id: String
    public var nom: String
    public var horaires: String
    /// Where the parser stopped (0-based character offset) and what it expected there.
    public var position: Int
    public var expected: String
}

extension Store {
    /// Every place whose `horaires` cannot be read as OSM opening_hours. The text stays stored as is.
    public func hoursProblems() throws -> [HoursProblem] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT n.public_id, p.nom, p.horaires FROM shown_place p JOIN shown_node n ON n.id = p.node_id
                WHERE p.horaires IS NOT NULL ORDER BY n.public_id
                """).compactMap { row -> HoursProblem? in
                let text: String = row[2]
                do {
                    _ = try OpeningHours(parsing: text)
                    return nil
                } catch let error as OpeningHoursError {
                    return HoursProblem(id: row[0], nom: row[1], horaires: text, position: error.position, expected: error.expected)
                } catch {
                    return HoursProblem(id: row[0], nom: row[1], horaires: text, position: 0, expected: String(describing: error))
                }
            }
        }
    }
}
