import GRDB

/// What an editor's form shows of a place or an intermediary: each editable field as text, the
/// way the editor would type it (lists `|`-separated), with the node's kind.
public struct EditableValues: Sendable, Equatable {
    /// The node's public id (a merged place's head).
    public var id: String
    public var isIntermediary: Bool
    /// By field name (national-schema names for a place, the intermediaries CSV's for an intermediary).
    public var values: [String: String]
}

extension Store {
    /// The editable fields of the place or intermediary `publicId` (any of its source ids), as shown.
    public func editableValues(of publicId: String) throws -> EditableValues {
        try writer.read { db in
            let node = try Self.resolve(publicId, db)
            let isIntermediary = try EditOverlay.isIntermediary(node, db)
            let values = isIntermediary ? try IntermediaryFields.values(of: node, .shown, db) : try Self.shownPlaceValues(of: node, db) ?? [:]
            let fields = isIntermediary ? IntermediaryFields.editable : Self.editableFields
            return EditableValues(id: try Self.publicId(of: node, db), isIntermediary: isIntermediary,
                                  values: Dictionary(uniqueKeysWithValues: fields.compactMap { field in
                                      values[field].flatMap(Self.text).map { (field, $0) }
                                  }))
        }
    }
}
