import Foundation
import Testing
import GraphvizRender

/// No render goes through GTS's Delaunay triangulation, whose assertion
/// (`cdt.c:887 remove_intersected_edge: assertion failed: (o2 == 0.)`) aborts the whole process
/// on some inputs: `overlap` values that mean the prism algorithm are replaced by `scale`.
@Suite struct TriangulationTests {
    static let cases: [(engine: GraphvizEngine, overlap: String)] = [
        (.neato, "prism"), (.sfdp, "prism"), (.fdp, "prism"), (.twopi, "prism1000"), (.neato, "false"), (.sfdp, "0"),
    ]

    @Test(arguments: cases)
    func prismOverlapRemovalIsReplacedByScaling(engine: GraphvizEngine, overlap: String) throws {
        let dot = "graph g { overlap=\"\(overlap)\"; a -- b; b -- c; c -- a; a -- d; d -- e; e -- f; f -- a; g; h; }"
        let output = String(decoding: try GraphvizRenderer.shared.render(dot, engine: engine, format: .dot), as: UTF8.self)
        #expect(output.contains("overlap=scale"), "\(engine) with overlap=\(overlap): \(output.prefix(300))")
    }

    @Test func otherOverlapValuesAreKept() throws {
        let dot = "graph g { overlap=voronoi; a -- b; b -- c; }"
        let output = String(decoding: try GraphvizRenderer.shared.render(dot, engine: .neato, format: .dot), as: UTF8.self)
        #expect(output.contains("overlap=voronoi"))
    }
}
