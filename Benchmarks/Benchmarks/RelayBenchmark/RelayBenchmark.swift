import Benchmark
import BenchmarkSupport
import Foundation
import Maillage

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
private let shared = root.deletingLastPathComponent().appendingPathComponent("shared/data")

/// The national directory: all communes, the CNFS and Aidants Connect lists and 30,000 synthetic lieux.
private struct National: Sendable {
    let path: String
    let directory: RelayDirectory
    let territories: TerritoryTable
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
        return National(path: path, directory: try store.relayDirectory(), territories: try store.territoryTable(), origins: origins)
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

    // Coverage holes for one service over every commune of France (target: under 1 s).
    Benchmark("gaps --service aide-aux-demarches-administratives --radius-km 10, all 34,875 communes (maillage)",
              configuration: .init(metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 1, maxIterations: 10)) { _ in
        blackHole(try national.directory.gaps(GapQuery(service: "aide-aux-demarches-administratives", radiusKm: 10), territories: national.territories))
    }
    Benchmark("gaps --service acquisition-de-materiel-informatique-a-prix-solidaire --radius-km 10, all communes (maillage)",
              configuration: .init(metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 1, maxIterations: 10)) { _ in
        blackHole(try national.directory.gaps(GapQuery(service: "acquisition-de-materiel-informatique-a-prix-solidaire", radiusKm: 10),
                                              territories: national.territories))
    }

    // The comparisons: the same question as SQL through the sqlite3 shell, one statement per origin,
    // timed by the shell itself; its per-query CPU times (user + sys: `real` is only printed to the
    // millisecond) become the measurements. First a plain bounding box on the place table, then the
    // same box through an R*Tree index built for the purpose (the other spatial index considered).
    let queryTime = BenchmarkMetric.custom("query time (µs)", polarity: .prefersSmaller, useScalingFactor: false)
    let sqlOrigins = Array(national.origins.prefix(500))
    Benchmark("same query as bounding-box SQL in the sqlite3 shell (per query, from .timer)",
              configuration: .init(metrics: [queryTime], maxIterations: 1)) { benchmark in
        let statements = sqlOrigins.map { origin in
            let box = BoundingBox(latitude: origin.latitude, longitude: origin.longitude, radiusKm: 10)
            return """
                SELECT n.public_id, p.latitude, p.longitude FROM place p JOIN node n ON n.id = p.node_id
                JOIN relay r ON r.node_id = n.id JOIN service s ON s.id = r.service_id
                WHERE p.latitude BETWEEN \(box.south) AND \(box.north) AND p.longitude BETWEEN \(box.west) AND \(box.east)
                  AND (s.slug = 'aide-aux-demarches-administratives' OR s.parent_id = (SELECT id FROM service WHERE slug = 'aide-aux-demarches-administratives'));
                """
        }
        for time in try SQLiteShell.timings(database: national.path, statements: statements) { benchmark.measurement(queryTime, time) }
    }
    Benchmark("same query through an R*Tree index in the sqlite3 shell (per query, from .timer)",
              configuration: .init(metrics: [queryTime], maxIterations: 1)) { benchmark in
        let copy = national.path + ".rtree.sqlite"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: national.path, toPath: copy)
        _ = try SQLiteShell.timings(database: copy, statements: [
            "CREATE VIRTUAL TABLE place_rtree USING rtree(id, south, north, west, east);",
            "INSERT INTO place_rtree SELECT node_id, latitude, latitude, longitude, longitude FROM place WHERE latitude IS NOT NULL;",
        ])
        let statements = sqlOrigins.map { origin in
            let box = BoundingBox(latitude: origin.latitude, longitude: origin.longitude, radiusKm: 10)
            return """
                SELECT n.public_id FROM place_rtree t JOIN node n ON n.id = t.id
                JOIN relay r ON r.node_id = n.id JOIN service s ON s.id = r.service_id
                WHERE t.south >= \(box.south) AND t.north <= \(box.north) AND t.west >= \(box.west) AND t.east <= \(box.east)
                  AND (s.slug = 'aide-aux-demarches-administratives' OR s.parent_id = (SELECT id FROM service WHERE slug = 'aide-aux-demarches-administratives'));
                """
        }
        for time in try SQLiteShell.timings(database: copy, statements: statements) { benchmark.measurement(queryTime, time) }
    }
}

/// The box of latitudes and longitudes around a point that holds every point within a radius.
private struct BoundingBox {
    let south: Double, north: Double, west: Double, east: Double

    init(latitude: Double, longitude: Double, radiusKm: Double) {
        let dLat = radiusKm / 111.195, dLon = radiusKm / (111.195 * cos(latitude * .pi / 180))
        south = latitude - dLat
        north = latitude + dLat
        west = longitude - dLon
        east = longitude + dLon
    }
}

/// Runs statements through the sqlite3 shell with `.timer on` and returns each one's CPU time in µs.
private enum SQLiteShell {
    static func timings(database: String, statements: [String]) throws -> [Int] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data((".timer on\n.output /dev/null\n" + statements.joined(separator: "\n")).utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // "Run Time: real 0.001 user 0.000850 sys 0.000012"
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard line.hasPrefix("Run Time: "), fields.count >= 8, let user = Double(fields[5]), let system = Double(fields[7]) else { return nil }
            return Int((user + system) * 1_000_000)
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
