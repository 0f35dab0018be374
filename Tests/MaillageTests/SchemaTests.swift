import Foundation
import GRDB
import Testing
@testable import Maillage

/// SQLite itself refuses what the model forbids.
@Suite struct SchemaTests {
    private func expectRefused(_ sql: String, file: Store) {
        #expect(throws: DatabaseError.self) { try file.writer.write { try $0.execute(sql: sql) } }
    }

    private func storeWithOnePlace() throws -> Store {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux([Fixtures.lieu("p1")]))
        return store
    }

    @Test func communeCodesMustHaveTheirShapeAndDepartement() throws {
        let store = try Fixtures.storeWithCommunes()
        expectRefused("INSERT INTO commune (code_insee, nom, departement_code) VALUES ('7186', 'x', '07')", file: store)
        expectRefused("INSERT INTO commune (code_insee, nom, departement_code) VALUES ('99999', 'x', '99')", file: store)
        expectRefused("INSERT INTO commune (code_insee, nom, departement_code, latitude) VALUES ('07999', 'x', '07', 44.0)", file: store)
        expectRefused("INSERT INTO epci (siren, nom, nature) VALUES ('12345', 'x', 'CC')", file: store)
        expectRefused("INSERT INTO epci (siren, nom, nature) VALUES ('123456789', 'x', 'XX')", file: store)
    }

    @Test func placesAndIntermediariesAreTypedNodes() throws {
        let store = try storeWithOnePlace()
        let placeNode = try store.writer.read { try Int64.fetchOne($0, sql: "SELECT id FROM node WHERE public_id = 'p1'") }
        let node = try #require(placeNode)
        // An intermediary row cannot sit on a place node.
        expectRefused("INSERT INTO intermediary (node_id, actor_type) VALUES (\(node), 'bibliothecaire')", file: store)
        // Unknown actor type, negative headcount, place in an unknown commune.
        try store.writer.write { try $0.execute(sql: "INSERT INTO node (kind, public_id, source_id) VALUES ('intermediary', 'i1', 1)") }
        expectRefused("INSERT INTO intermediary (node_id, actor_type) VALUES ((SELECT id FROM node WHERE public_id = 'i1'), 'astronaute')", file: store)
        expectRefused("INSERT INTO intermediary (node_id, actor_type, headcount) VALUES ((SELECT id FROM node WHERE public_id = 'i1'), 'bibliothecaire', -1)", file: store)
        expectRefused("UPDATE place SET code_insee = '99999' WHERE node_id = \(node)", file: store)
        expectRefused("UPDATE place SET latitude = 95 WHERE node_id = \(node)", file: store)
        expectRefused("UPDATE place SET date_maj = '15/01/2025' WHERE node_id = \(node)", file: store)
        // Public ids are unique.
        expectRefused("INSERT INTO node (kind, public_id, source_id) VALUES ('place', 'p1', 1)", file: store)
    }

    @Test func referralsLeadElsewhereOnceEach() throws {
        let store = try storeWithOnePlace()
        expectRefused("INSERT INTO referral (source_node_id, target_node_id) SELECT id, id FROM node WHERE public_id = 'p1'", file: store)
        try store.writer.write { db in
            try db.execute(sql: "INSERT INTO node (kind, public_id, source_id) VALUES ('place', 'p2', 1)")
            try db.execute(sql: "INSERT INTO referral (source_node_id, target_node_id) SELECT a.id, b.id FROM node a, node b WHERE a.public_id = 'p1' AND b.public_id = 'p2'")
        }
        expectRefused("INSERT INTO referral (source_node_id, target_node_id) SELECT a.id, b.id FROM node a, node b WHERE a.public_id = 'p1' AND b.public_id = 'p2'", file: store)
        expectRefused("INSERT INTO referral (source_node_id, target_node_id, weight) SELECT b.id, a.id, -2 FROM node a, node b WHERE a.public_id = 'p1' AND b.public_id = 'p2'", file: store)
    }

    @Test func deletingANodeRemovesItsEdges() throws {
        let store = try storeWithOnePlace()
        let counts = try store.writer.write { db -> [Int] in
            try db.execute(sql: "DELETE FROM node WHERE public_id = 'p1'")
            return try ["place", "relay"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 }
        }
        #expect(counts == [0, 0])
    }
}
