import Foundation
import Testing
@testable import Maillage

/// The demo territory (Seeds/demo), loaded once per test.
enum DemoStore {
    static func load(referrals: Bool = true) throws -> Store {
        let store = try Fixtures.store()
        let demo = Fixtures.seeds.appendingPathComponent("demo")
        var files = [(ImportKind.communes, "communes.csv"), (.lieux, "lieux.csv"), (.intermediaries, "intermediaires.csv")]
        if referrals { files.append((.referrals, "orientations.csv")) }
        for (kind, file) in files { _ = try store.importFile(kind, path: demo.appendingPathComponent(file).path) }
        return store
    }
}

/// The DOT text of each diagram kind on the demo territory, compared byte for byte with the files
/// in Resources/golden (set MAILLAGE_UPDATE_GOLDEN=1 to rewrite them after a deliberate change,
/// and review the diff).
@Suite struct DiagramGoldenTests {
    static let cases: [(file: String, request: DiagramRequest)] = {
        var territory = DiagramRequest(kind: .territory)
        territory.scope = "epci:200072015"
        var ego = DiagramRequest(kind: .ego)
        ego.id = "ardeche-lieu-001"
        ego.hops = 1
        var service = DiagramRequest(kind: .service)
        service.service = "assurance-retraite"
        service.scope = "epci:200071413"
        var coverage = DiagramRequest(kind: .coverage)
        coverage.service = "assurance-retraite"
        coverage.scope = "departement:07"
        var access = coverage
        access.colouring = .access
        access.scope = "epci:200073245"
        return [("territory-200072015.dot", territory), ("ego-ardeche-lieu-001.dot", ego), ("service-assurance-retraite-200071413.dot", service),
                ("coverage-assurance-retraite-07.dot", coverage), ("coverage-access-assurance-retraite-200073245.dot", access)]
    }()

    static let folder = Fixtures.root.appendingPathComponent("Tests/MaillageTests/Resources/golden")

    @Test(arguments: cases.map(\.file))
    func dotTextMatchesTheGoldenFile(file: String) throws {
        let request = try #require(Self.cases.first { $0.file == file }?.request)
        let text = try DemoStore.load().diagram(request).text
        let url = Self.folder.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["MAILLAGE_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "\(file) differs from its golden file")
    }

    @Test func theSameDataGivesTheSameTextFromTwoLoads() throws {
        var request = DiagramRequest(kind: .territory)
        request.scope = "departement:07"
        let first = try DemoStore.load().diagram(request).text
        let second = try DemoStore.load().diagram(request).text
        #expect(first == second && first.count > 10_000)
    }
}

@Suite struct DiagramContentTests {
    @Test func aTerritoryHasClustersByCommuneOrEpciATitleAndALegend() throws {
        let store = try DemoStore.load()
        var request = DiagramRequest(kind: .territory)
        request.scope = "epci:200072015"
        let epci = try store.diagram(request)
        let clusters = { (dot: DOTGraph) in dot.subgraphs.filter { $0.name != "cluster_legende" } }
        #expect(clusters(epci).allSatisfy { $0.name.hasPrefix("cluster_commune:") } && !clusters(epci).isEmpty)
        // The legend: a sample of each shape drawn, and the table of chips and edges.
        let legend = try #require(epci.subgraphs.first { $0.name == "cluster_legende" })
        #expect(legend.nodes.contains { $0.id == "legende-table" } && legend.nodes.contains { $0.attributes["label"] == .text("Conseillers numériques") })
        guard case .text(let title) = epci.graphAttributes["label"] else { Issue.record("no title"); return }
        #expect(title.contains("CA Annonay Rhône Agglo (200072015)") && title.contains("données au 20"))
        request.scope = "departement:07"
        let departement = try store.diagram(request)
        #expect(clusters(departement).allSatisfy { $0.name.hasPrefix("cluster_epci:") })
        // Every place of the département is drawn, once.
        let places = try store.lieux().filter { $0.codeInsee?.hasPrefix("07") == true }.count
        let drawn = departement.subgraphs.flatMap(\.nodes).filter { $0.id.hasPrefix("ardeche-lieu-") }.count
        #expect(drawn == places)
    }

    @Test func egoReachesKHopsAndMarksTheFocus() throws {
        let store = try DemoStore.load()
        var request = DiagramRequest(kind: .ego)
        request.id = "ardeche-lieu-001"
        request.hops = 0
        let alone = try store.diagram(request)
        let drawn = { (dot: DOTGraph) in dot.nodeCount - (dot.subgraphs.first { $0.name == "cluster_legende" }?.nodes.count ?? 0) }
        #expect(drawn(alone) == 1)   // the focus alone
        request.hops = 1
        let one = try store.diagram(request)
        request.hops = 2
        let two = try store.diagram(request)
        #expect(drawn(one) > 1 && drawn(two) >= drawn(one))
        let focus = one.subgraphs.flatMap(\.nodes).first { $0.id == "ardeche-lieu-001" }
        #expect(focus?.attributes["peripheries"] == .raw("2"))
        request.id = "nobody"
        #expect(throws: QueryError.self) { try store.diagram(request) }
    }

    @Test func missingOptionsAreNamed() throws {
        let store = try DemoStore.load()
        #expect(throws: DiagramError.missing(kind: .territory, field: .scope)) {
            try store.diagram(DiagramRequest(kind: .territory))
        }
        #expect(throws: DiagramError.self) { try store.diagram(DiagramRequest(kind: .coverage)) }
        var unknown = DiagramRequest(kind: .service)
        unknown.service = "nothing like this"
        #expect(throws: QueryError.self) { try store.diagram(unknown) }
    }
}
