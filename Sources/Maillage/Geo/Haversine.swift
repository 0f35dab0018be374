import Foundation

/// Great-circle distances on a sphere of radius 6371.0 km.
public enum Haversine {
    public static let earthRadiusKm = 6371.0

    /// The distance in kilometres between two WGS84 points given in degrees.
    public static func distanceKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        distanceKm(lat1, lon1, cosine: cos(lat1 * .pi / 180), lat2, lon2, cosine: cos(lat2 * .pi / 180))
    }

    /// The same distance, with the cosines of both latitudes already computed (bulk searches).
    static func distanceKm(_ lat1: Double, _ lon1: Double, cosine cos1: Double, _ lat2: Double, _ lon2: Double, cosine cos2: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians, dLon = (lon2 - lon1) * radians
        let a = sin(dLat / 2) * sin(dLat / 2) + cos1 * cos2 * sin(dLon / 2) * sin(dLon / 2)
        return 2 * earthRadiusKm * asin(min(1, a.squareRoot()))
    }
}
