/// The pairs of records worth comparing: those in one commune, and those within a kilometre of
/// each other (records placed by coordinates across a commune line, or without a commune). Never
/// all pairs.
enum CandidateBlocking {
    /// How near two records with coordinates must be to be compared whatever their communes.
    static let nearKm = 1.0

    /// Each pair once, as indices into `records`, lower index first, in increasing order.
    ///
    /// - Complexity: the pairs within each commune, plus a grid of cells of at least 1.1 km for the rest.
    static func pairs(_ records: [ComparableRecord]) -> [(Int, Int)] {
        var pairs = Set<Pair>()
        var byCommune: [String: [Int]] = [:]
        for (index, record) in records.enumerated() {
            if let code = record.record.codeInsee { byCommune[code, default: []].append(index) }
        }
        for members in byCommune.values {
            for (position, i) in members.enumerated() {
                for j in members[(position + 1)...] { pairs.insert(Pair(i, j)) }
            }
        }
        // Cells of 0.01° of latitude (1.1 km) by 0.02° of longitude (1.1 km or more up to 60° of
        // latitude, France's territories all lie within 51°): a kilometre never spans more than one
        // cell, so each record meets the records of its own and its 8 neighbouring cells.
        var cells: [Cell: [Int]] = [:]
        for (index, record) in records.enumerated() {
            guard let point = record.coordinates else { continue }
            cells[Cell(point), default: []].append(index)
        }
        for (cell, members) in cells {
            for neighbour in cell.neighbourhood {
                guard let others = cells[neighbour] else { continue }
                for i in members {
                    for j in others where i < j {
                        let p = records[i].coordinates!, q = records[j].coordinates!
                        if Haversine.distanceKm(p.latitude, p.longitude, q.latitude, q.longitude) <= nearKm { pairs.insert(Pair(i, j)) }
                    }
                }
            }
        }
        return pairs.sorted().map { ($0.low, $0.high) }
    }

    private struct Pair: Hashable, Comparable {
        var low: Int, high: Int
        init(_ a: Int, _ b: Int) { (low, high) = a < b ? (a, b) : (b, a) }
        static func < (lhs: Pair, rhs: Pair) -> Bool { (lhs.low, lhs.high) < (rhs.low, rhs.high) }
    }

    private struct Cell: Hashable {
        var row: Int, column: Int
        init(row: Int, column: Int) { (self.row, self.column) = (row, column) }
        init(_ point: (latitude: Double, longitude: Double)) {
            row = Int((point.latitude / 0.01).rounded(.down))
            column = Int((point.longitude / 0.02).rounded(.down))
        }
        var neighbourhood: [Cell] {
            (-1...1).flatMap { dr in (-1...1).map { dc in Cell(row: row + dr, column: column + dc) } }
        }
    }
}
