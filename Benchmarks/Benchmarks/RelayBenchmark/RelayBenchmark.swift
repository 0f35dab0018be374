import Benchmark
import Foundation
import Maillage

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
private let shared = root.deletingLastPathComponent().appendingPathComponent("shared/data")

/// The national directory: all communes, the CNFS and Aidants Connect lists and 30,000 synthetic lieux.
private struct National: Sendable {
    let path: String
    let directory: RelayDirectory
    /// Communes to query from, drawn once with a fixed seed.
    let origins: [(code: String, latitude: Double, longitude: Double)]

    static func build() throws -> National {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-relay-bench")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("national.sqlite").path
        let store = try Store.open(path: path)
        try store.loadTaxonomy(try Taxonomy.load(from: root.appendingPathComponent("Seeds/taxonomy")))
        let communes = shared.appendingPathComponent("communes-france.csv")
        _ = try store.importFile(.communes, path: communes.path)
        _ = try store.importFile(.cnfs, path: shared.appendingPathComponent("conseillers-numeriques-structures-20230405.csv").path)
        _ = try store.importFile(.aidantsConnect, path: shared.appendingPathComponent("aidants-connect-structures-2024.csv").path,
                                 options: ImportOptions(dataDate: "2024-02-22"))
        let synthetic = try SyntheticLieux.csv(count: 30_000, communesCSV: try Data(contentsOf: communes))
        _ = try store.importData(.lieux, name: "synthetic-lieux.csv", data: Data(synthetic.utf8))
        var random = SyntheticLieux.Generator(state: 7)
        var origins: [(String, Double, Double)] = []
        try CSVReader(data: try Data(contentsOf: communes)).forEachRecord { record in
            guard record.line > 1, let lat = Double(record.fields[11]), let lon = Double(record.fields[12]) else { return }
            if Int.random(in: 0..<35, using: &random) == 0 { origins.append((record.fields[0], lat, lon)) }
        }
        return National(path: path, directory: try store.relayDirectory(), origins: origins)
    }
}

let benchmarks: @Sendable () -> Void = {
    guard let national = try? National.build() else { fatalError("cannot build the national directory from ../shared/data") }
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock], timeUnits: .microseconds, warmupIterations: 20,
                                           maxDuration: .seconds(10), maxIterations: 2_000)

    // One relays query per iteration, from a different commune each time: 10 km, one service.
    let counter = Counter()
    Benchmark("relays --service aide-aux-demarches-administratives --radius-km 10 (maillage, in process)") { _ in
        let origin = national.origins[counter.next() % national.origins.count]
        var query = RelayQuery(service: "aide-aux-demarches-administratives", origin: .commune(origin.code))
        query.radiusKm = 10
        blackHole(try national.directory.relays(query))
    }

    // The comparison: a plain bounding-box SQL for the same question, through the sqlite3 shell's
    // own timer, one statement per origin; its per-query CPU times (user + sys: `real` is only
    // printed to the millisecond) become the measurements.
    Benchmark("same query as bounding-box SQL in the sqlite3 shell (per query, from .timer)",
              configuration: .init(metrics: [.custom("query time (µs)", polarity: .prefersSmaller, useScalingFactor: false)],
                                   maxIterations: 1)) { benchmark in
        var script = ".timer on\n.output /dev/null\n"
        for origin in national.origins.prefix(500) {
            let dLat = 10 / 111.195, dLon = 10 / (111.195 * cos(origin.latitude * .pi / 180))
            script += """
                SELECT n.public_id, p.latitude, p.longitude FROM place p JOIN node n ON n.id = p.node_id
                JOIN relay r ON r.node_id = n.id JOIN service s ON s.id = r.service_id
                WHERE p.latitude BETWEEN \(origin.latitude - dLat) AND \(origin.latitude + dLat)
                  AND p.longitude BETWEEN \(origin.longitude - dLon) AND \(origin.longitude + dLon)
                  AND (s.slug = 'aide-aux-demarches-administratives' OR s.parent_id = (SELECT id FROM service WHERE slug = 'aide-aux-demarches-administratives'));

                """
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [national.path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        for line in text.split(separator: "\n") where line.hasPrefix("Run Time: ") {
            // "Run Time: real 0.001 user 0.000850 sys 0.000012"
            let fields = line.split(separator: " ")
            guard fields.count >= 8, let user = Double(fields[5]), let system = Double(fields[7]) else { continue }
            benchmark.measurement(.custom("query time (µs)", polarity: .prefersSmaller, useScalingFactor: false), Int((user + system) * 1_000_000))
        }
    }
}

/// A counter shared by the iterations of one benchmark.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
