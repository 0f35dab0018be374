import Foundation
@testable import Maillage
import Testing

/// The live snapshot: read in one transaction, tagged with the data version, swapped when an
/// import moves the version on, while a snapshot already taken keeps answering as it did.
@Suite struct LiveSnapshotTests {
    private func relayIds(_ snapshot: Snapshot) throws -> [String] {
        var query = RelayQuery(service: "aide-aux-demarches-administratives", origin: .commune("07186"))
        query.radiusKm = 5
        return try snapshot.directory.relays(query).map(\.id)
    }

    @Test func anImportIsTakenInByTheNextRefreshOnly() async throws {
        let store = try DemoStore.load()
        let live = try LiveSnapshot(store: store)
        let before = live.current
        #expect(before.dataVersion == (try store.dataVersion()))
        #expect(try await live.refresh() == false, "nothing changed: no new read")

        _ = try store.importData(.lieux, name: "new.csv", data: Fixtures.lieux([Fixtures.lieu("nouveau-lieu", [.nom: "Nouveau lieu de Privas"])]))
        #expect(live.current.dataVersion == before.dataVersion, "not swapped before a refresh")
        #expect(try await live.refresh())
        let after = live.current
        #expect(after.dataVersion > before.dataVersion)
        #expect(try relayIds(after).contains("nouveau-lieu"))
        // The snapshot taken before still answers as it did.
        #expect(try !relayIds(before).contains("nouveau-lieu"))
        #expect(try await live.refresh() == false)
    }

    @Test func theSnapshotHoldsWhatTheSeparateReadsGive() throws {
        let store = try DemoStore.load()
        let snapshot = try store.snapshot()
        #expect(snapshot.graph.publicIds == (try store.graph().publicIds))
        #expect(snapshot.territories.communes == (try store.territoryTable().communes))
        #expect(snapshot.directory.count == (try store.relayDirectory().count))
        #expect(snapshot.diagramSource.dateMaj == (try store.diagramSource().dateMaj))
        var request = DiagramRequest(kind: .territory)
        request.scope = "07"
        #expect(try snapshot.diagram(request).text == (try store.diagram(request).text))
    }

    @Test func communeSuggestionsRankExactCodesThenNamesThenWordsMostPopulousFirst() throws {
        let names = try DemoStore.load().snapshot().communeNames
        #expect(names.suggestions("07186").first?.nom == "Privas")
        #expect(names.suggestions("privas").first?.code == "07186")
        #expect(names.suggestions("Saint-Privat").first?.nom == "Saint-Privat")
        let saints = names.suggestions("saint", limit: 50)
        #expect(saints.count > 5 && saints.allSatisfy { $0.nom.hasPrefix("Saint") })
        let populations = saints.map(\.population)
        #expect(populations == populations.sorted(by: >))
        #expect(names.suggestions("agrève").map(\.nom) == ["Saint-Agrève"], "a word inside the name")
        #expect(names.suggestions("   ").isEmpty)
        #expect(names.commune(named: "PRIVAS")?.code == "07186")
        #expect(names.commune(named: "Priv") == nil, "a prefix is a suggestion, not a commune")
    }
}

/// A commune's summary, checked by brute force over the graph: every place in the commune, the
/// services relayed there, and for a service missing there the distance to its nearest place.
@Suite struct CommuneSummaryTests {
    @Test func theNearestRelayOfAMissingServiceIsTheClosestPlaceThatRelaysItOrAFinerOne() throws {
        let snapshot = try DemoStore.load().snapshot()
        let graph = snapshot.graph
        let summary = try snapshot.commune("07186")
        let privas = try #require(snapshot.territories.communeRow(code: "07186"))
        var workers: [Int: [Int]] = [:]
        for node in 0..<graph.nodeCount where graph.kinds[node] == .intermediary && graph.active[node] {
            for place in graph.worksAt.neighbours(of: node) { workers[Int(place), default: []].append(node) }
        }
        func isUnder(_ service: Int, _ asked: Int) -> Bool {
            var current = service
            while current >= 0 { if current == asked { return true }; current = Int(graph.serviceParent[current]) }
            return false
        }
        let places = (0..<graph.nodeCount).filter { graph.kinds[$0] == .place && graph.active[$0] }
        #expect(Set(summary.places.map(\.id)) == Set(places.filter { graph.communeCodes[Int(graph.commune[$0])] == "07186" }.map { graph.publicIds[$0] }))
        for missing in summary.elsewhere {
            let asked = try #require(snapshot.diagramSource.serviceLabels.firstIndex(of: missing.service))
            let distances = places.filter { place in
                !graph.latitude[place].isNaN
                    && snapshot.diagramSource.services(of: place, withWorkers: workers[place] ?? []).contains { isUnder($0, asked) }
            }.map { Haversine.distanceKm(privas.latitude, privas.longitude, graph.latitude[$0], graph.longitude[$0]) }
            let nearest = distances.min().flatMap { $0 <= CommuneSummary.searchRadiusKm ? $0 : nil }
            // A relay found through its zone or remotely comes first when no place is within reach.
            guard let distance = missing.nearest?.distanceKm else {
                #expect(missing.nearest == nil ? nearest == nil : true, "\(missing.service)")
                continue
            }
            #expect(abs(distance - (nearest ?? .infinity)) < 1e-9, "\(missing.service): \(distance) against \(nearest ?? -1)")
        }
        #expect(!summary.elsewhere.isEmpty && summary.elsewhere.contains { $0.nearest?.distanceKm != nil })
    }
}
