import Foundation
import Testing
@testable import Maillage

@Suite struct GreedyCoveringTests {
    @Test func maximalCoveringByHandWhereGreedyIsNotOptimal() {
        // Points 5, 5, 4, 4. C0 covers {0, 2} (9), C1 {1, 3} (9), C2 {0, 1} (10).
        let problem = GreedyCovering(weights: [5, 5, 4, 4], covers: [[0, 2], [1, 3], [0, 1]])
        // Greedy takes C2 (10), then C0 and C1 tie at 4: the lower index. Optimal is C0 + C1 = 18.
        #expect(problem.maximalCovering(sites: 2) == [.init(candidate: 2, weight: 10, points: 2), .init(candidate: 0, weight: 4, points: 1)])
        // With more sites than useful, it stops once nothing more is covered.
        #expect(problem.maximalCovering(sites: 10).map(\.candidate) == [2, 0, 1])
        #expect(problem.uncoverable().isEmpty)
    }

    @Test func setCoveringByHandDropsTheSitesLaterOnesMakeRedundant() {
        // C0 covers 4 points; C1 and C2 together cover all 6 (optimal: 2 sites). Greedy: C0, C1, C2;
        // C1 and C2 leave C0 redundant: dropped, and C1, C2 each add 3 points.
        let problem = GreedyCovering(weights: [1, 1, 1, 1, 1, 1, 7], covers: [[0, 1, 2, 3], [0, 2, 4], [1, 3, 5]])
        #expect(problem.setCovering() == [.init(candidate: 1, weight: 3, points: 3), .init(candidate: 2, weight: 3, points: 3)])
        // Two candidates covering the same points: the later one is dropped first.
        #expect(GreedyCovering(weights: [1, 1], covers: [[0, 1], [0, 1]]).withoutRedundantSites([0, 1]) == [0])
        #expect(problem.uncoverable() == [6])
        #expect(GreedyCovering(weights: [], covers: [[], []]).setCovering().isEmpty)
    }

    /// Lazy evaluation must choose exactly what plain greedy (every gain recomputed each round) chooses.
    @Test func lazyEvaluationEqualsPlainGreedy() {
        var random = SplitMix(seed: 42)
        for _ in 0..<200 {
            let points = Int.random(in: 1...40, using: &random), candidates = Int.random(in: 1...30, using: &random)
            let weights = (0..<points).map { _ in Int.random(in: 0...50, using: &random) }
            let covers = (0..<candidates).map { _ in
                Array(Set((0..<Int.random(in: 0...8, using: &random)).map { _ in Int32.random(in: 0..<Int32(points), using: &random) })).sorted()
            }
            let problem = GreedyCovering(weights: weights, covers: covers)
            let sites = Int.random(in: 1...6, using: &random)
            #expect(problem.maximalCovering(sites: sites).map(\.candidate) == plainGreedy(weights, covers, limit: sites) { ($0, $1) })
            let cover = plainGreedy(weights, covers, limit: .max) { ($1, $0) }
            #expect(problem.setCovering().map(\.candidate) == plainPruning(cover, covers))
            // Whatever is dropped, the cover still covers everything the greedy one did.
            #expect(Set(problem.setCovering().flatMap { covers[$0.candidate] }) == Set(cover.flatMap { covers[$0] }))
        }
    }

    /// Drops, from the last chosen to the first, each site whose points the other kept sites cover.
    private func plainPruning(_ chosen: [Int], _ covers: [[Int32]]) -> [Int] {
        var kept = chosen
        for candidate in chosen.reversed() {
            let others = Set(kept.filter { $0 != candidate }.flatMap { covers[$0] })
            if covers[candidate].allSatisfy(others.contains) { kept.removeAll { $0 == candidate } }
        }
        return kept
    }

    /// Every round, every candidate's gain recomputed; the best key wins, ties to the lower index.
    private func plainGreedy(_ weights: [Int], _ covers: [[Int32]], limit: Int, key: (Int, Int) -> (Int, Int)) -> [Int] {
        var covered = Set<Int32>(), chosen: [Int] = []
        while chosen.count < limit {
            var best: (key: (Int, Int), candidate: Int)?
            for (candidate, points) in covers.enumerated() {
                let fresh = points.filter { !covered.contains($0) }
                guard !fresh.isEmpty else { continue }
                let gain = key(fresh.reduce(0) { $0 + weights[Int($1)] }, fresh.count)
                if best == nil || gain > best!.key { best = (gain, candidate) }
            }
            guard let best else { break }
            chosen.append(best.candidate)
            covered.formUnion(covers[best.candidate])
        }
        return chosen
    }
}

/// A small deterministic generator for reproducible random instances.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Plans on the fixture of ``CoverageGapsTests``: at 10 km, Alboussière (2,000) and Lyon (520,000)
/// are uncovered; Bourg-en-Bresse is covered by Z's zone; L, at Lyon, relays another service.
@Suite struct SitePlanTests {
    static func plan(_ configure: (inout PlanQuery) -> Void) throws -> SitePlan {
        let (directory, table) = try CoverageGapsTests.setUp()
        var query = PlanQuery(coverage: GapQuery(service: "aide-aux-demarches-administratives", radiusKm: 10))
        configure(&query)
        return try directory.plan(query, territories: table)
    }

    @Test func maximalCoveringAmongCommunes() throws {
        let one = try Self.plan { $0.sites = 1 }
        #expect(one.objective == "mclp" && one.uncoveredPopulationBefore == 522_000 && one.uncoveredCommunesBefore == 2)
        #expect(one.sites.map(\.id) == ["69123"] && one.sites[0].coveredPopulation == 520_000 && one.uncoveredPopulationAfter == 2_000)
        #expect(one.sites[0].latitude == 45.76 && one.sites[0].nom == "Lyon")
        // Three sites asked, two suffice.
        let three = try Self.plan { $0.sites = 3 }
        #expect(three.sites.map(\.id) == ["69123", "07007"] && three.sites.map(\.cumulativeCoveredPopulation) == [520_000, 522_000])
        #expect(try Self.plan { $0.coverAll = true }.sites.count == 2)
    }

    @Test func placesAsCandidatesMayLeaveCommunesUnreachable() throws {
        let plan = try Self.plan { $0.candidates = .places; $0.coverAll = true }
        // Only L does not relay the service yet; it covers Lyon; nothing reaches Alboussière.
        #expect(plan.sites.map(\.id) == ["L"] && plan.sites[0].codeInsee == "69123")
        #expect(plan.uncoverable.map(\.code) == ["07007"] && plan.uncoveredPopulationAfter == 2_000)
    }

    @Test func edgeCases() throws {
        // A territory already covered: nothing to place.
        let covered = try Self.plan { $0.coverage.within = "07186" }
        #expect(covered.uncoveredPopulationBefore == 0 && covered.sites.isEmpty && covered.uncoverable.isEmpty)
        // A service nobody relays: every inhabited commune is demand.
        let none = try Self.plan { $0.coverage.service = "parentalite-et-education-avec-le-numerique"; $0.coverAll = true }
        #expect(none.uncoveredPopulationBefore == 584_000 && none.uncoveredPopulationAfter == 0)
        #expect(throws: QueryError.unknownTerritory("99")) { try Self.plan { $0.coverage.within = "99" } }
    }
}
