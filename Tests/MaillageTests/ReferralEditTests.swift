import Foundation
@testable import Maillage
import Testing

/// Editors' referrals: added or removed over the imported ones, kept over re-imports, journaled, undone.
@Suite struct ReferralEditTests {
    private func refersTo(_ store: Store, _ id: String) throws -> [String] { try store.profile(of: id).refersTo.map(\.id) }

    @Test func anAddedReferralShowsEverywhereStaysOverAReimportAndIsUndone() throws {
        let store = try DemoStore.load()
        #expect(try !refersTo(store, "ardeche-lieu-047").contains("ardeche-lieu-110"))
        let entry = try store.addReferral(from: "ardeche-lieu-047", to: "ardeche-lieu-110", service: "caf", editor: "alice")
        #expect(entry.changes == [.init(field: "orientation:ardeche-lieu-110", before: nil, after: "oriente vers ardeche-lieu-110 pour CAF")])
        #expect(try refersTo(store, "ardeche-lieu-047").contains("ardeche-lieu-110"))
        #expect(try store.profile(of: "ardeche-lieu-110").referredFrom.contains { $0.id == "ardeche-lieu-047" && $0.service == "CAF" })
        _ = try store.importFile(.referrals, path: Fixtures.seeds.appendingPathComponent("demo/orientations.csv").path)
        #expect(try refersTo(store, "ardeche-lieu-047").contains("ardeche-lieu-110"), "a re-import keeps it")
        try store.undoEdit(entry.id, editor: "alice")
        #expect(try !refersTo(store, "ardeche-lieu-047").contains("ardeche-lieu-110"))
    }

    @Test func aRemovedReferralStaysRemovedOverAReimportUntilUndone() throws {
        let store = try DemoStore.load()
        let target = try #require(try refersTo(store, "ardeche-lieu-047").first)
        let entry = try store.removeReferral(from: "ardeche-lieu-047", to: target, editor: "alice")
        #expect(try !refersTo(store, "ardeche-lieu-047").contains(target))
        _ = try store.importFile(.referrals, path: Fixtures.seeds.appendingPathComponent("demo/orientations.csv").path)
        #expect(try !refersTo(store, "ardeche-lieu-047").contains(target), "a re-import does not bring it back")
        #expect(throws: EditError.noReferral(from: "ardeche-lieu-047", to: target)) {
            try store.removeReferral(from: "ardeche-lieu-047", to: target, editor: "alice")
        }
        try store.undoEdit(entry.id, editor: "alice")
        #expect(try refersTo(store, "ardeche-lieu-047").contains(target))
        #expect(throws: EditError.selfReferral("ardeche-lieu-047")) { try store.addReferral(from: "ardeche-lieu-047", to: "ardeche-lieu-047", editor: "alice") }
        #expect(throws: QueryError.self) { try store.addReferral(from: "ardeche-lieu-047", to: "personne", editor: "alice") }
        #expect(throws: QueryError.self) { try store.addReferral(from: "ardeche-lieu-047", to: "ardeche-lieu-110", service: "cafe", editor: "alice") }
    }

    @Test func anAddedThenRemovedReferralIsGone() throws {
        let store = try DemoStore.load()
        try store.addReferral(from: "ardeche-lieu-047", to: "ardeche-lieu-110", editor: "alice")
        try store.removeReferral(from: "ardeche-lieu-047", to: "ardeche-lieu-110", editor: "alice")
        #expect(try !refersTo(store, "ardeche-lieu-047").contains("ardeche-lieu-110"))
        #expect(try store.snapshot().network().edges == (try DemoStore.load().snapshot().network().edges))
    }
}
