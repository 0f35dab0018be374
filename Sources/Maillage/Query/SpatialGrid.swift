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

    /// Indexes every point with finite coordinates.
    init(latitudes: [Double], longitudes: [Double]) {
        self.latitudes = latitudes
        self.longitudes = longitudes
        for index in latitudes.indices where latitudes[index].isFinite && longitudes[index].isFinite {
            cells[Self.key(Self.cell(latitudes[index]), Self.cell(longitudes[index])), default: []].append(Int32(index))
        }
    }

    /// Every point within `radiusKm` (inclusive) of the origin, with its distance.
    ///
    /// - Complexity: O(cells in the bounding box + points in them).
    func within(_ radiusKm: Double, ofLatitude latitude: Double, longitude: Double, body: (Int, Double) -> Void) {
        let latitudeDelta = radiusKm / (Haversine.earthRadiusKm * .pi / 180)
        let cosine = max(cos(latitude * .pi / 180), 0.01)
        let longitudeDelta = min(180, latitudeDelta / cosine)
        let rows = Self.cell(latitude - latitudeDelta)...Self.cell(latitude + latitudeDelta)
        let columns = Self.cell(longitude - longitudeDelta)...Self.cell(longitude + longitudeDelta)
        for row in rows {
            for column in columns {
                guard let points = cells[Self.key(row, column)] else { continue }
                for point in points {
                    let index = Int(point)
                    let distance = Haversine.distanceKm(latitude, longitude, latitudes[index], longitudes[index])
                    if distance <= radiusKm { body(index, distance) }
                }
            }
        }
    }

    private static func cell(_ degrees: Double) -> Int { Int((degrees / cellDegrees).rounded(.down)) }
    private static func key(_ row: Int, _ column: Int) -> Int64 { Int64(row) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: column))) }
}
