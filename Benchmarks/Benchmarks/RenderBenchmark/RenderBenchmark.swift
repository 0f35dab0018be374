import Benchmark
import Foundation
import GraphvizRender

/// The 1,000-node territory diagram, and its file for the `dot` program.
private let diagram = TerritoryDiagram(nodes: 1_000)
private let diagramPath: String = {
    do { return try diagram.write() } catch { fatalError("cannot write the diagram: \(error)") }
}()

/// What the `dot` program writes for the diagram with sfdp and with dot, run once on first use:
/// each in-process result is checked against it, outside the measurement, so that both sides are
/// known to do the same work.
private let programSFDP = runDot(["-Ksfdp", "-Tsvg", diagramPath])
private let programDot = runDot(["-Kdot", "-Tsvg", diagramPath])

/// In process against the `dot` program, on the same file, the same engine, the same SVG bytes.
///
/// The in-process side runs under the benchmark tool's malloc interposer (a size header and counters
/// on every allocation; dot makes hundreds of thousands), the subprocess does not. For the
/// like-for-like figures, build without it, in a scratch folder of its own:
/// `BENCHMARK_DISABLE_MALLOC_INTERPOSER=1 swift package --scratch-path .build-nomalloc
/// --allow-writing-to-package-directory benchmark --target RenderBenchmark`.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 1,
                                           maxDuration: .seconds(30), maxIterations: 10)
    let name = "\(diagram.nodes) nodes, \(diagram.edges) edges, \(diagram.nodes / 16) clusters → SVG"

    // In process, through libgvc (target for sfdp: under 3 s).
    Benchmark("\(name): sfdp in process (GraphvizRenderer)") { benchmark in
        benchmark.startMeasurement()
        let svg = try GraphvizRenderer.shared.render(diagram.text, engine: .sfdp, format: .svg)
        benchmark.stopMeasurement()
        check(svg, against: programSFDP, engine: "sfdp")
    }
    Benchmark("\(name): dot in process (GraphvizRenderer)") { benchmark in
        benchmark.startMeasurement()
        let svg = try GraphvizRenderer.shared.render(diagram.text, engine: .dot, format: .svg)
        benchmark.stopMeasurement()
        check(svg, against: programDot, engine: "dot")
    }

    // The `dot` program on the same file, as a subprocess whose SVG is read from a pipe.
    Benchmark("\(name): dot -Ksfdp -Tsvg (the dot program, subprocess)") { _ in
        blackHole(runDot(["-Ksfdp", "-Tsvg", diagramPath]))
    }
    Benchmark("\(name): dot -Tsvg (the dot program, subprocess)") { _ in
        blackHole(runDot(["-Tsvg", diagramPath]))
    }
}

/// Stops the run unless the in-process SVG is byte for byte the `dot` program's.
private func check(_ svg: [UInt8], against program: [UInt8], engine: String) {
    guard svg == program else {
        fatalError("\(engine): the in-process SVG (\(svg.count) bytes) differs from the dot program's (\(program.count) bytes)")
    }
}

/// The `dot` program found on the PATH.
private let dotProgram: String = {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
    guard let path = folders.map({ "\($0)/dot" }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
        fatalError("the dot program is not on the PATH: sudo apt-get install graphviz")
    }
    return path
}()

/// Runs the `dot` program and returns what it writes on standard output.
private func runDot(_ arguments: [String]) -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: dotProgram)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    do { try process.run() } catch { fatalError("cannot run \(dotProgram): \(error)") }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { fatalError("dot \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)") }
    return [UInt8](data)
}
