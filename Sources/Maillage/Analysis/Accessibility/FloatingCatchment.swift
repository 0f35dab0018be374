import Foundation

/// The two-step floating catchment area method (Luo & Wang 2003) and its enhanced, distance-banded
/// form (Luo & Qi 2009), computed as PySAL `access` computes `two_stage_fca` and
/// `enhanced_two_stage_fca` on haversine distances:
///
/// - step 1, for each supply site j: R_j = S_j / Σ_{i: d_ij ≤ D} P_i·W(d_ij);
/// - step 2, for each population point i: A_i = Σ_{j: d_ij ≤ D} R_j·W(d_ij).
///
/// Where PySAL leaves a value undefined, this gives 0: a point no site reaches scores 0 (PySAL: NaN),
/// and a site whose catchment holds no demand offers nothing (PySAL: a ratio of infinity).
public struct FloatingCatchment: Sendable {
    /// A point with a location and a quantity: population (demand) or capacity (supply).
    public struct Point: Sendable, Equatable {
        public var latitude: Double
        public var longitude: Double
        public var value: Double

        public init(latitude: Double, longitude: Double, value: Double) {
            self.latitude = latitude
            self.longitude = longitude
            self.value = value
        }
    }

    /// The largest distance at which a site and a point count, in km (inclusive).
    public var catchmentKm: Double
    public var weighting: DistanceWeighting

    public init(catchmentKm: Double, weighting: DistanceWeighting) {
        self.catchmentKm = catchmentKm
        self.weighting = weighting
    }

    /// The accessibility score of every demand point, in order, on haversine distances. Points or
    /// sites without finite coordinates take no part.
    ///
    /// - Complexity: O(sites × demand points within the catchment of each), through a grid.
    public func scores(demand: [Point], supply: [Point]) -> [Double] {
        let grid = SpatialGrid(latitudes: demand.map(\.latitude), longitudes: demand.map(\.longitude))
        return scores(demand: demand.map(\.value), supply: supply.map(\.value)) { site, body in
            let origin = supply[site]
            guard origin.latitude.isFinite, origin.longitude.isFinite else { return }
            grid.within(catchmentKm, ofLatitude: origin.latitude, longitude: origin.longitude, body: body)
        }
    }

    /// The accessibility score of every demand point on any cost (distance, travel time): `reach`
    /// calls its body with each demand point and its cost from a site, for the costs within the
    /// catchment (others are ignored).
    public func scores(demand: [Double], supply: [Double],
                       reach: (_ site: Int, _ body: (_ point: Int, _ cost: Double) -> Void) -> Void) -> [Double] {
        var scores = [Double](repeating: 0, count: demand.count)
        var reached: [(point: Int, weight: Double)] = []
        for site in supply.indices {
            // Step 1: the weighted demand in the site's catchment, kept for step 2.
            reached.removeAll(keepingCapacity: true)
            var weightedDemand = 0.0
            reach(site) { point, cost in
                let weight = cost <= catchmentKm ? weighting.weight(at: cost) : 0
                guard weight > 0 else { return }
                reached.append((point, weight))
                weightedDemand += demand[point] * weight
            }
            guard weightedDemand > 0 else { continue }
            // Step 2: the site's supply-to-demand ratio, spread back over the same points.
            let ratio = supply[site] / weightedDemand
            for (point, weight) in reached { scores[point] += ratio * weight }
        }
        return scores
    }

    /// The demand-weighted mean score over every point; 0 when there is no demand.
    public static func mean(_ scores: [Double], demand: [Double]) -> Double {
        var weighted = 0.0, total = 0.0
        for (score, value) in zip(scores, demand) {
            weighted += score * value
            total += value
        }
        return total > 0 ? weighted / total : 0
    }

    /// Scores divided by their demand-weighted mean (PySAL's `normalize=True`): 1 is the average
    /// access of the population. All 0 when nobody has any access.
    public static func normalized(_ scores: [Double], demand: [Double]) -> [Double] {
        let mean = mean(scores, demand: demand)
        return scores.map { mean > 0 ? $0 / mean : 0 }
    }
}
