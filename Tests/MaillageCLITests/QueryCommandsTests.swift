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
        (["serve", "--port", "70000"], "--port must be between 0 and 65535"),
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
        #expect((try MaillageCommand.parseAsRoot(["gaps", "--service", "caf", "--radius-km", "20", "--level", "france"]) as? MaillageCommand.Gaps)?.level == .france)
        #expect(gaps.level == .epci && gaps.coverage.within == "07" && gaps.minRelays == 2 && gaps.coverage.free && gaps.format == .csv)
        #expect(gaps.coverage.publics == ["Seniors"] && gaps.coverage.priseEnCharge == ["Surdité"] && gaps.coverage.labels == ["Aidants Connect"])
        for bad in [["--level", "pays"], ["--min-relays", "0"]] {
            #expect(throws: (any Error).self) { try MaillageCommand.parseAsRoot(["gaps", "--service", "caf", "--radius-km", "20"] + bad) }
        }
    }

    @Test func csvQuotesNamesAndLeavesUnknownsEmpty() {
        let report = GapReport(service: "CAF", radiusKm: 10, level: .commune, minRelays: 1, population: 10, uncoveredPopulation: 10, territories: [
            TerritoryGap(code: "07001", nom: "Saint-\"Quote\", Village", population: 10, uncoveredPopulation: 10, nearestKm: nil,
                         relaysWithin: 0, relaysByZone: 0, communes: 1, uncoveredCommunes: 1),
        ])
        #expect(report.csv() == "code,nom,population,uncovered_population,nearest_km,relays_within,relays_by_zone,communes,uncovered_communes\n07001,\"Saint-\"\"Quote\"\", Village\",10,10,,0,0,1,1\n")
    }
}

@Suite struct NetworkCommandTests {
    @Test func networkTakesScopeLevelAndFormat() throws {
        let network = try #require(try MaillageCommand.parseAsRoot(["network", "--within", "07", "--level", "intermediaries", "--format", "json"]) as? MaillageCommand.Network)
        #expect(network.within == "07" && network.level == .intermediaries && network.format == .json)
        #expect(throws: (any Error).self) { try MaillageCommand.parseAsRoot(["network", "--level", "everyone"]) }
    }
}

@Suite struct CoverageCommandsTests {
    @Test func accessFragilityAndWhatIfTakeTheirOptions() throws {
        let access = try #require(try MaillageCommand.parseAsRoot([
            "access", "--service", "caf", "--method", "e2sfca", "--catchment-km", "25", "--bands", "5:1,25:0.5", "--demand", "fragility",
            "--within", "07", "--format", "csv",
        ]) as? MaillageCommand.Access)
        #expect(access.options.method == .enhanced && access.options.catchmentKm == 25 && access.demand == .fragility && access.format == .csv)
        #expect(try access.options.parsedBands() == [.init(maxKm: 5, weight: 1), .init(maxKm: 25, weight: 0.5)])
        let fragility = try #require(try MaillageCommand.parseAsRoot(["fragility", "--service", "caf", "--radius-km", "10", "--free"]) as? MaillageCommand.Fragility)
        #expect(fragility.coverage.radiusKm == 10 && fragility.coverage.free)
        let whatIf = try #require(try MaillageCommand.parseAsRoot(["what-if", "--close", "a", "b", "--service", "caf", "--method", "2sfca"]) as? MaillageCommand.WhatIf)
        #expect(whatIf.close == ["a", "b"] && whatIf.radiusKm == 10 && whatIf.access.method == .twoStep)
        let plan = try #require(try MaillageCommand.parseAsRoot([
            "plan", "--service", "caf", "--sites", "5", "--radius-km", "15", "--candidates", "places", "--within", "07", "--cover-all", "--format", "json",
        ]) as? MaillageCommand.Plan)
        #expect(plan.sites == 5 && plan.coverage.radiusKm == 15 && plan.candidates == .places && plan.coverage.within == "07" && plan.coverAll)
    }

    @Test(arguments: [
        (["access", "--service", "caf", "--catchment-km", "0"], "--catchment-km must be more than zero"),
        (["access", "--service", "caf", "--method", "2sfca", "--bands", "10:1"], "--bands applies to --method e2sfca only"),
        (["access", "--service", "caf", "--bands", "10:1,x"], "Cannot read the distance bands"),
        (["access", "--service", "caf", "--method", "3sfca"], "3sfca"),
        (["access", "--service", "caf", "--demand", "poverty"], "poverty"),
        (["fragility", "--service", "caf", "--radius-km", "-3"], "--radius-km must be zero or more"),
        (["what-if", "--service", "caf"], "Give the ids of the places that close"),
        (["plan", "--service", "caf", "--radius-km", "10", "--sites", "0"], "--sites must be at least 1"),
        (["plan", "--service", "caf", "--radius-km", "10", "--candidates", "towns"], "towns"),
        (["plan", "--service", "caf", "--sites", "2"], "--radius-km"),
    ])
    func badArgumentsAreRefusedWithAReason(arguments: [String], expected: String) {
        do {
            _ = try MaillageCommand.parseAsRoot(arguments)
            Issue.record("expected an error for \(arguments)")
        } catch {
            #expect(MaillageCommand.message(for: error).contains(expected), "\(MaillageCommand.message(for: error))")
        }
    }

    @Test func csvFormsQuoteNames() {
        let access = AccessReport(service: "CAF", method: .enhanced, catchmentKm: 30, bands: nil, demand: .population, sites: 1, supply: 1,
                                  sitesWithoutLocation: 0, meanScore: 0.5, fragilityFromEpci: nil, fragilityFromMean: nil, populationWithoutAccess: 0,
                                  communes: [CommuneAccess(code: "07001", nom: "A, \"B\"", population: 2, demand: 2, score: 0.25, normalized: 0.5)])
        #expect(access.csv() == "code,nom,population,demand,score,normalized\n07001,\"A, \"\"B\"\"\",2,2.0,0.25,0.5\n")
    }
}
