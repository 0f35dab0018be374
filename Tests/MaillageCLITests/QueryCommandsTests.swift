import ArgumentParser
import Foundation
@testable import Maillage
import Testing
@testable import MaillageCLI

@Suite struct QueryCommandsParsingTests {
    @Test func relaysTakesEveryFilter() throws {
        let command = try MaillageCommand.parseAsRoot([
            "relays", "--service", "caf", "--commune", "07186", "--radius-km", "15", "--public", "Seniors", "--public", "Jeunes",
            "--prise-en-charge", "Surdité", "--free", "--modalite", "À distance", "--label", "France Services",
            "--open-at", "2025-03-15T10:00", "--limit", "5", "--format", "json",
        ])
        let relays = try #require(command as? MaillageCommand.Relays)
        #expect(relays.service == "caf" && relays.commune == "07186" && relays.radiusKm == 15 && relays.publics == ["Seniors", "Jeunes"])
        #expect(relays.priseEnCharge == ["Surdité"] && relays.free && relays.modalites == ["À distance"] && relays.labels == ["France Services"])
        #expect(relays.openAt == "2025-03-15T10:00" && relays.limit == 5 && relays.format == .json)
        let point = try #require(try MaillageCommand.parseAsRoot(["relays", "--service", "caf", "--lat", "44.7", "--lon", "4.6"]) as? MaillageCommand.Relays)
        #expect(point.lat == 44.7 && point.lon == 4.6 && point.radiusKm == 10)
    }

    @Test(arguments: [
        (["relays", "--service", "caf"], "Give the person's commune"),
        (["relays", "--service", "caf", "--commune", "07186", "--lat", "44", "--lon", "4"], "not both"),
        (["relays", "--service", "caf", "--lat", "44"], "Give the person's commune"),
        (["relays", "--service", "caf", "--lat", "144", "--lon", "4"], "--lat must be between -90 and 90"),
        (["relays", "--service", "caf", "--commune", "07186", "--radius-km", "-1"], "--radius-km must be zero or more"),
        (["relays", "--service", "caf", "--commune", "07186", "--open-at", "samedi"], "expected YYYY-MM-DDTHH:MM"),
        (["path", "--from", "x", "--service", "caf", "--max-hops", "-2"], "--max-hops must be zero or more"),
        (["search", "--", "—"], "Give at least one word"),
    ])
    func badArgumentsAreRefusedWithAReason(arguments: [String], expected: String) {
        do {
            _ = try MaillageCommand.parseAsRoot(arguments)
            Issue.record("expected an error for \(arguments)")
        } catch {
            #expect(MaillageCommand.message(for: error).contains(expected), "\(MaillageCommand.message(for: error))")
        }
    }

    @Test func showPathSearchAndCheckParse() throws {
        #expect((try MaillageCommand.parseAsRoot(["show", "cnfs:123"]) as? MaillageCommand.Show)?.id == "cnfs:123")
        let path = try #require(try MaillageCommand.parseAsRoot(["path", "--from", "a", "--service", "ants"]) as? MaillageCommand.Path)
        #expect(path.from == "a" && path.service == "ants" && path.maxHops == 3)
        #expect((try MaillageCommand.parseAsRoot(["search", "ecrivain", "public"]) as? MaillageCommand.Search)?.words == ["ecrivain", "public"])
        #expect(try MaillageCommand.parseAsRoot(["check", "--format", "json"]) is MaillageCommand.Check)
    }
}

@Suite struct NegativeCoordinatesTests {
    @Test func southernLatitudesParse() throws {
        let relays = try #require(try MaillageCommand.parseAsRoot(["relays", "--service", "caf", "--lat", "-21.11", "--lon", "55.53"]) as? MaillageCommand.Relays)
        #expect(relays.lat == -21.11 && relays.lon == 55.53)
    }
}

@Suite struct GapsCommandTests {
    @Test func gapsTakesItsOptions() throws {
        let gaps = try #require(try MaillageCommand.parseAsRoot([
            "gaps", "--service", "caf", "--radius-km", "20", "--level", "epci", "--within", "07", "--min-relays", "2",
            "--public", "Seniors", "--prise-en-charge", "Surdité", "--free", "--label", "Aidants Connect", "--format", "csv",
        ]) as? MaillageCommand.Gaps)
        #expect(gaps.level == .epci && gaps.within == "07" && gaps.minRelays == 2 && gaps.free && gaps.format == .csv)
        #expect(gaps.publics == ["Seniors"] && gaps.priseEnCharge == ["Surdité"] && gaps.labels == ["Aidants Connect"])
        for bad in [["--level", "pays"], ["--min-relays", "0"], ["--level", "france"]] {
            #expect(throws: (any Error).self) { try MaillageCommand.parseAsRoot(["gaps", "--service", "caf", "--radius-km", "20"] + bad) }
        }
    }

    @Test func csvQuotesNamesAndLeavesUnknownsEmpty() {
        let report = GapReport(service: "CAF", radiusKm: 10, level: .commune, minRelays: 1, population: 10, uncoveredPopulation: 10, territories: [
            TerritoryGap(code: "07001", nom: "Saint-\"Quote\", Village", population: 10, uncoveredPopulation: 10, nearestKm: nil,
                         relaysWithin: 0, relaysByZone: 0, communes: 1, uncoveredCommunes: 1),
        ])
        #expect(GapText.csv(report) == "code,nom,population,uncovered_population,nearest_km,relays_within,relays_by_zone,communes,uncovered_communes\n07001,\"Saint-\"\"Quote\"\", Village\",10,10,,0,0,1,1\n")
    }
}

@Suite struct NetworkCommandTests {
    @Test func networkTakesScopeLevelAndFormat() throws {
        let network = try #require(try MaillageCommand.parseAsRoot(["network", "--within", "07", "--level", "intermediaries", "--format", "json"]) as? MaillageCommand.Network)
        #expect(network.within == "07" && network.level == .intermediaries && network.format == .json)
        #expect(throws: (any Error).self) { try MaillageCommand.parseAsRoot(["network", "--level", "everyone"]) }
    }
}
