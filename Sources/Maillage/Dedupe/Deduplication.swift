/// Finds the records of one real place: compares the candidate pairs, then chains the pairs
/// that score at or over their threshold into groups, best pairs first, together with the groups
/// already stored and never across a pair recorded as different places.
struct Deduplication {
    var options: DedupeOptions
    /// The stored groups, as node ids.
    var existingGroups: [[Int64]]
    /// Pairs recorded as different places.
    var differentPlaces: Set<MergePair>

    /// The proposal for `records` (active place records).
    func propose(_ records: [DedupeRecord]) -> (proposal: DedupeProposal, decisions: [MergeDecision]) {
        let sources = Set(records.map(\.source))
        if sources.count < 2 {
            let note = records.isEmpty
                ? "The directory holds no active place: there is nothing to deduplicate."
                : "Every active place comes from one source (\(sources.first!)): dedupe merges the records of several sources; nothing was compared."
            return (DedupeProposal(records: records.count, sources: sources.count, pairsExamined: 0, allPairs: records.count * (records.count - 1) / 2,
                                   merges: [], groups: [], bySourcePair: [], nearMisses: [], vetoes: [], alreadyMerged: 0, keptApart: 0,
                                   applied: false, note: note), [])
        }
        let comparable = records.map(ComparableRecord.init)
        let index = Dictionary(uniqueKeysWithValues: records.enumerated().map { ($1.nodeId, $0) })
        var groups = GroupChaining(count: records.count)
        for group in existingGroups {
            let members = group.compactMap { index[$0] }
            for member in members.dropFirst() { groups.join(members[0], member) }
        }
        for pair in differentPlaces {
            if let a = index[pair.low], let b = index[pair.high] { groups.keepApart(a, b) }
        }

        var candidates: [(pair: DedupeProposal.Pair, i: Int, j: Int)] = []
        var nearMisses: [DedupeProposal.Pair] = []
        var vetoes: [PairComparison.Veto: Int] = [:]
        var alreadyMerged = 0
        let blocked = CandidateBlocking.pairs(comparable)
        for (i, j) in blocked {
            let comparison = PairComparison(comparable[i], comparable[j])
            let pair = DedupeProposal.Pair(first: Self.side(records[i]), second: Self.side(records[j]),
                                           rule: comparison.siret == nil ? .score : .siret, score: comparison.score, comparison: comparison)
            if let veto = comparison.veto {
                vetoes[veto, default: 0] += 1
            } else if groups.sameGroup(i, j) {
                alreadyMerged += 1
            } else if differentPlaces.contains(MergePair(records[i].nodeId, records[j].nodeId)) {
                continue
            } else if comparison.score >= options.threshold(sameSource: records[i].source == records[j].source) {
                candidates.append((pair, i, j))
            } else if comparison.score >= DedupeOptions.nearMissFloor {
                nearMisses.append(pair)
            }
        }

        var merges: [DedupeProposal.Pair] = [], decisions: [MergeDecision] = []
        var keptApart = 0
        var grown = Set<Int>()
        for candidate in candidates.sorted(by: { Self.isBetter($0.pair, $1.pair) }) {
            guard !groups.sameGroup(candidate.i, candidate.j) else { continue }
            guard groups.join(candidate.i, candidate.j, unless: { cannotBeOnePlace(comparable[$0], comparable[$1]) }) else {
                keptApart += 1
                continue
            }
            grown.insert(candidate.i)
            merges.append(candidate.pair)
            decisions.append(MergeDecision(first: records[candidate.i].nodeId, second: records[candidate.j].nodeId,
                                           rule: candidate.pair.rule, score: candidate.pair.score, reason: candidate.pair.reason))
        }

        let grownGroups = Set(grown.map { groups.root(of: $0) })
        let newGroups = grownGroups.map { root in groups.members(of: root).map { records[$0].publicId }.sorted() }.sorted { $0.first! < $1.first! }
        var bySourcePair: [String: Int] = [:]
        for merge in merges { bySourcePair[SourceFamily.pair(merge.first.source, merge.second.source), default: 0] += 1 }
        let proposal = DedupeProposal(
            records: records.count, sources: sources.count, pairsExamined: blocked.count, allPairs: records.count * (records.count - 1) / 2,
            merges: merges, groups: newGroups,
            bySourcePair: bySourcePair.map { DedupeProposal.Count(name: $0.key, count: $0.value) }.sorted { ($0.count, $1.name) > ($1.count, $0.name) },
            nearMisses: nearMisses.sorted(by: Self.isBetter),
            vetoes: PairComparison.Veto.allCases.compactMap { veto in vetoes[veto].map { DedupeProposal.Count(name: veto.rawValue, count: $0) } },
            alreadyMerged: alreadyMerged, keptApart: keptApart, applied: false, note: nil)
        return (proposal, decisions)
    }

    /// Whether two records that a chain of merges would bring together cannot be one place: a
    /// veto between them, or two records of one source scoring under that source's threshold (a
    /// source lists distinct sites as distinct rows; a third record matching each of them, such
    /// as a département's CNFS entry sharing its SIRET with its five Aidants Connect sites, does
    /// not make them one).
    private func cannotBeOnePlace(_ a: ComparableRecord, _ b: ComparableRecord) -> Bool {
        if PairComparison.veto(a, b) != nil { return true }
        return a.record.source == b.record.source && PairComparison(a, b).score < options.threshold(sameSource: true)
    }

    /// Higher score first, SIRET matches before scores, then the more similar (among SIRET
    /// matches), then by ids.
    private static func isBetter(_ a: DedupeProposal.Pair, _ b: DedupeProposal.Pair) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.rule != b.rule { return a.rule == .siret }
        if a.comparison.similarity != b.comparison.similarity { return a.comparison.similarity > b.comparison.similarity }
        return (a.first.id, a.second.id) < (b.first.id, b.second.id)
    }

    private static func side(_ record: DedupeRecord) -> DedupeProposal.Side {
        DedupeProposal.Side(id: record.publicId, nom: record.nom, source: record.source, codeInsee: record.codeInsee, adresse: record.adresse)
    }
}
