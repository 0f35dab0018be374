/// The département a point lies in, as far as commune centroids tell: that of the nearest
/// centroid. A place near a border can be nearer a centroid across it, so a code is said to
/// point elsewhere only when its own département's nearest centroid is more than
/// ``borderMarginKm`` farther than the nearest of all.
struct CoordinateDepartements {
    /// How much farther than the nearest centroid a code's own département may be and still hold the point.
    static let borderMarginKm = 10.0

    let communes: [QualityRows.Commune]
    private let nearest: NearestPoint
    private let byDepartement: [String: [Int]]

    init(communes: [QualityRows.Commune]) {
        self.communes = communes
        nearest = NearestPoint(latitudes: communes.map { $0.latitude ?? .nan }, longitudes: communes.map { $0.longitude ?? .nan }) { _ in true }
        byDepartement = Dictionary(grouping: communes.indices.filter { communes[$0].latitude != nil && communes[$0].longitude != nil },
                                   by: { communes[$0].departement })
    }

    /// Where a point stands against the départements a code gives.
    struct Verdict {
        /// The commune whose centroid is nearest to the point, and its distance.
        var nearest: QualityRows.Commune
        var nearestKm: Double
        /// The distance to the nearest centroid of the code's départements.
        var ownKm: Double
    }

    /// The verdict when the point lies outside every one of `departements` (beyond the border
    /// margin); nil when it lies in one of them, or when they have no located commune.
    func outside(latitude: Double, longitude: Double, departements: [String]) -> Verdict? {
        guard let found = nearest.nearest(latitude: latitude, longitude: longitude) else { return nil }
        let commune = communes[found.index]
        guard !departements.contains(commune.departement) else { return nil }
        var own = Double.infinity
        for departement in departements {
            for index in byDepartement[departement] ?? [] {
                guard let lat = communes[index].latitude, let lon = communes[index].longitude else { continue }
                own = min(own, Haversine.distanceKm(latitude, longitude, lat, lon))
            }
        }
        guard own.isFinite, own - found.distanceKm > Self.borderMarginKm else { return nil }
        return Verdict(nearest: commune, nearestKm: found.distanceKm, ownKm: own)
    }

    /// The départements a postal code can belong to: its first two digits (three overseas); either
    /// Corsican département for `20xxx`.
    static func departements(ofPostalCode code: String) -> [String] {
        guard let departement = PostalCodes.departement(ofPostalCode: code) else { return [] }
        return code.hasPrefix("20") ? ["2A", "2B"] : [departement]
    }
}
