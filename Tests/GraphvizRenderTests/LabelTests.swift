import Foundation
import Testing
import GraphvizRender

@Suite struct LabelTests {
    @Test func awkwardLabelsRenderEscapedInSVG() throws {
        let svg = String(decoding: try GraphvizRenderer.shared.render(Fixtures.awkwardLabels(), format: .svg), as: UTF8.self)
        #expect(svg.contains("&lt;b&gt;Lieu&lt;/b&gt; &amp; co &gt; 3 &lt; 4"))
        #expect(svg.contains("L&#39;« Espace &quot;Numérique&quot; »") || svg.contains("L'« Espace &quot;Numérique&quot; »"))
        #expect(svg.contains("Ligne 2") && svg.contains("Ligne 3"))
        #expect(svg.contains("🤝👩🏽‍💻"))
        #expect(svg.contains("Maison France Services Maison"))
    }

    @Test(arguments: [GraphvizFormat.png, .pdf, .json])
    func awkwardLabelsRenderInOtherFormats(format: GraphvizFormat) throws {
        let bytes = try GraphvizRenderer.shared.render(Fixtures.awkwardLabels(), format: format)
        #expect(bytes.count > 100)
    }

    @Test func htmlLikeTableLabelRenders() throws {
        let svg = String(decoding: try GraphvizRenderer.shared.render(Fixtures.htmlTable(), format: .svg), as: UTF8.self)
        #expect(svg.contains("Médiathèque &amp; Cie"))
        #expect(svg.contains(">CAF<") && svg.contains(">ANTS<"))
        #expect(svg.contains("fill=\"lightblue\""))
    }
}
