/// The digital fragility index (0–10, higher is more fragile) of the current communes, as read by
/// ``Store/fragilityIndex()``.
public struct FragilityIndex: Sendable, Equatable {
    public struct Value: Sendable, Equatable {
        public enum Source: String, Sendable, Codable { case commune, epci }
        public var value: Double
        /// Whether the value is the commune's own or its EPCI's (the commune is absent from the index's older COG).
        public var source: Source
    }

    public var byCommune: [String: Value] = [:]

    public init(byCommune: [String: Value] = [:]) {
        self.byCommune = byCommune
    }

    public var isEmpty: Bool { byCommune.isEmpty }
}
