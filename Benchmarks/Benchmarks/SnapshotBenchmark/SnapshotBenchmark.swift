import Benchmark
import Foundation
import Maillage

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
private let shared = root.deletingLastPathComponent().appendingPathComponent("shared/data")

/// The national directory as `Scripts/france` builds it: every commune, the CNFS and Aidants Connect
/// lists, the Hinaura lieux, the v1 example and the fragility index, then dedupe applied.
private func buildNational() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-snapshot-bench")
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
    _ = try store.importFile(.fragility, path: file("indice-fragilite-numerique-communes.csv"))
    _ = try store.importFile(.fragility, path: file("indice-fragilite-numerique-epci.csv"))
    _ = try store.dedupe(dryRun: false)
    return path
}

let benchmarks: @Sendable () -> Void = {
    guard let path = try? buildNational() else { fatalError("cannot build the national directory from ../shared/data") }
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
                                           warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 15)

    // Before: what `relays`, `gaps` and the other queries loaded, in a read of its own each.
    Benchmark("before: relay directory + territory table, separate reads (what `relays` and `gaps` load)") { _ in
        let store = try Store.open(path: path, access: .read)
        blackHole(try store.relayDirectory())
        blackHole(try store.territoryTable())
    }
    Benchmark("before: every part the web server needs, separate reads (directory, diagram source, fragility)") { _ in
        let store = try Store.open(path: path, access: .read)
        blackHole(try store.relayDirectory())
        blackHole(try store.diagramSource())
        blackHole(try store.fragilityIndex())
    }

    // Now: the whole snapshot in one read transaction (target: under 300 ms).
    Benchmark("snapshot: everything, one read transaction (Store.snapshot)") { _ in
        let store = try Store.open(path: path, access: .read)
        blackHole(try store.snapshot())
    }

    // Its parts, each in a read of its own: where the time goes.
    Benchmark("part: relay directory (places, intermediaries, relays, zones, hours)") { _ in
        blackHole(try Store.open(path: path, access: .read).relayDirectory())
    }
    Benchmark("part: graph projection") { _ in
        blackHole(try Store.open(path: path, access: .read).graph())
    }
    Benchmark("part: territory table") { _ in
        blackHole(try Store.open(path: path, access: .read).territoryTable())
    }
    Benchmark("part: fragility index") { _ in
        blackHole(try Store.open(path: path, access: .read).fragilityIndex())
    }
    let table = try! Store.open(path: path, access: .read).territoryTable()
    Benchmark("part: commune names folded for suggestions") { _ in
        blackHole(CommuneNames(table))
    }

    // What the server does every refresh interval when nothing changed.
    Benchmark("data version check (nothing changed)", configuration: .init(metrics: [.wallClock], timeUnits: .microseconds, maxIterations: 1_000)) { _ in
        let store = try Store.open(path: path, access: .read)
        blackHole(try store.dataVersion())
    }
}
