import Foundation
import Testing
@testable import Maillage

/// The relay snapshot read in table order and arrays by node id (the 300,000-place scale) gives
/// what it gave read in public-id order through dictionaries.
@Suite struct SnapshotLoadTests {
    @Test func placesComeInPublicIdOrderWhateverTheirTableOrder() throws {
        let store = try Fixtures.storeWithCommunes()
        // Stored in this order; SQLite orders public ids by their bytes ("a10" before "a9", "É" after "z").
        _ = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux(["z", "b", "É", "a9", "a10"].map { Fixtures.lieu($0) }))
        let directory = try store.relayDirectory()
        #expect(directory.entries.map(\.id) == ["a10", "a9", "b", "z", "É"])
    }

    @Test func eachPlaceKeepsItsOwnProgrammesServicesAndConditions() throws {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux([
            Fixtures.lieu("a", [.dispositifProgrammesNationaux: "France Services|Aidants Connect", .publicsSpecifiquementAdresses: "Seniors",
                                .services: "Aide aux démarches administratives", .horaires: "Mo-Fr 09:00-12:00"]),
            Fixtures.lieu("b", [.dispositifProgrammesNationaux: "Aidants Connect|France Services", .publicsSpecifiquementAdresses: "Jeunes|Seniors",
                                .services: "Loisirs et créations numériques", .modalitesAccompagnement: "À distance"]),
            Fixtures.lieu("c", [.services: "Loisirs et créations numériques", .horaires: "Mo-Fr 09:00-12:00"]),
        ]))
        let directory = try store.relayDirectory()
        let byId = Dictionary(uniqueKeysWithValues: directory.entries.map { ($0.id, $0) })
        let a = try #require(byId["a"]), b = try #require(byId["b"]), c = try #require(byId["c"])
        #expect(a.labels == ["France Services", "Aidants Connect"] && b.labels == a.labels && c.labels.isEmpty)
        #expect(a.publics == ["Seniors"] && b.publics == ["Jeunes", "Seniors"] && c.publics.isEmpty)
        #expect(a.services == directory.catalog.bit(of: "aide-aux-demarches-administratives"))
        #expect(b.services == directory.catalog.bit(of: "loisirs-et-creations-numeriques") && b.remoteServices == b.services)
        #expect(a.remoteServices == 0 && c.remoteServices == 0)
        #expect(a.hours != nil && a.hours == c.hours && b.hours == nil)
    }
}
