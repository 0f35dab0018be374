/// Where a place counts for every distance (relays, gaps, access, plan, paths, maps): its own
/// coordinates, unless it has none or they lie more than ``farFromCommuneKm`` from its commune's
/// centroid, in which case it stands at that centroid until they are corrected (the quality report lists such
/// places as ``QualityProblemKind/farFromCommune``).
package enum EffectiveLocation {
    /// Coordinates farther than this from their commune's centroid are not trusted.
    package static let farFromCommuneKm = 30.0

    /// The point a place stands at for distances: its coordinates when they are near its commune,
    /// else its commune's centroid; nil when it has neither.
    package static func of(latitude: Double?, longitude: Double?,
                           communeCentroid centroid: (latitude: Double, longitude: Double)?) -> (latitude: Double, longitude: Double)? {
        let centroid = centroid.flatMap { $0.latitude.isFinite && $0.longitude.isFinite ? $0 : nil }
        guard let latitude, let longitude, latitude.isFinite, longitude.isFinite else { return centroid }
        guard let centroid else { return (latitude, longitude) }
        return isFar(latitude: latitude, longitude: longitude, from: centroid) ? centroid : (latitude, longitude)
    }

    /// Whether a point lies more than ``farFromCommuneKm`` from a commune's centroid.
    package static func isFar(latitude: Double, longitude: Double, from centroid: (latitude: Double, longitude: Double)) -> Bool {
        distanceKm(latitude: latitude, longitude: longitude, from: centroid) > farFromCommuneKm
    }

    /// The great-circle distance from a point to a commune's centroid.
    package static func distanceKm(latitude: Double, longitude: Double, from centroid: (latitude: Double, longitude: Double)) -> Double {
        Haversine.distanceKm(latitude, longitude, centroid.latitude, centroid.longitude)
    }
}
