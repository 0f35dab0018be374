import GRDB

/// The public ids already stored, with their kind and source.
///
/// Importers check each row against them while reading it, so that an id held by another source
/// or kind, or a reference to an id that is not stored, is an error of that row, found in the same
/// pass as every other error, and the row is counted as rejected before any figure is.
package struct StoredNodes: Sendable {
    package enum Kind: String, Sendable {
        case place, intermediary

        /// "a place", "an intermediary".
        var withArticle: String { self == .place ? "a place" : "an intermediary" }
    }

    package struct Owner: Sendable, Equatable {
        package var kind: Kind
        package var source: String
    }

    private var owners: [String: Owner]

    package init(owners: [String: Owner] = [:]) {
        self.owners = owners
    }

    /// Every stored node's public id, kind and source.
    static func fetch(_ db: Database) throws -> StoredNodes {
        var owners: [String: Owner] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT node.public_id, node.kind, source.name AS source FROM node JOIN source ON source.id = node.source_id
            """) {
            guard let kind = Kind(rawValue: row["kind"]) else { continue }
            owners[row["public_id"]] = Owner(kind: kind, source: row["source"])
        }
        return StoredNodes(owners: owners)
    }

    package func owner(of id: String) -> Owner? { owners[id] }

    /// Why a row cannot take an id already held by `owner`.
    static func ownershipMessage(_ owner: Owner) -> String {
        "this id already belongs to \(owner.kind.withArticle) of source '\(owner.source)'; expected an id unique across sources (or, if this file is that source's new version, import it as source '\(owner.source)')"
    }

    /// Why a reference to an id that is not stored (as `kind`, when given) cannot be taken.
    static func unknownReferenceMessage(_ kind: Kind?) -> String {
        switch kind {
        case .place?: "expected the id of a place already imported (import the lieux first)"
        case .intermediary?: "expected the id of an intermediary already imported"
        case nil: "expected the id of a place or intermediary already imported"
        }
    }
}

/// The short name of a source used to prefix its ids ("Hub Nord-Ardèche" → "hub-nord-ardeche"),
/// as `cnfs:` and `aidants-connect:` prefix the national lists' ids.
package enum SourceSlug {
    package static func of(_ source: String) -> String {
        let words = TextKey.fold(source).split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.isEmpty ? "source" : words.joined(separator: "-")
    }
}

extension RowReader {
    /// The id a row of `source` is stored under: `id` itself, unless another source holds it
    /// already: then `id` prefixed with the source's slug ("hub-b:0"), counted as a correction so
    /// that the import says so, and found under that id again on the next import.
    ///
    /// An error (and `id` returned) when the same source holds `id` as the other kind, or when the
    /// prefixed id is held too.
    package mutating func claimId(_ id: String, as kind: StoredNodes.Kind, source: String, in nodes: StoredNodes, at position: Int?) -> String {
        guard let owner = nodes.owner(of: id), owner != StoredNodes.Owner(kind: kind, source: source) else { return id }
        guard owner.source != source else {
            error(position, id, StoredNodes.ownershipMessage(owner))
            return id
        }
        let slug = SourceSlug.of(source)
        let prefixed = "\(slug):\(id)"
        if let prefixedOwner = nodes.owner(of: prefixed), prefixedOwner != StoredNodes.Owner(kind: kind, source: source) {
            error(position, id, "this id, and the id '\(prefixed)' it would take, already belong to other sources; expected an id unique across sources")
            return id
        }
        corrections.append("ids another source already holds, stored prefixed with '\(slug):'")
        return prefixed
    }

    /// An error when `id` is stored already under another kind or source.
    package mutating func checkOwnership(of id: String, as kind: StoredNodes.Kind, source: String, in nodes: StoredNodes, at position: Int?) {
        guard let owner = nodes.owner(of: id), owner != StoredNodes.Owner(kind: kind, source: source) else { return }
        error(position, id, StoredNodes.ownershipMessage(owner))
    }

    /// An error naming the ids of `ids` that are not stored (as `kind`, when given).
    package mutating func checkReferences(_ ids: [String], to kind: StoredNodes.Kind?, in nodes: StoredNodes, at position: Int?) {
        let missing = ids.filter { id in nodes.owner(of: id).map { kind == nil || $0.kind == kind } != true }
        guard !missing.isEmpty else { return }
        error(position, missing.joined(separator: "|"), StoredNodes.unknownReferenceMessage(kind))
    }
}
