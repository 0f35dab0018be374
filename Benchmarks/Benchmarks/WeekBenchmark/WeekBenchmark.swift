import Benchmark
import BenchmarkSupport
import Foundation
import Maillage

/// `maillage week` on the national directory (target: under 3 s), beside its reference: the same
/// 168 hours asked one at a time, as `gaps --open-at` asks them (each slot redoing the spatial work).
let benchmarks: @Sendable () -> Void = {
    guard let path = try? NationalDirectory.build(folder: "maillage-week-bench", dedupe: true) else { fatalError("cannot build the national directory from ../shared/data") }
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
                                           warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)
    let store = try! Store.open(path: path, access: .read)
    let directory = try! store.relayDirectory(), territories = try! store.territoryTable()
    let coverage = GapQuery(service: "aide-aux-demarches-administratives", radiusKm: 15)
    let monday = LocalDateTime(year: 2026, month: 11, day: 30)

    Benchmark("week: 168 hours, whole country, 15 km (load + query)") { _ in
        let store = try Store.open(path: path, access: .read)
        blackHole(try store.relayDirectory().week(WeekQuery(coverage: coverage, date: monday), territories: store.territoryTable()))
    }
    Benchmark("week: 168 hours, whole country, 15 km (query on a loaded directory)") { _ in
        blackHole(try directory.week(WeekQuery(coverage: coverage, date: monday), territories: territories))
    }
    Benchmark("reference: the 168 hours one at a time, gaps --open-at at each half hour (query on a loaded directory)",
              configuration: .init(metrics: [.wallClock], timeUnits: .milliseconds, maxIterations: 3)) { _ in
        var day = monday
        for slot in 0..<168 {
            if slot > 0, slot % 24 == 0 { day = day.nextDay }
            var query = coverage
            query.openAt = LocalDateTime(year: day.year, month: day.month, day: day.day, hour: slot % 24, minute: 30)
            blackHole(try directory.gaps(query, territories: territories))
        }
    }
}
