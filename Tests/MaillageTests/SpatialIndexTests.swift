import Foundation
import Testing
@testable import Maillage

/// The grid and the nearest-point search give exactly what a brute-force scan gives.
@Suite struct SpatialIndexTests {
    /// Seeded points over metropolitan France and La Réunion.
    static func points(count: Int) -> (latitudes: [Double], longitudes: [Double]) {
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var latitudes: [Double] = [], longitudes: [Double] = []
        for index in 0..<count {
            if index % 20 == 0 {
                latitudes.append(-21.4 + next() * 0.5); longitudes.append(55.2 + next() * 0.6)
            } else {
                latitudes.append(42 + next() * 9); longitudes.append(-4.8 + next() * 13)
            }
        }
        return (latitudes, longitudes)
    }

    @Test(arguments: [0.5, 10, 30, 150, 600])
    func withinMatchesABruteForceScan(radius: Double) {
        let (latitudes, longitudes) = Self.points(count: 3_000)
        let grid = SpatialGrid(latitudes: latitudes, longitudes: longitudes)
        for origin in [(44.735, 4.599), (50.95, 1.85), (42.7, 9.45), (-21.1, 55.5), (48.85, 2.35)] {
            var found: [Int: Double] = [:]
            grid.within(radius, ofLatitude: origin.0, longitude: origin.1) { found[$0] = $1 }
            let expected = latitudes.indices.filter {
                Haversine.distanceKm(origin.0, origin.1, latitudes[$0], longitudes[$0]) <= radius
            }
            #expect(found.keys.sorted() == expected, "radius \(radius) around \(origin)")
            for (index, distance) in found {
                #expect(abs(distance - Haversine.distanceKm(origin.0, origin.1, latitudes[index], longitudes[index])) < 1e-9)
            }
        }
    }

    @Test func nearestMatchesABruteForceScan() {
        let (latitudes, longitudes) = Self.points(count: 2_000)
        // Only every 7th point counts, so that some origins are far from everything.
        let nearest = NearestPoint(latitudes: latitudes, longitudes: longitudes) { $0 % 7 == 0 }
        for origin in [(44.735, 4.599), (51.0, 2.5), (43.3, 5.4), (-21.2, 55.4), (16.2, -61.5), (4.9, -52.3)] {
            let expected = latitudes.indices.filter { $0 % 7 == 0 }
                .map { Haversine.distanceKm(origin.0, origin.1, latitudes[$0], longitudes[$0]) }.min()
            let found = nearest.nearest(latitude: origin.0, longitude: origin.1)?.distanceKm
            #expect(found == expected, "around \(origin)")
        }
        #expect(NearestPoint(latitudes: latitudes, longitudes: longitudes) { _ in false }.nearest(latitude: 45, longitude: 5) == nil)
    }
}
