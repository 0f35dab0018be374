import Benchmark
import BenchmarkSupport
import Foundation
import Maillage

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
private let shared = root.deletingLastPathComponent().appendingPathComponent("shared/data")

/// The scale case: 300,000 complete v1 lieux (a 358 MB CSV, about 10× the national cartography),
/// generated with the seeded ``SyntheticLieux`` over every commune, and a database holding them.
/// Both are kept in the temporary folder between runs (generating and importing take a minute).
private struct Scale: Sendable {
    static let count = 300_000
    let lieuxPath: String
    let databasePath: String
    let communesPath: String

    static func prepare() throws -> Scale {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-scale-bench")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let communes = shared.appendingPathComponent("communes-france.csv").path
        let lieux = folder.appendingPathComponent("lieux-\(count).csv").path
        if !FileManager.default.fileExists(atPath: lieux) {
            try SyntheticLieux.write(count: count, communesCSV: try Data(contentsOf: URL(fileURLWithPath: communes)), to: lieux)
        }
        let scale = Scale(lieuxPath: lieux, databasePath: folder.appendingPathComponent("scale.sqlite").path, communesPath: communes)
        if !FileManager.default.fileExists(atPath: scale.databasePath) {
            _ = try scale.emptyStore(at: scale.databasePath).importFile(.lieux, path: lieux)
        }
        return scale
    }

    /// A new database at `path` with the taxonomy and the communes, ready for the lieux.
    func emptyStore(at path: String) throws -> Store {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try Store.open(path: path)
        try store.loadTaxonomy(try Taxonomy.load(from: root.appendingPathComponent("Seeds/taxonomy")))
        _ = try store.importFile(.communes, path: communesPath)
        return store
    }
}

/// Counts the bytes an export writes, without keeping them.
private struct ByteCount: ExportOutput {
    var bytes = 0
    mutating func write(_ text: String) { bytes += text.utf8.count }
}

let benchmarks: @Sendable () -> Void = {
    guard let scale = try? Scale.prepare() else { fatalError("cannot prepare the scale case from ../shared/data/communes-france.csv") }
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
                                           warmupIterations: 0, maxDuration: .seconds(120), maxIterations: 5)

    // The import, into a database holding the communes (built before the measurement starts).
    Benchmark("import lieux, 300,000 places (358 MB v1 CSV)", configuration: .init(maxIterations: 3)) { benchmark in
        let path = scale.databasePath + ".import.sqlite"
        let store = try scale.emptyStore(at: path)
        benchmark.startMeasurement()
        blackHole(try store.importFile(.lieux, path: scale.lieuxPath))
        benchmark.stopMeasurement()
    }

    let store = try? Store.open(path: scale.databasePath)
    // What every relays, gaps, access, fragility or plan command loads first.
    Benchmark("snapshot load (relayDirectory + territoryTable), 300,000 places") { _ in
        guard let store else { return }
        blackHole(try store.relayDirectory())
        blackHole(try store.territoryTable())
    }
    // The commands end to end, in process: load, then answer.
    Benchmark("relays --commune 07186 --radius-km 10, 300,000 places (load + query)") { _ in
        guard let store else { return }
        var query = RelayQuery(service: "aide-aux-demarches-administratives", origin: .commune("07186"))
        query.radiusKm = 10
        blackHole(try store.relayDirectory().relays(query))
    }
    Benchmark("gaps --radius-km 10, all communes, 300,000 places (load + query)") { _ in
        guard let store else { return }
        blackHole(try store.relayDirectory().gaps(GapQuery(service: "aide-aux-demarches-administratives", radiusKm: 10),
                                                  territories: store.territoryTable()))
    }
    Benchmark("access (E2SFCA, 30 km), all communes, 300,000 places (load + query)") { _ in
        guard let store else { return }
        blackHole(try store.relayDirectory().access(AccessQuery(service: "aide-aux-demarches-administratives"),
                                                    territories: store.territoryTable(), fragility: FragilityIndex()))
    }
    // The week's coverage (`maillage week`): 168 hours, three places in four with hours.
    Benchmark("week, 168 hours, all communes, 300,000 places (load + query)") { _ in
        guard let store else { return }
        blackHole(try store.relayDirectory().week(WeekQuery(coverage: GapQuery(service: "aide-aux-demarches-administratives", radiusKm: 10),
                                                            date: LocalDateTime(year: 2026, month: 11, day: 30)), territories: store.territoryTable()))
    }
    // The v1 CSV export, streamed: its bytes are counted, not kept.
    Benchmark("export lieux (v1 CSV), 300,000 places", configuration: .init(maxIterations: 3)) { _ in
        guard let store else { return }
        var output = ByteCount(), summary = V1ExportSummary()
        try LieuxExport.csv(store.forEachLieu, to: &output, summary: &summary)
        blackHole(output.bytes)
    }
}
