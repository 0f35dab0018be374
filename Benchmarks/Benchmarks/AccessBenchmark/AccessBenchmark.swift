import Benchmark
import Foundation
import Maillage

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
private let shared = root.deletingLastPathComponent().appendingPathComponent("shared/data")
private let service = "devenir-autonome-dans-les-demarches-administratives"

/// All communes of France and the CNFS structures (the conseillers numériques relay the service).
private func buildNational() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-access-bench")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("national.sqlite").path
    let store = try Store.open(path: path)
    try store.loadTaxonomy(try Taxonomy.load(from: root.appendingPathComponent("Seeds/taxonomy")))
    _ = try store.importFile(.communes, path: shared.appendingPathComponent("communes-france.csv").path)
    _ = try store.importFile(.cnfs, path: shared.appendingPathComponent("conseillers-numeriques-structures-20230405.csv").path)
    return path
}

/// National E2SFCA (34,875 communes × 2,883 CNFS places, 30 km, PySAL's default bands), end to end.
private func e2sfca(path: String) throws -> AccessReport {
    let store = try Store.open(path: path)
    return try store.relayDirectory().access(AccessQuery(service: service), territories: store.territoryTable())
}

let benchmarks: @Sendable () -> Void = {
    guard let path = try? buildNational() else { fatalError("cannot build the national directory from ../shared/data") }
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
                                           warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 10)

    // maillage end to end: open the database, load the snapshot, build the grid, compute every score.
    Benchmark("E2SFCA national, 30 km, end to end from the database (maillage, in process)") { _ in
        blackHole(try e2sfca(path: path))
    }

    // The computation alone, once the snapshot is in memory.
    let store = try? Store.open(path: path)
    let directory = try? store?.relayDirectory(), territories = try? store?.territoryTable()
    Benchmark("E2SFCA national, 30 km, from the loaded snapshot (maillage)") { _ in
        guard let directory, let territories else { fatalError("no snapshot") }
        blackHole(try directory.access(AccessQuery(service: service), territories: territories))
    }

    // PySAL access on the same database: its cost table (numpy haversine over every commune × site
    // pair, kept ≤ 30 km), then Access(...).enhanced_two_stage_fca, timed by the script itself (best
    // of 3 runs, inputs already loaded); its peak RSS as reported by the script.
    let pysalTime = BenchmarkMetric.custom("PySAL time (ms)", polarity: .prefersSmaller, useScalingFactor: false)
    let pysalMemory = BenchmarkMetric.custom("PySAL peak RSS (MB)", polarity: .prefersSmaller, useScalingFactor: false)
    Benchmark("same E2SFCA with PySAL access 1.1.10, cost table included (python3 subprocess)",
              configuration: .init(metrics: [pysalTime, pysalMemory], maxIterations: 1)) { benchmark in
        let timing = try PySAL.time(database: path)
        benchmark.measurement(pysalTime, Int(timing.seconds * 1_000))
        benchmark.measurement(pysalMemory, Int(timing.peakMB))
    }
}

/// Runs Benchmarks/compare/access_reference.py --time and reads its JSON.
private enum PySAL {
    struct Timing: Decodable {
        let seconds: Double
        let peakMB: Double
        enum CodingKeys: String, CodingKey {
            case seconds = "total_s"
            case peakMB = "peak_rss_mb"
        }
    }

    static func time(database: String) throws -> Timing {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Benchmarks/compare/access_reference.py").path,
                             "--db", database, "--service", service, "--method", "e2sfca", "--catchment-km", "30", "--time", "--repeat", "3"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { fatalError("access_reference.py failed (pip install -r Benchmarks/compare/requirements.txt)") }
        return try JSONDecoder().decode(Timing.self, from: data)
    }
}
