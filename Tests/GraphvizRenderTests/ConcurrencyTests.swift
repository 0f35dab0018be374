import Foundation
import Testing
import GraphvizRender

@Suite struct ConcurrencyTests {
    /// Graphs for three engines, so that unserialised calls would mix dot's, sfdp's and neato's global state.
    static func inputs() -> [(dot: String, engine: GraphvizEngine)] {
        [(Fixtures.small(), .dot), (Fixtures.chain(nodes: 40), .sfdp), (Fixtures.awkwardLabels(), .dot), (Fixtures.htmlTable(), .neato)]
    }

    @Test func sixteenConcurrentRendersMatchSerialOnes() async throws {
        let inputs = Self.inputs()
        let expected = try inputs.map { try GraphvizRenderer.shared.render($0.dot, engine: $0.engine, format: .svg) }
        let results = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for task in 0..<16 {
                let input = inputs[task % inputs.count]
                group.addTask {
                    (task % inputs.count, try GraphvizRenderer.shared.render(input.dot, engine: input.engine, format: .svg))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16)
        let mismatches = results.filter { $0.1 != expected[$0.0] }.map(\.0)
        #expect(mismatches.isEmpty)
    }

    @Test func sixteenBackgroundRendersMatchSerialOnes() async throws {
        let inputs = Self.inputs()
        let expected = try inputs.map { try GraphvizRenderer.shared.render($0.dot, engine: $0.engine, format: .json) }
        let results = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for task in 0..<16 {
                let input = inputs[task % inputs.count]
                group.addTask {
                    (task % inputs.count, try await GraphvizRenderer.shared.renderInBackground(input.dot, engine: input.engine, format: .json))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16)
        let mismatches = results.filter { $0.1 != expected[$0.0] }.map(\.0)
        #expect(mismatches.isEmpty)
    }

    @Test func errorsInOneTaskDoNotDisturbTheOthers() async throws {
        let good = try GraphvizRenderer.shared.render(Fixtures.small(), format: .svg)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<16 {
                group.addTask {
                    if task.isMultiple(of: 2) {
                        #expect(throws: GraphvizError.syntax(message: "syntax error in line 1 near '}'")) {
                            try GraphvizRenderer.shared.render("digraph { a -> }", format: .svg)
                        }
                    } else {
                        let bytes = try GraphvizRenderer.shared.render(Fixtures.small(), format: .svg)
                        #expect(bytes == good)
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
