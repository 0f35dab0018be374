/// What a v1 export of places wrote, repaired and left out.
public struct V1ExportSummary: Sendable, Equatable {
    /// Places written.
    public var written = 0
    /// Ids of the inactive structures left out: the v1 schema has no field to mark them.
    public var inactive: [String] = []
    /// Repairs applied, by kind, in the order first met.
    public var repairs: [Repair] = []
    /// Places left out because they break the schema in a way no documented repair fixes.
    public var leftOut: [LeftOut] = []

    public struct Repair: Sendable, Equatable {
        public var description: String
        public var count: Int
    }

    public struct LeftOut: Sendable, Equatable {
        public var id: String
        /// One sentence per column that breaks the schema.
        public var problems: [String]
    }

    public init() {}

    /// The version of the national schema the export is checked against.
    public static var schemaVersion: String { V1Schema.version }

    mutating func repair(_ description: String) {
        if let index = repairs.firstIndex(where: { $0.description == description }) { repairs[index].count += 1 } else {
            repairs.append(Repair(description: description, count: 1))
        }
    }
}
