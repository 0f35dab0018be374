import Foundation
import GRDB

extension Store {
    /// Merges place records into real places, in one transaction: each decision puts its two
    /// records, with whatever records they are merged with already, into one group. A group keeps
    /// its head when it had one (the id its place answers to does not change); a new group's head
    /// is its primary record (``SourcePriority``, then the first imported). Every decision is
    /// recorded (`merge_event`: when, which records, rule, score, reason).
    ///
    /// A decision between records recorded as different places (``recordDifferentPlaces(_:_:)``)
    /// is refused (``MergeError/recordedAsDifferent(_:_:)``): dedupe never proposes one.
    @discardableResult
    public func merge(_ decisions: [MergeDecision], at date: Date = Date()) throws -> [MergedPlace] {
        guard !decisions.isEmpty else { return [] }
        return try writer.write { db in try Self.merge(decisions, at: date, db) }
    }

    /// ``merge(_:at:)`` inside the caller's transaction.
    @discardableResult
    static func merge(_ decisions: [MergeDecision], at date: Date, _ db: Database) throws -> [MergedPlace] {
        guard !decisions.isEmpty else { return [] }
        let stamp = timestamp(date)
        var groups = try PlaceGroups.fetch(db)
        let never = try differentPlacePairs(db)
        var touchedHeads = Set<Int64>()
        for decision in decisions {
            let pair = MergePair(decision.first, decision.second)
            if never.contains(pair) {
                throw MergeError.recordedAsDifferent(try publicId(of: decision.first, db), try publicId(of: decision.second, db))
            }
            for record in [decision.first, decision.second] where try kind(of: record, db) != "place" {
                throw MergeError.notAPlace(try publicId(of: record, db))
            }
            let (head, retired) = try groups.join(decision.first, decision.second, db)
            touchedHeads.insert(head)
            if let retired {
                touchedHeads.remove(retired)
                try PlaceGroupDerivation.clear(head: retired, db)
            }
            try db.execute(sql: """
                INSERT INTO merge_event (merged_at, head_id, first_id, second_id, rule, score, reason) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [stamp, head, decision.first, decision.second, decision.rule.rawValue, decision.score, decision.reason])
        }
        try groups.save(db)
        for head in touchedHeads.sorted() { try PlaceGroupDerivation.recompute(head: head, db) }
        try dataChanged(db)
        return try touchedHeads.sorted().map { try mergedPlace(head: $0, db) }
    }

    /// Splits the place `publicId` (any of its source ids) back into the records it was made of,
    /// each a node of its own again, exactly as imported. Returns the records' public ids.
    @discardableResult
    public func unmerge(_ publicId: String, at date: Date = Date()) throws -> MergedPlace {
        try writer.write { db in
            let head = try Self.resolve(publicId, db)
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM place_group WHERE head_id = ?)", arguments: [head]) == true else {
                throw MergeError.notMerged(publicId)
            }
            let place = try Self.mergedPlace(head: head, db)
            try PlaceGroupDerivation.clear(head: head, db)
            try db.execute(sql: "DELETE FROM place_group WHERE head_id = ?", arguments: [head])
            try db.execute(sql: "UPDATE merge_event SET unmerged_at = ? WHERE head_id = ? AND unmerged_at IS NULL",
                           arguments: [Self.timestamp(date), head])
            try Self.dataChanged(db)
            return place
        }
    }

    /// Records that two records are different places: no later dedupe merges them. Refused while
    /// they are merged (unmerge first).
    public func recordDifferentPlaces(_ first: String, _ second: String, at date: Date = Date()) throws {
        try writer.write { db in
            let a = try Self.nodeId(ofRecord: first, db), b = try Self.nodeId(ofRecord: second, db)
            guard a != b else { throw MergeError.sameRecord(first) }
            let groups = try PlaceGroups.fetch(db)
            if let head = groups.head(of: a), head == groups.head(of: b) { throw MergeError.stillMerged(first, second) }
            let pair = MergePair(a, b)
            try db.execute(sql: "INSERT OR IGNORE INTO never_merge (first_id, second_id, recorded_at) VALUES (?, ?, ?)",
                           arguments: [pair.low, pair.high, Self.timestamp(date)])
        }
    }

    /// The stored groups, each as its records' node ids, head first.
    public func placeGroups() throws -> [[Int64]] {
        try writer.read { db in try PlaceGroups.fetch(db).members }
    }

    /// The pairs of records recorded as different places, as node ids.
    public func differentPlacePairs() throws -> Set<MergePair> {
        try writer.read(Self.differentPlacePairs)
    }

    /// Every merged place, by id.
    public func mergedPlaces() throws -> [MergedPlace] {
        try writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT DISTINCT g.head_id FROM place_group g JOIN node n ON n.id = g.head_id ORDER BY n.public_id")
                .map { try Self.mergedPlace(head: $0, db) }
        }
    }

    static func differentPlacePairs(_ db: Database) throws -> Set<MergePair> {
        Set(try Row.fetchAll(db, sql: "SELECT first_id, second_id FROM never_merge").map { MergePair($0["first_id"], $0["second_id"]) })
    }

    /// The node that answers for `publicId`: its group's head, or its own node.
    static func resolve(_ publicId: String, _ db: Database) throws -> Int64 {
        guard let head = try Int64.fetchOne(db, sql: """
            SELECT h.head_id FROM node n JOIN node_head h ON h.id = n.id WHERE n.public_id = ?
            """, arguments: [publicId]) else {
            throw QueryError.unknownIdentifier(publicId, closest: try closestIds(to: publicId, db))
        }
        return head
    }

    /// The node of the record `publicId` itself (not its group's head).
    static func nodeId(ofRecord publicId: String, _ db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM node WHERE public_id = ?", arguments: [publicId]) else {
            throw QueryError.unknownIdentifier(publicId, closest: try closestIds(to: publicId, db))
        }
        return id
    }

    static func publicId(of node: Int64, _ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT public_id FROM node WHERE id = ?", arguments: [node]) ?? "#\(node)"
    }

    private static func kind(of node: Int64, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT kind FROM node WHERE id = ?", arguments: [node])
    }

    /// The merged place whose head is `head`, with its records' ids (primary first, then by id).
    static func mergedPlace(head: Int64, _ db: Database) throws -> MergedPlace {
        let ids = try String.fetchAll(db, sql: """
            SELECT n.public_id FROM place_group g JOIN node n ON n.id = g.node_id WHERE g.head_id = ?
            ORDER BY g.node_id <> g.head_id, n.public_id
            """, arguments: [head])
        let nom = try String.fetchOne(db, sql: "SELECT nom FROM shown_place WHERE node_id = ?", arguments: [head]) ?? ""
        return MergedPlace(id: try publicId(of: head, db), nom: nom, sourceIds: ids.isEmpty ? [try publicId(of: head, db)] : ids)
    }

    /// Moves the data version on and rebuilds the search index, after a change outside imports.
    static func dataChanged(_ db: Database) throws {
        try EditOverlay.recomputeAll(db)
        try db.execute(sql: "UPDATE meta SET value = value + 1 WHERE key = 'data_version'")
        try rebuildSearchIndex(db)
    }

    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}

/// Two records, in a fixed order.
public struct MergePair: Hashable, Sendable {
    public let low: Int64
    public let high: Int64

    public init(_ a: Int64, _ b: Int64) {
        (low, high) = a < b ? (a, b) : (b, a)
    }
}

/// Why a merge, unmerge or "different places" record cannot be made.
public enum MergeError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case recordedAsDifferent(String, String)
    case notAPlace(String)
    case notMerged(String)
    case sameRecord(String)
    case stillMerged(String, String)

    public var description: String {
        switch self {
        case .recordedAsDifferent(let a, let b): "\(a) and \(b) are recorded as different places; they are not merged"
        case .notAPlace(let id): "\(id) is not a place; only places are merged"
        case .notMerged(let id): "\(id) is not merged with any other record; there is nothing to unmerge"
        case .sameRecord(let id): "both ids are the record \(id); expected two different records"
        case .stillMerged(let a, let b): "\(a) and \(b) are merged into one place; unmerge it first"
        }
    }

    public var errorDescription: String? { description }
}
