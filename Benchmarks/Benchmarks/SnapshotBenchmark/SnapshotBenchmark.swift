import Benchmark
import BenchmarkSupport
import Foundation
import Maillage

/// The national directory as `Scripts/france` builds it, fragility index included, then dedupe applied.
let benchmarks: @Sendable () -> Void = {
    guard let path = try? NationalDirectory.build(folder: "maillage-snapshot-bench", fragility: true, dedupe: true) else { fatalError("cannot build the national directory from ../shared/data") }
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
