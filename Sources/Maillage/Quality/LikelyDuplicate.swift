/// Two places that are probably one, found but not merged (a near-miss of deduplication), for
/// the quality report to list.
public struct LikelyDuplicate: Sendable, Equatable, Codable {
    public var firstId: String
    public var firstNom: String
    public var secondId: String
    public var secondNom: String
    /// How alike they are, 0–100.
    public var score: Double

    public init(firstId: String, firstNom: String, secondId: String, secondNom: String, score: Double) {
        self.firstId = firstId
        self.firstNom = firstNom
        self.secondId = secondId
        self.secondNom = secondNom
        self.score = score
    }
}
