import Foundation

/// Nearest-point search over a fixed set of points: a 0.5° grid searched in growing rings,
/// stopping once no unvisited ring can hold anything nearer; far from every point (overseas),
/// it falls back to a scan.
struct NearestPoint: Sendable {
    private static let cellDegrees = 0.5
    /// Rings searched before scanning everything instead.
    private static let maxRings = 40
    private var cells: [Int64: [Int32]] = [:]
    private let latitudes: [Double]
    private let longitudes: [Double]
    private let points: [Int32]
    /// The smallest east–west width of a cell over the points' latitudes, in km: a safe lower bound
    /// on the distance gained by each ring.
    private let ringKm: Double

    init(latitudes: [Double], longitudes: [Double], including: (Int) -> Bool) {
        self.latitudes = latitudes
        self.longitudes = longitudes
        var points: [Int32] = []
        var maxLatitude = 0.0
        for index in latitudes.indices where including(index) && latitudes[index].isFinite && longitudes[index].isFinite {
            points.append(Int32(index))
            cells[Self.key(Self.cell(latitudes[index]), Self.cell(longitudes[index])), default: []].append(Int32(index))
            maxLatitude = max(maxLatitude, abs(latitudes[index]))
        }
        self.points = points
        let widest = min(89.0, maxLatitude + Self.cellDegrees)
        ringKm = Self.cellDegrees * Haversine.earthRadiusKm * .pi / 180 * cos(widest * .pi / 180)
    }

    var isEmpty: Bool { points.isEmpty }

    /// The nearest point to the origin and its distance, or nil when there is none.
    ///
    /// - Complexity: O(points in the rings visited); O(n) in the fallback.
    func nearest(latitude: Double, longitude: Double) -> (index: Int, distanceKm: Double)? {
        guard !points.isEmpty, latitude.isFinite, longitude.isFinite else { return nil }
        var best: (index: Int, distanceKm: Double)?
        let row = Self.cell(latitude), column = Self.cell(longitude)
        for ring in 0...Self.maxRings {
            // Points in ring k are at least (k - 1) cell widths away.
            if let best, Double(ring - 1) * ringKm > best.distanceKm { return best }
            for dRow in -ring...ring {
                for dColumn in -ring...ring where max(abs(dRow), abs(dColumn)) == ring {
                    for point in cells[Self.key(row + dRow, column + dColumn)] ?? [] {
                        consider(Int(point), latitude, longitude, &best)
                    }
                }
            }
        }
        if best == nil || Double(Self.maxRings) * ringKm <= best?.distanceKm ?? .infinity {
            for point in points { consider(Int(point), latitude, longitude, &best) }
        }
        return best
    }

    private func consider(_ index: Int, _ latitude: Double, _ longitude: Double, _ best: inout (index: Int, distanceKm: Double)?) {
        let distance = Haversine.distanceKm(latitude, longitude, latitudes[index], longitudes[index])
        if distance < best?.distanceKm ?? .infinity || (distance == best?.distanceKm && index < best?.index ?? .max) {
            best = (index, distance)
        }
    }

    private static func cell(_ degrees: Double) -> Int { Int((degrees / cellDegrees).rounded(.down)) }
    private static func key(_ row: Int, _ column: Int) -> Int64 { Int64(row) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: column))) }
}
