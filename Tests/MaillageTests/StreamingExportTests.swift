import Foundation
import Testing
@testable import Maillage

/// Exports are written as the places are read, a chunk at a time, and give the same bytes as
/// the whole-array forms: memory stays flat whatever the directory's size.
@Suite struct StreamingExportTests {
    /// An output that records, at each write, how many places had been read.
    private final class Recorder: ExportOutput {
        var text = ""
        var placesReadAtWrites: [Int] = []
        var placesRead = 0
        func write(_ text: String) {
            self.text += text
            placesReadAtWrites.append(placesRead)
        }
    }

    /// A store holding the demo territory's places (113, all valid v1).
    private static func store() throws -> Store {
        let store = try Fixtures.store()
        let demo = Fixtures.seeds.appendingPathComponent("demo")
        _ = try store.importFile(.communes, path: demo.appendingPathComponent("communes.csv").path)
        _ = try store.importFile(.lieux, path: demo.appendingPathComponent("lieux.csv").path)
        return store
    }

    /// The store's places, counted into `recorder` as they are handed over.
    private static func counted(_ store: Store, into recorder: Recorder) -> EachLieu {
        { body in
            try store.forEachLieu { lieu in
                recorder.placesRead += 1
                try body(lieu)
            }
        }
    }

    @Test(arguments: ["csv", "json", "geojson"])
    func eachExportIsWrittenBeforeTheLastPlaceIsRead(format: String) throws {
        let store = try Self.store()
        var recorder = Recorder()
        let lieux = try store.lieux()
        var summary = V1ExportSummary()
        let whole: String
        switch format {
        case "csv":
            try LieuxExport.csv(Self.counted(store, into: recorder), to: &recorder, summary: &summary, chunkSize: 1_000)
            whole = try LieuxExport.csv(lieux)
        case "json":
            try LieuxExport.json(Self.counted(store, into: recorder), to: &recorder, summary: &summary, chunkSize: 1_000)
            whole = try LieuxExport.json(lieux)
        default:
            try GeoJSONExport.featureCollection(Self.counted(store, into: recorder), to: &recorder, chunkSize: 1_000)
            whole = GeoJSONExport.featureCollection(lieux)
        }
        #expect(recorder.text == whole)
        #expect(recorder.placesRead == lieux.count && lieux.count > 100)
        // Several chunks, the first written long before the last place was read.
        #expect(recorder.placesReadAtWrites.count > 3)
        #expect((recorder.placesReadAtWrites.first ?? 113) < 40)
    }

    @Test func anEmptyDirectoryExportsItsHeaderOrAnEmptyArray() throws {
        let store = try Fixtures.storeWithCommunes()
        var text = ExportText(), summary = V1ExportSummary()
        try LieuxExport.json(store.forEachLieu, to: &text, summary: &summary)
        #expect(text.text == "[\n]\n")
        var geojson = ExportText()
        try GeoJSONExport.featureCollection(store.forEachLieu, to: &geojson)
        #expect(geojson.text == "{\"type\":\"FeatureCollection\",\"features\":[\n]}\n")
    }

    @Test func aFailedExportLeavesTheFileAsItWas() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("lieux.csv").path
        try Data("previous export\n".utf8).write(to: URL(fileURLWithPath: path))
        struct Interrupted: Error {}
        var file = try ExportFile(path: path)
        let failing: EachLieu = { body in
            try Self.store().forEachLieu(body)
            throw Interrupted()
        }
        var summary = V1ExportSummary()
        #expect(throws: Interrupted.self) { try LieuxExport.csv(failing, to: &file, summary: &summary) }
        file.abandon()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous export\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["lieux.csv"])

        var complete = try ExportFile(path: path)
        try LieuxExport.csv(Self.store().forEachLieu, to: &complete, summary: &summary)
        try complete.finish()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == LieuxExport.csv(try Self.store().lieux()))
    }

    @Test func aFieldWithWindowsLineBreaksIsQuoted() {
        // "\r\n" is one Character in Swift: a scan by Character saw neither "\r" nor "\n".
        var writer = CSVWriter()
        writer.writeRow(["a\r\nb", "plain", "say \"hi\"", " padded"])
        #expect(writer.text == "\"a\r\nb\",plain,\"say \"\"hi\"\"\",\" padded\"\n")
    }
}
