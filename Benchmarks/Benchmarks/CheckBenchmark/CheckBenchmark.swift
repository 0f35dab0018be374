import Benchmark
import Foundation
import Maillage

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
private let shared = root.deletingLastPathComponent().appendingPathComponent("shared/data")
private let today = LocalDateTime(year: 2024, month: 2, day: 22)

/// The national directory: every commune, the CNFS and Aidants Connect lists, the Hinaura lieux
/// and the v1 example (8,758 active places, 8,070 intermediaries).
private func buildNational() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-check-bench")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("national.sqlite").path
    let store = try Store.open(path: path)
    try store.loadTaxonomy(try Taxonomy.load(from: root.appendingPathComponent("Seeds/taxonomy")))
    func file(_ name: String) -> String { shared.appendingPathComponent(name).path }
    _ = try store.importFile(.communes, path: file("communes-france.csv"))
    _ = try store.importFile(.cnfs, path: file("conseillers-numeriques-structures-20230405.csv"))
    _ = try store.importFile(.aidantsConnect, path: file("aidants-connect-structures-2024.csv"), options: ImportOptions(dataDate: "2024-02-22"))
    _ = try store.importFile(.lieux, path: file("lieux-mediation-numerique-hinaura-schema-v0.1.json"))
    _ = try store.importFile(.lieux, path: file("lieux-v1-exemple-officiel.csv"))
    return path
}

let benchmarks: @Sendable () -> Void = {
    guard let path = try? buildNational() else { fatalError("cannot build the national directory from ../shared/data") }
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
                                           warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 10)

    // What `maillage check` does: open the database read-only, read every record once, check it.
    Benchmark("check national (CNFS + Aidants Connect + lieux), end to end from the database") { _ in
        let store = try Store.open(path: path, access: .read)
        blackHole(try store.qualityReport(today: today))
    }

    // As `maillage check` runs it: the likely duplicates are dedupe's near-misses, found first.
    Benchmark("check national with its likely duplicates (dedupe's near-misses)") { _ in
        let store = try Store.open(path: path, access: .read)
        blackHole(try store.qualityReport(today: today, likelyDuplicates: try store.dedupe(dryRun: true).likelyDuplicates))
    }
}
