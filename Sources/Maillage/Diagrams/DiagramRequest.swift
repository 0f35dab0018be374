/// Which diagram to draw: `maillage render KIND …`.
public struct DiagramRequest: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The mediation network of a commune, EPCI or département.
        case territory
        /// One place or intermediary and everything within K hops.
        case ego
        /// Who relays one service across a territory, and who refers people to them.
        case service
        /// A geographic schematic of a service's coverage, communes at their coordinates.
        case coverage
        /// A service's coverage through the week: a 7 × 24 heat table of the covered share.
        case week
    }

    /// What colours the communes of a `coverage` diagram.
    public enum Colouring: String, Sendable, CaseIterable {
        /// Covered by two relays or more, by one, or uncovered.
        case coverage
        /// E2SFCA accessibility quintile.
        case access
    }

    public var kind: Kind
    /// A commune's INSEE code, an EPCI's SIREN or a département code (see ``TerritoryTable/communes(within:)``).
    public var scope: String?
    /// The focus of an `ego` diagram.
    public var id: String?
    public var hops = 2
    public var service: String?
    /// The coverage radius of a `coverage` or `week` diagram, in km.
    public var radiusKm = 10.0
    public var colouring: Colouring = .coverage
    /// A `coverage` diagram at one moment (local time in France): only the relays open then count.
    public var openAt: LocalDateTime?
    /// A day of the week a `week` diagram shows (its Monday starts it); this week when nil.
    public var weekOf: LocalDateTime?

    public init(kind: Kind) {
        self.kind = kind
    }
}

/// What a request lacks or names wrongly.
public enum DiagramError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A field of ``DiagramRequest`` the kind of diagram needs.
    public enum Field: String, Sendable {
        /// ``DiagramRequest/scope``: a commune, EPCI or département.
        case scope
        /// ``DiagramRequest/id``: a place or intermediary.
        case id
        /// ``DiagramRequest/service``.
        case service

        /// What the field holds, in words.
        public var meaning: String {
            switch self {
            case .scope: "a territory (a commune, an EPCI or a département)"
            case .id: "the id of a place or intermediary"
            case .service: "a service"
            }
        }
    }

    case missing(kind: DiagramRequest.Kind, field: Field)

    public var description: String {
        switch self {
        case .missing(let kind, let field): "\(Self.article(kind)) \(kind.rawValue) diagram needs \(field.meaning)."
        }
    }

    /// "An ego diagram", "A territory diagram".
    public static func article(_ kind: DiagramRequest.Kind) -> String { kind == .ego ? "An" : "A" }
}
