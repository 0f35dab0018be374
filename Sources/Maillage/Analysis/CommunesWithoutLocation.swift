/// The communes that have no coordinates (8 in the national file: communes created after the
/// source of the centroids): no distance can be measured to them, so coverage, accessibility and
/// planning leave them out of their figures and report them apart, here.
public struct CommunesWithoutLocation: Sendable, Equatable, Codable {
    /// How many, and their inhabitants.
    public var communes: Int = 0
    public var population: Int = 0
    /// Their INSEE codes, ordered.
    public var codes: [String] = []

    public init(communes: Int = 0, population: Int = 0, codes: [String] = []) {
        self.communes = communes
        self.population = population
        self.codes = codes
    }

    /// Counts one more.
    mutating func add(_ commune: TerritoryTable.Commune) {
        communes += 1
        population += commune.population
        codes.append(commune.code)
    }
}

extension TerritoryTable.Commune {
    /// Whether the commune has coordinates (a centroid) to measure distances from.
    public var hasLocation: Bool { latitude.isFinite && longitude.isFinite }
}

extension TerritoryTable {
    /// Of these communes (indices), those with a location, and the others counted apart.
    public func located(_ indices: [Int]) -> (located: [Int], withoutLocation: CommunesWithoutLocation) {
        var located: [Int] = []
        var without = CommunesWithoutLocation()
        located.reserveCapacity(indices.count)
        for index in indices {
            if communes[index].hasLocation { located.append(index) } else { without.add(communes[index]) }
        }
        return (located, without)
    }

    /// The located communes of a scope (all when nil), and those without location counted apart.
    func locatedCommunes(in territory: ResolvedTerritory?) -> (located: [Int], withoutLocation: CommunesWithoutLocation) {
        located(territory.map(communes(in:)) ?? Array(communes.indices))
    }
}
