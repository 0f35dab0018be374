import Benchmark
import Foundation
import Maillage

/// The national files, from `../shared/data` beside the project.
private let project = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let sharedData = project.deletingLastPathComponent().appendingPathComponent("shared/data")

/// A database of the national files (communes, CNFS, Aidants Connect, the Hinaura lieux file and
/// the v1 example), built once; each measured run works on a copy.
private func nationalDatabase() throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-dedupe-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("national.sqlite").path
    let store = try Store.open(path: path)
    try store.loadTaxonomy(try Taxonomy.load(from: project.appendingPathComponent("Seeds/taxonomy")))
    for (kind, file) in [(ImportKind.communes, "communes-france.csv"), (.cnfs, "conseillers-numeriques-structures-20230405.csv"),
                         (.aidantsConnect, "aidants-connect-structures-2024.csv"), (.lieux, "lieux-mediation-numerique-hinaura-schema-v0.1.json"),
                         (.lieux, "lieux-v1-exemple-officiel.csv")] {
        _ = try store.importFile(kind, path: sharedData.appendingPathComponent(file).path, options: ImportOptions(dataDate: "2024-02-22"))
    }
    return path
}

private func copy(_ path: String) throws -> String {
    let copy = path + "-\(UUID().uuidString).sqlite"
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    return copy
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 10)
    guard let national = try? nationalDatabase() else { fatalError("the national files were not found in \(sharedData.path)") }

    // The proposal only: read the records, block, compare, chain.
    Benchmark("dedupe --dry-run, national files (maillage, in process)") { _ in
        blackHole(try Store.open(path: national).dedupe(dryRun: true))
    }

    // The whole job: the proposal, then every merge written and every merged place derived, in one transaction.
    Benchmark("dedupe, merges written (maillage, in process)") { benchmark in
        let path = try copy(national)
        benchmark.startMeasurement()
        blackHole(try Store.open(path: path).dedupe(dryRun: false))
        benchmark.stopMeasurement()
        try? FileManager.default.removeItem(atPath: path)
    }

    // The reference: the same rules in Python with rapidfuzz (Benchmarks/compare/dedupe_reference.py), reading the same database.
    Benchmark("the same proposal in Python + rapidfuzz (reference)") { benchmark in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", project.appendingPathComponent("Benchmarks/compare/dedupe_reference.py").path, national, "--reference-only"]
        process.standardOutput = FileHandle.nullDevice
        benchmark.startMeasurement()
        try process.run()
        process.waitUntilExit()
        benchmark.stopMeasurement()
    }
}
