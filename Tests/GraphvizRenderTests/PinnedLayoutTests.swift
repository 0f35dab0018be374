import Foundation
import Testing
import GraphvizRender

@Suite struct PinnedLayoutTests {
    /// Each node's `pos` in the JSON output, by name.
    static func positions(in json: [UInt8]) throws -> [String: (x: Double, y: Double)] {
        let object = try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
        let objects = try #require(object?["objects"] as? [[String: Any]])
        var positions: [String: (x: Double, y: Double)] = [:]
        for node in objects where node["nodes"] == nil {
            let name = try #require(node["name"] as? String)
            let pos = try #require(node["pos"] as? String).split(separator: ",").compactMap { Double($0) }
            try #require(pos.count == 2)
            positions[name] = (pos[0], pos[1])
        }
        return positions
    }

    @Test func keepsTheGivenPositions() throws {
        let json = try GraphvizRenderer.shared.render(Fixtures.small(), engine: .pinned, format: .json)
        let at = try Self.positions(in: json)
        let a = try #require(at["a"]), b = try #require(at["b"]), c = try #require(at["c"])
        // Graphviz moves the drawing so that its bounding box starts at (0, 0), as `neato -n` does:
        // the positions relative to each other are the ones given, in points.
        #expect(abs((b.x - a.x) - 100) < 0.01 && abs((b.y - a.y) - 50) < 0.01)
        #expect(abs((c.x - a.x) - 200) < 0.01 && abs(c.y - a.y) < 0.01)
    }

    @Test func otherEnginesMoveThem() throws {
        let json = try GraphvizRenderer.shared.render(Fixtures.small(), engine: .dot, format: .json)
        let at = try Self.positions(in: json)
        let a = try #require(at["a"]), c = try #require(at["c"])
        #expect(abs((c.x - a.x) - 200) > 0.01 || abs(c.y - a.y) > 0.01)
    }

    @Test func displayedAsNeatoMinusN() {
        #expect(GraphvizEngine.pinned.displayName == "neato -n")
        #expect(GraphvizEngine.sfdp.displayName == "sfdp")
    }
}
