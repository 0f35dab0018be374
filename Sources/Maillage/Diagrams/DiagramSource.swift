/// Everything diagrams are drawn from, read once (``Store/diagramSource()``, ``Snapshot/diagramSource``): the graph, the
/// territories, the taxonomy's labels and the places' update dates.
public struct DiagramSource: Sendable {
    public var graph: GraphProjection
    public var territories: TerritoryTable
    /// Service labels, by the graph's service numbering.
    public var serviceLabels: [String]
    /// Actor type slug → label ("Conseillers numériques").
    public var actorTypeLabels: [String: String]
    /// A place's `date_maj`, by node; nil for intermediaries.
    public var dateMaj: [String?]

    public init(graph: GraphProjection, territories: TerritoryTable, serviceLabels: [String], actorTypeLabels: [String: String], dateMaj: [String?]) {
        self.graph = graph
        self.territories = territories
        self.serviceLabels = serviceLabels
        self.actorTypeLabels = actorTypeLabels
        self.dateMaj = dateMaj
    }

    /// The national service each service sits under (itself for a national one).
    func nationalService(of service: Int) -> Int {
        var current = service
        while graph.serviceParent[current] >= 0 { current = Int(graph.serviceParent[current]) }
        return current
    }

    /// The services a node relays, itself or (for a place) through the intermediaries working there.
    func services(of node: Int, withWorkers workers: [Int] = []) -> Set<Int> {
        var services = Set(graph.relays.neighbours(of: node).map(Int.init))
        for worker in workers { services.formUnion(graph.relays.neighbours(of: worker).map(Int.init)) }
        return services
    }
}
