import Foundation
import Testing
@testable import Maillage

/// A lieux CSV file imported from its path is streamed: read in pieces, its rows learnt from in a
/// first pass and written one by one in a second. The same bytes imported from memory are read
/// whole. Both ways give the same report (figures, counts, errors and warnings in the same
/// order), the same refusal, and the same stored directory, wherever the pieces are cut.
@Suite struct StreamedImportTests {
    /// One import of a sequence: a file's bytes and the options given.
    struct Step {
        var name: String
        var data: Data
        var options = ImportOptions()
    }

    /// The report of an import, or the error it was refused with.
    enum Outcome: Equatable {
        case imported(ImportReport)
        case refused(String)
        case failed(ImportReport)
    }

    private static func outcome(_ body: () throws -> ImportReport) -> Outcome {
        do { return .imported(try body()) } catch MaillageError.importFailed(let report) {
            return .failed(report)
        } catch { return .refused(error.localizedDescription) }
    }

    /// Runs `steps` in turn on a store read from memory and on a store streamed from files (in
    /// pieces of `chunkSize` bytes); expects the same outcome at each step and the same database
    /// and v1 export after it. Returns the outcomes.
    @discardableResult
    private static func expectSameImports(_ steps: [Step], chunkSize: Int) throws -> [Outcome] {
        let whole = try Fixtures.storeWithCommunes(), streamed = try Fixtures.storeWithCommunes()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-streamed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var outcomes: [Outcome] = []
        for step in steps {
            let path = folder.appendingPathComponent(step.name).path
            try step.data.write(to: URL(fileURLWithPath: path))
            let read = outcome { try whole.importData(.lieux, name: path, data: step.data, options: step.options) }
            let streamedOutcome = outcome { try streamed.importLieuxCSV(path: path, options: step.options, chunkSize: chunkSize) }
            #expect(streamedOutcome == read, "\(step.name), pieces of \(chunkSize) bytes")
            #expect(try DatabaseDump.text(streamed) == DatabaseDump.text(whole), "\(step.name)")
            #expect(try LieuxExport.csv(streamed.lieux()) == LieuxExport.csv(whole.lieux()), "\(step.name)")
            outcomes.append(read)
        }
        // A lieux CSV given by its path is streamed.
        if let last = steps.last {
            let path = folder.appendingPathComponent(last.name).path
            let viaPath = outcome { try Fixtures.storeWithCommunes().importFile(.lieux, path: path, options: last.options) }
            let viaMemory = outcome { try Fixtures.storeWithCommunes().importData(.lieux, name: path, data: last.data, options: last.options) }
            #expect(viaPath == viaMemory, "\(last.name) by its path")
        }
        return outcomes
    }

    /// Rows that exercise placement (a postal code placed from the file's own pairs), quoting, a
    /// line break inside a field, a row of its own source, a correction and warnings.
    static let validRows: [[LieuColumn: String]] = (1...40).map { Fixtures.lieu("p\($0)") } + [
        Fixtures.lieu("alboussiere", [.codeInsee: "07007", .commune: "Alboussière", .codePostal: "07440", .latitude: "44.94", .longitude: "4.73"]),
        Fixtures.lieu("by-postal-code", [.codeInsee: "", .commune: "", .codePostal: "07440", .latitude: "", .longitude: ""]),
        Fixtures.lieu("by-name", [.codeInsee: "", .commune: "PRIVAS", .codePostal: "07000"]),
        Fixtures.lieu("lost-zero", [.codeInsee: "7186"]),
        Fixtures.lieu("quoted", [.nom: "Espace \"numérique\", Privas", .presentationDetail: "Sur deux\nlignes"]),
        Fixtures.lieu("own-source", [.source: "Hubik"]),
        Fixtures.lieu("unknown-service", [.services: "Aide aux démarches administratives|Jardinage"]),
        Fixtures.lieu("lyon", [.codeInsee: "69381", .commune: "Lyon", .codePostal: "69001", .latitude: "45.767", .longitude: "4.834"]),
    ]

    static let erroneousRows: [[LieuColumn: String]] = validRows + [
        Fixtures.lieu("no-name", [.nom: ""]),
        Fixtures.lieu("bad-date", [.dateMaj: "le 3 mars"]),
        Fixtures.lieu("p7"),
        Fixtures.lieu("p50"),
    ]

    @Test(arguments: [64, 1_000, 1 << 20])
    func validAndErroneousFilesGiveTheSameReports(chunkSize: Int) throws {
        let outcomes = try Self.expectSameImports([
            Step(name: "lieux.csv", data: Fixtures.lieux(Self.validRows)),
            Step(name: "lieux.csv", data: Fixtures.lieux(Self.validRows)),
            Step(name: "errors.csv", data: Fixtures.lieux(Self.erroneousRows)),
            Step(name: "errors.csv", data: Fixtures.lieux(Self.erroneousRows), options: ImportOptions(skipInvalid: true)),
        ], chunkSize: chunkSize)
        guard case .imported(let first) = outcomes[0], case .imported(let again) = outcomes[1],
              case .failed(let refused) = outcomes[2], case .imported(let skipping) = outcomes[3] else {
            Issue.record("unexpected outcomes: \(outcomes)")
            return
        }
        #expect(first.inserted == Self.validRows.count && again.unchanged == Self.validRows.count)
        #expect(first.figures.contains { $0.name.hasPrefix("placed from postal code alone") })
        #expect(refused.errors.count == 3 && refused.rowsRejected == 3 && !refused.warnings.isEmpty)
        #expect(skipping.rowsImported == Self.validRows.count + 1 && skipping.rowsRejected == 3)
    }

    @Test(arguments: [64, 1 << 20])
    func aReimportWithRowsRemovedRetiresThemBothWays(chunkSize: Int) throws {
        let fewer = Array(Self.validRows.dropFirst(5))
        let outcomes = try Self.expectSameImports([
            Step(name: "lieux.csv", data: Fixtures.lieux(Self.validRows)),
            Step(name: "lieux.csv", data: Fixtures.lieux(fewer), options: ImportOptions(partial: true)),
            Step(name: "lieux.csv", data: Fixtures.lieux(fewer)),
            Step(name: "lieux.csv", data: Fixtures.lieux(fewer + [Fixtures.lieu("p1", [.source: "Ailleurs"])])),
        ], chunkSize: chunkSize)
        guard case .imported(let partial) = outcomes[1], case .imported(let complete) = outcomes[2], case .imported(let taken) = outcomes[3] else {
            Issue.record("unexpected outcomes: \(outcomes)")
            return
        }
        #expect(partial.retired == 0 && complete.retired == 5)
        // Another source's "p1" is stored as "ailleurs:p1", whichever way the file is read.
        #expect(taken.inserted == 1 && taken.corrections.contains { $0.name == "ids another source already holds, stored prefixed with 'ailleurs:'" && $0.value == 1 })
    }

    @Test(arguments: [64, 1 << 20])
    func filesRefusedWholeAreRefusedTheSameWay(chunkSize: Int) throws {
        let rows = Fixtures.lieux(Self.validRows)
        var latin1 = rows
        latin1.replaceSubrange(latin1.index(latin1.endIndex, offsetBy: -200)..<latin1.index(latin1.endIndex, offsetBy: -199), with: [0xE9])
        var unclosed = rows
        unclosed.append(contentsOf: Data("late,\"Jamais fermé,Privas\n".utf8))
        let outcomes = try Self.expectSameImports([
            Step(name: "header.csv", data: Data("identifiant,nom du lieu,ville\nx1,Lieu,Privas\n".utf8)),
            Step(name: "header-and-latin1.csv", data: Data("identifiant,nom du lieu,ville\n".utf8) + rows.dropFirst(rows.firstIndex(of: 0x0A)! + 1) + Data([0x0A, 0xE9, 0x0A])),
            Step(name: "latin1.csv", data: latin1),
            Step(name: "unclosed.csv", data: unclosed),
            Step(name: "empty.csv", data: Data("\n\n".utf8)),
            Step(name: "header-only.csv", data: Data((Fixtures.lieuxHeader + "\n").utf8)),
            Step(name: "semicolons.csv", data: Data(String(decoding: rows, as: UTF8.self).replacingOccurrences(of: ",", with: ";").utf8)),
        ], chunkSize: chunkSize)
        let messages = outcomes.map { outcome -> String in
            if case .refused(let message) = outcome { return message }
            return ""
        }
        #expect(messages[0].contains("id, nom, date_maj") || messages[0].contains("id") && messages[0].contains("date_maj"), "\(messages[0])")
        #expect(messages[1].contains("is not UTF-8"), "\(messages[1])")
        #expect(messages[2].contains("line \(Self.validRows.count + 1)") && messages[2].contains("is not UTF-8"), "\(messages[2])")
        #expect(messages[3].contains("line \(Self.validRows.count + 3)") && messages[3].contains("never closed"), "\(messages[3])")
        #expect(messages[4].contains("blank lines"), "\(messages[4])")
    }

    @Test(arguments: [64, 1 << 20])
    func v01FilesGiveTheSameReports(chunkSize: Int) throws {
        let byColumns = """
            id,nom,services,commune,code_postal,latitude,longitude,date_maj,publics_accueillis,courriel
            h1,Centre social,Prendre en main un smartphone ou une tablette;Créer avec le numérique,Privas,07000,44.73,4.6,2021-01-02,Familles/enfants,a@example.org
            h2,Médiathèque,Accéder à du matériel,Aubenas,07200,44.62,4.39,2021-01-02,Tout public,b@example.org

            """
        // No column of its own: v0.1 is told by the service labels of its first rows.
        let byServices = "id,nom,services,commune,code_postal,date_maj\n"
            + (1...30).map { "s\($0),Lieu \($0),Prendre en main un ordinateur,Privas,07000,2021-01-02\n" }.joined()
        let outcomes = try Self.expectSameImports([
            Step(name: "v01.csv", data: Data(byColumns.utf8)),
            Step(name: "v01-services.csv", data: Data(byServices.utf8)),
        ], chunkSize: chunkSize)
        for outcome in outcomes {
            guard case .imported(let report) = outcome else {
                Issue.record("refused: \(outcome)")
                continue
            }
            #expect(report.figures.first?.name == "rows in schema v0.1")
        }
    }

    /// The national directory's v1 export (about 8,800 rows: the lists and Hinaura as v1) reads the
    /// same both ways, in pieces of 64 KB.
    @Test(.requiresSharedData)
    func theNationalExportGivesTheSameReportBothWays() throws {
        func path(_ name: String) -> String { Fixtures.sharedData.appendingPathComponent(name).path }
        let national = try Fixtures.store()
        _ = try national.importFile(.communes, path: path("communes-france.csv"))
        _ = try national.importFile(.cnfs, path: path("conseillers-numeriques-structures-20230405.csv"))
        _ = try national.importFile(.aidantsConnect, path: path("aidants-connect-structures-2024.csv"), options: ImportOptions(dataDate: "2024-02-22"))
        _ = try national.importFile(.lieux, path: path("lieux-mediation-numerique-hinaura-schema-v0.1.json"))
        let export = Data(try LieuxExport.csv(national.lieux()).utf8)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-national-\(UUID().uuidString).csv")
        try export.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let whole = try Fixtures.store(), streamed = try Fixtures.store()
        for store in [whole, streamed] { _ = try store.importFile(.communes, path: path("communes-france.csv")) }
        let read = try whole.importData(.lieux, name: file.path, data: export)
        let streamedReport = try streamed.importLieuxCSV(path: file.path, options: ImportOptions(), chunkSize: 64 * 1024)
        #expect(streamedReport == read)
        #expect(read.rowsImported > 8_000 && read.errors.isEmpty)
        #expect(try DatabaseDump.text(streamed) == DatabaseDump.text(whole))
    }
}
