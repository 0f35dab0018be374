import Foundation
import GRDB

extension Store {
    /// Imports one file in one transaction. By default a file with any error imports nothing
    /// and the thrown ``MaillageError/importFailed(_:)`` lists every error; with
    /// ``ImportOptions/skipInvalid`` the valid rows are imported and the report lists the rest.
    /// Nothing already stored is lost either way.
    ///
    /// A lieux CSV file is streamed: read a megabyte at a time, each row written as it is read, so
    /// that memory stays under the file's size (``importLieuxCSV(path:options:)``); its report is
    /// the one the file would give held whole.
    public func importFile(_ kind: ImportKind, path: String, options: ImportOptions = ImportOptions()) throws -> ImportReport {
        if kind == .lieux {
            let start = try InputFile.start(of: path)
            if !LieuxImporter.isJSON(start.bytes) {
                try InputFile.checkText(start.bytes, name: path, fileSize: start.fileSize)
                return try importLieuxCSV(path: path, options: options)
            }
        }
        return try importData(kind, name: path, data: try InputFile.contents(of: path), options: options)
    }

    /// Imports data·inclusion's structures and, when given, its services (JSON files, as the API and
    /// its dumps give them) in one transaction, as one list of the source `data-inclusion`
    /// (``DataInclusionImporter``).
    public func importDataInclusion(structures: String, services: String?, options: ImportOptions = ImportOptions()) throws -> ImportReport {
        let structuresData = try InputFile.contents(of: structures)
        try InputFile.checkText(structuresData, name: structures)
        let servicesFile = try services.map { path in
            let data = try InputFile.contents(of: path)
            try InputFile.checkText(data, name: path)
            return try DataInclusionImporter.table(name: path, data: data, required: DataInclusionImporter.serviceColumns)
        }
        var report = ImportReport(kind: ImportKind.dataInclusion.rawValue, file: structures + (services.map { " + " + $0 } ?? ""))
        let context = try importContext(.dataInclusion, options: options, report: &report)
        let batch = try DataInclusionImporter.parse(
            structures: try DataInclusionImporter.table(name: structures, data: structuresData, required: DataInclusionImporter.structureColumns),
            services: servicesFile,
            context: context, dataDate: options.dataDate ?? Self.today(), report: &report)
        try commit(&report, options) { db, report in
            var writer = try BatchWriter(db: db)
            try writer.write(batch, report: &report)
            try retireAbsent(.dataInclusion, writer: writer, options: options, report: &report)
        }
        return report
    }

    /// Imports file contents already in memory; `name` is used in messages and as the default source.
    public func importData(_ kind: ImportKind, name: String, data: Data, options: ImportOptions = ImportOptions()) throws -> ImportReport {
        try InputFile.checkText(data, name: name)
        var report = ImportReport(kind: kind.rawValue, file: name)
        let context = try importContext(kind, options: options, report: &report)
        switch kind {
        case .communes:
            let rows = try CommunesImporter.parse(try TabularFile(name: name, data: data, required: CommunesImporter.required), report: &report)
            try commit(&report, options) { db, report in
                let counts = try writeCommunes(rows, in: db)
                report.inserted = counts.inserted
                report.updated = counts.updated
                report.rowsImported = rows.count
                report.unchanged = rows.count - counts.inserted - counts.updated
            }
            report.add("communes", report.rowsImported)
        case .fragility:
            let rows = try FragilityImporter.parse(try TabularFile(name: name, data: data, required: FragilityImporter.required), knownCommunes: Set(context.communes.communes.map(\.code)),
                                                   report: &report)
            try commit(&report, options, affectsSearch: false) { db, report in
                (report.inserted, report.updated) = try writeFragility(rows, in: db)
                report.rowsImported = rows.count
                report.unchanged = rows.count - report.inserted - report.updated
            }
            report.add("communes", rows.filter { $0.division == "city" }.count)
            report.add("EPCI", rows.filter { $0.division == "epci" }.count)
        default:
            let batch = try parseBatch(kind, name: name, data: data, context: context, options: options, report: &report)
            try commit(&report, options) { db, report in
                var writer = try BatchWriter(db: db)
                try writer.write(batch, report: &report)
                try retireAbsent(kind, writer: writer, options: options, report: &report)
            }
        }
        return report
    }

    /// The taxonomy, communes and stored nodes the rows of a file of `kind` are checked against,
    /// with the source they belong to; warns when no commune is loaded.
    func importContext(_ kind: ImportKind, options: ImportOptions, report: inout ImportReport) throws -> ImportContext {
        let source = options.source ?? Self.defaultSource(of: kind, name: report.file)
        let context = try writer.read { db in
            ImportContext(taxonomy: try Self.taxonomy(db), communes: try communeIndex(db),
                          nodes: kind == .communes || kind == .fragility ? StoredNodes() : try StoredNodes.fetch(db), source: source)
        }
        if kind != .communes, context.communes.isEmpty {
            report.warnings.append(ImportIssue(severity: .warning, file: report.file, message: "no commune is loaded yet: rows cannot be placed in communes (run `maillage import communes` first)"))
        }
        return context
    }

    /// For list sources, marks as gone the structures the file no longer holds (unless it is a partial extract).
    func retireAbsent(_ kind: ImportKind, writer: BatchWriter, options: ImportOptions, report: inout ImportReport) throws {
        guard kind.isList, !options.partial else { return }
        if report.rowsRejected > 0 {
            report.warnings.append(ImportIssue(severity: .warning, file: report.file, message: "nothing was retired: \(report.rowsRejected) row(s) were rejected, and the structures missing from the file may be among them; fix them and import the file again to retire those it no longer holds"))
        } else {
            try writer.retireAbsent(report: &report)
        }
    }

    private func parseBatch(_ kind: ImportKind, name: String, data: Data, context: ImportContext, options: ImportOptions,
                            report: inout ImportReport) throws -> ImportBatch {
        var batch = ImportBatch(source: context.source)
        switch kind {
        case .communes, .fragility:
            break
        case .lieux:
            batch.places = try LieuxImporter.parse(try LieuxImporter.table(path: name, data: data), context: context, report: &report)
            report.add("places", batch.places.count)
            countPlacements(batch.places.map(\.placement), into: &report)
        case .cnfs:
            batch = try CNFSImporter.parse(try TabularFile(name: name, data: data, delimiter: UInt8(ascii: ";"), required: CNFSImporter.required), context: context, report: &report)
            countPlacements(batch.places.map(\.placement), into: &report)
        case .aidantsConnect:
            batch = try AidantsConnectImporter.parse(try TabularFile(name: name, data: data, required: AidantsConnectImporter.required), context: context,
                                                     dataDate: options.dataDate ?? Self.today(), report: &report)
            countPlacements(batch.places.map(\.placement), into: &report)
        case .intermediaries:
            batch.intermediaries = try IntermediariesImporter.parse(try TabularFile(name: name, data: data, required: IntermediariesImporter.required), context: context, report: &report)
            report.add("intermediaries", batch.intermediaries.count)
            report.add("headcount", batch.intermediaries.reduce(0) { $0 + ($1.headcount ?? 0) })
        case .dataInclusion:
            batch = try DataInclusionImporter.parse(structures: try DataInclusionImporter.table(name: name, data: data, required: DataInclusionImporter.structureColumns),
                                                    services: nil, context: context, dataDate: options.dataDate ?? Self.today(), report: &report)
        case .referrals:
            batch.referrals = try ReferralsImporter.parse(try TabularFile(name: name, data: data, required: ReferralsImporter.required), context: context, report: &report)
            report.add("referrals", batch.referrals.count)
        }
        return batch
    }

    /// Runs `body` in one write transaction, unless errors forbid it; rolls back if writing
    /// finds new errors and invalid rows may not be skipped.
    ///
    /// When the import changed something, the data version moves on and, unless the file cannot
    /// change places (`affectsSearch` false: the fragility index), the merged places are derived
    /// again from their records and the full-text index is rebuilt, in the same transaction. A file that changed nothing leaves both as they were.
    func commit(_ report: inout ImportReport, _ options: ImportOptions, affectsSearch: Bool = true,
                body: (Database, inout ImportReport) throws -> Void) throws {
        if !report.errors.isEmpty, !options.skipInvalid { throw MaillageError.importFailed(report) }
        let errorsBefore = report.errors.count
        do {
            try writer.write { db in
                try body(db, &report)
                if report.errors.count > errorsBefore, !options.skipInvalid { throw MaillageError.importFailed(report) }
                guard report.inserted + report.updated + report.retired > 0 else { return }
                if !affectsSearch {
                    // The index stays as current as it was.
                    try db.execute(sql: "UPDATE meta SET value = value + 1 WHERE key = 'search_version' AND value = (SELECT value FROM meta WHERE key = 'data_version')")
                }
                try db.execute(sql: "UPDATE meta SET value = value + 1 WHERE key = 'data_version'")
                // Merged places follow their records: a record updated or gone changes its place.
                if affectsSearch { try PlaceGroupDerivation.recomputeAll(db) }
                if affectsSearch { try EditOverlay.recomputeAll(db) }
                if affectsSearch { try Self.rebuildSearchIndex(db) }
            }
        } catch let error as DatabaseError {
            if let failure = databaseFailure(error) { throw failure }
            throw MaillageError.unreadableFile(path: report.file, reason: "the database refused the data (\(error.message ?? error.description)); nothing was imported")
        }
        report.committed = true
    }

    /// The source a file's rows belong to when none is given: the list's own name for the national
    /// lists, else the file's name without extension.
    private static func defaultSource(of kind: ImportKind, name: String) -> String {
        switch kind {
        case .cnfs: "cnfs"
        case .aidantsConnect: "aidants-connect"
        case .dataInclusion: "data-inclusion"
        default: URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
        }
    }

    /// Today's date as YYYY-MM-DD (UTC).
    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    /// Counts the places by how they were placed, as figures (only the kinds that occur).
    func countPlacements(_ placements: [Placement], into report: inout ImportReport) {
        let names: [(Placement, String)] = [
            (.corrected, "placed by a repaired INSEE code"), (.postal, "placed from postal code and commune name"),
            (.postalCode, "placed from postal code alone (the one commune it is known to serve)"),
            (.coordinates, "placed from coordinates among the communes of its postal code"),
            (.nearest, "placed at the nearest commune centroid (last resort, warned)"), (.none, "not placed in any commune"),
        ]
        for (placement, name) in names {
            let count = placements.filter { $0 == placement }.count
            if count > 0 { report.add(name, count) }
        }
    }
}
