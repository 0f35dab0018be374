import Foundation
import Testing
import GraphvizRender

@Suite struct OutputFormatTests {
    static let engines = GraphvizEngine.allCases
    static let formats = GraphvizFormat.allCases

    @Test(arguments: engines, formats)
    func everyEngineWritesEveryFormat(engine: GraphvizEngine, format: GraphvizFormat) throws {
        let bytes = try GraphvizRenderer.shared.render(Fixtures.small(), engine: engine, format: format)
        switch format {
        case .svg:
            let text = try #require(String(bytes: bytes, encoding: .utf8))
            #expect(text.hasPrefix("<?xml"))
            #expect(text.contains("<svg"))
            #expect(text.contains("Médiathèque"))
        case .png:
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        case .pdf:
            #expect(bytes.starts(with: Array("%PDF-".utf8)))
        case .json:
            let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
            let nodes = try #require(object?["objects"] as? [[String: Any]]).filter { $0["nodes"] == nil }
            #expect(Set(nodes.compactMap { $0["name"] as? String }) == ["a", "b", "c"])
            #expect(nodes.allSatisfy { $0["pos"] is String })
        case .dot:
            // The laid-out DOT reads back in, positions and all.
            let text = try #require(String(bytes: bytes, encoding: .utf8))
            #expect(text.contains("pos="))
            let again = try GraphvizRenderer.shared.render(text, engine: .pinned, format: .svg)
            #expect(again.starts(with: Array("<?xml".utf8)))
        }
    }

    @Test func mediaTypes() {
        #expect(GraphvizFormat.allCases.map(\.mediaType)
            == ["image/svg+xml", "image/png", "application/pdf", "application/json", "text/vnd.graphviz"])
    }
}
