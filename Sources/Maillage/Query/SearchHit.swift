/// One answer of `maillage search`.
public struct SearchHit: Sendable, Equatable, Codable {
    public var id: String
    public var kind: RelayResult.Kind
    public var nom: String
    public var commune: String
    /// The matching part of the description, with the matched words in [brackets].
    public var snippet: String
}
