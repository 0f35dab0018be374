/// What `dedupe` compares and from which score it merges.
public struct DedupeOptions: Sendable, Equatable {
    /// The national cartography's thresholds: a pair merges at this score or above.
    public static let acrossSourcesThreshold = 83.0
    public static let withinSourceThreshold = 90.0
    /// Pairs scoring from this up to the threshold are listed for a person to review.
    public static let nearMissFloor = 70.0

    /// One threshold for every pair, instead of the two above.
    public var threshold: Double?
    /// Only the records placed in this territory (a scope as every command reads it).
    public var within: String?

    public init(threshold: Double? = nil, within: String? = nil) {
        self.threshold = threshold
        self.within = within
    }

    /// The score from which two records of these sources merge.
    func threshold(sameSource: Bool) -> Double {
        threshold ?? (sameSource ? Self.withinSourceThreshold : Self.acrossSourcesThreshold)
    }
}
