import Benchmark
import class CSV.CSVReader
import Foundation
import Maillage
import SwiftCSV

/// The national files, from `../shared/data` beside the project.
private let sharedData = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data")
private let seeds = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Seeds/taxonomy")
private let communes = sharedData.appendingPathComponent("communes-france.csv").path
private let cnfs = sharedData.appendingPathComponent("conseillers-numeriques-structures-20230405.csv").path
private let aidants = sharedData.appendingPathComponent("aidants-connect-structures-2024.csv").path

/// A fresh database file in a fresh temporary directory.
private func freshDatabasePath() throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent("bench.sqlite").path
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)
    let taxonomy = try? Taxonomy.load(from: seeds)

    // The whole job: a new database file, the taxonomy, then the three national files, one transaction each.
    Benchmark("import communes + CNFS + Aidants Connect (maillage, in process)") { benchmark in
        guard let taxonomy else { fatalError("Seeds/taxonomy not found") }
        let path = try freshDatabasePath()
        benchmark.startMeasurement()
        let store = try Store.open(path: path)
        try store.loadTaxonomy(taxonomy)
        for (kind, file) in [(ImportKind.communes, communes), (.cnfs, cnfs), (.aidantsConnect, aidants)] {
            blackHole(try store.importFile(kind, path: file, options: ImportOptions(dataDate: "2024-02-22")))
        }
        benchmark.stopMeasurement()
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    // The floor: the sqlite3 shell's .import of the same three CSVs into plain tables, no checks.
    Benchmark("import the same CSVs with sqlite3 .import (floor)") { benchmark in
        let path = try freshDatabasePath()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, "-cmd", ".mode csv", "-cmd", ".import \(communes) communes", "-cmd", ".separator ;",
                             "-cmd", ".import \(cnfs) cnfs", "-cmd", ".separator ,", "-cmd", ".import \(aidants) aidants", ".quit"]
        benchmark.startMeasurement()
        try process.run()
        process.waitUntilExit()
        benchmark.stopMeasurement()
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    // Parsing alone, the communes file (4.3 MB), against the two CSV libraries of the machine.
    let communesData = (try? Data(contentsOf: URL(fileURLWithPath: communes))) ?? Data()
    Benchmark("parse communes-france.csv: maillage CSVReader (bytes)") { _ in
        var count = 0
        try Maillage.CSVReader(data: communesData).forEachRecord { count += $0.fields.count }
        blackHole(count)
    }
    Benchmark("parse communes-france.csv: CSV.swift 2.5.2") { _ in
        let reader = try CSVReader(string: String(decoding: communesData, as: UTF8.self))
        var count = 0
        while let row = reader.next() { count += row.count }
        blackHole(count)
    }
    Benchmark("parse communes-france.csv: SwiftCSV 0.10.0") { _ in
        let csv = try SwiftCSV.CSV<Enumerated>(string: String(decoding: communesData, as: UTF8.self), delimiter: .comma, loadColumns: false)
        blackHole(csv.rows.count)
    }
}
