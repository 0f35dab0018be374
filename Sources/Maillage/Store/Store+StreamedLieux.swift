import Foundation
import GRDB

extension Store {
    /// Imports a lieux CSV file read a megabyte at a time (``CSVFileRecords``), so that memory
    /// stays far under the file's size (a 358 MB file of 300,000 places).
    ///
    /// The file is read twice, without holding its rows: a first pass reads the header, tells the
    /// layout from the first rows, reads every record (a file that cannot be read is refused
    /// before anything is written, as when it is held whole) and learns the postal codes its rows
    /// give; the second pass, inside the write transaction, reads each row with
    /// ``LieuxImporter/Reading`` and writes it with ``BatchWriter/write(_:source:report:)``, the
    /// steps of a file held whole. The report is the one ``importData(_:name:data:options:)``
    /// gives for the same bytes: with any error and no ``ImportOptions/skipInvalid``, the
    /// transaction is rolled back and nothing is imported. `chunkSize` is the size of the pieces read.
    func importLieuxCSV(path: String, options: ImportOptions, chunkSize: Int = 1 << 20) throws -> ImportReport {
        var report = ImportReport(kind: ImportKind.lieux.rawValue, file: path)
        let context = try importContext(.lieux, options: options, report: &report)

        var records = try CSVFileRecords(path: path, required: LieuxLayout.required, lookahead: LieuxLayout.rowsToTellVersions,
                                      chunkSize: chunkSize)
        let table = records.table
        let layout = try LieuxLayout.detect(table, context: context, report: &report)
        var learning = LieuxImporter.Reading.postalCodeLearning(layout, context: context)
        var rowCount = 0
        func learn(_ record: CSVRecord) {
            learning.learn(record)
            rowCount += 1
        }
        table.records.forEach(learn)
        try records.forEachRecord(learn)

        let header = TabularFile(name: path, header: table.header, records: [], recordsAreNumbered: false, delimiter: table.delimiter)
        var reading = LieuxImporter.Reading(header, layout: layout, context: context.learnt(learning))
        reading.countRows(rowCount, into: &report)
        try commit(&report, options) { db, report in
            var writer = try BatchWriter(db: db)
            var placements: [Placement] = []
            var rows = try CSVFileRecords(path: path, delimiter: table.delimiter, required: LieuxLayout.required, chunkSize: chunkSize)
            try rows.forEachRecord { record in
                guard let place = reading.read(record, report: &report) else { return }
                placements.append(place.placement)
                // Once a row is refused nothing will be kept: the rest is only read, for the full list of errors.
                if report.errors.isEmpty || options.skipInvalid { try writer.write(place, source: context.source, report: &report) }
            }
            report.add("places", placements.count)
            countPlacements(placements, into: &report)
            // Refused (commit rolls back): the report is that of a file held whole, refused before writing.
            guard report.errors.isEmpty || options.skipInvalid else { return }
            try writer.count(into: &report)
            try retireAbsent(.lieux, writer: writer, options: options, report: &report)
        }
        return report
    }
}
