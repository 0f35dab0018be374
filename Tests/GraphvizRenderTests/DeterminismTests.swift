import Foundation
import Testing
import GraphvizRender

/// The same DOT text gives the same bytes every time in a long-lived process, as it does from a
/// fresh `dot` process. (fdp is the exception: see ``GraphvizEngine/fdp``.)
@Suite struct DeterminismTests {
    static let engines: [GraphvizEngine] = [.dot, .neato, .sfdp, .circo, .twopi]

    @Test(arguments: engines)
    func clustersComeOutTheSameEveryTime(engine: GraphvizEngine) throws {
        let renderer = GraphvizRenderer.shared
        let first = try renderer.render(Fixtures.clustered(), engine: engine, format: .svg)
        for round in 1...3 {
            // Other renders in between leave the heap in another state.
            _ = try renderer.render(Fixtures.clustered(communes: round + 2, places: 3), engine: engine, format: .json)
            let same = try renderer.render(Fixtures.clustered(), engine: engine, format: .svg) == first
            #expect(same, "render \(round + 1) differs from the first")
        }
    }

    @Test func anAnonymousGraphIsNamedAsTheDotProgramNamesIt() throws {
        for _ in 1...3 {
            let svg = String(decoding: try GraphvizRenderer.shared.render("digraph { a -> b }", format: .svg), as: UTF8.self)
            #expect(svg.contains("<title>%3</title>"))
        }
    }
}
