import Foundation
@testable import Maillage
import Testing

/// Editors' edits: checked as an import checks a row, journaled field by field, shown everywhere,
/// kept over re-imports, undone unless a later edit changed the same field.
@Suite struct EditTests {
    static let monday = ISO8601DateFormatter().date(from: "2026-11-30T09:00:00Z")!

    private func shown(_ store: Store, _ id: String) throws -> NodeProfile { try store.profile(of: id) }

    @Test func anEditShowsInTheProfileTheSnapshotAndTheExportAndIsJournaled() throws {
        let store = try DemoStore.load()
        let before = try shown(store, "ardeche-lieu-047")
        let version = try store.dataVersion()
        let entry = try store.editPlace("ardeche-lieu-047", fields: ["telephone": .text("+33475000000"), "horaires": .text("Mo-Fr 09:00-12:00")],
                                        editor: "claire", at: Self.monday)
        #expect(entry.editor == "claire" && entry.action == "edit" && entry.place == "ardeche-lieu-047" && entry.at == "2026-11-30T09:00:00Z")
        #expect(entry.changes == [.init(field: "horaires", before: before.horaires, after: "Mo-Fr 09:00-12:00"),
                                  .init(field: "telephone", before: before.telephone, after: "+33475000000")])
        #expect(try shown(store, "ardeche-lieu-047").telephone == "+33475000000")
        #expect(try store.dataVersion() > version)
        let lieux = try store.lieux()
        let lieu = try #require(lieux.first { $0.publicId == "ardeche-lieu-047" })
        #expect(lieu.text[.telephone] == "+33475000000", "the export writes the edited value")
        var query = RelayQuery(service: "caf", origin: .commune("07186"))
        query.openAt = LocalDateTime(year: 2026, month: 12, day: 2, hour: 10)
        #expect(try store.snapshot().directory.relays(query).map(\.id).contains("ardeche-lieu-047"), "the new hours count: open on Wednesday morning")
        #expect(try store.journal().map(\.id) == [entry.id])
        #expect(try store.journal(place: "ardeche-lieu-047", editor: "claire").count == 1)
        #expect(try store.journal(editor: "someone else").isEmpty)
    }

    @Test func aValueAnImportWouldRefuseChangesNothing() throws {
        let store = try DemoStore.load()
        let before = try shown(store, "ardeche-lieu-047")
        for fields: [String: EditValue] in [["nom": .text("  ")], ["latitude": .text("nord")], ["date_maj": .text("hier")],
                                            ["horaires": .text("le lundi matin")], ["courriels": .list(["pas-un-courriel"])]] {
            #expect(throws: EditError.self) { try store.editPlace("ardeche-lieu-047", fields: fields, editor: "claire") }
        }
        do {
            try store.editPlace("ardeche-lieu-047", fields: ["latitude": .text("nord")], editor: "claire")
        } catch EditError.invalid(let issues) {
            #expect(issues.map(\.message) == ["expected a decimal latitude in degrees (WGS84)"])
        }
        #expect(throws: EditError.notEditable(field: "id", editable: Store.editableFields)) {
            try store.editPlace("ardeche-lieu-047", fields: ["id": .text("autre")], editor: "claire")
        }
        #expect(throws: QueryError.self) { try store.editPlace("personne", fields: ["telephone": .text("+33100000000")], editor: "claire") }
        #expect(try shown(store, "ardeche-lieu-047") == before)
        #expect(try store.journal().isEmpty)
    }

    @Test func servicesAndThePlaceOfAPlaceCanBeEdited() throws {
        let store = try DemoStore.load()
        try store.editPlace("ardeche-lieu-047", fields: ["services": .list(["Aide aux démarches administratives"])], editor: "claire")
        #expect(try shown(store, "ardeche-lieu-047").services.map(\.label) == ["Aide aux démarches administratives"])
        let exported = try #require(try store.lieux().first { $0.publicId == "ardeche-lieu-047" })
        #expect(exported.services == ["Aide aux démarches administratives"], "the export writes the edited services")
        try store.editPlace("ardeche-lieu-047", fields: ["latitude": .number(44.95), "longitude": .number(4.43), "code_insee": .text("07204")], editor: "claire")
        let moved = try shown(store, "ardeche-lieu-047")
        #expect(moved.codeInsee == "07204" && moved.latitude == 44.95)
    }

    @Test func anEditIsKeptOverARe_importOfItsSource() throws {
        let store = try DemoStore.load()
        try store.editPlace("ardeche-lieu-047", fields: ["telephone": .text("+33475000000")], editor: "claire")
        let demo = Fixtures.seeds.appendingPathComponent("demo/lieux.csv")
        let changed = try String(contentsOf: demo, encoding: .utf8).replacingOccurrences(of: "CCAS de Privas", with: "CCAS de la ville de Privas")
        _ = try store.importData(.lieux, name: "lieux.csv", data: Data(changed.utf8))
        let place = try shown(store, "ardeche-lieu-047")
        #expect(place.nom == "CCAS de la ville de Privas", "what was not edited follows the source")
        #expect(place.telephone == "+33475000000", "what was edited stays")
        #expect(try store.editConflicts().isEmpty, "the source did not change the phone")

        // The source now brings another phone: the edit stays, the conflict is listed, by check too.
        let phone = try #require(changed.components(separatedBy: "\n").first { $0.hasPrefix("ardeche-lieu-047,") })
        let sourcePhone = try #require(phone.split(separator: ",").first { $0.hasPrefix("+33") })
        _ = try store.importData(.lieux, name: "lieux.csv", data: Data(changed.replacingOccurrences(of: String(sourcePhone), with: "+33475111111").utf8))
        #expect(try shown(store, "ardeche-lieu-047").telephone == "+33475000000")
        let conflicts = try store.editConflicts()
        #expect(conflicts.map(\.field) == ["telephone"])
        #expect(conflicts.first?.sourceNow == "+33475111111" && conflicts.first?.sourceAtEdit == String(sourcePhone) && conflicts.first?.edited == "+33475000000")
        let report = try store.qualityReport(today: LocalDateTime(year: 2026, month: 12, day: 1))
        #expect(report.problems(of: .editConflict).map(\.id) == ["ardeche-lieu-047"])
    }

    @Test func verifiedMovesTheUpdateDateToToday() throws {
        let store = try DemoStore.load()
        let entry = try store.verifyPlace("ardeche-lieu-047", editor: "claire", at: Self.monday)
        #expect(entry.action == "verified" && entry.changes.map(\.field) == ["date_maj"] && entry.changes[0].after == "2026-11-30")
        #expect(try store.snapshot().diagramSource.dateMaj[try #require(try store.snapshot().graph.node("ardeche-lieu-047"))] == "2026-11-30")
    }

    @Test func undoRevertsAnEditUnlessALaterOneChangedTheSameField() throws {
        let store = try DemoStore.load()
        let original = try shown(store, "ardeche-lieu-047").telephone
        let first = try store.editPlace("ardeche-lieu-047", fields: ["telephone": .text("+33475000001")], editor: "claire")
        let second = try store.editPlace("ardeche-lieu-047", fields: ["telephone": .text("+33475000002"), "adresse": .text("1 place de la Mairie")], editor: "marc")
        #expect(throws: EditError.changedSince(first.id, field: "telephone", by: second.id)) { try store.undoEdit(first.id, editor: "claire") }
        let undo = try store.undoEdit(second.id, editor: "claire")
        #expect(undo.action == "undo" && undo.undoes == second.id)
        #expect(try shown(store, "ardeche-lieu-047").telephone == "+33475000001")
        #expect(throws: EditError.alreadyUndone(second.id, by: undo.id)) { try store.undoEdit(second.id, editor: "claire") }
        #expect(throws: EditError.undoOfUndo(undo.id)) { try store.undoEdit(undo.id, editor: "claire") }
        #expect(try store.journal().first?.id == undo.id)
        #expect(try store.journal().first { $0.id == second.id }?.undoneBy == undo.id)
        // The later edit undone, the first one can be: the telephone shows the source's again.
        try store.undoEdit(first.id, editor: "claire")
        #expect(try shown(store, "ardeche-lieu-047").telephone == original)
        #expect(try shown(store, "ardeche-lieu-047").adresse != "1 place de la Mairie")
    }
}

/// Places editors add.
@Suite struct PlaceCreationTests {
    @Test func anAddedPlaceIsAnEditsRecordShownEverywhereAndUndoneByRetiringIt() throws {
        let store = try DemoStore.load()
        let entry = try store.createPlace(fields: ["nom": .text("Permanence numérique de la gare"), "code_insee": .text("07186"),
                                                   "latitude": .number(44.7351), "longitude": .number(4.5991),
                                                   "services": .list(["Aide aux démarches administratives"]), "horaires": .text("We 14:00-17:00")],
                                          editor: "alice", at: EditTests.monday)
        #expect(entry.place == "edition-1")
        #expect(entry.changes.map(\.field).contains("creation") && entry.changes.first { $0.field == "nom" }?.after == "Permanence numérique de la gare")
        let profile = try store.profile(of: "edition-1")
        #expect(profile.source == "edits" && profile.codeInsee == "07186" && profile.services.map(\.label) == ["Aide aux démarches administratives"])
        var query = RelayQuery(service: "aide-aux-demarches-administratives", origin: .commune("07186"))
        query.radiusKm = 3
        #expect(try store.snapshot().directory.relays(query).map(\.id).contains("edition-1"))
        try store.undoEdit(entry.id, editor: "alice")
        #expect(try !store.snapshot().directory.relays(query).map(\.id).contains("edition-1"), "undone: retired")
        #expect(try store.profile(of: "edition-1").active == false)
    }

    @Test func anAddedPlaceIsCheckedAsAnImportAndItsIdMustBeFree() throws {
        let store = try DemoStore.load()
        #expect(throws: EditError.self) { try store.createPlace(fields: ["code_insee": .text("07186")], editor: "alice") }
        #expect(throws: EditError.self) { try store.createPlace(fields: ["nom": .text("X"), "horaires": .text("le matin")], editor: "alice") }
        #expect(throws: EditError.idTaken("ardeche-lieu-047")) {
            try store.createPlace(fields: ["id": .text("ardeche-lieu-047"), "nom": .text("Doublon")], editor: "alice")
        }
        #expect(try store.journal().isEmpty)
        let named = try store.createPlace(fields: ["id": .text("mon-lieu"), "nom": .text("Mon lieu")], editor: "alice")
        #expect(named.place == "mon-lieu")
    }
}
