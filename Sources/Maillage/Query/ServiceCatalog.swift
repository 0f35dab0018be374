/// The taxonomy's services as bit positions, so that "relays S or a finer service under S" is
/// one mask test.
public struct ServiceCatalog: Sendable {
    public let slugs: [String]
    public let labels: [String]
    /// What to bring for each service, as the taxonomy says (empty when it says nothing).
    let toBring: [[String]]
    /// For each service, the mask of itself and every service under it.
    let descendants: [UInt64]
    /// For each service, the mask of every service above it.
    let ancestors: [UInt64]
    private let matcher: LabelMatcher
    private let numberByLabel: [String: Int]

    init(taxonomy: Taxonomy) throws {
        let services = taxonomy.services
        guard services.count <= 64 else { throw QueryError.tooManyServices(services.count) }
        slugs = services.map(\.slug)
        labels = services.map(\.label)
        toBring = services.map { $0.toBring ?? [] }
        let number = Dictionary(uniqueKeysWithValues: services.enumerated().map { ($1.slug, $0) })
        var masks = services.indices.map { UInt64(1) << UInt64($0) }
        var above = [UInt64](repeating: 0, count: services.count)
        // Add each service's bit to all its ancestors, and theirs to its own ancestry.
        for (index, service) in services.enumerated() {
            var parent = service.parent
            while let slug = parent, let ancestor = number[slug] {
                masks[ancestor] |= UInt64(1) << UInt64(index)
                above[index] |= UInt64(1) << UInt64(ancestor)
                parent = services[ancestor].parent
            }
        }
        descendants = masks
        ancestors = above
        matcher = LabelMatcher(services.map { ($0.label, [$0.slug] + ($0.aliases ?? [])) })
        numberByLabel = Dictionary(uniqueKeysWithValues: services.enumerated().map { ($1.label, $0) })
        self.number = number
    }

    private let number: [String: Int]

    /// The service named by `name`: its exact label, its slug or an alias, ignoring case and accents.
    public func service(named name: String) throws(QueryError) -> Int {
        if case .exact(let label) = matcher.match(name), let index = numberByLabel[label] { return index }
        throw .unknownService(name, closest: matcher.closest(to: name, limit: 3))
    }

    /// The bit of a service slug.
    func bit(of slug: String) -> UInt64 {
        number[slug].map { UInt64(1) << UInt64($0) } ?? 0
    }

    /// The labels of the services in `mask`, in taxonomy order.
    func labels(in mask: UInt64) -> [String] {
        labels.indices.filter { mask & (UInt64(1) << UInt64($0)) != 0 }.map { labels[$0] }
    }
}

extension ServiceCatalog {
    /// How many services sit above this one: 0 for a national service.
    public func depth(of service: Int) -> Int { ancestors[service].nonzeroBitCount }

    /// What a person sent for `service` should bring: what the taxonomy says of it, else of the
    /// closest service above it that says something; empty when none does.
    public func whatToBring(for service: Int) -> [String] {
        if !toBring[service].isEmpty { return toBring[service] }
        let above = labels.indices.filter { ancestors[service] & (UInt64(1) << UInt64($0)) != 0 }
        return above.max { depth(of: $0) < depth(of: $1) }.map(whatToBring) ?? []
    }
}
