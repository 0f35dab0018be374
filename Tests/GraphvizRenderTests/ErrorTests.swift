import Foundation
import Testing
@testable import GraphvizRender

@Suite struct ErrorTests {
    @Test func aSyntaxErrorCarriesGraphvizsMessageAndLeavesTheRendererWorking() throws {
        let broken = "digraph {\n  a -> b;\n  c -> ;\n}\n"
        #expect(throws: GraphvizError.syntax(message: "syntax error in line 3 near ';'")) {
            try GraphvizRenderer.shared.render(broken, format: .svg)
        }
        let svg = try GraphvizRenderer.shared.render(Fixtures.small(), format: .svg)
        #expect(svg.starts(with: Array("<?xml".utf8)))
    }

    @Test func emptyTextIsNoGraph() {
        #expect(throws: GraphvizError.syntax(message: "the text holds no graph")) {
            try GraphvizRenderer.shared.render("  \n", format: .svg)
        }
    }

    @Test func textAfterTheFirstGraphDoesNotLeakIntoTheNextRender() throws {
        // cgraph's lexer keeps what it read past the first graph for the next parse.
        let first = try GraphvizRenderer.shared.render("digraph { a } digraph { leaked -> }", format: .dot)
        #expect(String(decoding: first, as: UTF8.self).contains("a\t["))
        let second = try GraphvizRenderer.shared.render("digraph { b }", format: .dot)
        let text = String(decoding: second, as: UTF8.self)
        #expect(text.contains("b\t[") && !text.contains("leaked"))
    }

    @Test func pinnedWithoutPositionsIsALayoutError() throws {
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.shared.render("digraph { a -> b }", engine: .pinned, format: .svg)
        }
        guard case .layoutFailed(.pinned, let message) = error else {
            Issue.record("expected a layout error, got \(String(describing: error))")
            return
        }
        #expect(message.contains("node a has no position"))
        #expect(error?.localizedDescription.hasPrefix("The neato -n layout failed") == true)
    }

    @Test func anUnknownLayoutAttributeIsALayoutError() throws {
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.shared.render("digraph g { layout=nosuch; a -> b }", engine: .dot, format: .svg)
        }
        guard case .layoutFailed(.dot, let message) = error else {
            Issue.record("expected a layout error, got \(String(describing: error))")
            return
        }
        #expect(message.hasPrefix("Layout type: \"nosuch\" not recognized. Use one of:"))
        #expect(message.contains("sfdp"))
    }

    @Test func missingPluginsNameTheDebianPackage() {
        let png = GraphvizError.missingRenderPlugin(format: .png, message: "Format: \"png\" not recognized.").localizedDescription
        #expect(png.contains("png") && png.contains("libgvc6") && png.contains("cairo") && png.contains("libgvc6-config-update -c"))
        let sfdp = GraphvizError.missingLayoutPlugin(engine: .sfdp, message: "").localizedDescription
        #expect(sfdp.contains("sfdp") && sfdp.contains("neato_layout") && sfdp.contains("libgvc6"))
    }

    @Test func theWholeNationalNetworkIsRefusedFast() throws {
        // 36,000 nodes, the order of France's communes.
        let national = Fixtures.isolatedNodes(36_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(throws: GraphvizError.tooLarge(nodes: 36_000, edges: 0, limit: 20_000, suggestion: nil)) {
                try GraphvizRenderer.shared.render(national, format: .svg)
            }
        }
        // Refused while counting, before any layout: a layout of 36,000 nodes takes minutes, so a
        // generous bound tells the two apart even on a loaded CI machine (speed lives in Benchmarks/).
        #expect(elapsed < .seconds(30))
    }

    @Test func tooLargeForDotSuggestsSFDP() throws {
        let renderer = GraphvizRenderer(maxNodes: 200, engineLimits: [.dot: 50])
        let error = #expect(throws: GraphvizError.tooLarge(nodes: 60, edges: 59, limit: 50, suggestion: .sfdp)) {
            try renderer.render(Fixtures.chain(nodes: 60), engine: .dot, format: .svg)
        }
        let message = try #require(error?.localizedDescription)
        #expect(message.contains("département") && message.contains("sfdp"))
        // Edges count too.
        #expect(throws: GraphvizError.tooLarge(nodes: 3, edges: 202, limit: 200, suggestion: nil)) {
            try renderer.render(Fixtures.chain(nodes: 3, extraEdges: 200), engine: .sfdp, format: .svg)
        }
    }

    @Test func enginesAreChosenBySizeAndLimited() throws {
        let renderer = GraphvizRenderer.shared
        typealias Size = GraphvizLibrary.ParsedGraph
        #expect(try renderer.engine(nil, for: Size(nodes: 1_000, edges: 1_500)) == .dot)
        #expect(try renderer.engine(nil, for: Size(nodes: 1_001, edges: 1_500)) == .sfdp)
        #expect(try renderer.engine(.neato, for: Size(nodes: 1_000, edges: 1_000)) == .neato)
        #expect(throws: GraphvizError.tooLarge(nodes: 1_001, edges: 0, limit: 1_000, suggestion: .sfdp)) {
            try renderer.engine(.neato, for: Size(nodes: 1_001, edges: 0))
        }
        #expect(throws: GraphvizError.tooLarge(nodes: 300, edges: 300, limit: 200, suggestion: .sfdp)) {
            try renderer.engine(.circo, for: Size(nodes: 300, edges: 300))
        }
        // The DOT's own layout attribute wins, as in Graphviz, and brings its limit.
        #expect(try renderer.engine(.sfdp, for: Size(nodes: 10, edges: 10, layout: "circo")) == .circo)
        #expect(try renderer.engine(nil, for: Size(nodes: 10, edges: 10, layout: "nop")) == .pinned)
        #expect(throws: GraphvizError.tooLarge(nodes: 300, edges: 0, limit: 200, suggestion: .sfdp)) {
            try renderer.engine(.sfdp, for: Size(nodes: 300, edges: 0, layout: "circo"))
        }
        #expect(renderer.limit(for: .sfdp) == 20_000 && renderer.limit(for: .pinned) == 20_000)
        #expect(GraphvizRenderer(maxNodes: 100).limit(for: .dot) == 100)
    }

    @Test func aLayoutAttributeCannotSlipPastTheLimit() {
        let circular = "digraph big { layout=circo;\n" + (0..<300).map { "n\($0);" }.joined(separator: "\n") + "}"
        #expect(throws: GraphvizError.tooLarge(nodes: 300, edges: 0, limit: 200, suggestion: .sfdp)) {
            try GraphvizRenderer.shared.render(circular, engine: .sfdp, format: .svg)
        }
    }

    @Test func withoutAnEngineLargeGraphsGoToSFDP() throws {
        let renderer = GraphvizRenderer.shared
        let limit = Fixtures.chain(nodes: GraphvizRenderer.dotNodeLimit)
        let dotAtLimit = try renderer.render(limit, format: .dot) == renderer.render(limit, engine: .dot, format: .dot)
        #expect(dotAtLimit)
        let over = Fixtures.chain(nodes: GraphvizRenderer.dotNodeLimit + 1)
        let chosen = try renderer.render(over, format: .dot)
        let sfdpOver = try chosen == renderer.render(over, engine: .sfdp, format: .dot)
        let dotOver = try chosen == renderer.render(over, engine: .dot, format: .dot)
        #expect(sfdpOver && !dotOver)
    }
}

/// A raster image over the renderer's pixel limit is refused before it is drawn.
@Suite struct CanvasLimitTests {
    /// Two pinned nodes 100 inches apart: about 9,700 × 60 px at 96 dpi, 0.57 million pixels.
    static let wide = "graph { a [pos=\"0,0!\"]; b [pos=\"7200,0!\"] }"

    @Test func aPNGOverThePixelLimitIsRefusedWithItsSize() throws {
        let renderer = GraphvizRenderer(maxPixels: 500_000)
        let error = #expect(throws: GraphvizError.self) { try renderer.render(Self.wide, engine: .pinned, format: .png) }
        guard case .canvasTooLarge(let width, let height, let limit) = error else {
            Issue.record("expected canvasTooLarge, got \(String(describing: error))")
            return
        }
        #expect(width > 9_600 && width < 9_800 && height < 100 && limit == 500_000)
        #expect(error?.localizedDescription.contains("SVG or PDF") == true)
        // Vector formats have no pixels: the same graph is drawn.
        #expect(try renderer.render(Self.wide, engine: .pinned, format: .svg).starts(with: Array("<?xml".utf8)))
        #expect(try GraphvizRenderer.shared.render(Self.wide, engine: .pinned, format: .png).starts(with: [0x89, 0x50]))
    }
}
