/// Everything maillage answers from, read from the store in one transaction and tagged with the
/// data version it shows (``Store/snapshot()``): the relay directory (places, intermediaries,
/// services, opening hours, zones), the territories, the service catalogue, the graph projection
/// with what diagrams need, and the fragility index.
///
/// A snapshot never changes: the command line loads one per command, the web server holds one
/// for every request (``LiveSnapshot``) and swaps in the next when the data moves on.
public struct Snapshot: Sendable {
    /// The database's data version when the snapshot was read: every import, merge or edit moves it on.
    public let dataVersion: Int
    /// Who relays what where, indexed for ``RelayQuery`` and the coverage reports.
    public let directory: RelayDirectory
    /// The graph, the territories and the labels diagrams are drawn from.
    public let diagramSource: DiagramSource
    /// The digital-fragility index by commune (empty when none was imported).
    public let fragility: FragilityIndex
    /// The communes by name, for suggestions.
    public let communeNames: CommuneNames

    public init(dataVersion: Int, directory: RelayDirectory, diagramSource: DiagramSource, fragility: FragilityIndex) {
        self.dataVersion = dataVersion
        self.directory = directory
        self.diagramSource = diagramSource
        self.fragility = fragility
        communeNames = CommuneNames(directory.territories)
    }

    /// The communes with populations and coordinates, and the names of the territories above them.
    public var territories: TerritoryTable { directory.territories }
    /// The directory as a graph: places, intermediaries, services and the edges between them.
    public var graph: GraphProjection { diagramSource.graph }
    /// The services of the taxonomy, by label, slug and hierarchy.
    public var catalog: ServiceCatalog { directory.catalog }
}
