import Foundation
@testable import Maillage
import Testing

/// Editors' edits of intermediaries: the fields of the intermediaries CSV, checked as its import
/// checks a row, shown in profiles, the directory, statistics and the export, kept over re-imports.
@Suite struct IntermediaryEditTests {
    private let library = "ardeche-int-004"

    @Test func anEditShowsInProfilesTheDirectoryStatisticsAndTheExport() throws {
        let store = try DemoStore.load()
        let before = try store.profile(of: library)
        let headcount = try store.statistics().intermediaries.headcount
        #expect(before.headcount == 5 && before.worksWith.map(\.id) == ["ardeche-lieu-002"])
        let entry = try store.editIntermediary(library, fields: [
            "headcount": .number(7), "place_id": .list(["ardeche-lieu-003"]), "nom": .text("Bibliothécaires <b>itinérants</b>"),
            "services": .list(["Loisirs et créations numériques", "aide-aux-demarches-administratives"]),
        ], editor: "claire", at: EditTests.monday)
        #expect(entry.place == library && entry.nom == "Bibliothécaires <b>itinérants</b>")
        #expect(entry.changes == [
            .init(field: "headcount", before: "5", after: "7"),
            .init(field: "nom", before: before.nom, after: "Bibliothécaires <b>itinérants</b>"),
            .init(field: "place_id", before: "ardeche-lieu-002", after: "ardeche-lieu-003"),
            .init(field: "services", before: "loisirs-et-creations-numeriques|acces-internet-et-materiel-informatique|creer-avec-le-numerique",
                  after: "aide-aux-demarches-administratives|loisirs-et-creations-numeriques"),
        ])
        let after = try store.profile(of: library)
        #expect(after.headcount == 7 && after.worksWith.map(\.id) == ["ardeche-lieu-003"])
        #expect(after.services.map(\.label) == ["Aide aux démarches administratives", "Loisirs et créations numériques"])
        #expect(try store.profile(of: "ardeche-lieu-003").worksWith.contains { $0.id == library && $0.headcount == 7 })
        #expect(try !store.profile(of: "ardeche-lieu-002").worksWith.contains { $0.id == library })
        #expect(try store.statistics().intermediaries.headcount == headcount + 2)
        let lieux = try store.lieux()
        #expect(lieux.first { $0.publicId == "ardeche-lieu-003" }?.intermediaries.contains { $0.publicId == library && $0.headcount == 7 } == true)
        #expect(lieux.first { $0.publicId == "ardeche-lieu-002" }?.intermediaries.contains { $0.publicId == library } == false)
        // The directory relays administrative help at the centre social through the edited intermediary.
        var query = RelayQuery(service: "aide-aux-demarches-administratives", origin: .commune("07010"))
        query.radiusKm = 1
        let relay = try #require(try store.snapshot().directory.relays(query).first { $0.id == "ardeche-lieu-003" })
        #expect(relay.intermediaries.contains { $0.id == library && $0.headcount == 7 })
        #expect(try store.search("itinérants").contains { $0.id == library }, "the search index reads the edited name")
    }

    @Test func aValueTheImportWouldRefuseChangesNothing() throws {
        let store = try DemoStore.load()
        let before = try store.profile(of: library)
        let refused: [([String: EditValue], String)] = [
            (["type": .text("astronaute")], "expected an actor type"),
            (["headcount": .number(-1)], "expected a whole number of people, or nothing when unknown"),
            (["headcount": .text("beaucoup")], "expected a whole number of people, or nothing when unknown"),
            (["zone": .text("99999")], "expected the code of a known commune"),
            (["place_id": .list(["nulle-part"])], "expected the id of a place already imported"),
            (["services": .list(["Astrologie"])], "unknown service, ignored"),
        ]
        for (fields, message) in refused {
            do {
                try store.editIntermediary(library, fields: fields, editor: "claire")
                Issue.record("\(fields) was accepted")
            } catch EditError.invalid(let issues) {
                #expect(issues.contains { $0.message.contains(message) }, "\(fields): \(issues.map(\.message))")
            }
        }
        #expect(throws: EditError.notEditable(field: "horaires", editable: Store.editableIntermediaryFields)) {
            try store.editIntermediary(library, fields: ["horaires": .text("Mo 09:00-12:00")], editor: "claire")
        }
        #expect(throws: EditError.notAnIntermediary("ardeche-lieu-002")) {
            try store.editIntermediary("ardeche-lieu-002", fields: ["headcount": .number(2)], editor: "claire")
        }
        #expect(throws: EditError.notAPlace(library)) { try store.editPlace(library, fields: ["telephone": .text("+33475000000")], editor: "claire") }
        #expect(try store.profile(of: library) == before)
        #expect(try store.journal().isEmpty)
    }

    @Test func remoteHelpAndTheZoneFollowTheEditedFieldsAndTheirUndo() throws {
        let store = try DemoStore.load()
        let family = "ardeche-int-167"
        #expect(try store.profile(of: family).services.allSatisfy { !$0.remote })
        let remote = try store.editIntermediary(family, fields: ["modalites_accompagnement": .list(["Accompagnement individuel", "À distance"])],
                                                editor: "claire")
        #expect(try store.profile(of: family).services.allSatisfy(\.remote), "help at a distance makes every relay remote")
        let zone = try store.editIntermediary(family, fields: ["zone": .list(["07", "200072015"])], editor: "claire")
        #expect(try store.profile(of: family).zone == ["departement:07", "epci:200072015"])
        try store.undoEdit(zone.id, editor: "claire")
        #expect(try store.profile(of: family).zone == ["commune:07071"])
        try store.undoEdit(remote.id, editor: "claire")
        #expect(try store.profile(of: family).services.allSatisfy { !$0.remote })
    }

    @Test func anEditIsKeptOverARe_importAndAConflictIsListed() throws {
        let store = try DemoStore.load()
        try store.editIntermediary("ardeche-int-001", fields: ["headcount": .number(4)], editor: "claire")
        let file = Fixtures.seeds.appendingPathComponent("demo/intermediaires.csv")
        let original = try String(contentsOf: file, encoding: .utf8)
        _ = try store.importData(.intermediaries, name: "intermediaires.csv", data: Data(original.utf8))
        #expect(try store.profile(of: "ardeche-int-001").headcount == 4)
        #expect(try store.editConflicts().isEmpty, "the source still says 3")
        let changed = original.replacingOccurrences(of: "ardeche-lieu-001,3,", with: "ardeche-lieu-001,5,")
        _ = try store.importData(.intermediaries, name: "intermediaires.csv", data: Data(changed.utf8))
        #expect(try store.profile(of: "ardeche-int-001").headcount == 4)
        let conflict = try #require(try store.editConflicts().first)
        #expect(conflict.place == "ardeche-int-001" && conflict.field == "headcount" && conflict.edited == "4"
                && conflict.sourceNow == "5" && conflict.sourceAtEdit == "3")
    }

    @Test func anAddedIntermediaryWorksAtItsPlaceAndIsRetiredByItsUndo() throws {
        let store = try DemoStore.load()
        do {
            try store.createIntermediary(fields: ["nom": .text("Sans type")], editor: "alice")
            Issue.record("an intermediary without a type was added")
        } catch EditError.invalid(let issues) {
            #expect(issues.map(\.column) == ["type"])
        }
        let entry = try store.createIntermediary(fields: [
            "nom": .text("Écrivain public de la gare"), "type": .text("ecrivain-public"), "place_id": .text("ardeche-lieu-003"),
            "headcount": .number(1), "services": .list(["Aide aux démarches administratives"]),
        ], editor: "alice")
        #expect(entry.place == "edition-1" && entry.changes.first?.after == "intervenant ajouté")
        let profile = try store.profile(of: "edition-1")
        #expect(profile.source == "edits" && profile.kind == .intermediary && profile.worksWith.map(\.id) == ["ardeche-lieu-003"])
        #expect(try store.profile(of: "ardeche-lieu-003").worksWith.contains { $0.id == "edition-1" })
        #expect(throws: EditError.idTaken("edition-1")) {
            try store.createIntermediary(fields: ["id": .text("edition-1"), "type": .text("ecrivain-public")], editor: "alice")
        }
        try store.undoEdit(entry.id, editor: "alice")
        #expect(try store.profile(of: "edition-1").active == false)
    }
}
