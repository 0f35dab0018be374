import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Maillage
import Testing

/// `maillage export graph`: the network built from the directory, and its four formats read back.
@Suite struct GraphExportTests {
    @Test func theReferralsGraphHoldsTheNetworkOfMaillageNetworkAndItsEdges() throws {
        let store = try DemoStore.load()
        let graph = try store.exportedGraph(.referrals)
        let report = try store.network(level: .intermediaries)
        #expect(graph.nodes.count == report.nodes)
        let (referrals, worksAt) = (try Self.count(store, "SELECT COUNT(*) FROM shown_referral"), try Self.count(store, "SELECT COUNT(*) FROM shown_works_at"))
        #expect(graph.edges.filter { $0.kind == "referral" }.count == referrals)
        #expect(graph.edges.filter { $0.kind == "works_at" }.count == worksAt)
        // A place's degree: the distinct nodes it refers to or is referred from, counted by hand from its profile.
        let profile = try store.profile(of: "ardeche-lieu-043")
        let node = try #require(graph.nodes.first { $0.id == "ardeche-lieu-043" })
        #expect(node.degree == Set(profile.refersTo.map(\.id) + profile.referredFrom.map(\.id)).count)
        #expect(node.betweenness == report.betweenness["ardeche-lieu-043"] && node.coreNumber == report.coreNumber["ardeche-lieu-043"])
        #expect(report.communities[try #require(node.community)].contains("ardeche-lieu-043"))
        #expect(node.codeInsee == "07186" && node.type == "FS" && node.latitude != nil)
        // An intermediary stands where its first place is.
        let team = try #require(graph.nodes.first { $0.id == "ardeche-int-004" })
        #expect(team.kind == "intermediary" && team.type == "bibliothecaire" && team.headcount == 5 && team.codeInsee == "07010")
        #expect(graph.edges.contains { $0.source == "ardeche-int-004" && $0.target == "ardeche-lieu-002" && $0.kind == "works_at" })
    }

    @Test func theServicesGraphIsBipartiteAndAScopeKeepsItsOwnNodes() throws {
        let store = try DemoStore.load()
        let graph = try store.exportedGraph(.services, within: "07186")
        let services = Set(graph.nodes.filter { $0.kind == "service" }.map(\.id))
        #expect(!services.isEmpty && graph.edges.allSatisfy { services.contains($0.target) && !services.contains($0.source) && $0.kind == "relays" })
        #expect(graph.nodes.filter { $0.kind == "place" }.allSatisfy { $0.codeInsee == "07186" })
        let caf = try #require(graph.nodes.first { $0.id == "service:caf" })
        #expect(caf.label == "CAF" && caf.type == "aide-aux-demarches-administratives" && caf.degree == graph.edges.filter { $0.target == "service:caf" }.count)
        #expect(graph.nodeAttributes.map(\.name).contains("betweenness") == false)
        #expect(throws: QueryError.self) { try store.exportedGraph(.referrals, within: "99999") }
    }

    @Test func xmlTextEscapesWhatXMLNeedsAndReplacesWhatItCannotCarry() {
        #expect(XMLText.text("a & b < c > d ]]> e") == "a &amp; b &lt; c &gt; d ]]&gt; e")
        #expect(XMLText.attribute("\"l'a\"\tb\nc\rd") == "&quot;l&apos;a&quot;&#9;b&#10;c&#13;d")
        #expect(XMLText.text("tab\tline\nreturn\r") == "tab\tline\nreturn&#13;")
        #expect(XMLText.text("bell\u{7}nul\u{0}\u{FFFF}") == "bell\u{FFFD}nul\u{FFFD}\u{FFFD}")
        #expect(XMLText.text("\u{85}🧑🏽‍💻") == "&#133;🧑🏽‍💻")
    }

    static let hostile = ["Le \"Relais\" & <b>l'Atelier</b>", "Fin ]]> de CDATA", "Tab\tet\nligne\r\nfin", "🧑🏽‍💻 中文", "Cloche \u{7}"]

    /// A small graph whose names are hostile.
    static var hostileGraph: ExportedGraph {
        let nodes = hostile.enumerated().map { index, name in
            ExportedGraph.Node(id: "n-\(index) \"\(name)\"", label: name, kind: "place", type: name, degree: index, betweenness: 0.1 * Double(index),
                               coreNumber: 1, community: 0)
        }
        let edges = (1..<nodes.count).map { ExportedGraph.Edge(id: "e\($0 - 1)", source: nodes[$0 - 1].id, target: nodes[$0].id, kind: "referral",
                                                                weight: 1.5, service: hostile[$0]) }
        return ExportedGraph(kind: .referrals, nodes: nodes, edges: edges)
    }

    /// What XML 1.0 can carry of `text`: the C0 controls but tab, line feed and carriage return become U+FFFD.
    static func carried(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 && ![9, 10, 13].contains($0.value) ? "\u{FFFD}" : $0 }))
    }

    @Test func graphMLAndGEXFReadBackEveryHostileName() throws {
        let graph = Self.hostileGraph
        let graphML = try XMLValues(GraphMLWriter.document(graph))
        #expect(graphML.texts(ofElement: "data", key: "label") == Self.hostile.map(Self.carried))
        #expect(graphML.texts(ofElement: "data", key: "public_id") == graph.nodes.map { Self.carried($0.id) })
        #expect(graphML.texts(ofElement: "data", key: "edge_service") == Self.hostile.dropFirst().map(Self.carried))
        #expect(graphML.texts(ofElement: "data", key: "betweenness").compactMap(Double.init) == graph.nodes.map { $0.betweenness ?? -1 })
        let gexf = try XMLValues(GEXFWriter.document(graph, date: "2026-12-02"))
        #expect(gexf.attributes("label", of: "node") == Self.hostile.map(Self.carried))
        #expect(gexf.attributes("id", of: "node") == graph.nodes.map { Self.carried($0.id) })
        #expect(gexf.attributes("source", of: "edge") == graph.edges.map { Self.carried($0.source) })
    }

    @Test func kumuAndCSVReadBackEveryHostileNameExactly() throws {
        let graph = Self.hostileGraph
        let kumu = try #require(try JSONSerialization.jsonObject(with: Data(KumuWriter.document(graph).utf8)) as? [String: [[String: Any]]])
        #expect(kumu["elements"]?.map { $0["label"] as? String } == Self.hostile)
        #expect(kumu["connections"]?.map { $0["from"] as? String } == graph.edges.map(\.source))
        #expect(kumu["connections"]?.map { $0["direction"] as? String } == graph.edges.map { _ in "directed" })
        let nodes = try TabularFile(name: "nodes.csv", data: Data(GraphCSV.nodes(graph).utf8), required: RequiredColumns(kind: "nodes", names: ["Id"]))
        let label = try #require(nodes.header.firstIndex(of: "Label"))
        #expect(nodes.records.map { $0.fields[label] } == Self.hostile)
        let edges = try TabularFile(name: "edges.csv", data: Data(GraphCSV.edges(graph).utf8), required: RequiredColumns(kind: "edges", names: ["Id"]))
        let service = try #require(edges.header.firstIndex(of: "service"))
        #expect(edges.records.map { $0.fields[service] } == Array(Self.hostile.dropFirst()))
    }

    private static func count(_ store: Store, _ sql: String) throws -> Int {
        try store.writer.read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }
}

/// The values an XML document gives back once parsed: element texts and attributes.
private final class XMLValues: NSObject, XMLParserDelegate {
    private var elements: [(name: String, attributes: [String: String], text: String)] = []
    private var open: [Int] = []

    init(_ document: String) throws {
        super.init()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
    }

    func texts(ofElement name: String, key: String) -> [String] {
        elements.filter { $0.name == name && $0.attributes["key"] == key }.map(\.text)
    }

    func attributes(_ attribute: String, of name: String) -> [String] {
        elements.filter { $0.name == name }.compactMap { $0.attributes[attribute] }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append((name, attributes, ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = open.last { elements[current].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }
}
