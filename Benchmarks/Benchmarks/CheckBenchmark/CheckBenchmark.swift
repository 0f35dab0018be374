import Benchmark
import BenchmarkSupport
import Foundation
import Maillage

private let today = LocalDateTime(year: 2024, month: 2, day: 22)

let benchmarks: @Sendable () -> Void = {
    guard let path = try? NationalDirectory.build(folder: "maillage-check-bench") else { fatalError("cannot build the national directory from ../shared/data") }
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
