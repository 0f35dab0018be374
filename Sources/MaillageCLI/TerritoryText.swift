import Foundation
import Maillage

/// The header line naming the territory an answer is for, and what was understood about the code given.
enum TerritoryText {
    /// "Commune: 75056 Paris" and one "Note: …" line per note, each ending in a line break; empty when no territory was asked.
    static func header(_ territory: ResolvedTerritory?) -> String {
        guard let territory else { return "" }
        let level = territory.kind.prefix(1).uppercased() + territory.kind.dropFirst()
        return (["\(level): \(territory.code) \(territory.nom)"] + territory.notes.map { "Note: \($0)" }).map { $0 + "\n" }.joined()
    }

    /// The notes alone, on standard error: for JSON output whose shape cannot take them.
    static func noteOnStandardError(_ territory: ResolvedTerritory?) {
        for note in territory?.notes ?? [] { FileHandle.standardError.write(Data("Note: \(note)\n".utf8)) }
    }
}
