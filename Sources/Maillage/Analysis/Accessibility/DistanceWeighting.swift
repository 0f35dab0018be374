/// How much a supply site and a population point count for each other at a given distance:
/// uniformly within the catchment (2SFCA), or by distance bands (E2SFCA).
public enum DistanceWeighting: Sendable, Equatable {
    /// Weight 1 at any distance within the catchment.
    case uniform
    /// A step function: the weight of the first band whose bound is at least the distance
    /// (bounds inclusive), 0 beyond the last band — PySAL access's `weights.step_fn`.
    case bands([Band])

    public struct Band: Sendable, Equatable, Codable {
        public var maxKm: Double
        public var weight: Double

        public init(maxKm: Double, weight: Double) {
            self.maxKm = maxKm
            self.weight = weight
        }

        enum CodingKeys: String, CodingKey {
            case maxKm = "max_km"
            case weight
        }
    }

    /// The bands of the enhanced method's original paper, PySAL access's default: {10: 1, 20: 0.68, 30: 0.22}.
    public static let defaultBands = [Band(maxKm: 10, weight: 1), Band(maxKm: 20, weight: 0.68), Band(maxKm: 30, weight: 0.22)]

    /// The weight at `distanceKm`.
    public func weight(at distanceKm: Double) -> Double {
        switch self {
        case .uniform: 1
        case .bands(let bands): bands.first { distanceKm <= $0.maxKm }?.weight ?? 0
        }
    }

    /// Reads bands written `10:1,20:0.68,30:0.22` (bound in km, colon, weight), sorted by bound.
    public static func parseBands(_ text: String) throws(QueryError) -> [Band] {
        var bands: [Band] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count == 2,
                  let bound = Double(pieces[0].trimmingCharacters(in: .whitespaces)), bound > 0, bound.isFinite,
                  let weight = Double(pieces[1].trimmingCharacters(in: .whitespaces)), weight >= 0, weight.isFinite
            else {
                throw .invalidBands(text, part: String(part))
            }
            guard !bands.contains(where: { $0.maxKm == bound }) else { throw .invalidBands(text, part: String(part)) }
            bands.append(Band(maxKm: bound, weight: weight))
        }
        return bands.sorted { $0.maxKm < $1.maxKm }
    }
}
