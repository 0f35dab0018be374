import Foundation

/// A uniform grid over latitude and longitude, for "what lies within R km of this point".
///
/// Cells are 0.1° on each side (about 11 × 8 km in France); a query visits the cells of the
/// radius's bounding box and checks each candidate's haversine distance.
struct SpatialGrid: Sendable {
    static let cellDegrees = 0.1
    private var cells: [Int64: [Int32]] = [:]
    private let latitudes: [Double]
    private let longitudes: [Double]
    /// cos(latitude) of each point, computed once for the haversine formula.
    private let cosines: [Double]

    /// Indexes every point with finite coordinates.
    init(latitudes: [Double], longitudes: [Double]) {
        self.latitudes = latitudes
        self.longitudes = longitudes
        cosines = latitudes.map { cos($0 * .pi / 180) }
        for index in latitudes.indices where latitudes[index].isFinite && longitudes[index].isFinite {
            cells[Self.key(Self.cell(latitudes[index]), Self.cell(longitudes[index])), default: []].append(Int32(index))
        }
    }

    /// Every point within `radiusKm` (inclusive) of the origin, with its distance.
    ///
    /// - Complexity: O(cells in the bounding box + points in them).
    func within(_ radiusKm: Double, ofLatitude latitude: Double, longitude: Double, body: (Int, Double) -> Void) {
        // The exact extent of a spherical cap of angular radius δ around latitude φ: ±δ in latitude,
        // ±asin(sin δ / cos φ) in longitude (the whole circle when the cap reaches a pole).
        let angle = radiusKm / Haversine.earthRadiusKm
        let latitudeDelta = angle * 180 / .pi * (1 + 1e-9)
        let originCosine = cos(latitude * .pi / 180)
        let ratio = sin(min(angle, .pi / 2)) / originCosine
        let longitudeDelta = ratio >= 1 || !ratio.isFinite ? 180 : asin(ratio) * 180 / .pi * (1 + 1e-9) + 1e-12
        let rows = Self.cell(latitude - latitudeDelta)...Self.cell(latitude + latitudeDelta)
        let columns = Self.cell(longitude - longitudeDelta)...Self.cell(longitude + longitudeDelta)
        for row in rows {
            for column in columns {
                guard let points = cells[Self.key(row, column)] else { continue }
                for point in points {
                    let index = Int(point)
                    // The bounding box first: cheap comparisons spare the trigonometry for far points.
                    guard abs(latitudes[index] - latitude) <= latitudeDelta, abs(longitudes[index] - longitude) <= longitudeDelta else { continue }
                    let distance = Haversine.distanceKm(latitude, longitude, cosine: originCosine, latitudes[index], longitudes[index], cosine: cosines[index])
                    if distance <= radiusKm { body(index, distance) }
                }
            }
        }
    }

    private static func cell(_ degrees: Double) -> Int { Int((degrees / cellDegrees).rounded(.down)) }
    private static func key(_ row: Int, _ column: Int) -> Int64 { Int64(row) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: column))) }
}
