import BenchmarkSupport
import Benchmark
import Foundation
import Maillage

/// `Benchmarks/compare/betweenness_reference.py`, which times python-igraph and NetworkX.
private let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("compare/betweenness_reference.py").path

/// A synthetic referral network: a G(n, m) random graph drawn with a fixed seed, and its edge list
/// on disk so that the Python side reads exactly the same graph.
private struct SyntheticNetwork: Sendable {
    static let nodes = 20_000, edges = 60_000, seed: UInt64 = 42
    let graph: UndirectedGraph
    /// The edge list (`a b` per line) and igraph's values, kept between the benchmarks' processes.
    let edgesPath: String, igraphValuesPath: String

    static func build() throws -> SyntheticNetwork {
        var random = SplitMix64(state: seed)
        var seen = Set<Int>(), edges: [(Int, Int)] = []
        while edges.count < Self.edges {
            let a = Int.random(in: 0..<nodes, using: &random), b = Int.random(in: 0..<nodes, using: &random)
            if a != b, seen.insert(min(a, b) * nodes + max(a, b)).inserted { edges.append((a, b)) }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-network-bench")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let edgesPath = folder.appendingPathComponent("edges.txt").path
        let igraphValuesPath = folder.appendingPathComponent("igraph-betweenness.txt").path
        let text = "# G(n, m): \(nodes) nodes, \(Self.edges) edges, seed \(seed)\n" + edges.map { "\($0.0) \($0.1)\n" }.joined()
        if (try? String(contentsOfFile: edgesPath, encoding: .utf8)) != text {
            try? FileManager.default.removeItem(atPath: igraphValuesPath)  // computed on another graph
            try text.write(toFile: edgesPath, atomically: true, encoding: .utf8)
        }
        return SyntheticNetwork(graph: UndirectedGraph(count: nodes, edges: edges), edgesPath: edgesPath, igraphValuesPath: igraphValuesPath)
    }

    /// igraph's values in NetworkX's normalisation, written by the igraph benchmark (run now if missing).
    func igraphValues() throws -> [Double] {
        if !FileManager.default.fileExists(atPath: igraphValuesPath) {
            _ = try Reference.run([edgesPath, "--nodes", "\(Self.nodes)", "--only", "igraph", "--values", igraphValuesPath])
        }
        return try String(contentsOfFile: igraphValuesPath, encoding: .utf8).split(separator: "\n").map { line in
            guard let value = Double(line) else { throw Reference.Failure(description: "\(igraphValuesPath): not a number: \(line)") }
            return value
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    guard let network = try? SyntheticNetwork.build() else { fatalError("cannot write the synthetic network's edge list") }
    let nodes = SyntheticNetwork.nodes, sampled = 500
    let wallClock = BenchmarkMetric.custom("wall clock (ms)", polarity: .prefersSmaller, useScalingFactor: false)
    let cpu = BenchmarkMetric.custom("CPU (ms)", polarity: .prefersSmaller, useScalingFactor: false)
    let once = Benchmark.Configuration(metrics: [wallClock, cpu], units: [wallClock: .count, cpu: .count],
                                       warmupIterations: 0, maxIterations: 1)
    // The tool runs each benchmark in its own process, sorted by name: NetworkX, igraph (which
    // writes its values to the temporary folder), then maillage (which checks its values against them).
    let name = "betweenness, 20,000 nodes, 60,000 edges"

    // The references, through betweenness_reference.py, which times the call alone (not the loading).
    // NetworkX from `sampled` sources, its time multiplied by n / sampled: Brandes' cost is per source.
    Benchmark("\(name): NetworkX betweenness_centrality, \(sampled) sampled sources × \(nodes / sampled) (extrapolated; subprocess)",
              configuration: once) { benchmark in
        let report = try Reference.run([network.edgesPath, "--nodes", "\(nodes)", "--only", "networkx", "--k", "\(sampled)"])
        guard let networkx = report.networkx else { throw Reference.Failure(description: "no NetworkX timing") }
        benchmark.measurement(wallClock, Int(networkx.seconds * 1_000))
        benchmark.measurement(cpu, Int(networkx.cpuSeconds * 1_000))
    }
    Benchmark("\(name): igraph Graph.betweenness (subprocess, timed by the script)", configuration: once) { benchmark in
        let report = try Reference.run([network.edgesPath, "--nodes", "\(nodes)", "--only", "igraph", "--values", network.igraphValuesPath])
        guard let igraph = report.igraph else { throw Reference.Failure(description: "no igraph timing") }
        benchmark.measurement(wallClock, Int(igraph.seconds * 1_000))
        benchmark.measurement(cpu, Int(igraph.cpuSeconds * 1_000))
    }

    // maillage, in process; each iteration's values checked against igraph's, outside the measurement.
    Benchmark("\(name): maillage UndirectedGraph.betweenness (in process, checked against igraph to 1e-9)",
              configuration: .init(metrics: [.wallClock, .cpuTotal], timeUnits: .milliseconds, warmupIterations: 1,
                                   maxDuration: .seconds(600), maxIterations: 3)) { benchmark in
        benchmark.startMeasurement()
        let values = network.graph.betweenness()
        benchmark.stopMeasurement()
        checkAgreement(values, igraph: try network.igraphValues())
    }
}

/// Stops the run unless every value is within 1e-9 of igraph's, absolute or relative; reports the
/// largest difference. A crash rather than a thrown error, so that the benchmark tool exits with an error.
private func checkAgreement(_ ours: [Double], igraph: [Double]) {
    guard ours.count == igraph.count else { fatalError("maillage gave \(ours.count) betweenness values, igraph \(igraph.count)") }
    var worst = 0.0
    for (node, (a, b)) in zip(ours, igraph).enumerated() {
        let difference = abs(a - b)
        if difference > 1e-9 && difference > 1e-9 * max(abs(a), abs(b)) {
            fatalError("betweenness of node \(node): maillage \(a), igraph \(b) (difference \(difference))")
        }
        worst = max(worst, difference)
    }
    FileHandle.standardError.write(Data("maillage agrees with igraph on all \(ours.count) nodes (largest difference \(worst))\n".utf8))
}

/// Runs betweenness_reference.py with python3 from the PATH and decodes the timings it prints.
private enum Reference {
    struct Timing: Decodable { let seconds: Double, cpuSeconds: Double }
    struct Report: Decodable { let igraph: Timing?, networkx: Timing? }
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func run(_ arguments: [String]) throws -> Report {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 \(script) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Report.self, from: data)
    }
}
